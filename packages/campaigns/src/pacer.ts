// The pace a campaign sends at (issue 15, item 3): each sender (a number, or a Messaging Service's
// pool) has a carrier rate in texts per second, and the drain keeps its sends at least
// `spacingMs(rate)` apart. Pure: the drain keeps each sender's next slot in campaign_sender_paces.
//
// Why spacing and not a per-second counter: a counter that resets on the second allows `rate`
// sends at 0.999 s and `rate` more at 1.000 s, twice the rate in the window between. With every
// send at least ceil(1000 / rate) ms after the previous one, n sends in any window of W ms need
// (n - 1) · spacing < W, so n ≤ ceil(W · rate / 1000): never more than `rate` in any one second
// (for a fractional rate, its ceiling: 1.5/s sends 3 every 2 s, so some second holds 2).

/** US and Canadian toll-free area codes (NANP): their carriers allow 3 texts per second by default. */
export const TOLL_FREE_AREA_CODES = ["800", "833", "844", "855", "866", "877", "888"] as const;

/** Carriers' default rates: a 10DLC long code 1 text/s, a toll-free number 3/s. */
export const LONG_CODE_RATE = 1;
export const TOLL_FREE_RATE = 3;

export const isTollFree = (e164: string): boolean =>
  /^\+1\d{10}$/.test(e164) && (TOLL_FREE_AREA_CODES as readonly string[]).includes(e164.slice(2, 5));

/** A Messaging Service SID (MG + 32 hex): its pool sends, not one number. */
export const isMessagingService = (senderKey: string): boolean => /^MG[0-9a-fA-F]{32}$/.test(senderKey);

export type SenderNumber = {
  phoneNumber: string;
  messagingServiceSid: string | null;
  /** tenant_phone_configs.sms_rate_per_second: null takes the carrier default. */
  smsRatePerSecond: number | null;
};

/** One number's campaign rate: its configured rate, else the carrier default for its kind. */
export function numberRate(number: Pick<SenderNumber, "phoneNumber" | "smsRatePerSecond">): number {
  if (number.smsRatePerSecond !== null && number.smsRatePerSecond > 0) return number.smsRatePerSecond;
  return isTollFree(number.phoneNumber) ? TOLL_FREE_RATE : LONG_CODE_RATE;
}

/**
 * A sender's rate: a Messaging Service's is the sum of its numbers' rates (Twilio spreads its
 * sends over the pool); a number's is its own. A sender the business no longer has on file (its
 * rows were written before the number went) gets the carrier default for its kind, and a Messaging
 * Service with no number left the slowest rate: never faster than a carrier would allow.
 */
export function senderRate(senderKey: string, numbers: readonly SenderNumber[]): number {
  if (isMessagingService(senderKey)) {
    const pool = numbers.filter((n) => n.messagingServiceSid === senderKey);
    return pool.length > 0 ? pool.reduce((sum, n) => sum + numberRate(n), 0) : LONG_CODE_RATE;
  }
  const number = numbers.find((n) => n.phoneNumber === senderKey);
  return numberRate(number ?? { phoneNumber: senderKey, smsRatePerSecond: null });
}

/**
 * Whole milliseconds between two sends of a sender at `ratePerSecond` (rounded up, so the rate is
 * never exceeded; the timestamps it is stored in have millisecond precision).
 */
export function spacingMs(ratePerSecond: number): number {
  if (!(ratePerSecond > 0)) throw new RangeError(`A send rate must be positive, not ${ratePerSecond}.`);
  return Math.max(1, Math.ceil(1000 / ratePerSecond));
}

/** Whether a sender whose next slot is `nextAt` (null: it never sent) may send at `now` (epoch ms). */
export const slotDue = (nextAt: number | null, now: number): boolean => nextAt === null || nextAt <= now;

/** The sender's next slot after a send at `sentAt`: measured from the send, never from the slot it was due. */
export const nextSlotAfter = (sentAt: number, ratePerSecond: number): number => sentAt + spacingMs(ratePerSecond);

/** The most of `times` (epoch ms, any order) that fall in one window [t, t + windowMs). */
export function maxInWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
