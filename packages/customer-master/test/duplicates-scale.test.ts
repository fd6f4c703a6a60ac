// The duplicate finder at 100,000 customers (PostgreSQL only): set-based in SQL, a page at a time,
// finding exactly the planted pairs. The plan joins on the keys by hash or index (never a nested
// loop comparing every customer with every other).
import { type Database, Prisma, platformDb, tenantDb } from "@servicepro/db";
import { createTestDatabase, ownerQuery, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDuplicates } from "../src/index.ts";

const T = "dupes-100k";
const N = 100_000;

describe.each(testEngines().filter((e) => e === "postgres"))(
  "duplicate finder at 100,000 customers on %s",
  (engine) => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      await platformDb(db as Database, { actorUserId: null, purpose: "test.dupes" }).run((tx) =>
        tx.tenant.create({ data: { id: T, name: T, slug: T } }),
      );
      // Unique names, emails and streets, except the planted pairs: every 1,000th + 2 shares its email
      // with the one before (certain), every 1,000th + 501 shares name and street with the one before
      // (likely), every 1,000th + 250 has the next one's phone as another phone (certain).
      await ownerQuery(db.url!, [
        {
          text: `INSERT INTO customers (tenant_id, id, phone, alt_phones, name, email, address, updated_at)
         SELECT $1, gen_random_uuid(), '+1512' || lpad(g::text, 7, '0'),
                CASE WHEN g % 1000 = 250 THEN ARRAY['+1512' || lpad((g + 1)::text, 7, '0')] ELSE '{}' END,
                'Person ' || CASE WHEN g % 1000 = 501 THEN g - 1 ELSE g END || ' Lastname',
                'p' || CASE WHEN g % 1000 = 2 THEN g - 1 ELSE g END || '@example.com',
                CASE WHEN g % 1000 = 501 THEN g - 1 ELSE g END || ' Oak Street', now()
         FROM generate_series(1, ${N}) AS g`,
          values: [T],
        },
        "ANALYZE customers",
      ]);
    }, 300_000);
    afterAll(() => db?.drop());

    it("finds exactly the planted pairs, page by page", async () => {
      let cursor: string | null = null;
      const found: string[] = [];
      let pages = 0;
      do {
        const page = await tenantDb(db, T).run((tx) => findDuplicates(tx, T, { cursor, limit: 100 }), {
          timeout: 60_000,
        });
        found.push(...page.items.map((p) => p.reasons.join("+")));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 50);
      const planted = N / 1000;
      expect(found.filter((r) => r === "email")).toHaveLength(planted);
      expect(found.filter((r) => r === "phone")).toHaveLength(planted);
      // (Their emails, p500@ and p501@, are one typo apart too.)
      expect(found.filter((r) => r === "name_street+name_email_typo")).toHaveLength(planted);
      expect(found).toHaveLength(3 * planted);
    });

    it("joins on the keys, never comparing every customer with every other", async () => {
      const plan = await tenantDb(db, T).run((tx) =>
        tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN
        SELECT count(*) FROM customers a JOIN customers b ON b.tenant_id = a.tenant_id
          AND b.name_key = a.name_key AND b.id > a.id
        WHERE a.tenant_id = ${T} AND a.name_key IS NOT NULL AND b.name_key IS NOT NULL`),
      );
      const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
      expect(text).toMatch(/Hash Join|Merge Join|Index Cond: .*name_key/);
      expect(text).not.toMatch(/customer_name_key/);
    });
  },
);
