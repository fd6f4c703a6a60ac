// The routing snapshot (@servicepro/routing) across processes: a number moved to another tenant,
// or a business's IVR settings changed, is seen by every process's snapshot within a second
// (NOTIFY from the migrations' triggers), and the voice entry answers and records the call for the
// number's new owner. On PostgreSQL each "process" is its own Database (its own pool and LISTEN
// connection) on one database; PGlite is one process, so there the two snapshots share it.
import { type Database, openDatabase, platformDb } from "@servicepro/db";
import { createTestDatabase, defaultEngine, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { createRoutingSnapshot, type RoutingSnapshot } from "@servicepro/routing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAroundTheClock, startTestApp, type TestApp } from "./harness.ts";

const NUMBER = "+15555550777";
const UNKNOWN = "+15555550778";

/** Polls `check` until it holds; fails after `ms`. A requirement's bound, not a speed measurement. */
async function waitUntil(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const tenantOf = async (snapshot: RoutingSnapshot, to: string) => {
  const route = await snapshot.route({ channel: "voice", to }, "quarantine");
  return route.kind === "tenant" ? route.tenantId : null;
};

for (const engine of testEngines())
  describe(`routing snapshot on ${engine}`, () => {
    let db: TestDatabase;
    let other: Database;
    let snapshots: RoutingSnapshot[];
    const platform = () => platformDb(db, { actorUserId: null, purpose: "test.routing-snapshot" });

    beforeAll(async () => {
      db = await createTestDatabase(engine);
      other = engine === "postgres" ? await openDatabase({ url: db.url! }) : db;
      await platform().run(async (tx) => {
        for (const id of ["alpha", "beta"]) await tx.tenant.create({ data: { id, name: `Tenant ${id}`, slug: id } });
        await tx.tenantPhoneConfig.create({ data: { phoneNumber: NUMBER, tenantId: "alpha", ivrMode: "menu" } });
      });
      snapshots = [createRoutingSnapshot(db), createRoutingSnapshot(other)];
      // Each process's feed connects on first subscription; until then lookups read the database.
      await waitUntil(async () => db.changes.live && other.changes.live, 10_000, "change feeds live");
    });
    afterAll(async () => {
      for (const snapshot of snapshots ?? []) snapshot.close();
      if (other && other !== db) await other.close();
      await db?.drop();
    });

    it("a number moved to another tenant is routed to the new tenant within one second in every process", async () => {
      for (const snapshot of snapshots) expect(await tenantOf(snapshot, NUMBER)).toBe("alpha");
      await platform().run((tx) =>
        tx.tenantPhoneConfig.update({ where: { phoneNumber: NUMBER }, data: { tenantId: "beta" } }),
      );
      await waitUntil(
        async () => (await Promise.all(snapshots.map((s) => tenantOf(s, NUMBER)))).every((t) => t === "beta"),
        1_000,
        "every snapshot routes the moved number to its new tenant",
      );
      // Settled: nothing in flight would change the answer again.
      for (const snapshot of snapshots) {
        await snapshot.settled();
        expect(await tenantOf(snapshot, NUMBER)).toBe("beta");
      }
    });

    it("a number nobody had is routed once it is given to a tenant (the cached miss is dropped)", async () => {
      for (const snapshot of snapshots) expect(await tenantOf(snapshot, UNKNOWN)).toBeNull();
      await platform().run((tx) =>
        tx.tenantPhoneConfig.create({ data: { phoneNumber: UNKNOWN, tenantId: "alpha", ivrMode: "voicemail" } }),
      );
      await waitUntil(
        async () => (await Promise.all(snapshots.map((s) => tenantOf(s, UNKNOWN)))).every((t) => t === "alpha"),
        1_000,
        "every snapshot routes the new number",
      );
    });

    it("the IVR context follows the number's settings, the business's hours and FAQs, and the tenant's name", async () => {
      for (const snapshot of snapshots) {
        const ivr = await snapshot.ivr("beta", NUMBER);
        expect(ivr).toMatchObject({ tenant: { name: "Tenant beta" }, config: { ivrMode: "menu" }, hours: null });
        expect(ivr.faqs).toEqual([]);
      }
      const hours = { mon: [["09:00", "17:00"]] };
      await platform().run(async (tx) => {
        await tx.tenantPhoneConfig.update({ where: { phoneNumber: NUMBER }, data: { greeting: "Hello from beta." } });
        await tx.bookingSettings.create({ data: { tenantId: "beta", hours } });
        await tx.faq.create({ data: { tenantId: "beta", question: "Do you mow?", answer: "Yes." } });
        await tx.tenant.update({ where: { id: "beta" }, data: { name: "Beta Lawns" } });
      });
      await waitUntil(
        async () =>
          (await Promise.all(snapshots.map((s) => s.ivr("beta", NUMBER)))).every(
            (ivr) =>
              ivr.tenant.name === "Beta Lawns" &&
              ivr.config?.greeting === "Hello from beta." &&
              JSON.stringify(ivr.hours) === JSON.stringify(hours) &&
              ivr.faqs.length === 1,
          ),
        1_000,
        "every snapshot has the new IVR context",
      );
    });
  });

describe("voice entry answered from the snapshot", () => {
  let t: TestApp;
  const NEW_OWNER_NUMBER = "+15555550101"; // Green Lawn's, seeded
  beforeAll(async () => {
    t = await startTestApp(defaultEngine());
    await openAroundTheClock(t.db, ["green-lawn", "root"]);
  });
  afterAll(async () => {
    await t?.close();
  });
  const platform = () => platformDb(t.db, { actorUserId: null, purpose: "test.routing-snapshot" });
  const call = (callSid: string) =>
    t.twilioWebhook("/twilio/voice/incoming", {
      CallSid: callSid,
      AccountSid: "AC00000000000000000000000000000000",
      From: "+15555550142",
      To: NEW_OWNER_NUMBER,
      CallStatus: "ringing",
      Direction: "inbound",
    });

  it("answers with the IVR the number has now and writes the call row for its owner after the answer", async () => {
    const first = await call("CA00000000000000000000000000000701");
    expect(first.status).toBe(200);
    await platform().run((tx) =>
      tx.tenantPhoneConfig.update({
        where: { phoneNumber: NEW_OWNER_NUMBER },
        data: { ivrMode: "voicemail", greeting: "Green Lawn, changed greeting." },
      }),
    );
    // The harness waits for the snapshot to settle before each webhook, as a later call would find it.
    const second = await call("CA00000000000000000000000000000702");
    expect(second.status).toBe(200);
    expect(second.text).toContain("Green Lawn, changed greeting.");
    expect(second.text).toContain("<Record");
    const rows = await platform().run((tx) =>
      tx.call.findMany({
        where: { callSid: { in: ["CA00000000000000000000000000000701", "CA00000000000000000000000000000702"] } },
        select: { callSid: true, tenantId: true, ivrMode: true },
        orderBy: { callSid: "asc" },
      }),
    );
    expect(rows).toEqual([
      { callSid: "CA00000000000000000000000000000701", tenantId: "green-lawn", ivrMode: expect.any(String) },
      { callSid: "CA00000000000000000000000000000702", tenantId: "green-lawn", ivrMode: "voicemail" },
    ]);

    // The number moves to another business: the next call is its call, and a redelivery of an
    // earlier call keeps that call's row where it is.
    await platform().run((tx) =>
      tx.tenantPhoneConfig.update({ where: { phoneNumber: NEW_OWNER_NUMBER }, data: { tenantId: "root" } }),
    );
    expect((await call("CA00000000000000000000000000000703")).status).toBe(200);
    expect((await call("CA00000000000000000000000000000702")).status).toBe(200);
    const after = await platform().run((tx) =>
      tx.call.findMany({
        where: { callSid: { in: ["CA00000000000000000000000000000702", "CA00000000000000000000000000000703"] } },
        select: { callSid: true, tenantId: true },
        orderBy: { callSid: "asc" },
      }),
    );
    expect(after).toEqual([
      { callSid: "CA00000000000000000000000000000702", tenantId: "green-lawn" },
      { callSid: "CA00000000000000000000000000000703", tenantId: "root" },
    ]);
  });
});
