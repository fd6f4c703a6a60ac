// The nightly run on pg-boss: the sweep queues one retention.run job per business (once per UTC
// day however often it sweeps), the worker applies the windows, and the job's data and output hold
// ids and counts only. PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { JOB_QUEUE_SCHEMA, JOB_QUEUES, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { settledJobs } from "@servicepro/testkit";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueRetentionSweep, startRetentionWorker } from "../src/index.ts";
import { addMessage, createCustomer, createTenant, deps, setWindows } from "./support.ts";

const NOW = new Date("2026-12-03T12:00:00.000Z");

describe.each(testEngines())("the nightly retention job on %s", (engine) => {
  let db: TestDatabase;
  let boss: PgBoss;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    boss = new PgBoss({
      db: db.jobQueue,
      schema: JOB_QUEUE_SCHEMA,
      migrate: false,
      supervise: false,
      schedule: false,
      ...(db.engine === "pglite" ? { backend: "pglite" as const } : {}),
    });
    boss.on("error", () => undefined);
    await boss.start();
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, close: false });
    await db?.drop();
  });

  it("should run once per business per day and delete what is past the window", async () => {
    await createTenant(db, "nightly-a");
    await createTenant(db, "nightly-b");
    await setWindows(db, "nightly-a", { messageMonths: 1 });
    const { conversationId } = await createCustomer(db, "nightly-a", "+15125550161");
    await addMessage(db, "nightly-a", conversationId, new Date("2026-01-01T00:00:00Z"), "old");
    await addMessage(db, "nightly-a", conversationId, new Date("2026-12-01T00:00:00Z"), "new");

    const stop = await startRetentionWorker(boss, deps(db, NOW), { pollingIntervalSeconds: 0.5, sweep: false });
    try {
      expect(await queueRetentionSweep(boss, deps(db, NOW))).toEqual({ tenants: 2, queued: 2 });
      // A second sweep the same day queues nothing more.
      expect(await queueRetentionSweep(boss, deps(db, NOW))).toEqual({ tenants: 2, queued: 0 });
      const jobs = await settledJobs(db.jobQueue, { queue: JOB_QUEUES.retentionRun.name, atLeast: 2 });
      expect(jobs.map((job) => [job.data, job.state])).toEqual(
        expect.arrayContaining([
          [{ tenantId: "nightly-a" }, "completed"],
          [{ tenantId: "nightly-b" }, "completed"],
        ]),
      );
    } finally {
      await stop();
    }
    const left = await tenantDb(db, "nightly-a").run((tx) => tx.message.findMany({ select: { body: true } }));
    expect(left).toEqual([{ body: "new" }]);
    expect(await tenantDb(db, "nightly-a").run((tx) => tx.dataDeletion.count())).toBe(1);
  });
});
