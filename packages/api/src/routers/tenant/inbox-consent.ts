// The opt-out review queue (issue 11 §1): texts the classifier was unsure about ("enough", "Stop.
// Can we do 4pm?") wait with consent_review = 'pending' until staff decide: opt the number out
// (recorded like any opt-out, with who decided) or dismiss. Nothing automated answers them meanwhile.
// Calls join the same queue: a voicemail transcription or a spoken menu answer the classifier was
// unsure about marks the call (packages/voice/src/consent.ts), and staff decide the same way.

import type { TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { recordConsentChange } from "@servicepro/sms";
import { callerIdOf } from "@servicepro/telephony";
import { z } from "zod";
import { staffProcedure } from "../../trpc.ts";
import { cursorSchema, decodeCursor, encodeCursor, pageLimitSchema } from "../telephony-shared.ts";

const textReviewSchema = z.object({
  kind: z.literal("text"),
  messageId: z.string(),
  conversationId: z.string(),
  customer: z.object({ name: z.string().nullable(), phone: z.string() }),
  text: z.string(),
  /** The classifier's confidence that the text revokes consent, 0..1. */
  score: z.number().nullable(),
  createdAt: z.string(),
});

const callReviewSchema = z.object({
  kind: z.literal("call"),
  callId: z.string(),
  caller: z.object({
    /** The customer's name when known, else the carrier's caller name. */
    name: z.string().nullable(),
    /** Null when the caller ID was withheld: such a review can only be dismissed. */
    phone: z.string().nullable(),
  }),
  /**
   * What the caller's words were: a voicemail's transcription, or a spoken menu answer (kept on the
   * call only when flagged for review). Null when a voicemail has no transcription yet.
   */
  channel: z.enum(["voicemail", "speech"]),
  text: z.string().nullable(),
  createdAt: z.string(),
});

const consentReviewSchema = z.discriminatedUnion("kind", [textReviewSchema, callReviewSchema]);

const messageReviewNotFound = () =>
  new AppError("NOT_FOUND", "There is no opt-out review for this message (or it belongs to another business).");
const callReviewNotFound = () =>
  new AppError("NOT_FOUND", "There is no opt-out review for this call (or it belongs to another business).");

type Keyset = { at: Date; id: string };
const olderThan = (field: "createdAt" | "startedAt", after: Keyset | null) =>
  after ? { OR: [{ [field]: { lt: after.at } }, { [field]: after.at, id: { lt: after.id } }] } : {};
/** Newest first, ties by id descending: the order both tables are read in, so a merged page stays keyset-stable. */
const newestFirst = (a: Keyset, b: Keyset) =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

async function pendingReviews(tx: TenantTx, after: Keyset | null, take: number) {
  // One after the other: a transaction's queries share its one connection anyway.
  const messages = await tx.message.findMany({
    where: { consentReview: "pending", direction: "inbound", ...olderThan("createdAt", after) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      body: true,
      consentScore: true,
      createdAt: true,
      conversation: { select: { id: true, customer: { select: { name: true, phone: true } } } },
    },
  });
  const calls = await tx.call.findMany({
    where: { consentReview: "pending", ...olderThan("startedAt", after) },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      fromNumber: true,
      callerName: true,
      transcription: true,
      consentText: true,
      startedAt: true,
      customer: { select: { name: true } },
    },
  });
  const pendingTexts = await tx.message.count({ where: { consentReview: "pending", direction: "inbound" } });
  const pendingCalls = await tx.call.count({ where: { consentReview: "pending" } });
  return { messages, calls, total: pendingTexts + pendingCalls };
}

/** The pending reviews, texts and calls together, newest first, plus how many are pending in all. */
export const consentReviews = staffProcedure
  .input(z.strictObject({ cursor: cursorSchema.optional(), limit: pageLimitSchema }).default({ limit: 25 }))
  .output(z.object({ items: z.array(consentReviewSchema), nextCursor: z.string().nullable(), total: z.number() }))
  .query(async ({ ctx, input }) => {
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    // Each side's newest limit+1 rows are enough: the merged page cannot reach past either side's last.
    const { messages, calls, total } = await ctx.tenant.run((tx) => pendingReviews(tx, after, input.limit + 1));
    const merged = [
      ...messages.map((row) => ({
        at: row.createdAt,
        id: row.id,
        item: {
          kind: "text" as const,
          messageId: row.id,
          conversationId: row.conversation.id,
          customer: row.conversation.customer,
          text: row.body,
          score: row.consentScore,
          createdAt: row.createdAt.toISOString(),
        },
      })),
      ...calls.map((row) => {
        const caller = callerIdOf(row.fromNumber);
        return {
          at: row.startedAt,
          id: row.id,
          item: {
            kind: "call" as const,
            callId: row.id,
            caller: {
              name: row.customer?.name ?? row.callerName,
              phone: caller.kind === "phone" ? caller.e164 : null,
            },
            channel: row.consentText || !row.transcription ? ("speech" as const) : ("voicemail" as const),
            text: row.consentText ?? row.transcription,
            createdAt: row.startedAt.toISOString(),
          },
        };
      }),
    ].sort(newestFirst);
    const page = merged.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page.map((entry) => entry.item),
      nextCursor: merged.length > input.limit && last ? encodeCursor(last.at, last.id) : null,
      total,
    };
  });

const decisionSchema = z.enum(["opt_out", "dismiss"]);
type Target = "opted_out" | "dismissed";

const conflict = (now: string | null | undefined, what: "text" | "call") =>
  new AppError(
    "CONFLICT",
    now === "opted_out"
      ? `Someone already opted this number out from this ${what}. Reload the page.`
      : `Someone already marked this ${what} as not an opt-out. Reload the page.`,
  );

/**
 * Staff's decision on a flagged text or call. The same decision twice is a no-op (a double click, a
 * retry); the other decision after one was made is a conflict (reopen nothing silently).
 */
export const resolveConsentReview = staffProcedure
  .input(
    z.union([
      z.strictObject({ messageId: z.uuid({ message: "That is not a message id." }), decision: decisionSchema }),
      z.strictObject({ callId: z.uuid({ message: "That is not a call id." }), decision: decisionSchema }),
    ]),
  )
  .output(z.object({ consentReview: z.enum(["opted_out", "dismissed"]), changed: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const userId = ctx.auth.user!.id;
    const target: Target = input.decision === "opt_out" ? "opted_out" : "dismissed";

    if ("callId" in input) {
      const result = await ctx.tenant.run(async (tx) => {
        const call = await tx.call.findFirst({
          where: { id: input.callId, consentReview: { not: null } },
          select: { id: true, callSid: true, fromNumber: true, consentReview: true },
        });
        if (!call) throw callReviewNotFound();
        if (call.consentReview === target) return { changed: false };
        const caller = callerIdOf(call.fromNumber);
        if (target === "opted_out" && caller.kind !== "phone")
          throw new AppError(
            "CONFLICT",
            "This caller's number was withheld, so there is no number to opt out. Mark it as not an opt-out instead.",
          );
        // Claim the pending row first: of two concurrent decisions, exactly one wins.
        const claimed = await tx.call.updateMany({
          where: { id: call.id, consentReview: "pending" },
          data: { consentReview: target },
        });
        if (claimed.count === 0) {
          const now = await tx.call.findFirst({ where: { id: call.id }, select: { consentReview: true } });
          if (now?.consentReview === target) return { changed: false };
          throw conflict(now?.consentReview, "call");
        }
        if (target === "opted_out" && caller.kind === "phone")
          await recordConsentChange(tx, ctx.tenantId, {
            phone: caller.e164,
            state: "opted_out",
            source: "staff",
            evidence: { callSid: call.callSid, callId: call.id, reviewedBy: userId },
          });
        return { changed: true };
      });
      if (result.changed) ctx.messaging.events.publish({ type: "call", tenantId: ctx.tenantId, callId: input.callId });
      return { consentReview: target, changed: result.changed };
    }

    const result = await ctx.tenant.run(async (tx) => {
      const message = await tx.message.findFirst({
        where: { id: input.messageId, direction: "inbound", consentReview: { not: null } },
        select: { id: true, conversationId: true, fromNumber: true, twilioSid: true, consentReview: true },
      });
      if (!message) throw messageReviewNotFound();
      if (message.consentReview === target) return { changed: false, message };
      const claimed = await tx.message.updateMany({
        where: { id: message.id, consentReview: "pending" },
        data: { consentReview: target },
      });
      if (claimed.count === 0) {
        const now = await tx.message.findFirst({ where: { id: message.id }, select: { consentReview: true } });
        if (now?.consentReview === target) return { changed: false, message };
        throw conflict(now?.consentReview, "text");
      }
      if (target === "opted_out")
        await recordConsentChange(tx, ctx.tenantId, {
          phone: message.fromNumber,
          state: "opted_out",
          source: "staff",
          evidence: { messageSid: message.twilioSid, messageId: message.id, reviewedBy: userId },
        });
      return { changed: true, message };
    });
    if (result.changed)
      ctx.messaging.events.publish({
        type: "message",
        tenantId: ctx.tenantId,
        conversationId: result.message.conversationId,
        messageId: result.message.id,
      });
    return { consentReview: target, changed: result.changed };
  });
