import { LOGIN_THROTTLE } from "@servicepro/identity";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts failed sign-ins per account and per client address (in this process's memory: a restart
 * forgets them, and several server processes each count their own share).
 */
export function createLoginThrottle(policy = LOGIN_THROTTLE) {
  const duration = Math.ceil(policy.windowMs / 1000);
  const perAccount = new RateLimiterMemory({
    keyPrefix: "login-account",
    points: policy.maxFailuresPerAccount,
    duration,
  });
  const perAddress = new RateLimiterMemory({
    keyPrefix: "login-address",
    points: policy.maxFailuresPerAddress,
    duration,
  });
  const blocked = async (limiter: RateLimiterMemory, key: string, limit: number) => {
    const state = await limiter.get(key);
    return state && state.consumedPoints >= limit ? Math.ceil(state.msBeforeNext / 1000) : 0;
  };
  return {
    async check(email: string, ip: string | undefined): Promise<ThrottleVerdict> {
      const waits = await Promise.all([
        blocked(perAccount, email, policy.maxFailuresPerAccount),
        ip ? blocked(perAddress, ip, policy.maxFailuresPerAddress) : 0,
      ]);
      const retryAfterSeconds = Math.max(...waits);
      return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
    },
    async recordFailure(email: string, ip: string | undefined): Promise<void> {
      // consume() rejects with a RateLimiterRes once the limit is passed: that is the point, not an error.
      const swallow = (error: unknown) => {
        if (!(error instanceof RateLimiterRes)) throw error;
      };
      await Promise.all([
        perAccount.consume(email).catch(swallow),
        ip ? perAddress.consume(ip).catch(swallow) : undefined,
      ]);
    },
    async recordSuccess(email: string): Promise<void> {
      await perAccount.delete(email);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
