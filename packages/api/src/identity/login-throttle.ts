// Failed sign-ins, counted in the shared PostgreSQL store (shared-limits.ts) so every server process
// sees the same counts and a restart forgets nothing. The policy and its reasons: LOGIN_THROTTLE in
// packages/identity.
import type { Database } from "@servicepro/db";
import { LOGIN_THROTTLE, type LoginThrottlePolicy } from "@servicepro/identity";
import { createSharedLimiter, type LimitVerdict, strictest } from "../shared-limits.ts";

/**
 * Requests without a known client address (none in production: the socket always has one) are
 * counted as one address, so they are throttled together rather than not at all.
 */
const UNKNOWN_ADDRESS = "unknown";

/**
 * `account` is what is being guessed at: a normalised email for sign-in, `onboarding:<token id>` for
 * an onboarding link. `ip` is the client address (RequestInfo.ip).
 */
export function createLoginThrottle(db: Database, policy: LoginThrottlePolicy = LOGIN_THROTTLE) {
  const durationSeconds = Math.ceil(policy.windowMs / 1000);
  const pair = createSharedLimiter(db, {
    name: "login-account-address",
    points: policy.maxFailuresPerAccountAndAddress,
    durationSeconds,
  });
  const perAddress = createSharedLimiter(db, {
    name: "login-address",
    points: policy.maxFailuresPerAddress,
    durationSeconds,
  });
  const perAccount = createSharedLimiter(db, {
    name: "login-account",
    points: policy.maxFailuresPerAccount,
    durationSeconds,
  });
  // JSON keeps the pair unambiguous ("a|b" + "c" must not meet "a" + "b|c"); the store hashes it.
  const pairKey = (account: string, address: string) => JSON.stringify([account, address]);
  const addressOf = (ip: string | undefined) => ip ?? UNKNOWN_ADDRESS;
  return {
    policy,
    /** Whether an attempt may go ahead; refused with the longest wait of the limits it is past. */
    async check(account: string, ip: string | undefined): Promise<LimitVerdict> {
      const address = addressOf(ip);
      return strictest(
        await Promise.all([pair.peek(pairKey(account, address)), perAddress.peek(address), perAccount.peek(account)]),
      );
    },
    /** A failed attempt counts against all three limits (a refused attempt is not counted: it was never tried). */
    async recordFailure(account: string, ip: string | undefined): Promise<void> {
      const address = addressOf(ip);
      await Promise.all([
        pair.consume(pairKey(account, address)),
        perAddress.consume(address),
        perAccount.consume(account),
      ]);
    },
    /**
     * A successful sign-in forgets this address's failures for the account. The address's count
     * across accounts and the account's count across addresses stay: clearing them would let a
     * spraying address or a distributed guesser start over whenever someone signs in.
     */
    async recordSuccess(account: string, ip: string | undefined): Promise<void> {
      await pair.reset(pairKey(account, addressOf(ip)));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
