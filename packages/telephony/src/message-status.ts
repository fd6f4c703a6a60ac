/**
 * Message statuses move forward only. Twilio's status callbacks are separate requests with no
 * ordering guarantee, so "sent" can arrive after "delivered"; a later callback of a lower rank
 * is recorded in the history but never overwrites the status. `not_sent`: no provider is
 * configured, so the dev sender only recorded and logged the text.
 */
export const MESSAGE_STATUSES = [
  "received",
  "pending",
  "submitting",
  "unknown",
  "accepted",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "read",
  "suppressed",
  "not_sent",
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

const RANK: Record<MessageStatus, number> = {
  received: 0,
  pending: 0,
  submitting: 1,
  unknown: 1,
  accepted: 2,
  queued: 3,
  sending: 4,
  sent: 5,
  undelivered: 6,
  failed: 6,
  delivered: 7,
  read: 8,
  suppressed: 9,
  // Only recorded and logged (no provider configured): it never left, so nothing can follow.
  not_sent: 9,
};

export const isMessageStatus = (value: string): value is MessageStatus =>
  (MESSAGE_STATUSES as readonly string[]).includes(value);

export const statusRank = (status: MessageStatus): number => RANK[status];

/** The status after `incoming` arrives: `incoming` only if it ranks higher than `current`. */
export function advanceStatus(current: MessageStatus, incoming: MessageStatus): MessageStatus {
  return RANK[incoming] > RANK[current] ? incoming : current;
}

/** Outcomes after which Twilio will say nothing more about delivery. */
export const isFinalStatus = (status: MessageStatus): boolean => RANK[status] >= 6;

/** Twilio error codes that mean "do not send to this number again" (21610: the recipient replied STOP). */
export const OPTED_OUT_ERROR_CODE = 21610;
