/**
 * What a staged Twilio event is, and what makes two webhooks the same event (pure). The keys are
 * chosen so a redelivery is the same row and independent events are different rows:
 * - a text: its MessageSid (Twilio retries the same SID);
 * - a delivery status: the MessageSid and the status (sent, then delivered, are two events;
 *   a repeated "delivered" is one);
 * - a call's first webhook: its CallSid.
 * Events with the same order key are applied in arrival order: a sender's texts (one
 * conversation), a message's statuses, a call's events. Keys include the tenant where the same
 * address could belong to two tenants.
 */
import type { TwilioParams } from "@servicepro/sms";

export const TWILIO_EVENT_KINDS = ["sms_incoming", "sms_status", "voice_incoming"] as const;
export type TwilioEventKind = (typeof TWILIO_EVENT_KINDS)[number];

/** How the acknowledgement routed the event; the worker applies it to that tenant, as it was answered. */
export type EventRoute = { phoneNumber: string | null; routedByFallback: boolean };

export type StagedEvent = {
  tenantId: string;
  kind: TwilioEventKind;
  dedupeKey: string;
  orderKey: string;
  fromNumber: string | null;
  params: TwilioParams;
  query: Record<string, string>;
  route: EventRoute;
};

/** A staged event a worker has leased (app_claim_twilio_events). */
export type ClaimedEvent = StagedEvent & { seq: bigint; attempts: number; receivedAt: Date };

/** SIDs are short tokens; anything longer is cut so a hostile value cannot bloat a key. */
const key = (value: string | undefined) => (value ?? "").trim().slice(0, 64);

export function smsIncomingEvent(
  tenantId: string,
  params: TwilioParams,
  route: EventRoute,
  sender: string,
): StagedEvent {
  return {
    tenantId,
    kind: "sms_incoming",
    dedupeKey: key(params.MessageSid ?? params.SmsSid),
    orderKey: `sms:${tenantId}:${sender}`,
    fromNumber: sender,
    params,
    query: {},
    route,
  };
}

export function smsStatusEvent(
  tenantId: string,
  params: TwilioParams,
  query: Record<string, string>,
  route: EventRoute,
): StagedEvent {
  const sid = key(params.MessageSid ?? params.SmsSid);
  const status = key(params.MessageStatus ?? params.SmsStatus).toLowerCase();
  return {
    tenantId,
    kind: "sms_status",
    dedupeKey: `${sid}:${status}:${key(params.ErrorCode)}`,
    orderKey: `status:${sid}`,
    fromNumber: null,
    params,
    query,
    route,
  };
}

export function voiceIncomingEvent(
  tenantId: string,
  params: TwilioParams,
  query: Record<string, string>,
  route: EventRoute,
): StagedEvent {
  const callSid = key(params.CallSid);
  return {
    tenantId,
    kind: "voice_incoming",
    dedupeKey: callSid,
    orderKey: `call:${callSid}`,
    fromNumber: null,
    params,
    query,
    route,
  };
}
