// The opt-out window (issue 12): a text is acknowledged once staged, and applied a moment later by
// the intake's worker. If that text says STOP, nothing may be sent to its sender in between: the
// delivery worker holds every text to a number that has an acknowledged, not yet applied text to
// the business, and sends it (or suppresses it) once that text is applied. PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { smsIncomingEvent } from "@servicepro/intake";
import type { Messaging } from "@servicepro/messaging";
import { type DeliveryDeps, DeliveryHeld, deliverMessage, type SmsSender } from "@servicepro/sms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  conversationWith,
  createTenant,
  quietLogger as silent,
  startQuietMessaging,
} from "../../../packages/api/test/telephony-fixtures.ts";

const TENANT_NUMBER = "+15555550199";

/** A sender that records what it was asked to send (and refuses nothing). */
function recordingSender(): SmsSender & { sent: { to: string; body: string }[] } {
  const sent: { to: string; body: string }[] = [];
  return {
    kind: "twilio",
    sent,
    async send(sms) {
      sent.push({ to: sms.to, body: sms.body });
      return { sid: `SM${randomUUID().replaceAll("-", "")}`, status: "queued" };
    },
    findSent: async () => null,
  };
}

describe.each(testEngines())("no text inside the opt-out window, on %s", (engine) => {
  let db: TestDatabase;
  let messaging: Messaging;
  const sender = recordingSender();
  let deps: DeliveryDeps;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    // No workers: the test applies staged texts (drain) and delivers jobs itself, in the order it wants.
    messaging = await startQuietMessaging(db, { sender });
    deps = {
      db,
      sender,
      events: messaging.events,
      logger: silent,
      statusCallbackUrl: "http://localhost:3000/twilio/sms/status",
    };
    await createTenant(db, "alpha");
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  const queueReply = (conversationId: string, body: string) =>
    tenantDb(db, "alpha").run((tx) =>
      messaging.outbox.queueSms(tx, { conversationId, body, kind: "staff_reply", purposeKey: randomUUID() }),
    );
  const stageText = (from: string, body: string) =>
    messaging.twilioIntake.stage(
      smsIncomingEvent(
        "alpha",
        { MessageSid: `SM${randomUUID().replaceAll("-", "")}`, From: from, To: TENANT_NUMBER, Body: body },
        { phoneNumber: TENANT_NUMBER, routedByFallback: false },
        from,
      ),
    );
  const statusOf = (messageId: string) =>
    tenantDb(db, "alpha").run(
      async (tx) => (await tx.message.findFirstOrThrow({ where: { id: messageId }, select: { status: true } })).status,
    );

  it("holds a reply while the recipient's STOP is acknowledged but not applied, then suppresses it", async () => {
    const phone = "+15555550431";
    const { conversationId } = await conversationWith(db, "alpha", {
      phone,
      messages: [{ direction: "inbound", body: "How much for a full detail?", at: new Date(Date.now() - 60_000) }],
    });
    const reply = await queueReply(conversationId, "It's $180, want Saturday?");
    if (reply.status !== "queued") throw new Error(`not queued: ${reply.status}`);
    await stageText(phone, "STOP");

    const job = { tenantId: "alpha", messageId: reply.message.id };
    await expect(deliverMessage(deps, job)).rejects.toBeInstanceOf(DeliveryHeld);
    expect(await statusOf(reply.message.id)).toBe("pending");
    expect(sender.sent.filter((s) => s.to === phone)).toEqual([]);

    await messaging.twilioIntake.drain();
    expect(await deliverMessage(deps, job)).toBe("suppressed");
    // Twilio answers the STOP keyword itself (Advanced Opt-Out off): nothing of ours ever reached them.
    expect(sender.sent.filter((s) => s.to === phone)).toEqual([]);
  });

  it("holds a reply only while the recipient's text is in flight, and sends it once the text is applied", async () => {
    const phone = "+15555550432";
    const { conversationId } = await conversationWith(db, "alpha", {
      phone,
      messages: [{ direction: "inbound", body: "Do you do boats?", at: new Date(Date.now() - 60_000) }],
    });
    const reply = await queueReply(conversationId, "We do! Send a photo.");
    if (reply.status !== "queued") throw new Error(`not queued: ${reply.status}`);
    await stageText(phone, "ok thanks, one more question");
    // Another customer's text in flight holds nothing back for this one.
    await stageText("+15555550433", "STOP");

    const job = { tenantId: "alpha", messageId: reply.message.id };
    await expect(deliverMessage(deps, job)).rejects.toBeInstanceOf(DeliveryHeld);
    await messaging.twilioIntake.drain();
    expect(await deliverMessage(deps, job)).toBe("sent");
    expect(sender.sent.filter((s) => s.to === phone).map((s) => s.body)).toEqual(["We do! Send a photo."]);
  });
});
