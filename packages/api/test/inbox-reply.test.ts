// Staff replies through the real outbox (pg-boss on the same database) and the live event feed:
// one message per idempotency key, opted-out customers refused with the date, events only for
// the subscriber's own business. PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import type { Messaging } from "@servicepro/messaging";
import type { MessagingEvent } from "@servicepro/sms";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  conversationWith,
  createTenant,
  optOut,
  signedInUser,
  startQuietMessaging,
} from "./telephony-fixtures.ts";

describe.each(testEngines())("inbox replies and live events on %s", (engine) => {
  let db: TestDatabase;
  let messaging: Messaging;
  let alpha: ReturnType<typeof callerFor>;
  let bravo: ReturnType<typeof callerFor>;
  let open: Awaited<ReturnType<typeof conversationWith>>;
  let stopped: Awaited<ReturnType<typeof conversationWith>>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    messaging = await startQuietMessaging(db);
    await createTenant(db, "alpha");
    await createTenant(db, "bravo");
    alpha = callerFor(db, (await signedInUser(db, { tenantId: "alpha", name: "Sam Staff" })).token, messaging);
    bravo = callerFor(db, (await signedInUser(db, { tenantId: "bravo" })).token, messaging);
    open = await conversationWith(db, "alpha", {
      phone: "+15555550401",
      messages: [{ direction: "inbound", body: "Are you open Sunday?", at: new Date(Date.now() - 60_000) }],
    });
    stopped = await conversationWith(db, "alpha", {
      phone: "+15555550402",
      messages: [{ direction: "inbound", body: "STOP", at: new Date("2026-03-03T15:00:00Z") }],
    });
    await optOut(db, "alpha", "+15555550402", new Date("2026-03-03T15:00:00Z"));
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  const outbound = (conversationId: string) =>
    tenantDb(db, "alpha").run((tx) => tx.message.findMany({ where: { conversationId, direction: "outbound" } }));

  it("should queue a reply once however often the same key is sent, and show it in the thread", async () => {
    const idempotencyKey = randomUUID();
    const input = { conversationId: open.conversationId, body: "  Yes, 9 to 2.  ", idempotencyKey };
    const results = await Promise.all(
      [alpha.tenant.inbox.reply(input), alpha.tenant.inbox.reply(input)].map((p) => p.catch((e: unknown) => e)),
    );
    const again = await alpha.tenant.inbox.reply(input);
    const rows = await outbound(open.conversationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      body: "Yes, 9 to 2.",
      kind: "staff_reply",
      purposeKey: `staff:${idempotencyKey}`,
      status: "pending",
    });
    expect(again).toMatchObject({ duplicate: true, message: { id: rows[0]!.id } });
    expect(results.filter((r) => !(r instanceof Error)).length).toBeGreaterThanOrEqual(1);
    const thread = await alpha.tenant.inbox.thread({ conversationId: open.conversationId });
    expect(thread.messages.at(-1)).toMatchObject({
      direction: "outbound",
      body: "Yes, 9 to 2.",
      status: "pending",
      sentBy: "Sam Staff",
    });
    expect((await alpha.tenant.inbox.conversations()).items.find((c) => c.id === open.conversationId)).toMatchObject({
      preview: "Yes, 9 to 2.",
      lastDirection: "outbound",
    });
  });

  it("should refuse a reply to a customer who texted STOP, saying when and what to do", async () => {
    const error = await alpha.tenant.inbox
      .reply({ conversationId: stopped.conversationId, body: "Hello?", idempotencyKey: randomUUID() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("PRECONDITION_FAILED");
    expect((error as TRPCError).message).toBe(
      "This customer opted out of texts on March 3, 2026. They have to text START before you can message them.",
    );
    expect(await outbound(stopped.conversationId)).toHaveLength(0);
  });

  it("should refuse empty, oversized and foreign replies", async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => "OK",
        (e: unknown) => (e as TRPCError).code,
      );
    expect(
      await code(
        alpha.tenant.inbox.reply({ conversationId: open.conversationId, body: "   ", idempotencyKey: randomUUID() }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await code(
        alpha.tenant.inbox.reply({
          conversationId: open.conversationId,
          body: "x".repeat(1601),
          idempotencyKey: randomUUID(),
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await code(alpha.tenant.inbox.reply({ conversationId: open.conversationId, body: "hi", idempotencyKey: "1" })),
    ).toBe("BAD_REQUEST");
    expect(
      await code(
        bravo.tenant.inbox.reply({ conversationId: open.conversationId, body: "hi", idempotencyKey: randomUUID() }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("should stream the subscriber's own business's events, and no one else's", async () => {
    const controller = new AbortController();
    const token = (await signedInUser(db, { tenantId: "alpha" })).token;
    // The feed as the router sees it, telling the test when the subscription is in place: events
    // published before that could not arrive anyway, so the test waits for it instead of sleeping.
    let subscribed!: (tenantId: string) => void;
    const subscription = new Promise<string>((resolve) => {
      subscribed = resolve;
    });
    const events: Messaging["events"] = {
      publish: (event) => messaging.events.publish(event),
      subscribe: (tenantId, listener) => {
        const unsubscribe = messaging.events.subscribe(tenantId, listener);
        subscribed(tenantId);
        return unsubscribe;
      },
    };
    const stream = (await callerFor(
      db,
      token,
      { ...messaging, events },
      controller.signal,
    ).tenant.inbox.events()) as AsyncIterable<MessagingEvent>;
    const received: MessagingEvent[] = [];
    const reading = (async () => {
      for await (const event of stream) {
        received.push(event);
        if (received.length === 2) break;
      }
    })();
    expect(await subscription).toBe("alpha");
    messaging.events.publish({ type: "call", tenantId: "bravo", callId: randomUUID() });
    const reply = await alpha.tenant.inbox.reply({
      conversationId: open.conversationId,
      body: "On my way",
      idempotencyKey: randomUUID(),
    });
    messaging.events.publish({ type: "call", tenantId: "alpha", callId: "c1" });
    await reading;
    controller.abort();
    expect(received).toEqual([
      { type: "message", tenantId: "alpha", conversationId: open.conversationId, messageId: reply.message.id },
      { type: "call", tenantId: "alpha", callId: "c1" },
    ]);
  });
});
