// Issue 13: the SMS agent end to end. A text through the real, signed Twilio webhook is acknowledged,
// applied by the intake's worker (which queues the agent's job in the same transaction and wakes the
// agent worker), and Green Lawn Co's agent (seeded on auto-pilot, its plan includes it) answers
// through the outbox. Nothing here waits for a poll: the wake-up starts the job.
import { randomUUID } from "node:crypto";
import { platformDb } from "@servicepro/db";
import { testEngines } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./harness.ts";

const GREEN_NUMBER = "+15555550101";

describe.each(testEngines())("the SMS agent behind the webhook on %s", (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(() => t?.close());

  const agentReplies = (phone: string) =>
    platformDb(t.db, { actorUserId: null, purpose: "test.read" }).run((tx) =>
      tx.message.findMany({ where: { tenantId: "green-lawn", toNumber: phone, kind: "ai_reply" } }),
    );

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it("answers a text in the outbox, once, with a run on record", async () => {
    const phone = "+15125550911";
    const sid = `SM${randomUUID().replaceAll("-", "")}`;
    const params = { MessageSid: sid, From: phone, To: GREEN_NUMBER, Body: "How much is lawn mowing?", NumMedia: "0" };
    expect((await t.twilioWebhook("/twilio/sms/incoming", params)).status).toBe(200);
    const replies = await until(
      () => agentReplies(phone),
      (rows) => rows.length > 0,
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body.length).toBeGreaterThan(0);
    const run = await platformDb(t.db, { actorUserId: null, purpose: "test.read" }).run(async (tx) => {
      const inbound = await tx.message.findFirstOrThrow({ where: { twilioSid: sid } });
      return tx.agentRun.findFirstOrThrow({ where: { tenantId: "green-lawn", inboundMessageId: inbound.id } });
    });
    expect(run).toMatchObject({ mode: "autopilot", outcome: "sent", brain: "rules" });

    // Twilio redelivers the same webhook: stored once, answered once.
    expect((await t.twilioWebhook("/twilio/sms/incoming", params)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await agentReplies(phone)).toHaveLength(1);
  });
});
