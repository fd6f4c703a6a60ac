// The business's two-way SMS inbox: conversations by customer, one thread, staff replies, and a
// live feed of changes (a tRPC subscription over SSE) so open screens update without a reload.
// Replies go through the messaging outbox in the same transaction as the checks that allow them,
// so an opt-out that lands first always wins and a double click queues one message.

import { keyset, Prisma } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import type { MessagingEvent, MessagingEvents } from "@servicepro/sms";
import { pauseAfterStaffReply } from "@servicepro/sms-agent";
import { smsBodySchema } from "@servicepro/validators";
import { z } from "zod";
import { createRouter, staffProcedure } from "../../trpc.ts";
import { pageDirectionSchema, pageLimitSchema } from "../telephony-shared.ts";
import { consentReviews, resolveConsentReview } from "./inbox-consent.ts";
import {
  MESSAGE_COLUMNS,
  type MessageRow,
  messageSchema,
  optedOutSince,
  optOutSourceSchema,
  toMessage,
} from "./inbox-shared.ts";

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
  /** The SMS agent handed it to a person, who has not resolved it yet. */
  agentHandoff: z.boolean(),
  /** The SMS agent drafted a reply staff may send (suggest mode). */
  agentDraft: z.boolean(),
});

/** The inbox's order: the newest conversation first (index conversations (tenant_id, last_message_at DESC, id DESC)). */
export const conversationOrder = keyset(
  [
    ["c.last_message_at", "timestamptz"],
    ["c.id", "uuid"],
  ],
  "desc",
);
type ConversationKeys = NonNullable<ReturnType<typeof conversationOrder.decode>>;

/** A thread's order, newest first (index messages (tenant_id, conversation_id, created_at, id), read backwards). */
const threadOrder = keyset(
  [
    ["m.created_at", "timestamptz"],
    ["m.id", "uuid"],
  ],
  "desc",
);

type ConversationRow = {
  id: string;
  tenant_number: string;
  last_message_at: Date;
  last_message_preview: string;
  last_direction: "inbound" | "outbound" | null;
  unread_count: number;
  customer_id: string;
  customer_name: string | null;
  customer_phone: string;
  opted_out_at: Date | null;
  needs_review: boolean;
  agent_handoff: boolean;
  agent_draft: boolean;
};

/**
 * One page of the inbox as one statement: the page is a seek in the keyset index (LIMIT first), and
 * only its rows look up their customer (primary key), opt-out (sms_consents' key) and pending review
 * (a partial index of pending texts). Exported for the EXPLAIN test, which plans exactly this.
 */
export function conversationPageQuery(tenantId: string, after: ConversationKeys | null, take: number): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c.tenant_number, c.last_message_at, c.last_message_preview, c.last_direction::text AS last_direction,
           c.unread_count, cu.id AS customer_id, cu.name AS customer_name, cu.phone AS customer_phone,
           (SELECT CASE WHEN s.state = 'opted_out' THEN s.updated_at END FROM sms_consents s
             WHERE s.tenant_id = c.tenant_id AND s.phone = cu.phone) AS opted_out_at,
           EXISTS (SELECT FROM messages m WHERE m.tenant_id = c.tenant_id AND m.conversation_id = c.id
                     AND m.consent_review = 'pending') AS needs_review,
           coalesce(ath.handoff_at IS NOT NULL, false) AS agent_handoff,
           coalesce(ath.draft_body IS NOT NULL, false) AS agent_draft
    FROM (SELECT c.tenant_id, c.id, c.customer_id, c.tenant_number, c.last_message_at, c.last_message_preview,
                 c.last_direction, c.unread_count
            FROM conversations c
           WHERE c.tenant_id = ${tenantId} AND ${conversationOrder.after(after)}
           ORDER BY ${conversationOrder.orderBy}
           ${conversationOrder.limit(take)}) c
    JOIN customers cu ON cu.tenant_id = c.tenant_id AND cu.id = c.customer_id
    LEFT JOIN agent_threads ath ON ath.tenant_id = c.tenant_id AND ath.conversation_id = c.id
    ORDER BY ${conversationOrder.orderBy}`;
}

const conversationIdSchema = z.uuid({ message: "That is not a conversation id." });
const conversationNotFound = () =>
  new AppError("NOT_FOUND", "This conversation doesn't exist (or belongs to another business). Go back to the inbox.");

export const tenantInboxRouter = createRouter({
  /** Conversations, the most recent first. */
  conversations: staffProcedure
    .input(
      z
        .strictObject({
          cursor: conversationOrder.cursor.optional(),
          limit: pageLimitSchema,
          direction: pageDirectionSchema,
        })
        .default({ limit: 25 }),
    )
    .output(z.object({ items: z.array(conversationSchema), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.tenant.query<ConversationRow>(
        conversationPageQuery(ctx.tenantId, input.cursor ?? null, input.limit + 1),
      );
      const { items, nextCursor } = conversationOrder.page(rows, input.limit, (row) => [row.last_message_at, row.id]);
      return {
        items: items.map((row) => ({
          id: row.id,
          customer: { id: row.customer_id, name: row.customer_name, phone: row.customer_phone },
          tenantNumber: row.tenant_number,
          preview: row.last_message_preview,
          lastDirection: row.last_direction,
          lastMessageAt: row.last_message_at.toISOString(),
          unreadCount: row.unread_count,
          optedOutAt: row.opted_out_at?.toISOString() ?? null,
          needsConsentReview: row.needs_review,
          agentHandoff: row.agent_handoff,
          agentDraft: row.agent_draft,
        })),
        nextCursor,
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
    .input(z.strictObject({ conversationId: conversationIdSchema, before: threadOrder.cursor.optional() }))
    .output(
      z.object({
        conversation: conversationSchema
          .omit({
            preview: true,
            lastDirection: true,
            lastMessageAt: true,
            needsConsentReview: true,
            agentHandoff: true,
            agentDraft: true,
          })
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
      const before = input.before ?? null;
      return ctx.tenant.run(async (tx) => {
        const conversation = await tx.conversation.findFirst({
          where: { id: input.conversationId },
          include: { customer: { select: { id: true, name: true, phone: true } } },
        });
        if (!conversation) throw conversationNotFound();
        const newestFirst = await tx.$queryRaw<MessageRow[]>`
          SELECT ${MESSAGE_COLUMNS} FROM messages m
           WHERE m.tenant_id = ${ctx.tenantId} AND m.conversation_id = ${conversation.id}::uuid
             AND ${threadOrder.after(before)}
           ORDER BY ${threadOrder.orderBy}
           ${threadOrder.limit(THREAD_PAGE + 1)}`;
        const { items, nextCursor } = threadOrder.page(newestFirst, THREAD_PAGE, (m) => [m.createdAt, m.id]);
        const page = items.reverse();
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
          olderCursor: nextCursor,
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
        // A person is answering: the agent stays quiet here for the business's pause, and its draft goes.
        if (result.status === "queued")
          await pauseAfterStaffReply(tx, { tenantId: ctx.tenantId, conversationId: conversation.id, now: ctx.now() });
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
