// The opt-out review queue (issue 11 §1): an unsure text goes through the real SMS intake, is
// flagged, listed for staff, and resolved either way; decisions are idempotent, a contrary one is a
// conflict, and another business's message is a 404. PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import type { Messaging } from "@servicepro/messaging";
import { handleInboundSms } from "@servicepro/sms";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignNumber,
  callerFor,
  callRow,
  createTenant,
  signedInUser,
  startQuietMessaging,
} from "./telephony-fixtures.ts";

const ALPHA_NUMBER = "+15555550610";
const BRAVO_NUMBER = "+15555550611";
const reviewIdOf = (item: { kind: "text"; messageId: string } | { kind: "call"; callId: string }) =>
  item.kind === "text" ? item.messageId : item.callId;

describe.each(testEngines())("opt-out review queue on %s", (engine) => {
  let db: TestDatabase;
  let messaging: Messaging;
  let alpha: ReturnType<typeof callerFor>;
  let bravo: ReturnType<typeof callerFor>;
  let alphaUserId: string;

  const text = async (to: string, from: string, body: string) => {
    const result = await handleInboundSms(messaging.intake, {
      MessageSid: `SM${randomUUID().replaceAll("-", "")}`,
      From: from,
      To: to,
      Body: body,
    });
    if (result.outcome !== "stored") throw new Error(`not stored: ${result.outcome}`);
    return result;
  };
  const consentOf = (tenantId: string, phone: string) =>
    tenantDb(db, tenantId).run((tx) => tx.smsConsent.findFirst({ where: { phone } }));
  /** A call the voice side left for review (packages/voice/src/consent.ts marks it exactly so). */
  const flaggedCall = async (
    tenantId: string,
    from: string,
    opts: { transcription?: string; at?: Date; customerName?: string } = {},
  ) => {
    const call = await callRow(db, tenantId, {
      from,
      at: opts.at ?? new Date(),
      outcome: "voicemail",
      ...(opts.transcription
        ? { recordingUrl: "https://api.twilio.com/rec/RE1", transcription: opts.transcription }
        : {}),
    });
    await tenantDb(db, tenantId).run((tx) =>
      tx.call.update({ where: { tenantId_id: { tenantId, id: call.id } }, data: { consentReview: "pending" } }),
    );
    return call;
  };
  const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    messaging = await startQuietMessaging(db, { unroutedPolicy: "quarantine" });
    await createTenant(db, "alpha");
    await createTenant(db, "bravo");
    await assignNumber(db, "alpha", ALPHA_NUMBER);
    await assignNumber(db, "bravo", BRAVO_NUMBER);
    const user = await signedInUser(db, { tenantId: "alpha", name: "Sam Staff" });
    alphaUserId = user.userId;
    alpha = callerFor(db, user.token, messaging);
    bravo = callerFor(db, (await signedInUser(db, { tenantId: "bravo" })).token, messaging);
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  it("should flag an unsure text, list it, and opt the number out on staff's decision, once", async () => {
    const phone = "+15555550621";
    const flagged = await text(ALPHA_NUMBER, phone, "enough");
    expect(flagged.consent).toBe("review");
    expect(flagged.queued).toEqual([]);
    expect(await consentOf("alpha", phone)).toBeNull();

    const list = await alpha.tenant.inbox.consentReviews();
    const item = list.items.find((i) => i.kind === "text" && i.messageId === flagged.messageId);
    if (item?.kind !== "text") throw new Error("the flagged text is not listed");
    expect(item).toMatchObject({ conversationId: flagged.conversationId, text: "enough", customer: { phone } });
    expect(item.score).toBeGreaterThanOrEqual(0.5);
    const conversations = await alpha.tenant.inbox.conversations();
    expect(conversations.items.find((c) => c.id === flagged.conversationId)?.needsConsentReview).toBe(true);
    const thread = await alpha.tenant.inbox.thread({ conversationId: flagged.conversationId });
    expect(thread.messages.find((m) => m.id === flagged.messageId)?.consentReview).toBe("pending");

    const decided = await alpha.tenant.inbox.resolveConsentReview({
      messageId: flagged.messageId,
      decision: "opt_out",
    });
    expect(decided).toEqual({ consentReview: "opted_out", changed: true });
    expect(await consentOf("alpha", phone)).toMatchObject({ state: "opted_out", source: "staff" });
    const ledger = await tenantDb(db, "alpha").run((tx) => tx.smsConsentEvent.findMany({ where: { phone } }));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.evidence).toMatchObject({ reviewedBy: alphaUserId, messageId: flagged.messageId });

    // The same decision again changes nothing; the other one is a conflict.
    expect(
      await alpha.tenant.inbox.resolveConsentReview({ messageId: flagged.messageId, decision: "opt_out" }),
    ).toEqual({ consentReview: "opted_out", changed: false });
    const contrary = await alpha.tenant.inbox
      .resolveConsentReview({ messageId: flagged.messageId, decision: "dismiss" })
      .catch((e: unknown) => e);
    expect(codeOf(contrary)).toBe("CONFLICT");
    expect(await tenantDb(db, "alpha").run((tx) => tx.smsConsentEvent.count({ where: { phone } }))).toBe(1);
    expect((await alpha.tenant.inbox.consentReviews()).items.map(reviewIdOf)).not.toContain(flagged.messageId);
    expect(
      (await alpha.tenant.inbox.conversations()).items.find((c) => c.id === flagged.conversationId)?.needsConsentReview,
    ).toBe(false);
  });

  it("should dismiss a flagged text without touching consent", async () => {
    const phone = "+15555550622";
    const flagged = await text(ALPHA_NUMBER, phone, "Stop. Can we do 4pm instead?");
    expect(flagged.consent).toBe("review");
    expect(
      await alpha.tenant.inbox.resolveConsentReview({ messageId: flagged.messageId, decision: "dismiss" }),
    ).toEqual({
      consentReview: "dismissed",
      changed: true,
    });
    expect(await consentOf("alpha", phone)).toBeNull();
    const again = await alpha.tenant.inbox.resolveConsentReview({ messageId: flagged.messageId, decision: "dismiss" });
    expect(again.changed).toBe(false);
    const contrary = await alpha.tenant.inbox
      .resolveConsentReview({ messageId: flagged.messageId, decision: "opt_out" })
      .catch((e: unknown) => e);
    expect(codeOf(contrary)).toBe("CONFLICT");
    expect(await consentOf("alpha", phone)).toBeNull();
  });

  it("should answer 404 for another business's message, an unknown id, and a text never flagged", async () => {
    const theirs = await text(BRAVO_NUMBER, "+15555550623", "enough");
    expect(theirs.consent).toBe("review");
    const cross = await alpha.tenant.inbox
      .resolveConsentReview({ messageId: theirs.messageId, decision: "opt_out" })
      .catch((e: unknown) => e);
    expect(codeOf(cross)).toBe("NOT_FOUND");
    expect(await consentOf("bravo", "+15555550623")).toBeNull();
    expect((await alpha.tenant.inbox.consentReviews()).items.map(reviewIdOf)).not.toContain(theirs.messageId);
    expect((await bravo.tenant.inbox.consentReviews()).items.map(reviewIdOf)).toContain(theirs.messageId);

    const unknown = await alpha.tenant.inbox
      .resolveConsentReview({ messageId: randomUUID(), decision: "dismiss" })
      .catch((e: unknown) => e);
    expect(codeOf(unknown)).toBe("NOT_FOUND");
    const plain = await text(ALPHA_NUMBER, "+15555550624", "Can I stop by at 3?");
    expect(plain.consent).toBe("none");
    const notFlagged = await alpha.tenant.inbox
      .resolveConsentReview({ messageId: plain.messageId, decision: "opt_out" })
      .catch((e: unknown) => e);
    expect(codeOf(notFlagged)).toBe("NOT_FOUND");
  });

  it("should page the queue newest first", async () => {
    for (const n of [1, 2, 3]) await text(ALPHA_NUMBER, `+1555555063${n}`, "too many texts");
    const first = await alpha.tenant.inbox.consentReviews({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await alpha.tenant.inbox.consentReviews({ limit: 2, cursor: first.nextCursor! });
    const ids = [...first.items, ...second.items].map(reviewIdOf);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.items[0]!.createdAt >= first.items[1]!.createdAt).toBe(true);
  });

  it("should list a flagged voicemail with its words and opt the caller out on staff's decision, once", async () => {
    const phone = "+15555550641";
    const before = (await alpha.tenant.inbox.consentReviews()).total;
    const call = await flaggedCall("alpha", phone, { transcription: "please, enough of the messages" });
    const list = await alpha.tenant.inbox.consentReviews();
    expect(list.total).toBe(before + 1);
    expect(list.items.find((i) => i.kind === "call" && i.callId === call.id)).toMatchObject({
      kind: "call",
      caller: { phone },
      channel: "voicemail",
      text: "please, enough of the messages",
    });
    const logged = await alpha.tenant.calls.list();
    expect(logged.items.find((c) => c.id === call.id)?.consentReview).toBe("pending");

    expect(await alpha.tenant.inbox.resolveConsentReview({ callId: call.id, decision: "opt_out" })).toEqual({
      consentReview: "opted_out",
      changed: true,
    });
    expect(await consentOf("alpha", phone)).toMatchObject({ state: "opted_out", source: "staff" });
    const ledger = await tenantDb(db, "alpha").run((tx) => tx.smsConsentEvent.findMany({ where: { phone } }));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.evidence).toEqual({ callSid: call.callSid, callId: call.id, reviewedBy: alphaUserId });

    expect(await alpha.tenant.inbox.resolveConsentReview({ callId: call.id, decision: "opt_out" })).toEqual({
      consentReview: "opted_out",
      changed: false,
    });
    const contrary = await alpha.tenant.inbox
      .resolveConsentReview({ callId: call.id, decision: "dismiss" })
      .catch((e: unknown) => e);
    expect(codeOf(contrary)).toBe("CONFLICT");
    expect(await tenantDb(db, "alpha").run((tx) => tx.smsConsentEvent.count({ where: { phone } }))).toBe(1);
    const after = await alpha.tenant.inbox.consentReviews();
    expect(after.items.map(reviewIdOf)).not.toContain(call.id);
    expect(after.total).toBe(before);
    expect((await alpha.tenant.calls.list()).items.find((c) => c.id === call.id)?.consentReview).toBe("opted_out");
  });

  it("should dismiss a flagged spoken answer without touching consent, and refuse the contrary decision", async () => {
    const phone = "+15555550642";
    const call = await flaggedCall("alpha", phone);
    const item = (await alpha.tenant.inbox.consentReviews({ limit: 100 })).items.find(
      (i) => i.kind === "call" && i.callId === call.id,
    );
    expect(item).toMatchObject({ channel: "speech", text: null });
    expect(await alpha.tenant.inbox.resolveConsentReview({ callId: call.id, decision: "dismiss" })).toEqual({
      consentReview: "dismissed",
      changed: true,
    });
    expect((await alpha.tenant.inbox.resolveConsentReview({ callId: call.id, decision: "dismiss" })).changed).toBe(
      false,
    );
    const contrary = await alpha.tenant.inbox
      .resolveConsentReview({ callId: call.id, decision: "opt_out" })
      .catch((e: unknown) => e);
    expect(codeOf(contrary)).toBe("CONFLICT");
    expect(await consentOf("alpha", phone)).toBeNull();
  });

  it("should refuse to opt out a withheld caller (409) but let staff dismiss the review", async () => {
    const call = await flaggedCall("alpha", "anonymous", { transcription: "stop it" });
    const item = (await alpha.tenant.inbox.consentReviews({ limit: 100 })).items.find(
      (i) => i.kind === "call" && i.callId === call.id,
    );
    expect(item).toMatchObject({ caller: { phone: null } });
    const refused = await alpha.tenant.inbox
      .resolveConsentReview({ callId: call.id, decision: "opt_out" })
      .catch((e: unknown) => e);
    expect(codeOf(refused)).toBe("CONFLICT");
    expect((refused as Error).message).toMatch(/withheld/);
    expect(await tenantDb(db, "alpha").run((tx) => tx.smsConsentEvent.count({ where: { phone: "anonymous" } }))).toBe(
      0,
    );
    const still = await alpha.tenant.inbox.consentReviews({ limit: 100 });
    expect(still.items.map(reviewIdOf)).toContain(call.id);
    expect(await alpha.tenant.inbox.resolveConsentReview({ callId: call.id, decision: "dismiss" })).toEqual({
      consentReview: "dismissed",
      changed: true,
    });
  });

  it("should answer 404 for another business's call, an unknown call id, and a call never flagged", async () => {
    const theirs = await flaggedCall("bravo", "+15555550643", { transcription: "enough" });
    const cross = await alpha.tenant.inbox
      .resolveConsentReview({ callId: theirs.id, decision: "opt_out" })
      .catch((e: unknown) => e);
    expect(codeOf(cross)).toBe("NOT_FOUND");
    expect(await consentOf("bravo", "+15555550643")).toBeNull();
    expect((await alpha.tenant.inbox.consentReviews({ limit: 100 })).items.map(reviewIdOf)).not.toContain(theirs.id);
    expect((await bravo.tenant.inbox.consentReviews({ limit: 100 })).items.map(reviewIdOf)).toContain(theirs.id);
    // A message id sent as a call id (and the reverse) finds nothing either.
    const unknown = await alpha.tenant.inbox
      .resolveConsentReview({ callId: randomUUID(), decision: "dismiss" })
      .catch((e: unknown) => e);
    expect(codeOf(unknown)).toBe("NOT_FOUND");
    const swapped = await bravo.tenant.inbox
      .resolveConsentReview({ messageId: theirs.id, decision: "dismiss" })
      .catch((e: unknown) => e);
    expect(codeOf(swapped)).toBe("NOT_FOUND");
    const plain = await callRow(db, "alpha", { from: "+15555550644", at: new Date(), outcome: "answered" });
    const notFlagged = await alpha.tenant.inbox
      .resolveConsentReview({ callId: plain.id, decision: "opt_out" })
      .catch((e: unknown) => e);
    expect(codeOf(notFlagged)).toBe("NOT_FOUND");
    const both = await alpha.tenant.inbox
      .resolveConsentReview({ callId: plain.id, messageId: plain.id, decision: "dismiss" } as never)
      .catch((e: unknown) => e);
    expect(codeOf(both)).toBe("BAD_REQUEST");
  });

  it("should page texts and calls together, newest first, without gaps or repeats", async () => {
    const base = Date.now() + 60_000;
    const calls = [];
    for (const n of [1, 2, 3])
      calls.push(await flaggedCall("alpha", `+1555555065${n}`, { at: new Date(base + n * 1000) }));
    const texts = [];
    for (const n of [1, 2]) texts.push(await text(ALPHA_NUMBER, `+1555555066${n}`, "too many texts"));
    const all = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await alpha.tenant.inbox.consentReviews({ limit: 2, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const ids = all.map(reviewIdOf);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe((await alpha.tenant.inbox.consentReviews()).total);
    for (const expected of [...calls.map((c) => c.id), ...texts.map((t) => t.messageId)])
      expect(ids).toContain(expected);
    const times = all.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // The calls dated in the future come first, newest first.
    expect(ids.slice(0, 3)).toEqual(calls.map((c) => c.id).reverse());
  });
});
