// Traffic the router could not place for sure, for the owner to review: messages and calls that
// went to the root tenant only because no number or Messaging Service matched (routedByFallback),
// and webhooks quarantined in unrouted_webhooks. Crossing tenants by nature: the platform path.
import { AppError } from "@servicepro/errors";
import { z } from "zod";
import { createRouter, ownerProcedure } from "../../trpc.ts";
import { callOutcomeFromDb, callOutcomeSchema } from "../telephony-shared.ts";

/** The newest rows of each kind; older ones stay in the database and the audit trail. */
const REVIEW_LIMIT = 100;

const tenantRef = z.object({ id: z.string(), name: z.string() });

const unroutedSchema = z.object({
  webhooks: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      sid: z.string().nullable(),
      toNumber: z.string().nullable(),
      fromNumber: z.string().nullable(),
      reason: z.string(),
      /** The message text when the webhook carried one, for telling spam from a lost customer. */
      body: z.string().nullable(),
      createdAt: z.string(),
      reviewedAt: z.string().nullable(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      tenant: tenantRef,
      conversationId: z.string(),
      fromNumber: z.string(),
      toNumber: z.string(),
      body: z.string(),
      createdAt: z.string(),
    }),
  ),
  calls: z.array(
    z.object({
      id: z.string(),
      tenant: tenantRef,
      fromNumber: z.string(),
      toNumber: z.string(),
      outcome: callOutcomeSchema,
      startedAt: z.string(),
    }),
  ),
  /** How many fallback-routed messages, calls and unreviewed webhooks there are in all. */
  totals: z.object({ webhooksUnreviewed: z.number().int(), messages: z.number().int(), calls: z.number().int() }),
});

const bodyOf = (params: unknown): string | null => {
  const body = params && typeof params === "object" ? (params as Record<string, unknown>).Body : undefined;
  return typeof body === "string" ? body : null;
};

export const adminTelephonyRouter = createRouter({
  /** Fallback-routed messages and calls, and quarantined webhooks (unreviewed first unless asked for all). */
  unrouted: ownerProcedure
    .input(z.strictObject({ includeReviewed: z.boolean().default(false) }).default({ includeReviewed: false }))
    .output(unroutedSchema)
    .query(async ({ ctx, input }) => {
      const reviewFilter = input.includeReviewed ? {} : { reviewedAt: null };
      const tenantSelect = { tenant: { select: { id: true, name: true } } } as const;
      const result = await ctx.platformRead("admin.telephony.unrouted").run(async (tx) => ({
        webhooks: await tx.unroutedWebhook.findMany({
          where: reviewFilter,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: REVIEW_LIMIT,
        }),
        messages: await tx.message.findMany({
          where: { routedByFallback: true },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: REVIEW_LIMIT,
          select: {
            id: true,
            conversationId: true,
            fromNumber: true,
            toNumber: true,
            body: true,
            createdAt: true,
            ...tenantSelect,
          },
        }),
        calls: await tx.call.findMany({
          where: { routedByFallback: true },
          orderBy: [{ startedAt: "desc" }, { id: "desc" }],
          take: REVIEW_LIMIT,
          select: { id: true, fromNumber: true, toNumber: true, outcome: true, startedAt: true, ...tenantSelect },
        }),
        totals: {
          webhooksUnreviewed: await tx.unroutedWebhook.count({ where: { reviewedAt: null } }),
          messages: await tx.message.count({ where: { routedByFallback: true } }),
          calls: await tx.call.count({ where: { routedByFallback: true } }),
        },
      }));
      return {
        webhooks: result.webhooks.map((w) => ({
          id: w.id,
          kind: w.kind,
          sid: w.sid,
          toNumber: w.toNumber,
          fromNumber: w.fromNumber,
          reason: w.reason,
          body: bodyOf(w.params),
          createdAt: w.createdAt.toISOString(),
          reviewedAt: w.reviewedAt?.toISOString() ?? null,
        })),
        messages: result.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
        calls: result.calls.map((c) => ({
          ...c,
          outcome: callOutcomeFromDb(c.outcome),
          startedAt: c.startedAt.toISOString(),
        })),
        totals: result.totals,
      };
    }),

  /** Marks a quarantined webhook as looked at. Marking it twice keeps the first time. */
  markReviewed: ownerProcedure
    .input(z.strictObject({ id: z.uuid({ message: "That is not a webhook id." }) }))
    .output(z.object({ id: z.string(), reviewedAt: z.string() }))
    .mutation(async ({ ctx, input }) =>
      ctx.platform("admin.telephony.markReviewed").run(async (tx, audit) => {
        const row = await tx.unroutedWebhook.findUnique({
          where: { id: input.id },
          select: { id: true, reviewedAt: true, kind: true },
        });
        if (!row) throw new AppError("NOT_FOUND", "That unrouted webhook no longer exists. Reload the list.");
        if (row.reviewedAt) return { id: row.id, reviewedAt: row.reviewedAt.toISOString() };
        const reviewedAt = ctx.now();
        await tx.unroutedWebhook.update({ where: { id: row.id }, data: { reviewedAt } });
        await audit({
          action: "telephony.unrouted_reviewed",
          objectType: "unrouted_webhook",
          objectId: row.id,
          details: { kind: row.kind },
        });
        return { id: row.id, reviewedAt: reviewedAt.toISOString() };
      }),
    ),
});
