// Retention policy (issue 16, part 4), pure: what is past a business's windows at a given instant,
// whether a deletion may run, and when the owner of a cancelled business is warned. Everything is
// in UTC milliseconds: a window is "N calendar months before now" in UTC, so the same row is in or
// out on every server whatever its time zone. The jobs (jobs.ts) only apply these answers.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Platform policy: a cancelled business's data is deleted this many days after it was cancelled,
 * unless its retention settings say otherwise (retention_settings.cancelled_deletion_days). The
 * default lives here, in code, not as a column default, so changing the policy changes it for every
 * business that never chose (a null column).
 */
export const CANCELLED_GRACE_DAYS = 30;

/** The owner is warned this many days before a cancelled business's data is deleted. */
export const CANCELLATION_WARNING_DAYS = [14, 7, 1] as const;

export type RetentionWindows = {
  /** Texts older than this many months are deleted; null keeps them forever. */
  messageMonths: number | null;
  /** Call recordings older than this many months are deleted; null keeps them forever. */
  recordingMonths: number | null;
  /** Days after cancellation; null: CANCELLED_GRACE_DAYS. */
  cancelledDeletionDays: number | null;
};

export const DEFAULT_WINDOWS: RetentionWindows = {
  messageMonths: null,
  recordingMonths: null,
  cancelledDeletionDays: null,
};

/**
 * `months` calendar months before `now`, in UTC, at the same time of day. A day the earlier month
 * does not have is clamped to its last day (31 March minus one month is 28 or 29 February), so the
 * cut-off never spills into the next month.
 */
export function monthsBefore(now: Date, months: number): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(now.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(y, m, day, now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()),
  );
}

/** The cut-off for a window of `months` (null: keep forever, no cut-off). */
export function cutoffFor(now: Date, months: number | null): Date | null {
  return months === null ? null : monthsBefore(now, months);
}

/**
 * Whether a row created at `at` is past the cut-off. A row exactly at the cut-off is kept (it is
 * exactly N months old, not older); one millisecond older is deleted. The SQL says the same: `< cutoff`.
 */
export function isPastCutoff(at: Date, cutoff: Date | null): boolean {
  return cutoff !== null && at.getTime() < cutoff.getTime();
}

export type HoldState = { legalHoldAt: Date | null };

/** Why a deletion may not run, or null when it may. */
export type Refusal = "legal_hold" | "not_cancelled" | "grace_not_over" | "already_purged";

/** Any deletion (retention windows, an erasure, a purge): never while a legal hold is on. */
export function deletionRefusal(tenant: HoldState): Refusal | null {
  return tenant.legalHoldAt ? "legal_hold" : null;
}

export type CancelledTenant = HoldState & {
  status: string;
  cancelledAt: Date | null;
  dataPurgedAt: Date | null;
};

/** When a cancelled business's data is due for deletion (null: it is not cancelled). */
export function purgeDueAt(tenant: Pick<CancelledTenant, "status" | "cancelledAt">, days: number | null): Date | null {
  if (tenant.status !== "cancelled" || !tenant.cancelledAt) return null;
  return new Date(tenant.cancelledAt.getTime() + (days ?? CANCELLED_GRACE_DAYS) * DAY_MS);
}

/** Whether a cancelled business's data may be deleted now: cancelled, the grace over, no hold, not done. */
export function purgeRefusal(tenant: CancelledTenant, days: number | null, now: Date): Refusal | null {
  const hold = deletionRefusal(tenant);
  if (hold) return hold;
  if (tenant.dataPurgedAt) return "already_purged";
  const due = purgeDueAt(tenant, days);
  if (!due) return "not_cancelled";
  return now.getTime() < due.getTime() ? "grace_not_over" : null;
}

/**
 * The warning to send now, if any: the nearest threshold (14, 7, 1 days before deletion) that has
 * been reached and not yet sent. Only the nearest is sent: a job that missed the 14-day warning
 * (the business was cancelled 10 days before its deletion) sends the 7-day one, not both. The
 * returned `covers` are the thresholds to record as sent with it (it and every earlier one).
 */
export function dueWarning(
  dueAt: Date,
  now: Date,
  sent: readonly number[],
): { daysBefore: number; covers: number[] } | null {
  if (now.getTime() >= dueAt.getTime()) return null;
  const reached = CANCELLATION_WARNING_DAYS.filter((days) => now.getTime() >= dueAt.getTime() - days * DAY_MS);
  if (reached.length === 0) return null;
  const nearest = Math.min(...reached);
  if (sent.includes(nearest)) return null;
  return { daysBefore: nearest, covers: [...reached] };
}

/** What the retention screen shows as next: the cut-offs a nightly run at `now` would apply. */
export function nextCutoffs(windows: RetentionWindows, now: Date) {
  return {
    messagesBefore: cutoffFor(now, windows.messageMonths),
    recordingsBefore: cutoffFor(now, windows.recordingMonths),
  };
}
