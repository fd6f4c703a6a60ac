// The business's two-way SMS inbox: conversations by customer, one thread, staff replies, and a
// live feed of changes (a tRPC subscription over SSE) so open screens update without a reload.
// Replies go through the messaging outbox in the same transaction as the checks that allow them,
// so an opt-out that lands first always wins and a double click queues one message.

import { AppError } from "@servicepro/errors";
import type { MessagingEvent, MessagingEvents } from "@servicepro/sms";
import { smsBodySchema } from "@servicepro/validators";
import { z } from "zod";
import { createRouter, staffProcedure } from "../../trpc.ts";
import { cursorSchema, decodeCursor, encodeCursor, pageDirectionSchema, pageLimitSchema } from "../telephony-shared.ts";
import { consentReviews, resolveConsentReview } from "./inbox-consent.ts";
import { type MessageRow, messageSchema, optedOutSince, optOutSourceSchema, toMessage } from "./inbox-shared.ts";

const THREAD_PAGE = 50;
const MAX_QUEUED_EVENTS = 500;

const conversationSchema = z.object({
  id: z.string(),
  customer: z.object({ id: z.string(), name: z.string().nullable(), phone: z.string() }),
  tenantNumber: z.string(),
  preview: z.string(),
  lastDirection: z.enum(["inbound", "outbound"]).nullable(),
  lastMessageAt: z.string(),
  unreadCount: z.number().int(),
  /** When the customer opted out; null while they may be texted. */
  optedOutAt: z.string().nullable(),
  /** A text in it may be asking to stop texts and waits for staff (tenant.inbox.consentReviews). */
  needsConsentReview: z.boolean(),
});

const conversationIdSchema = z.uuid({ message: "That is not a conversation id." });
const conversationNotFound = () =>
  new AppError("NOT_FOUND", "This conversation doesn't exist (or belongs to another business). Go back to the inbox.");

export const tenantInboxRouter = createRouter({
  /** Conversations, the most recent first. */
  conversations: staffProcedure
    .input(
      z
        .strictObject({ cursor: cursorSchema.optional(), limit: pageLimitSchema, direction: pageDirectionSchema })
        .default({ limit: 25 }),
    )
    .output(z.object({ items: z.array(conversationSchema), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const after = input.cursor ? decodeCursor(input.cursor) : null;
      const { rows, optOuts, reviews } = await ctx.tenant.run(async (tx) => {
        const rows = await tx.conversation.findMany({
          where: after
            ? { OR: [{ lastMessageAt: { lt: after.at } }, { lastMessageAt: after.at, id: { lt: after.id } }] }
            : {},
          orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
          take: input.limit + 1,
          include: { customer: { select: { id: true, name: true, phone: true } } },
        });
        const optOuts = await tx.smsConsent.findMany({
          where: { state: "opted_out", phone: { in: rows.map((row) => row.customer.phone) } },
          select: { phone: true, updatedAt: true },
        });
        const reviews = await tx.message.groupBy({
          by: ["conversationId"],
          where: { consentReview: "pending", conversationId: { in: rows.map((row) => row.id) } },
        });
        return { rows, optOuts, reviews };
      });
      const needsReview = new Set(reviews.map((r) => r.conversationId));
      const optedOut = new Map(optOuts.map((o) => [o.phone, o.updatedAt.toISOString()]));
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => ({
          id: row.id,
          customer: row.customer,
          tenantNumber: row.tenantNumber,
          preview: row.lastMessagePreview,
          lastDirection: row.lastDirection,
          lastMessageAt: row.lastMessageAt.toISOString(),
          unreadCount: row.unreadCount,
          optedOutAt: optedOut.get(row.customer.phone) ?? null,
          needsConsentReview: needsReview.has(row.id),
        })),
        nextCursor: rows.length > input.limit && last ? encodeCursor(last.lastMessageAt, last.id) : null,
      };
    }),

  /** Unread totals for the navigation badge. */
  unread: staffProcedure
    .output(z.object({ conversations: z.number().int(), messages: z.number().int() }))
    .query(async ({ ctx }) => {
      const totals = await ctx.tenant.run((tx) =>
        tx.conversation.aggregate({
          where: { unreadCount: { gt: 0 } },
          _count: { _all: true },
          _sum: { unreadCount: true },
        }),
      );
      return { conversations: totals._count._all, messages: totals._sum.unreadCount ?? 0 };
    }),

  /**
   * One conversation: its latest messages oldest → newest (or, with `before`, the page before
   * that cursor). Opening the latest page marks the conversation read.
   */
  thread: staffProcedure
    .input(z.strictObject({ conversationId: conversationIdSchema, before: cursorSchema.optional() }))
    .output(
      z.object({
        conversation: conversationSchema
          .omit({ preview: true, lastDirection: true, lastMessageAt: true, needsConsentReview: true })
          .extend({
            /** How they opted out (a keyword, plain words, staff, the carrier, a voicemail, the phone menu). */
            optedOutVia: optOutSourceSchema.nullable(),
          }),
        messages: z.array(messageSchema),
        /** Pass as `before` to load older messages; null when this page reaches the first message. */
        olderCursor: z.string().nullable(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const before = input.before ? decodeCursor(input.before) : null;
      return ctx.tenant.run(async (tx) => {
        const conversation = await tx.conversation.findFirst({
          where: { id: input.conversationId },
          include: { customer: { select: { id: true, name: true, phone: true } } },
        });
        if (!conversation) throw conversationNotFound();
        const newestFirst: MessageRow[] = await tx.message.findMany({
          where: {
            conversationId: conversation.id,
            ...(before
              ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] }
              : {}),
          },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: THREAD_PAGE + 1,
        });
        const page = newestFirst.slice(0, THREAD_PAGE).reverse();
        const senderIds = [...new Set(page.flatMap((m) => (m.sentByUserId ? [m.sentByUserId] : [])))];
        const senders = senderIds.length
          ? await tx.membership.findMany({
              where: { userId: { in: senderIds } },
              select: { userId: true, user: { select: { name: true, email: true } } },
            })
          : [];
        const senderNames = new Map(senders.map((s) => [s.userId, s.user.name || s.user.email]));
        if (!before && conversation.unreadCount > 0) {
          await tx.conversation.updateMany({ where: { id: conversation.id }, data: { unreadCount: 0 } });
        }
        const optedOut = await optedOutSince(tx, conversation.customer.phone);
        const oldest = page[0];
        return {
          conversation: {
            id: conversation.id,
            customer: conversation.customer,
            tenantNumber: conversation.tenantNumber,
            unreadCount: before ? conversation.unreadCount : 0,
            optedOutAt: optedOut?.at.toISOString() ?? null,
            optedOutVia: optedOut?.source ?? null,
          },
          messages: page.map((m) => toMessage(m, senderNames)),
          olderCursor: newestFirst.length > THREAD_PAGE && oldest ? encodeCursor(oldest.createdAt, oldest.id) : null,
        };
      });
    }),

  /** Sends a staff reply. The same idempotency key twice (a double click, a retry) sends once. */
  reply: staffProcedure
    .input(
      z.strictObject({
        conversationId: conversationIdSchema,
        body: smsBodySchema,
        idempotencyKey: z.uuid({ message: "idempotencyKey must be a UUID generated once per message by the client." }),
      }),
    )
    .output(z.object({ message: messageSchema, duplicate: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const { messaging } = ctx;
      const userId = ctx.auth.user!.id;
      const { result, timezone } = await ctx.tenant.run(async (tx) => {
        const conversation = await tx.conversation.findFirst({
          where: { id: input.conversationId },
          select: { id: true },
        });
        if (!conversation) throw conversationNotFound();
        const tenant = await tx.tenant.findFirst({ select: { timezone: true } });
        const result = await messaging.outbox.queueSms(tx, {
          conversationId: conversation.id,
          body: input.body.trim(),
          kind: "staff_reply",
          purposeKey: `staff:${input.idempotencyKey}`,
          sentByUserId: userId,
        });
        return { result, timezone: tenant?.timezone ?? "UTC" };
      });
      if (result.status === "opted_out") {
        const date = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: timezone }).format(
          result.optedOutAt,
        );
        throw new AppError(
          "PRECONDITION_FAILED",
          `This customer opted out of texts on ${date}. They have to text START before you can message them.`,
        );
      }
      if (result.status === "automation_paused") {
        throw new AppError(
          "PRECONDITION_FAILED",
          "Texting is paused while your account is suspended or cancelled. Contact ServicePro support to reopen it.",
        );
      }
      // Published after commit, so a listener that reloads the thread finds the row.
      if (result.status === "queued") {
        messaging.events.publish({
          type: "message",
          tenantId: ctx.tenantId,
          conversationId: input.conversationId,
          messageId: result.message.id,
        });
      }
      return {
        message: toMessage(result.message, new Map([[userId, ctx.auth.user!.name || ctx.auth.user!.email]])),
        duplicate: result.status === "duplicate",
      };
    }),

  consentReviews,
  resolveConsentReview,

  /**
   * Live changes for this business (new messages, delivery statuses, calls), as Server-Sent
   * Events. Clients refetch what changed; the events carry ids, never message text.
   */
  events: staffProcedure.subscription(async function* ({ ctx, signal }) {
    yield* eventsUntilAborted(ctx.messaging.events, ctx.tenantId, signal);
  }),
});

/** Bridges the push-style event bus to an async generator that ends when the client goes away. */
async function* eventsUntilAborted(
  events: MessagingEvents,
  tenantId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<MessagingEvent> {
  const queue: MessagingEvent[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = events.subscribe(tenantId, (event) => {
    // A listener must never see another tenant's events, whatever the bus does.
    if (event.tenantId !== tenantId) return;
    // A stalled client must not grow memory without bound; it refetches everything on reconnect anyway.
    if (queue.length >= MAX_QUEUED_EVENTS) queue.shift();
    queue.push(event);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    while (!signal?.aborted) {
      const next = queue.shift();
      if (next) {
        yield next;
        continue;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    unsubscribe();
  }
}
