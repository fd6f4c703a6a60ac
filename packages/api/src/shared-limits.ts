// Rate limits every server process shares: rate-limiter-flexible's RateLimiterPostgres over the
// `rate_limits` table (see the portal_loyalty migration), its queries run through Prisma so the
// same code works on PostgreSQL and on embedded PGlite. Keys are hashed before they are stored:
// the table never holds a phone number, an email address or a client address.
import { createHash } from "node:crypto";
import type { Database } from "@servicepro/db";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

export type LimitVerdict = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** One limit: at most `points` per `durationSeconds` per key. */
export type LimitPolicy = { name: string; points: number; durationSeconds: number };

export type SharedLimiter = {
  readonly policy: LimitPolicy;
  /** Takes points; refused (nothing taken beyond the limit) once the key has used them all. */
  consume(key: string, points?: number): Promise<LimitVerdict>;
  /** Whether the key is already at its limit, without taking anything. */
  peek(key: string): Promise<LimitVerdict>;
  /** Gives back points taken for an attempt that turned out not to count (a reservation released). */
  refund(key: string, points?: number): Promise<void>;
  /** Forgets the key (a successful sign-in clears its failures). */
  reset(key: string): Promise<void>;
};

type Row = Record<string, unknown>;

/**
 * RateLimiterPostgres speaks node-postgres (`query({ text, values }) → { rows }`); this runs the
 * same statements through Prisma. `expire` is a BIGINT of epoch milliseconds, which Prisma returns
 * as a bigint: the library does arithmetic on it, so it is handed back as a number.
 */
function prismaStoreClient(db: Database) {
  return {
    async query(q: { text: string; values?: unknown[] }): Promise<{ rows: Row[]; rowCount: number }> {
      const values = (q.values ?? []).map((v) => (typeof v === "number" && Number.isInteger(v) ? BigInt(v) : v));
      // The library reads rowCount: for a DELETE it is the affected rows, for the rest the rows returned.
      if (/^\s*DELETE\b/i.test(q.text)) {
        return { rows: [], rowCount: await db.prisma.$executeRawUnsafe(q.text, ...values) };
      }
      const rows = await db.prisma.$queryRawUnsafe<Row[]>(q.text, ...values);
      return {
        rowCount: rows.length,
        rows: rows.map((row) => ({
          ...row,
          ...(typeof row.points === "bigint" ? { points: Number(row.points) } : {}),
          ...(typeof row.expire === "bigint" ? { expire: Number(row.expire) } : {}),
        })),
      };
    },
  };
}

export const hashLimitKey = (key: string) => createHash("sha256").update(key).digest("base64url");

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export function createSharedLimiter(db: Database, policy: LimitPolicy): SharedLimiter {
  const limiter = new RateLimiterPostgres({
    storeClient: prismaStoreClient(db),
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    // Expired rows are removed by the maintenance sweep (deleteExpiredLimits), not a timer per limiter.
    clearExpiredByTimeout: false,
    keyPrefix: policy.name,
    points: policy.points,
    duration: policy.durationSeconds,
  });
  return {
    policy,
    async consume(key, points = 1) {
      try {
        const res = await limiter.consume(hashLimitKey(key), points);
        return { allowed: true, remaining: res.remainingPoints };
      } catch (error) {
        // consume() rejects with a RateLimiterRes once the limit is passed: that is the answer, not a failure.
        if (error instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: secondsOf(error) };
        throw error;
      }
    },
    async peek(key) {
      const res = await limiter.get(hashLimitKey(key));
      if (res && res.consumedPoints >= policy.points) return { allowed: false, retryAfterSeconds: secondsOf(res) };
      return { allowed: true, remaining: policy.points - (res?.consumedPoints ?? 0) };
    },
    async refund(key, points = 1) {
      await limiter.reward(hashLimitKey(key), points);
    },
    async reset(key) {
      await limiter.delete(hashLimitKey(key));
    },
  };
}

/** The strictest of several verdicts: refused if any refuses, with the longest wait. */
export function strictest(verdicts: LimitVerdict[]): LimitVerdict {
  const refused = verdicts.filter((v): v is Extract<LimitVerdict, { allowed: false }> => !v.allowed);
  if (refused.length > 0)
    return { allowed: false, retryAfterSeconds: Math.max(...refused.map((v) => v.retryAfterSeconds)) };
  return { allowed: true, remaining: Math.min(...verdicts.map((v) => (v.allowed ? v.remaining : 0))) };
}

/** Deletes counters that expired over an hour ago (run by the worker's maintenance schedule). */
export async function deleteExpiredLimits(db: Database, now: Date): Promise<number> {
  return db.prisma.$executeRaw`DELETE FROM rate_limits WHERE expire < ${BigInt(now.getTime() - 3_600_000)}`;
}
