// The duplicate finder's name key exists twice: in TypeScript (matching.ts nameKey, used to judge a
// pair) and in SQL (customer_name_key(), stored as customers.name_key, used to find candidates with
// an index). They must agree on every input, or the finder would miss pairs: checked here on random
// text, PGlite and PostgreSQL (with TEST_DATABASE_URL).
import { type Database, platformDb, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nameKey } from "../src/index.ts";

const T = "keys-shop";

describe.each(testEngines())("duplicate keys on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await platformDb(db as Database, { actorUserId: null, purpose: "test.keys" }).run((tx) =>
      tx.tenant.create({ data: { id: T, name: T, slug: T } }),
    );
  });
  afterAll(() => db?.drop());

  const sqlKeys = (texts: string[]) =>
    tenantDb(db, T).run(
      (tx) =>
        tx.$queryRaw<{ name: string | null }[]>`
        SELECT customer_name_key(t) AS name
        FROM unnest(${texts}::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n`,
    );

  it("computes the same name key as matching.ts", async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.stringMatching(/^[A-Za-z0-9 ,.#'-]{0,30}$/),
      fc.constantFrom("12 North Oak Street, Apt. 4", "Smith, John", "  ", "K\u212Aelvin İstanbul Éric", "4 ELM AV"),
    );
    // Text the database cannot store (NUL) is refused at the edge long before it gets here.
    const samples = fc.sample(text, { numRuns: 400, seed: 16 }).map((t) => t.replaceAll("\u0000", ""));
    const rows = await sqlKeys(samples);
    samples.forEach((sample, i) => {
      expect({ sample, name: rows[i]!.name }).toEqual({ sample, name: nameKey(sample) });
    });
  });
});
