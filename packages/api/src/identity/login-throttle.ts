// Failed sign-ins, counted in the shared PostgreSQL store (shared-limits.ts) so every server process
// sees the same counts and a restart forgets nothing. The policy and its reasons: LOGIN_THROTTLE in
// packages/identity.
import type { Database } from "@servicepro/db";
import { LOGIN_THROTTLE, type LoginThrottlePolicy } from "@servicepro/identity";
import { createSharedLimiter, type LimitVerdict, type SharedLimiter, strictest } from "../shared-limits.ts";

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
  const keysOf = (account: string, ip: string | undefined) => {
    const address = addressOf(ip);
    // In this order: see attempt().
    return [
      [pair, pairKey(account, address)],
      [perAddress, address],
      [perAccount, account],
    ] as const;
  };
  return {
    policy,
    /**
     * Sign-in: takes one failure under each key before the password is checked, so attempts made at
     * once cannot all pass a check none of them has counted yet; the points stay taken if the
     * password is wrong, and succeeded() gives them back. The keys are taken one after another,
     * narrowest first, and a refusal gives back everything this attempt took: so attempts refused
     * for one account at one address never touch the account's count across addresses, and an
     * attacker hammering a locked pair cannot push the real user's account over its limit.
     */
    async attempt(account: string, ip: string | undefined): Promise<LimitVerdict> {
      const taken: (readonly [SharedLimiter, string])[] = [];
      const verdicts: LimitVerdict[] = [];
      for (const [limiter, key] of keysOf(account, ip)) {
        const verdict = await limiter.consume(key);
        taken.push([limiter, key]);
        verdicts.push(verdict);
        if (!verdict.allowed) {
          await Promise.all(taken.map(([l, k]) => l.refund(k)));
          return verdict;
        }
      }
      return strictest(verdicts);
    },
    /**
     * The password was right: the attempt's points are given back, and this address's failures for
     * the account are forgotten. The address's count across accounts and the account's count across
     * addresses stay: clearing them would let a spraying address or a distributed guesser start
     * over whenever someone signs in.
     */
    async succeeded(account: string, ip: string | undefined): Promise<void> {
      const [[, pairKeyOf], ...wider] = keysOf(account, ip);
      await Promise.all([pair.reset(pairKeyOf), ...wider.map(([limiter, key]) => limiter.refund(key))]);
    },
    /**
     * Onboarding links: whether an attempt may go ahead, without counting it (a link that works is
     * not a failure). Guessing a 256-bit token gains nothing from racing the check.
     */
    async check(account: string, ip: string | undefined): Promise<LimitVerdict> {
      return strictest(await Promise.all(keysOf(account, ip).map(([limiter, key]) => limiter.peek(key))));
    },
    /** Onboarding links: a failed attempt counts against all three limits. */
    async recordFailure(account: string, ip: string | undefined): Promise<void> {
      await Promise.all(keysOf(account, ip).map(([limiter, key]) => limiter.consume(key)));
    },
    /** Onboarding links: a link that signed its owner in forgets this address's sign-in failures for them. */
    async recordSuccess(account: string, ip: string | undefined): Promise<void> {
      await pair.reset(pairKey(account, addressOf(ip)));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
