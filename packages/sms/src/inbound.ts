/**
 * What every Twilio webhook handler (texts here, calls in @servicepro/voice) shares: its
 * dependencies, the form parameters, and the caller's customer and conversation rows, created on
 * first sight.
 */
import type { Database, TenantTx } from "@servicepro/db";
import { normalizePhone, type UnroutedPolicy } from "@servicepro/telephony";
import type { MessagingEvents, Outbox } from "./types.ts";

export type IntakeDeps = {
  db: Database;
  outbox: Outbox;
  events: MessagingEvents;
  unroutedPolicy: UnroutedPolicy;
  /** Public URL of the booking page when a number has none configured: `${base}/portal/<slug>`. */
  publicBaseUrl: string;
  now?: () => Date;
};

export type TwilioParams = Record<string, string>;

/** A number as Twilio sent it, in E.164 when it parses (empty when absent). */
export const phoneOf = (raw: string | undefined) => (raw ? (normalizePhone(raw) ?? raw.trim()) : "");

export async function ensureCustomer(tx: TenantTx, tenantId: string, phone: string) {
  await tx.customer.createMany({ data: [{ tenantId, phone }], skipDuplicates: true });
  return tx.customer.findFirstOrThrow({ where: { phone } });
}

export async function ensureConversation(tx: TenantTx, tenantId: string, customerId: string, tenantNumber: string) {
  await tx.conversation.createMany({ data: [{ tenantId, customerId, tenantNumber }], skipDuplicates: true });
  return tx.conversation.findFirstOrThrow({ where: { customerId } });
}
