/**
 * Call statuses move forward only. Twilio's status callbacks are separate requests with no ordering
 * guarantee, so "ringing" can arrive after "completed". Each callback carries `SequenceNumber`
 * (0, 1, 2… per call leg) when statusCallbackEvent is used: it decides order when both sides have
 * one; otherwise the order of the states does. A terminal status is final either way: nothing
 * reopens an ended call.
 */
export const CALL_STATUSES = [
  "queued",
  "initiated",
  "ringing",
  "in-progress",
  "completed",
  "busy",
  "no-answer",
  "canceled",
  "failed",
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

const RANK: Record<CallStatus, number> = {
  queued: 0,
  initiated: 1,
  ringing: 2,
  "in-progress": 3,
  completed: 4,
  busy: 4,
  "no-answer": 4,
  canceled: 4,
  failed: 4,
};

export const isCallStatus = (value: string): value is CallStatus =>
  (CALL_STATUSES as readonly string[]).includes(value);

export const callStatusRank = (status: CallStatus): number => RANK[status];

/** Statuses after which the call is over (Twilio says nothing more about its state). */
export const isTerminalCallStatus = (status: CallStatus): boolean => RANK[status] === 4;

/** What is stored: the status (null before the first report) and the highest SequenceNumber applied. */
export type StoredCallStatus = { status: CallStatus | null; sequence: number | null };
export type CallStatusReport = { status: CallStatus; sequence: number | null };

/**
 * The stored status after `incoming` arrives, and whether anything changed (an unchanged result
 * means: write nothing, publish nothing). A report with a SequenceNumber at or below the stored one
 * is stale. Without sequence numbers on both sides, only a higher-ranked state moves the call on.
 */
export function advanceCallStatus(
  current: StoredCallStatus,
  incoming: CallStatusReport,
): StoredCallStatus & { changed: boolean } {
  const unchanged = { ...current, changed: false };
  if (current.sequence !== null && incoming.sequence !== null && incoming.sequence <= current.sequence)
    return unchanged;
  const sequence =
    incoming.sequence === null ? current.sequence : Math.max(incoming.sequence, current.sequence ?? incoming.sequence);
  let status = current.status;
  if (status === null) status = incoming.status;
  else if (!isTerminalCallStatus(status)) {
    const ordered = current.sequence !== null && incoming.sequence !== null;
    // A terminal report always ends the call; otherwise the sequence (when both have one) or the rank decides.
    if (isTerminalCallStatus(incoming.status) || (ordered ? true : RANK[incoming.status] > RANK[status]))
      status = incoming.status;
  }
  const changed = status !== current.status || sequence !== current.sequence;
  return changed ? { status, sequence, changed } : unchanged;
}

/** Twilio's CallStatus and SequenceNumber as sent (any case, whitespace), or null when they are not a call status. */
export function callStatusReportOf(
  rawStatus: string | undefined,
  rawSequence: string | undefined,
): CallStatusReport | null {
  const status = (rawStatus ?? "").trim().toLowerCase();
  if (!isCallStatus(status)) return null;
  const digits = (rawSequence ?? "").trim();
  const sequence = /^\d{1,9}$/.test(digits) ? Number.parseInt(digits, 10) : null;
  return { status, sequence };
}
