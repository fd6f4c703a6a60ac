import type { Message, TenantTx } from "@servicepro/db";

/** Why an outbound SMS exists. Automated kinds are never sent to an opted-out number or for a paused tenant. */
export type OutboundKind =
  | "staff_reply"
  | "missed_call"
  | "booking_link"
  | "help"
  | "opt_out_confirmation"
  | "opt_in_confirmation"
  | "ai_reply"
  | "appointment_confirmation"
  | "appointment_reminder"
  | "appointment_reply"
  /** The one "we'd love a review" text after a completed appointment (transactional: opt-outs still win). */
  | "review_request"
  /** "Time for your next visit" on the pack's cadence (marketing: needs marketing consent). */
  | "rebook_reminder"
  /** The one answer to a JOIN text: offers by text are on (what, how often, rates, how to stop). */
  | "marketing_opt_in_confirmation"
  /** One recipient's text of a marketing campaign (packages/campaigns drain.ts; needs marketing consent). */
  | "campaign"
  /** A customer portal sign-in code or link: a secret, so staff screens show it redacted. */
  | "portal_sign_in";

export type QueueSmsInput = {
  conversationId: string;
  body: string;
  kind: OutboundKind;
  /** Unique per tenant: the same key twice queues one message (a double click, a redelivered webhook). */
  purposeKey: string;
  sentByUserId?: string | null;
};

export type QueueSmsResult =
  | { status: "queued"; message: Message }
  /** The purpose key was used before: nothing new was queued; `message` is the earlier one. */
  | { status: "duplicate"; message: Message }
  /** The recipient opted out of this tenant's texts (STOP or similar); nothing was queued. */
  | { status: "opted_out"; optedOutAt: Date }
  /** The tenant is suspended or cancelled: automated messages are paused; nothing was queued. */
  | { status: "automation_paused" };

/** Live changes for the tenant app (inbox, calls log). In-process; see docs/architecture.md. */
export type MessagingEvent =
  | { type: "message"; tenantId: string; conversationId: string; messageId: string }
  | { type: "message_status"; tenantId: string; conversationId: string; messageId: string; status: string }
  | { type: "call"; tenantId: string; callId: string }
  /** The SMS agent changed a conversation's state: a hand-off to a person, a draft, a pause. */
  | { type: "agent"; tenantId: string; conversationId: string; change: "handoff" | "draft" | "paused" | "resumed" };

export type MessagingEvents = {
  publish(event: MessagingEvent): void;
  /** Returns the unsubscribe function. */
  subscribe(tenantId: string, listener: (event: MessagingEvent) => void): () => void;
};

/** What request handlers (tRPC procedures, webhooks) use to send texts. */
export type Outbox = {
  /**
   * Writes the outbound message row (the outbox) and its send job inside `tx`, the caller's
   * tenant transaction: both commit or neither does. Publish a "message" event after commit.
   */
  queueSms(tx: TenantTx, input: QueueSmsInput): Promise<QueueSmsResult>;
};
