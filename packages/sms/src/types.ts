import type { Message, TenantTx } from "@servicepro/db";

/** Why an outbound SMS exists. Automated kinds are never sent to an opted-out number or for a paused tenant. */
export type OutboundKind =
  | "staff_reply"
  | "missed_call"
  | "booking_link"
  | "help"
  | "opt_out_confirmation"
  | "opt_in_confirmation"
  | "ai_reply";

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
  | { type: "call"; tenantId: string; callId: string };

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

/** A phone number the platform can give a business now. */
export type AvailableNumber = { phoneNumber: string; locality: string | null; region: string | null };

/**
 * Where new businesses' numbers come from: with Twilio credentials, Twilio's inventory (searched,
 * then bought after the set-up commits); without, the configured pool (PHONE_NUMBER_POOL) minus
 * numbers already assigned.
 */
export type NumberProvider = {
  readonly kind: "twilio" | "pool";
  search(options: { areaCode?: string | undefined; limit?: number | undefined }): Promise<AvailableNumber[]>;
};

/** A new business owner's one-time link, to be sent by SMS and email after the set-up commits. */
export type OnboardingNotice = {
  tenantId: string;
  businessName: string;
  ownerName: string;
  email: string;
  /** E.164; null: email only. */
  phone: string | null;
  /** The full one-time link, e.g. https://app.example.com/app/welcome?token=… */
  link: string;
  expiresAt: string;
};

/**
 * Side effects of setting up a business, queued inside the set-up transaction (so a rollback
 * queues nothing and a commit queues them exactly once) and carried out by workers afterwards.
 */
export type ProvisioningJobs = {
  /** Buys the number from Twilio if needed and points its webhooks at us (no-op for pool numbers). */
  queueNumberSetup(tx: JobTx, job: { tenantId: string; phoneNumber: string }): Promise<void>;
  queueOnboardingNotice(tx: JobTx, notice: OnboardingNotice): Promise<void>;
};

/** Any Prisma transaction (tenant-scoped or platform): jobs are rows in the same transaction. */
export type JobTx = { $queryRawUnsafe: (query: string, ...values: unknown[]) => Promise<unknown> };
