// The tenant inbox and calls log: ordering, paging, read state, opt-out flags, and isolation
// (business A never sees business B's conversations or calls), on PGlite and PostgreSQL.
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, callRow, conversationWith, createTenant, optOut, signedInUser } from "./telephony-fixtures.ts";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
const codeOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => "OK",
    (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
  );

describe.each(testEngines())("inbox and calls on %s", (engine) => {
  let db: TestDatabase;
  let alpha: ReturnType<typeof callerFor>;
  let bravo: ReturnType<typeof callerFor>;
  let alice: Awaited<ReturnType<typeof conversationWith>>;
  let bob: Awaited<ReturnType<typeof conversationWith>>;
  let bravoConversation: Awaited<ReturnType<typeof conversationWith>>;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await createTenant(db, "alpha");
    await createTenant(db, "bravo");
    alpha = callerFor(db, (await signedInUser(db, { tenantId: "alpha" })).token);
    bravo = callerFor(db, (await signedInUser(db, { tenantId: "bravo" })).token);
    alice = await conversationWith(db, "alpha", {
      phone: "+15555550201",
      name: "Alice",
      unread: 2,
      messages: [
        { direction: "inbound", body: "Hi, can you mow Friday?", at: minutesAgo(30) },
        { direction: "outbound", body: "Sure, 10am works.", at: minutesAgo(20), status: "failed" },
        { direction: "inbound", body: "Great", at: minutesAgo(5) },
      ],
    });
    bob = await conversationWith(db, "alpha", {
      phone: "+15555550202",
      messages: [{ direction: "inbound", body: "STOP", at: minutesAgo(60) }],
    });
    await optOut(db, "alpha", "+15555550202", minutesAgo(60));
    bravoConversation = await conversationWith(db, "bravo", {
      phone: "+15555550201",
      name: "Alice at Bravo",
      messages: [{ direction: "inbound", body: "Secret for Bravo", at: minutesAgo(1) }],
    });
    await callRow(db, "alpha", { from: "+15555550201", at: minutesAgo(50), outcome: "answered" });
    await callRow(db, "alpha", {
      from: "+15555550203",
      at: minutesAgo(10),
      outcome: "voicemail",
      recordingUrl: "https://api.twilio.com/rec/RE1",
      transcription: "Call me back",
    });
    await callRow(db, "bravo", { from: "+15555550299", at: minutesAgo(2), outcome: "missed" });
  });
  afterAll(() => db?.drop());

  it("should list conversations newest first with preview, unread count and opt-out flag", async () => {
    const { items, nextCursor } = await alpha.tenant.inbox.conversations();
    expect(items.map((c) => c.id)).toEqual([alice.conversationId, bob.conversationId]);
    expect(items[0]).toMatchObject({
      customer: { name: "Alice", phone: "+15555550201" },
      preview: "Great",
      unreadCount: 2,
      optedOutAt: null,
      lastDirection: "inbound",
    });
    expect(items[1]!.optedOutAt).not.toBeNull();
    expect(nextCursor).toBeNull();
  });

  it("should page conversations with a cursor", async () => {
    const first = await alpha.tenant.inbox.conversations({ limit: 1 });
    expect(first.items.map((c) => c.id)).toEqual([alice.conversationId]);
    const second = await alpha.tenant.inbox.conversations({ limit: 1, cursor: first.nextCursor! });
    expect(second.items.map((c) => c.id)).toEqual([bob.conversationId]);
    expect(second.nextCursor).toBeNull();
    // tRPC's infinite queries add `direction`: the strict input accepts it.
    expect((await alpha.tenant.inbox.conversations({ limit: 1, direction: "forward" })).items).toHaveLength(1);
    expect((await alpha.tenant.calls.list({ limit: 1, direction: "forward" })).items).toHaveLength(1);
  });

  it("should never show one business another's conversations or calls", async () => {
    const bravoList = await bravo.tenant.inbox.conversations();
    expect(bravoList.items.map((c) => c.id)).toEqual([bravoConversation.conversationId]);
    expect(JSON.stringify(await alpha.tenant.inbox.conversations())).not.toContain("Secret for Bravo");
    expect(await codeOf(alpha.tenant.inbox.thread({ conversationId: bravoConversation.conversationId }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(bravo.tenant.inbox.thread({ conversationId: alice.conversationId }))).toBe("NOT_FOUND");
    expect((await bravo.tenant.calls.list()).items.map((c) => c.fromNumber)).toEqual(["+15555550299"]);
  });

  it("should show a thread oldest to newest with statuses and mark it read", async () => {
    expect(await alpha.tenant.inbox.unread()).toEqual({ conversations: 1, messages: 2 });
    const thread = await alpha.tenant.inbox.thread({ conversationId: alice.conversationId });
    expect(thread.messages.map((m) => [m.direction, m.body, m.status])).toEqual([
      ["inbound", "Hi, can you mow Friday?", "received"],
      ["outbound", "Sure, 10am works.", "failed"],
      ["inbound", "Great", "received"],
    ]);
    expect(thread.conversation).toMatchObject({ unreadCount: 0, optedOutAt: null, customer: { name: "Alice" } });
    expect(thread.olderCursor).toBeNull();
    expect((await alpha.tenant.inbox.conversations()).items[0]!.unreadCount).toBe(0);
    expect(await alpha.tenant.inbox.unread()).toEqual({ conversations: 0, messages: 0 });
  });

  it("should flag an opted-out customer on the thread", async () => {
    const thread = await alpha.tenant.inbox.thread({ conversationId: bob.conversationId });
    expect(thread.conversation.optedOutAt).not.toBeNull();
  });

  it("should page long threads backwards", async () => {
    const long = await conversationWith(db, "alpha", {
      phone: "+15555550204",
      messages: Array.from({ length: 55 }, (_, i) => ({
        direction: "inbound" as const,
        body: `m${i}`,
        at: minutesAgo(200 - i),
      })),
    });
    const latest = await alpha.tenant.inbox.thread({ conversationId: long.conversationId });
    expect(latest.messages).toHaveLength(50);
    expect(latest.messages[0]!.body).toBe("m5");
    expect(latest.messages.at(-1)!.body).toBe("m54");
    const older = await alpha.tenant.inbox.thread({ conversationId: long.conversationId, before: latest.olderCursor! });
    expect(older.messages.map((m) => m.body)).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    expect(older.olderCursor).toBeNull();
  });

  it("should refuse malformed thread input", async () => {
    expect(await codeOf(alpha.tenant.inbox.thread({ conversationId: "not-a-uuid" }))).toBe("BAD_REQUEST");
    expect(await codeOf(alpha.tenant.inbox.thread({ conversationId: alice.conversationId, extra: 1 } as never))).toBe(
      "BAD_REQUEST",
    );
    expect(await codeOf(alpha.tenant.inbox.conversations({ cursor: "yesterday" }))).toBe("BAD_REQUEST");
  });

  it("should list calls newest first with outcome, voicemail and transcription", async () => {
    const { items } = await alpha.tenant.calls.list();
    expect(items.map((c) => [c.fromNumber, c.outcome])).toEqual([
      ["+15555550203", "voicemail"],
      ["+15555550201", "answered"],
    ]);
    expect(items[0]!.voicemail).toEqual({ durationSeconds: 12, transcription: "Call me back" });
    expect(items[1]!.voicemail).toBeNull();
    expect(JSON.stringify(items)).not.toContain("api.twilio.com");
  });

  it("should keep the inbox and calls to signed-in staff", async () => {
    const anonymous = callerFor(db, undefined);
    expect(await codeOf(anonymous.tenant.inbox.conversations())).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.tenant.calls.list())).toBe("UNAUTHORIZED");
    const owner = callerFor(db, (await signedInUser(db, { owner: true })).token);
    expect(await codeOf(owner.tenant.inbox.conversations())).toBe("FORBIDDEN");
  });
});
