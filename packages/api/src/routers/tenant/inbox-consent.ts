// The opt-out review queue (issue 11 §1): texts the classifier was unsure about ("enough", "Stop.
// Can we do 4pm?") wait with consent_review = 'pending' until staff decide: opt the number out
// (recorded like any opt-out, with who decided) or dismiss. Nothing automated answers them meanwhile.

import { AppError } from "@servicepro/errors";
import { recordConsentChange } from "@servicepro/sms";
import { z } from "zod";
import { staffProcedure } from "../../trpc.ts";
import { cursorSchema, decodeCursor, encodeCursor, pageLimitSchema } from "../telephony-shared.ts";

const consentReviewSchema = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  customer: z.object({ name: z.string().nullable(), phone: z.string() }),
  text: z.string(),
  /** The classifier's confidence that the text revokes consent, 0..1. */
  score: z.number().nullable(),
  createdAt: z.string(),
});

const reviewNotFound = () =>
  new AppError("NOT_FOUND", "There is no opt-out review for this message (or it belongs to another business).");

/** The pending reviews, newest first. */
export const consentReviews = staffProcedure
  .input(z.strictObject({ cursor: cursorSchema.optional(), limit: pageLimitSchema }).default({ limit: 25 }))
  .output(z.object({ items: z.array(consentReviewSchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    const rows = await ctx.tenant.run((tx) =>
      tx.message.findMany({
        where: {
          consentReview: "pending",
          ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: input.limit + 1,
        select: {
          id: true,
          body: true,
          consentScore: true,
          createdAt: true,
          conversation: { select: { id: true, customer: { select: { name: true, phone: true } } } },
        },
      }),
    );
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        messageId: row.id,
        conversationId: row.conversation.id,
        customer: row.conversation.customer,
        text: row.body,
        score: row.consentScore,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt, last.id) : null,
    };
  });

/**
 * Staff's decision on a flagged text. The same decision twice is a no-op (a double click, a retry);
 * the other decision after one was made is a conflict (reopen nothing silently).
 */
export const resolveConsentReview = staffProcedure
  .input(
    z.strictObject({
      messageId: z.uuid({ message: "That is not a message id." }),
      decision: z.enum(["opt_out", "dismiss"]),
    }),
  )
  .output(z.object({ consentReview: z.enum(["opted_out", "dismissed"]), changed: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const userId = ctx.auth.user!.id;
    const target: "opted_out" | "dismissed" = input.decision === "opt_out" ? "opted_out" : "dismissed";
    const result = await ctx.tenant.run(async (tx) => {
      const message = await tx.message.findFirst({
        where: { id: input.messageId, direction: "inbound", consentReview: { not: null } },
        select: { id: true, conversationId: true, fromNumber: true, twilioSid: true, consentReview: true },
      });
      if (!message) throw reviewNotFound();
      if (message.consentReview === target) return { consentReview: target, changed: false, message };
      // Claim the pending row first: of two concurrent decisions, exactly one wins.
      const claimed = await tx.message.updateMany({
        where: { id: message.id, consentReview: "pending" },
        data: { consentReview: target },
      });
      if (claimed.count === 0) {
        const now = await tx.message.findFirst({ where: { id: message.id }, select: { consentReview: true } });
        if (now?.consentReview === target) return { consentReview: target, changed: false, message };
        throw new AppError(
          "CONFLICT",
          now?.consentReview === "opted_out"
            ? "Someone already opted this number out from this text. Reload the inbox."
            : "Someone already marked this text as not an opt-out. Reload the inbox.",
        );
      }
      if (target === "opted_out")
        await recordConsentChange(tx, ctx.tenantId, {
          phone: message.fromNumber,
          state: "opted_out",
          source: "staff",
          evidence: { messageSid: message.twilioSid, messageId: message.id, reviewedBy: userId },
        });
      return { consentReview: target, changed: true, message };
    });
    if (result.changed)
      ctx.messaging.events.publish({
        type: "message",
        tenantId: ctx.tenantId,
        conversationId: result.message.conversationId,
        messageId: result.message.id,
      });
    return { consentReview: result.consentReview, changed: result.changed };
  });
