// Without Twilio the dev sender only records and logs a text. The inbox must say so from the
// message's own record ("not sent: Twilio is not configured"), never "Sent". PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import type { Messaging } from "@servicepro/messaging";
import { createDevSender, deliverMessage } from "@servicepro/sms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  conversationWith,
  createTenant,
  signedInUser,
  quietLogger as silent,
  startQuietMessaging,
} from "./telephony-fixtures.ts";

describe.each(testEngines())("a reply the dev sender only logged, on %s", (engine) => {
  let db: TestDatabase;
  let messaging: Messaging;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    // No worker: the test delivers the one job itself, so it knows when delivery is done.
    messaging = await startQuietMessaging(db);
    await createTenant(db, "alpha");
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  it("should record the reply as not sent, with the reason, and show that in the thread", async () => {
    const staff = callerFor(db, (await signedInUser(db, { tenantId: "alpha" })).token, messaging);
    const { conversationId } = await conversationWith(db, "alpha", {
      phone: "+15555550411",
      messages: [{ direction: "inbound", body: "Can you come Friday?", at: new Date(Date.now() - 60_000) }],
    });
    const reply = await staff.tenant.inbox.reply({ conversationId, body: "Yes, at 10.", idempotencyKey: randomUUID() });

    const outcome = await deliverMessage(
      {
        db,
        sender: createDevSender(silent),
        events: messaging.events,
        logger: silent,
        statusCallbackUrl: "http://localhost:3000/twilio/sms/status",
      },
      { tenantId: "alpha", messageId: reply.message.id },
    );

    expect(outcome).toBe("not_sent");
    const thread = await staff.tenant.inbox.thread({ conversationId });
    expect(thread.messages.at(-1)).toMatchObject({
      id: reply.message.id,
      status: "not_sent",
      errorMessage: "Twilio is not configured",
    });
  });
});
