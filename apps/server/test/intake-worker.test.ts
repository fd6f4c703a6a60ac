// The intake's two halves without HTTP (issue 12): the stager commits every webhook of an event-loop
// turn in one statement and isolates an event the database refuses; the worker applies a sender's
// texts in arrival order and sets aside an event that keeps failing. PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { type Database, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import {
  createStager,
  type StagedEvent,
  smsIncomingEvent,
  startIntakeWorker,
  voiceIncomingEvent,
} from "@servicepro/intake";
import type { Messaging } from "@servicepro/messaging";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTenant,
  quietLogger as silent,
  startQuietMessaging,
} from "../../../packages/api/test/telephony-fixtures.ts";

const TENANT_NUMBER = "+15555550199";
const route = { phoneNumber: TENANT_NUMBER, routedByFallback: false };
const newSid = (prefix: "SM" | "CA") => `${prefix}${randomUUID().replaceAll("-", "")}`;
const text = (tenantId: string, from: string, body: string, sid = newSid("SM")): StagedEvent =>
  smsIncomingEvent(tenantId, { MessageSid: sid, From: from, To: TENANT_NUMBER, Body: body }, route, from);

describe.each(testEngines())("the Twilio intake's stager and worker, on %s", (engine) => {
  let db: TestDatabase;
  let messaging: Messaging;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    messaging = await startQuietMessaging(db);
    await createTenant(db, "alpha");
    await createTenant(db, "beta");
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  const stagedCount = (tenantId: string) => tenantDb(db, tenantId).run((tx) => tx.twilioEvent.count());

  it("commits every event staged in one event-loop turn with one statement, for several tenants", async () => {
    let statements = 0;
    const counting: Database = {
      ...db,
      sql: {
        ...db.sql,
        query: (sql, values) => {
          statements++;
          return db.sql.query(sql, values);
        },
      },
    };
    const stager = createStager(counting);
    const events = Array.from({ length: 40 }, (_, i) =>
      text(i % 2 ? "alpha" : "beta", `+1555555${String(1000 + i)}`, `hello ${i}`),
    );
    await Promise.all(events.map((e) => stager.stage(e)));
    expect(statements).toBe(1);
    expect(await stagedCount("alpha")).toBe(20);
    expect(await stagedCount("beta")).toBe(20);
    // A redelivery of all of them changes nothing.
    await Promise.all(events.map((e) => stager.stage(e)));
    expect((await stagedCount("alpha")) + (await stagedCount("beta"))).toBe(40);
    await messaging.twilioIntake.drain();
    expect((await stagedCount("alpha")) + (await stagedCount("beta"))).toBe(0);
  });

  it("fails only the event the database refuses when a grouped write fails", async () => {
    const stager = createStager(db);
    const good = [text("alpha", "+15555551101", "one"), text("beta", "+15555551102", "two")];
    const bad = text("no-such-tenant", "+15555551103", "three");
    const results = await Promise.allSettled([...good, bad].map((e) => stager.stage(e)));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    expect(await stagedCount("alpha")).toBe(1);
    await messaging.twilioIntake.drain();
  });

  it("applies one sender's texts in the order they arrived, whatever the batch", async () => {
    const stager = createStager(db);
    const bodies = Array.from({ length: 6 }, (_, i) => `message ${i + 1}`);
    // Two senders interleaved, each staged in its own turn so arrival order is defined.
    for (const body of bodies) {
      await stager.stage(text("alpha", "+15555551201", body));
      await stager.stage(text("alpha", "+15555551202", body));
    }
    await messaging.twilioIntake.drain();
    for (const phone of ["+15555551201", "+15555551202"]) {
      const stored = await tenantDb(db, "alpha").run((tx) =>
        tx.message.findMany({ where: { fromNumber: phone }, orderBy: [{ createdAt: "asc" }], select: { body: true } }),
      );
      expect(stored.map((m) => m.body)).toEqual(bodies);
      const conversations = await tenantDb(db, "alpha").run((tx) =>
        tx.conversation.findMany({ where: { customer: { phone } }, select: { lastMessagePreview: true } }),
      );
      expect(conversations).toEqual([{ lastMessagePreview: "message 6" }]);
    }
  });

  it("retries an event that fails and sets it aside after its last attempt, with the error", async () => {
    // A worker without a voice applier fails every voice event it takes.
    const worker = startIntakeWorker(messaging.intake, silent, { run: false, maxAttempts: 1 });
    const callSid = newSid("CA");
    await createStager(db).stage(
      voiceIncomingEvent("beta", { CallSid: callSid, From: "+15555551301", To: TENANT_NUMBER }, {}, route),
    );
    await worker.drain();
    const row = await tenantDb(db, "beta").run((tx) =>
      tx.twilioEvent.findFirstOrThrow({ where: { kind: "voice_incoming", dedupeKey: callSid } }),
    );
    expect(row.attempts).toBe(1);
    expect(row.failedAt).not.toBeNull();
    expect(row.lastError).toContain("No voice applier");
    // Set aside: no worker takes it again.
    await worker.drain();
    const again = await tenantDb(db, "beta").run((tx) =>
      tx.twilioEvent.findFirstOrThrow({ where: { kind: "voice_incoming", dedupeKey: callSid } }),
    );
    expect(again.attempts).toBe(1);
    await worker.stop();
  });
});
