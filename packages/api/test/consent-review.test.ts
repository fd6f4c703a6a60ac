// The opt-out review queue (issue 11 §1): an unsure text goes through the real SMS intake, is
// flagged, listed for staff, and resolved either way; decisions are idempotent, a contrary one is a
// conflict, and another business's message is a 404. PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { type Messaging, startMessaging } from "@servicepro/messaging";
import { createDevSender, handleInboundSms } from "@servicepro/sms";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignNumber, callerFor, createTenant, signedInUser } from "./telephony-fixtures.ts";

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, child: () => silent };
const ALPHA_NUMBER = "+15555550610";
const BRAVO_NUMBER = "+15555550611";

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
  const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : String(error));

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    messaging = await startMessaging({
      db,
      sender: createDevSender(silent),
      logger: silent,
      publicBaseUrl: "http://localhost:3000",
      unroutedPolicy: "quarantine",
      runWorker: false,
    });
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
    const item = list.items.find((i) => i.messageId === flagged.messageId);
    expect(item).toMatchObject({ conversationId: flagged.conversationId, text: "enough", customer: { phone } });
    expect(item!.score).toBeGreaterThanOrEqual(0.5);
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
    expect((await alpha.tenant.inbox.consentReviews()).items.map((i) => i.messageId)).not.toContain(flagged.messageId);
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
    expect((await alpha.tenant.inbox.consentReviews()).items.map((i) => i.messageId)).not.toContain(theirs.messageId);
    expect((await bravo.tenant.inbox.consentReviews()).items.map((i) => i.messageId)).toContain(theirs.messageId);

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
    const ids = [...first.items, ...second.items].map((i) => i.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.items[0]!.createdAt >= first.items[1]!.createdAt).toBe(true);
  });
});
