// The change feed (LISTEN/NOTIFY) on both engines: a committed NOTIFY reaches subscribers, a rolled
// back one does not, and on PostgreSQL a dropped listening connection is noticed (live goes false),
// reopened, and announced with a reset so caches drop what they may have missed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANGE_CHANNELS } from "../src/index.ts";
import { createTestDatabase, type TestDatabase, testEngines } from "../src/testing.ts";

// Generous: on a loaded 2-core machine the dropped connection is noticed late (a missed deadline is a failure, not a wait).
const until = async (check: () => boolean, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe.each(testEngines())("change feed on %s", (engine) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("delivers committed notifications and never rolled-back ones", async () => {
    const seen: string[] = [];
    let resets = 0;
    db.changes.onReset(() => resets++);
    const stop = db.changes.subscribe(CHANGE_CHANNELS.routing, (payload) => seen.push(payload));
    await until(() => db.changes.live && resets > 0);
    await db.sql.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNELS.routing, "+15555550100"]);
    await db.prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNELS.routing}, 'rolled-back')`;
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await db.sql.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNELS.routing, "*"]);
    await until(() => seen.length >= 2);
    expect(seen).toEqual(["+15555550100", "*"]);
    stop();
    await db.sql.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNELS.routing, "after unsubscribe"]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toEqual(["+15555550100", "*"]);
  });

  it.skipIf(engine !== "postgres")("reconnects after its connection is killed, and resets the caches", async () => {
    let resets = 0;
    const seen: string[] = [];
    db.changes.onReset(() => resets++);
    db.changes.subscribe(CHANGE_CHANNELS.sessions, (payload) => seen.push(payload));
    await until(() => db.changes.live);
    const before = resets;
    const owner = new pg.Client({ connectionString: db.url });
    await owner.connect();
    try {
      await owner.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
      );
    } finally {
      await owner.end();
    }
    await until(() => !db.changes.live || resets > before);
    await until(() => db.changes.live && resets > before);
    await db.sql.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNELS.sessions, "after-reconnect"]);
    await until(() => seen.includes("after-reconnect"));
  });
});
