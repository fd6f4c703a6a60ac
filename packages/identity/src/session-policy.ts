/**
 * Staff session lifetimes: 30 minutes idle, 12 hours absolute (OWASP ASVS 3.3.2 L2, NIST
 * 800-63B AAL2 re-authentication).
 */
export const SESSION_POLICY = {
  idleTimeoutMs: 30 * 60 * 1000,
  absoluteTimeoutMs: 12 * 60 * 60 * 1000,
  /** Don't write last-seen on every request: once a minute is precise enough for a 30-minute idle limit. */
  touchIntervalMs: 60 * 1000,
} as const;

export type SessionPolicy = typeof SESSION_POLICY;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };

export type SessionState = "active" | "idle_expired" | "expired";

export function sessionState(session: SessionTimes, now: Date, policy: SessionPolicy = SESSION_POLICY): SessionState {
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= policy.idleTimeoutMs) return "idle_expired";
  return "active";
}

export const sessionExpiry = (createdAt: Date, policy: SessionPolicy = SESSION_POLICY): Date =>
  new Date(createdAt.getTime() + policy.absoluteTimeoutMs);

/** Whether a request should refresh the session's last-seen time. */
export const shouldTouch = (lastSeenAt: Date, now: Date, policy: SessionPolicy = SESSION_POLICY): boolean =>
  now.getTime() - lastSeenAt.getTime() >= policy.touchIntervalMs;

/**
 * Sign-in throttling (ASVS 6.3.1, NIST 800-63B §5.2.2: at most 100 consecutive failures per
 * account). Failed attempts are counted over one window by three keys, and past any of them sign-in
 * is refused for the rest of its window, even with the right password:
 * - an account from one client address: the everyday limit, and the only one a successful sign-in
 *   clears. Someone guessing from one address locks out only that address, never the real user on
 *   theirs;
 * - a client address across every account: one address spraying passwords over many accounts;
 * - an account across every address: the last resort against guessing spread over many addresses,
 *   high enough that one attacker's address alone can never reach it (every address stops at
 *   `maxFailuresPerAccountAndAddress` for one account), so it locks everyone out only under a
 *   distributed attack.
 */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccountAndAddress: 10,
  maxFailuresPerAddress: 50,
  maxFailuresPerAccount: 100,
} as const;

export type LoginThrottlePolicy = {
  readonly windowMs: number;
  readonly maxFailuresPerAccountAndAddress: number;
  readonly maxFailuresPerAddress: number;
  readonly maxFailuresPerAccount: number;
};
