/**
 * What every Twilio webhook handler (texts here, calls in @servicepro/voice) shares: its
 * dependencies, the form parameters, and the caller's customer and conversation rows, created on
 * first sight.
 */
import type { ReminderQueue } from "@servicepro/booking";
import type { Conversation, Database, TenantTx } from "@servicepro/db";
import type { RoutingSnapshot } from "@servicepro/routing";
import { normalizePhone, type UnroutedPolicy } from "@servicepro/telephony";
import { customerSearchKeys } from "@servicepro/validators";
import type { MessagingEvents, Outbox } from "./types.ts";

export type IntakeDeps = {
  db: Database;
  outbox: Outbox;
  events: MessagingEvents;
  unroutedPolicy: UnroutedPolicy;
  /** Public URL of the booking page when a number has none configured: `${base}/portal/<slug>`. */
  publicBaseUrl: string;
  /** Where reminder jobs go when a reply changes an appointment (a "C" confirms it). */
  reminders?: ReminderQueue;
  now?: () => Date;
  /** The in-process routing snapshot (@servicepro/routing); without it, every lookup reads the database. */
  routing?: RoutingSnapshot;
  /** Writes done after a webhook is answered (a call's row), tracked so shutdown and tests can wait for them. */
  offPath?: OffPathWrites;
  /** The SMS agent (@servicepro/sms-agent): plain texts that need an answer become its jobs. */
  agent?: AgentIntake;
};

/** A stored text the SMS agent may answer. */
export type AgentText = { messageId: string; conversationId: string };

/** How the intake hands texts to the SMS agent: jobs written in the intake's transaction, then a wake-up. */
export type AgentIntake = {
  /**
   * Inside the intake's tenant transaction: queues one agent job per text, if the business runs
   * its agent (mode not off, and its plan includes it). Commits or rolls back with the texts.
   */
  enqueue(tx: TenantTx, tenantId: string, texts: readonly AgentText[]): Promise<void>;
  /** After the commit: starts this process's agent worker on the new jobs now rather than at its next poll. */
  wake?(): void;
};

/** Writes that run after the answer has gone: each is tracked until it ends (its failure is the caller's to log). */
export type OffPathWrites = {
  /**
   * Starts `write` on a later turn of the event loop (setImmediate), so none of its work (a Prisma
   * query is CPU before it is I/O) runs between the handler's return and the response being sent.
   */
  defer(write: () => Promise<unknown>): void;
  /** Resolves once every write deferred so far (and any deferred meanwhile) has ended. */
  settled(): Promise<void>;
};

export function createOffPathWrites(): OffPathWrites {
  const pending = new Set<Promise<void>>();
  return {
    defer(write) {
      const tracked = new Promise<void>((resolve) => {
        setImmediate(() => {
          Promise.resolve()
            .then(write)
            .then(
              () => resolve(),
              () => resolve(),
            );
        });
      });
      pending.add(tracked);
      void tracked.finally(() => pending.delete(tracked));
    },
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}

/** Runs `write` after the answer: through the deps' tracker when there is one, else on a later turn, untracked. */
export function afterAnswer(deps: Pick<IntakeDeps, "offPath">, write: () => Promise<unknown>): void {
  if (deps.offPath) deps.offPath.defer(write);
  else
    setImmediate(() => {
      Promise.resolve()
        .then(write)
        .catch(() => undefined);
    });
}

export type TwilioParams = Record<string, string>;

/** A number as Twilio sent it, in E.164 when it parses (empty when absent). */
export const phoneOf = (raw: string | undefined) => (raw ? (normalizePhone(raw) ?? raw.trim()) : "");

/**
 * Which of our numbers a text was sent to. Twilio addresses our number on other channels with a
 * prefix ("whatsapp:+15555550101", "rcs:…"): it is still that number, so it routes to that number's
 * tenant, never to the fallback. Only for `To`: a sender's channel address stays as sent (it is not a
 * phone we may text; see callerIdOf).
 */
export const ourNumberOf = (raw: string | undefined) => {
  const number = raw?.trim().replace(/^[a-z][a-z0-9+.-]{1,15}:/i, "");
  return (number && normalizePhone(number)) || phoneOf(raw);
};

/**
 * The customer who texted or called from `phone`: created on first contact (with where they came
 * from and their search keys), and marked seen now on every contact. One statement (an upsert).
 */
export async function ensureCustomer(
  tx: TenantTx,
  tenantId: string,
  phone: string,
  source: "sms" | "call" = "sms",
  now: Date = new Date(),
) {
  return tx.customer.upsert({
    where: { tenantId_phone: { tenantId, phone } },
    create: { tenantId, phone, source, lastSeenAt: now, ...customerSearchKeys({ phone }) },
    update: { lastSeenAt: now },
  });
}

/**
 * The customer's conversation, created on first sight: one typed statement (createMany is compiled
 * afresh by Prisma on every call). The insert's row is invisible to the same statement's SELECT, so
 * exactly one half answers.
 */
export async function ensureConversation(
  tx: TenantTx,
  tenantId: string,
  customerId: string,
  tenantNumber: string,
): Promise<Conversation> {
  const [row] = await tx.$queryRaw<Conversation[]>`
    WITH created AS (
      INSERT INTO conversations (tenant_id, id, customer_id, tenant_number)
      VALUES (${tenantId}, gen_random_uuid(), ${customerId}::uuid, ${tenantNumber})
      ON CONFLICT (tenant_id, customer_id) DO NOTHING
      RETURNING *
    ),
    found AS (SELECT * FROM created UNION ALL
              SELECT * FROM conversations WHERE tenant_id = ${tenantId} AND customer_id = ${customerId}::uuid)
    SELECT tenant_id AS "tenantId", id, customer_id AS "customerId", tenant_number AS "tenantNumber",
           last_message_at AS "lastMessageAt", last_message_preview AS "lastMessagePreview",
           last_direction::text AS "lastDirection", unread_count AS "unreadCount", created_at AS "createdAt"
    FROM found LIMIT 1`;
  if (!row) throw new Error(`No conversation for customer ${customerId} after creating it.`);
  return row;
}
