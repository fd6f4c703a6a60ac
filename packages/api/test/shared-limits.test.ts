// The shared rate limits (shared-limits.ts) count in PostgreSQL, so every server process sees the
// same counters: two limiters over one database stand in for two processes. On PGlite, and on
// PostgreSQL with TEST_DATABASE_URL.
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSharedLimiter, deleteExpiredLimits, hashLimitKey, strictest } from "../src/shared-limits.ts";

describe.each(testEngines())("shared rate limits on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine, { poolSize: 4 });
  });
  afterAll(() => db?.drop());

  it("should share one count between two processes and refuse past the limit", async () => {
    const policy = { name: "test-shared", points: 5, durationSeconds: 60 };
    const [a, b] = [createSharedLimiter(db, policy), createSharedLimiter(db, policy)];
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await a.consume("+15555550100"), await b.consume("+15555550100"));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    const refused = verdicts.at(-1);
    expect(refused).toMatchObject({ allowed: false });
    expect(refused?.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await a.peek("+15555550100")).toMatchObject({ allowed: false });
    expect(await a.peek("+15555550199")).toEqual({ allowed: true, remaining: 5 });
  });

  it("should count concurrent consumers exactly (no lost updates)", async () => {
    const limiter = createSharedLimiter(db, { name: "test-race", points: 10, durationSeconds: 60 });
    const verdicts = await Promise.all(Array.from({ length: 30 }, () => limiter.consume("10.0.0.1")));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
  });

  it("should store only hashes of the keys, and forget a key on reset", async () => {
    const limiter = createSharedLimiter(db, { name: "test-hash", points: 2, durationSeconds: 60 });
    await limiter.consume("owner@example.com");
    const keys = await db.prisma.$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM rate_limits`);
    expect(keys.map((k) => k.key).join(" ")).not.toContain("example.com");
    expect(keys.map((k) => k.key)).toContain(`test-hash:${hashLimitKey("owner@example.com")}`);
    await limiter.reset("owner@example.com");
    expect(await limiter.peek("owner@example.com")).toEqual({ allowed: true, remaining: 2 });
  });

  it("should give points back on refund, so a released reservation leaves room again", async () => {
    const limiter = createSharedLimiter(db, { name: "test-refund", points: 2, durationSeconds: 60 });
    await limiter.consume("k");
    await limiter.consume("k");
    expect(await limiter.consume("k")).toMatchObject({ allowed: false });
    await limiter.refund("k"); // the refused one
    await limiter.refund("k"); // and one that turned out not to count
    expect(await limiter.consume("k")).toEqual({ allowed: true, remaining: 0 });
    expect(await limiter.peek("k")).toMatchObject({ allowed: false });
  });

  it("should sweep counters that expired over an hour ago", async () => {
    const limiter = createSharedLimiter(db, { name: "test-sweep", points: 2, durationSeconds: 1 });
    await limiter.consume("k");
    expect(await deleteExpiredLimits(db, new Date(Date.now() + 2 * 3_600_000))).toBeGreaterThan(0);
    expect(await limiter.peek("k")).toEqual({ allowed: true, remaining: 2 });
  });

  it("should answer with the strictest of several verdicts", () => {
    expect(
      strictest([
        { allowed: true, remaining: 3 },
        { allowed: false, retryAfterSeconds: 30 },
        { allowed: false, retryAfterSeconds: 90 },
      ]),
    ).toEqual({ allowed: false, retryAfterSeconds: 90 });
    expect(
      strictest([
        { allowed: true, remaining: 3 },
        { allowed: true, remaining: 1 },
      ]),
    ).toEqual({ allowed: true, remaining: 1 });
  });
});
