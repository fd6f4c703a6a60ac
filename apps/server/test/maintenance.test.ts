// The maintenance sweep (src/maintenance.ts): expired rate-limit counters are deleted once at start
// and then every interval; live ones stay; a failed sweep is logged and does not stop the next.
// On PGlite, and on PostgreSQL with TEST_DATABASE_URL.
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMaintenance } from "../src/maintenance.ts";

const HOUR = 3_600_000;

describe.each(testEngines())("maintenance sweep on %s", (engine) => {
  let db: TestDatabase;
  const keys = async () =>
    (await db.prisma.$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM rate_limits ORDER BY key`)).map((r) => r.key);
  /** A counter as the limiter writes it, expiring at `expire` (epoch ms). */
  const counter = (key: string, expire: number) =>
    db.prisma.$executeRaw`INSERT INTO rate_limits (key, points, expire) VALUES (${key}, 1, ${BigInt(expire)})`;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(() => db?.drop());

  it("should delete long-expired counters at start and every interval, and keep the rest", async () => {
    const logger = { info: vi.fn(), error: vi.fn() };
    await counter("login-address:old", Date.now() - 2 * HOUR);
    await counter("login-address:recent", Date.now() - 60_000); // expired, but kept for an hour
    await counter("login-address:live", Date.now() + 15 * 60_000);
    const maintenance = startMaintenance({ db, logger, intervalMs: 50 });
    try {
      await vi.waitFor(async () => expect(await keys()).not.toContain("login-address:old"));
      expect(await keys()).toEqual(["login-address:live", "login-address:recent"]);
      expect(logger.info).toHaveBeenCalledWith({ deleted: 1 }, expect.stringContaining("expired rate-limit"));
      // Written after the first sweep: only the interval can remove it.
      await counter("login-address:later", Date.now() - 3 * HOUR);
      await vi.waitFor(async () => expect(await keys()).not.toContain("login-address:later"));
    } finally {
      await maintenance.stop();
    }
    expect(await keys()).toEqual(["login-address:live", "login-address:recent"]);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it("should log a failed sweep and try again next interval", async () => {
    const logger = { info: vi.fn(), error: vi.fn() };
    let calls = 0;
    const now = () => {
      calls += 1;
      if (calls === 1) throw new Error("clock unavailable");
      return new Date();
    };
    await counter("login-address:stale", Date.now() - 2 * HOUR);
    const maintenance = startMaintenance({ db, logger, intervalMs: 50, now });
    try {
      await vi.waitFor(async () => expect(await keys()).not.toContain("login-address:stale"));
    } finally {
      await maintenance.stop();
    }
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]?.[1]).toMatch(/retrying next interval/);
  });
});
