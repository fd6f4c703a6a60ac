// Rebook reminders ("time for your next visit", issue 15, item 5). The installed pack's cadences
// say how often a service is due again ("detail every 8 weeks"); completing an appointment of such a
// service calls `scheduleRebookReminder` in the same transaction, next to the review request: one
// row per visit (unique per appointment, so once per cycle), due the cadence's interval after the
// visit started. The caller queues the row's job after commit (`enqueueRebookReminders`); the job
// (packages/sms rebook-reminder-worker.ts) re-checks everything at send time, so the row is the truth.
//
// Any booking stops a reminder, and only the job decides that, when it runs: it skips ("booked")
// when the customer has an appointment other than the visit that is not cancelled and was booked
// after the visit or starts after it. Marking rows when a booking is made would miss bookings made
// on paths that never pass here (a series, an import, a future channel) and, worse, could not undo
// itself when that booking is cancelled again; read at send time, the answer is always the current one.
import { TZDate } from "@date-fns/tz";
import type { TenantTx } from "@servicepro/db";
import { cadenceSchema, type PackCadence } from "@servicepro/industry-packs";
import { addDays } from "date-fns";

/** What a rebook-reminder job carries: the row to re-read. */
export type RebookReminderJob = { tenantId: string; rebookReminderId: string };

/** Where rebook-reminder jobs go (pg-boss's `rebook.reminder` queue; see packages/sms rebook-reminder-worker). */
export type RebookReminderQueue = {
  /** Queues one job per id, starting at the row's due time (a duplicate job sends nothing). */
  enqueue(tenantId: string, rebookReminderIds: readonly string[]): Promise<void>;
};

/** After the completing transaction committed: queue the jobs `scheduleRebookReminder` asked for. */
export async function enqueueRebookReminders(
  queue: RebookReminderQueue,
  tenantId: string,
  rebookReminderIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(rebookReminderIds)];
  if (ids.length > 0) await queue.enqueue(tenantId, ids);
}

/**
 * The cadences of an installed pack's snapshot (its `cadences`). A cadence the current schema
 * can't read (a snapshot from an older pack format) is left out rather than failing the visit.
 */
export function cadencesOf(snapshot: unknown): PackCadence[] {
  const list = (snapshot as { cadences?: unknown } | null)?.cadences;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => {
    const parsed = cadenceSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The reminder cadence of a service, by its pack item id: among the `reminder`-mode cadences that
 * list it, the shortest interval (the first nudge that is due; the first in the pack on a tie).
 * `recurring` cadences schedule the next visit themselves, so they never nudge. A service the
 * business created itself has no pack item id (`packItemId` null) and so gets no cadence; a pack
 * service it edited keeps its pack item id, and its cadence.
 */
export function rebookCadenceFor(cadences: readonly PackCadence[], packItemId: string | null): PackCadence | null {
  if (!packItemId) return null;
  let best: PackCadence | null = null;
  for (const cadence of cadences) {
    if (cadence.mode !== "reminder" || !cadence.serviceIds.includes(packItemId)) continue;
    if (!best || cadence.intervalDays < best.intervalDays) best = cadence;
  }
  return best;
}

/** Whether `month` (1–12) is in a cadence's season (which may wrap over New Year); no season: always. */
export function inSeason(season: PackCadence["season"], month: number): boolean {
  if (!season) return true;
  const { fromMonth, toMonth } = season;
  return fromMonth <= toMonth ? month >= fromMonth && month <= toMonth : month >= fromMonth || month <= toMonth;
}

/** The cadences of the business's installed pack (the latest install's snapshot); none without a pack. */
export async function loadRebookCadences(tx: TenantTx): Promise<PackCadence[]> {
  const install = await tx.packInstall.findFirst({
    orderBy: [{ installedAt: "desc" }, { id: "desc" }],
    select: { snapshot: true },
  });
  return install ? cadencesOf(install.snapshot) : [];
}

/**
 * When a visit's reminder is due: the cadence's interval in calendar days after the visit's start,
 * at the same local time (so a daylight-saving change between them doesn't move it an hour).
 */
export function rebookDueAt(visitStartsAt: Date, intervalDays: number, timeZone: string): Date {
  return new Date(+addDays(new TZDate(+visitStartsAt, timeZone), intervalDays));
}

/**
 * Queues the rebook reminder for a just-completed visit. Nothing when the business has rebook
 * reminders off (a visit completed while they were off is not nudged later), when its installed
 * pack has no reminder cadence for the visit's service (custom services have none, see
 * rebookCadenceFor), or when the visit already has one. The customer's earlier queued reminders for
 * the same service (from visits that started before this one) are skipped as "superseded": this
 * visit starts a new cycle. Returns the ids whose jobs must be queued after commit.
 */
export async function scheduleRebookReminder(
  tx: TenantTx,
  visit: { tenantId: string; id: string; customerId: string; serviceId: string; startsAt: Date },
): Promise<string[]> {
  const settings = await tx.automationSettings.findFirst({ select: { rebookRemindersEnabled: true } });
  if (!settings?.rebookRemindersEnabled) return [];
  const service = await tx.service.findFirst({ where: { id: visit.serviceId }, select: { packItemId: true } });
  const cadence = rebookCadenceFor(await loadRebookCadences(tx), service?.packItemId ?? null);
  if (!cadence) return [];
  const existing = await tx.rebookReminder.findFirst({ where: { appointmentId: visit.id }, select: { id: true } });
  if (existing) return [];
  await tx.rebookReminder.updateMany({
    where: {
      customerId: visit.customerId,
      serviceId: visit.serviceId,
      status: "queued",
      appointment: { startsAt: { lt: visit.startsAt } },
    },
    data: { status: "skipped", statusReason: "superseded" },
  });
  const tenant = await tx.tenant.findFirstOrThrow({ select: { timezone: true } });
  const created = await tx.rebookReminder.create({
    data: {
      tenantId: visit.tenantId,
      customerId: visit.customerId,
      appointmentId: visit.id,
      serviceId: visit.serviceId,
      dueAt: rebookDueAt(visit.startsAt, cadence.intervalDays, tenant.timezone),
    },
    select: { id: true },
  });
  return [created.id];
}
