// The opt-out review queue (issue 11 §1): texts the classifier was unsure about ("enough", "Stop.
// Can we do 4pm?") wait with consent_review = 'pending' until staff decide: opt the number out
// (recorded like any opt-out, with who decided) or dismiss. Nothing automated answers them meanwhile.
// Calls join the same queue: a voicemail transcription or a spoken menu answer the classifier was
// unsure about marks the call (packages/voice/src/consent.ts), and staff decide the same way.

import { keyset, Prisma } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { recordConsentChange } from "@servicepro/sms";
import { callerIdOf } from "@servicepro/telephony";
import { z } from "zod";
import { staffProcedure } from "../../trpc.ts";
import { pageLimitSchema } from "../telephony-shared.ts";

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

/**
 * The queue's order: newest first, ties by id descending, texts and calls merged. Each side seeks in
 * its partial index of pending reviews (migration keyset_list_indexes) in the same order, so the
 * merged page is keyset-stable.
 */
const reviewOrder = keyset(
  [
    ["r.at", "timestamptz"],
    ["r.id", "uuid"],
  ],
  "desc",
);
const textOrder = keyset(
  [
    ["m.created_at", "timestamptz"],
    ["m.id", "uuid"],
  ],
  "desc",
);
const callOrder = keyset(
  [
    ["c.started_at", "timestamptz"],
    ["c.id", "uuid"],
  ],
  "desc",
);
type ReviewKeys = NonNullable<ReturnType<typeof reviewOrder.decode>>;

type ReviewRow = {
  total: number;
  kind: "text" | "call" | null;
  at: Date;
  id: string;
  conversation_id: string | null;
  name: string | null;
  phone: string | null;
  body: string | null;
  score: number | null;
  caller_name: string | null;
  transcription: string | null;
  consent_text: string | null;
};

/**
 * The page as one statement: each side's newest `take` pending rows after the cursor (enough: the
 * merged page cannot reach past either side's last), merged; the total rides on every row, and on a
 * single row of NULLs when nothing is pending.
 */
function reviewPageQuery(tenantId: string, after: ReviewKeys | null, take: number): Prisma.Sql {
  return Prisma.sql`
    SELECT t.total, r.*
    FROM (SELECT (SELECT count(*) FROM messages m WHERE m.tenant_id = ${tenantId} AND m.consent_review = 'pending'
                    AND m.direction = 'inbound')::int
               + (SELECT count(*) FROM calls c WHERE c.tenant_id = ${tenantId} AND c.consent_review = 'pending')::int
               AS total) t
    LEFT JOIN LATERAL (
      SELECT r.* FROM (
        (SELECT 'text' AS kind, m.created_at AS at, m.id, m.conversation_id, cu.name, cu.phone, m.body,
                m.consent_score AS score, NULL::text AS caller_name, NULL::text AS transcription,
                NULL::text AS consent_text
           FROM messages m
           JOIN conversations cv ON cv.tenant_id = m.tenant_id AND cv.id = m.conversation_id
           JOIN customers cu ON cu.tenant_id = cv.tenant_id AND cu.id = cv.customer_id
          WHERE m.tenant_id = ${tenantId} AND m.consent_review = 'pending' AND m.direction = 'inbound'
            AND ${textOrder.after(after)}
          ORDER BY ${textOrder.orderBy} ${textOrder.limit(take)})
        UNION ALL
        (SELECT 'call', c.started_at, c.id, NULL::uuid, cu.name, c.from_number, NULL::text, NULL::double precision,
                c.caller_name, c.transcription, c.consent_text
           FROM calls c
           LEFT JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id
          WHERE c.tenant_id = ${tenantId} AND c.consent_review = 'pending' AND ${callOrder.after(after)}
          ORDER BY ${callOrder.orderBy} ${callOrder.limit(take)})
      ) r
      ORDER BY ${reviewOrder.orderBy}
      ${reviewOrder.limit(take)}
    ) r ON TRUE`;
}

/** The pending reviews, texts and calls together, newest first, plus how many are pending in all. */
export const consentReviews = staffProcedure
  .input(z.strictObject({ cursor: reviewOrder.cursor.optional(), limit: pageLimitSchema }).default({ limit: 25 }))
  .output(z.object({ items: z.array(consentReviewSchema), nextCursor: z.string().nullable(), total: z.number() }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.tenant.query<ReviewRow>(
      reviewPageQuery(ctx.tenantId, input.cursor ?? null, input.limit + 1),
    );
    const total = rows[0]?.total ?? 0;
    const reviews = rows.filter((row) => row.kind !== null);
    const { items, nextCursor } = reviewOrder.page(reviews, input.limit, (row) => [row.at, row.id]);
    return {
      items: items.map((row): z.infer<typeof consentReviewSchema> => {
        if (row.kind === "text")
          return {
            kind: "text",
            messageId: row.id,
            conversationId: row.conversation_id!,
            customer: { name: row.name, phone: row.phone! },
            text: row.body!,
            score: row.score,
            createdAt: row.at.toISOString(),
          };
        const caller = callerIdOf(row.phone ?? "");
        return {
          kind: "call",
          callId: row.id,
          caller: { name: row.name ?? row.caller_name, phone: caller.kind === "phone" ? caller.e164 : null },
          channel: row.consent_text || !row.transcription ? "speech" : "voicemail",
          text: row.consent_text ?? row.transcription,
          createdAt: row.at.toISOString(),
        };
      }),
      nextCursor,
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
