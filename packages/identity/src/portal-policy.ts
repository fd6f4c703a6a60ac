/**
 * Customer portal sessions and sign-in limits (issue 14). Customers are not staff: a session is for
 * one business and one customer, and "remember this device" keeps a returning customer signed in
 * for weeks (revocable: signing out everywhere ends every device's session).
 */
export type CustomerSessionPolicy = { idleTimeoutMs: number; absoluteTimeoutMs: number };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export const CUSTOMER_SESSION_POLICY = {
  /** A session on a shared or borrowed device: ends after 2 idle hours, or a day. */
  standard: { idleTimeoutMs: 2 * HOUR, absoluteTimeoutMs: DAY },
  /** "Remember this device": 30 idle days, 90 days at most. */
  remembered: { idleTimeoutMs: 30 * DAY, absoluteTimeoutMs: 90 * DAY },
  /** Last-seen is written at most this often. */
  touchIntervalMs: 60 * 1000,
} as const;

export const customerSessionPolicy = (remember: boolean): CustomerSessionPolicy =>
  remember ? CUSTOMER_SESSION_POLICY.remembered : CUSTOMER_SESSION_POLICY.standard;

/**
 * Limits on asking for and trying sign-in codes and links, shared by every server process
 * (PostgreSQL store). Sends are limited per phone, per client address and per business (texts cost
 * the business money); wrong codes per phone, per address and per business, so guesses spread over
 * many phones and addresses still hit a ceiling: at 300 wrong codes an hour a business's portal
 * gives a guesser a 1-in-3,300 chance per hour at one of its customers.
 */
export const PORTAL_LIMITS = {
  /** One code or link per phone per this many seconds (the resend cool-down). */
  resendAfterSeconds: 30,
  sendsPerPhonePerHour: 5,
  sendsPerAddressPerHour: 20,
  sendsPerBusinessPerHour: 500,
  failuresPerPhonePerHour: 15,
  failuresPerAddressPerHour: 30,
  failuresPerBusinessPerHour: 300,
} as const;
