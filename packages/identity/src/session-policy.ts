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
 * account). Failures are counted per account and per client address over a window; past the limit,
 * sign-in is refused for the rest of the window, even with the right password.
 */
export const LOGIN_THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerAccount: 10,
  maxFailuresPerAddress: 50,
} as const;
