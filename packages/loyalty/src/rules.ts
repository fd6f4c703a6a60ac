// The loyalty programme's rules as plain data in, plain data out (no database): what a visit earns,
// which tier points reach, when an idle balance lapses, and the words the ledger and refusals use.
import { addMonths } from "date-fns";

export type EarnRules = { pointsPerDollar: number; pointsPerVisit: number };
export type Tier = { name: string; minPoints: number };

/** Points for a completed visit: whole dollars charged × points per dollar, plus the per-visit points. */
export function visitPoints(chargedCents: number, rules: EarnRules): number {
  const dollars = Math.floor(Math.max(0, chargedCents) / 100);
  return dollars * rules.pointsPerDollar + rules.pointsPerVisit;
}

/**
 * Tiers as stored (json): the well-formed ones, ascending by their threshold. A row that no longer
 * parses loses its bad entries rather than breaking the customer's page.
 */
export function tiersOf(value: unknown): Tier[] {
  const raw = typeof value === "string" ? safeJson(value) : value;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(
      (t): t is Tier =>
        !!t &&
        typeof t === "object" &&
        typeof (t as Tier).name === "string" &&
        Number.isInteger((t as Tier).minPoints) &&
        (t as Tier).minPoints > 0,
    )
    .map(({ name, minPoints }) => ({ name, minPoints }))
    .sort((a, b) => a.minPoints - b.minPoints);
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}

/** The tier `earned` (points ever earned) reaches, and the next one with the points still to go. */
export function tierFor(
  earned: number,
  tiers: readonly Tier[],
): { tier: string | null; nextTier: { name: string; pointsToGo: number } | null } {
  const sorted = [...tiers].sort((a, b) => a.minPoints - b.minPoints);
  const reached = sorted.filter((t) => earned >= t.minPoints).at(-1) ?? null;
  const next = sorted.find((t) => earned < t.minPoints) ?? null;
  return {
    tier: reached?.name ?? null,
    nextTier: next ? { name: next.name, pointsToGo: next.minPoints - earned } : null,
  };
}

/**
 * When a balance lapses: `expiryMonths` after the last time points were earned or redeemed. Null when
 * points never expire, there is nothing to lapse, or there has been no activity to count from.
 */
export function lapseDate(balance: number, lastActivityAt: Date | null, expiryMonths: number | null): Date | null {
  if (expiryMonths === null || balance <= 0 || !lastActivityAt) return null;
  return addMonths(lastActivityAt, expiryMonths);
}

/** Whether the balance has lapsed at `now` (the lapse date has been reached). */
export function hasLapsed(
  balance: number,
  lastActivityAt: Date | null,
  expiryMonths: number | null,
  now: Date,
): boolean {
  const at = lapseDate(balance, lastActivityAt, expiryMonths);
  return at !== null && at.getTime() <= now.getTime();
}

/** Ledger kinds that count as activity for expiry: earning (visits, bonuses, staff additions) and redeeming. */
export const ACTIVITY_KINDS = ["visit", "review_bonus", "referral_bonus", "adjust", "redeem"] as const;

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** "You have 80 points; this reward needs 100." */
export function shortOfPointsMessage(balance: number, cost: number): string {
  return `You have ${plural(balance, "point")}; this reward needs ${cost.toLocaleString("en-US")}.`;
}

export type EntryForDescription = {
  kind: string;
  points: number;
  reason: string | null;
  serviceName: string | null;
  visitAt: Date | null;
  rewardName: string | null;
  expiryMonths: number | null;
};

/** "Dec 7" in the business's zone. */
export function shortDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone }).format(at);
}

/** One ledger line as a person reads it: "Full Detail on Dec 7", "Redeemed: $10 off", "Adjusted by staff: goodwill". */
export function describeEntry(entry: EntryForDescription, timeZone: string): string {
  const reason = entry.reason ? `: ${entry.reason}` : "";
  switch (entry.kind) {
    case "visit": {
      const what = entry.serviceName ?? "Visit";
      return entry.visitAt ? `${what} on ${shortDate(entry.visitAt, timeZone)}` : what;
    }
    case "review_bonus":
      return `Review bonus${reason}`;
    case "referral_bonus":
      return `Referral bonus${reason}`;
    case "redeem":
      return `Redeemed: ${entry.rewardName ?? "a reward"}`;
    case "refund":
      return `Returned: ${entry.rewardName ?? "a reward"} was cancelled`;
    case "adjust":
      return `Adjusted by staff${reason}`;
    case "expire":
      return entry.expiryMonths
        ? `Expired after ${plural(entry.expiryMonths, "month")} without activity`
        : "Expired after a time without activity";
    default:
      return entry.kind;
  }
}
