// Reminders and confirmations follow the appointment (issue 10, item 6). Every booking mutation calls
// `syncReminders` in its own transaction, after its change, and enqueues the returned reminder ids'
// jobs once that transaction has committed (`enqueueReminders`). The rows are the truth: the job
// that sends one re-reads its row and the appointment, and sends only while the row is still
// scheduled for the appointment's current start, so a stale job (the appointment moved or was
// cancelled after it was queued) sends nothing.
import type { AppointmentReminder, TenantTx } from "@servicepro/db";

/** Appointments in these states get no more texts: every scheduled reminder is cancelled. */
const FINAL_STATUSES = new Set(["cancelled", "completed", "no_show"]);

/** What a reminder job carries: the row to re-read (everything else is read at send time). */
export type ReminderJob = { tenantId: string; reminderId: string };

/** Where reminder jobs go (pg-boss's `appointment.reminder` queue; see packages/sms reminder-worker). */
export type ReminderQueue = {
  /** Queues one job per id; the job runs at the reminder's due time (a duplicate job sends nothing). */
  enqueue(tenantId: string, reminderIds: readonly string[]): Promise<void>;
};

/** After the booking's transaction committed: queue the jobs `syncReminders` asked for. */
export async function enqueueReminders(
  queue: ReminderQueue,
  tenantId: string,
  reminderIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(reminderIds)];
  if (ids.length > 0) await queue.enqueue(tenantId, ids);
}

type Planned = { kind: "confirmation" | "reminder"; offsetMinutes: number; dueAt: Date };

const sameInstant = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * Brings `appointmentId`'s reminder rows in line with its current time and status:
 * - a live appointment (booked or confirmed) has one confirmation, once (due now, when it was
 *   booked), and one reminder per offset in the business's settings for its CURRENT start, except
 *   those already due (an appointment booked two hours ahead gets no 24-hour reminder);
 * - a scheduled row for another start is cancelled ("rescheduled"), one for an offset the business
 *   no longer uses is cancelled ("settings_changed");
 * - a cancelled, completed or no-show appointment has every scheduled row cancelled (its status).
 * Moving back to an earlier start revives that start's cancelled rows (the table keeps one row per
 * appointment, kind, start and offset). Returns the ids whose jobs must be queued after commit.
 */
export async function syncReminders(tx: TenantTx, appointmentId: string, now: Date): Promise<string[]> {
  const appointment = await tx.appointment.findFirst({
    where: { id: appointmentId },
    select: { tenantId: true, id: true, status: true, startsAt: true },
  });
  if (!appointment) return [];
  const rows = await tx.appointmentReminder.findMany({ where: { appointmentId } });
  const scheduled = rows.filter((row) => row.status === "scheduled");

  if (FINAL_STATUSES.has(appointment.status)) {
    await cancelRows(tx, scheduled, appointment.status);
    return [];
  }

  const settings = await tx.bookingSettings.findFirst({ select: { reminderOffsetsMinutes: true } });
  const offsets = settings?.reminderOffsetsMinutes ?? [1440, 120];
  const start = appointment.startsAt;
  const planned: Planned[] = [];
  // One confirmation per appointment: none once one went out (or was refused for a reason that stands).
  const confirmationDone = rows.some(
    (row) => row.kind === "confirmation" && (row.status === "sent" || row.status === "skipped"),
  );
  if (!confirmationDone) planned.push({ kind: "confirmation", offsetMinutes: 0, dueAt: now });
  for (const offset of offsets) {
    const dueAt = new Date(start.getTime() - offset * 60_000);
    if (dueAt > now) planned.push({ kind: "reminder", offsetMinutes: offset, dueAt });
  }

  const isPlanned = (row: AppointmentReminder) =>
    sameInstant(row.forStartsAt, start) &&
    planned.some((p) => p.kind === row.kind && p.offsetMinutes === row.offsetMinutes);
  await cancelRows(
    tx,
    scheduled.filter((row) => !sameInstant(row.forStartsAt, start)),
    "rescheduled",
  );
  await cancelRows(
    tx,
    scheduled.filter((row) => sameInstant(row.forStartsAt, start) && !isPlanned(row)),
    "settings_changed",
  );

  const toQueue: string[] = [];
  for (const plan of planned) {
    const existing = rows.find(
      (row) =>
        row.kind === plan.kind && row.offsetMinutes === plan.offsetMinutes && sameInstant(row.forStartsAt, start),
    );
    if (!existing) {
      const created = await tx.appointmentReminder.create({
        data: {
          tenantId: appointment.tenantId,
          appointmentId,
          kind: plan.kind,
          forStartsAt: start,
          offsetMinutes: plan.offsetMinutes,
          dueAt: plan.dueAt,
        },
        select: { id: true },
      });
      toQueue.push(created.id);
    } else if (existing.status === "cancelled") {
      // Back at a start it had before: the same row is scheduled again (the unique key allows one).
      await tx.appointmentReminder.update({
        where: { tenantId_id: { tenantId: existing.tenantId, id: existing.id } },
        data: { status: "scheduled", statusReason: null, dueAt: plan.dueAt },
      });
      toQueue.push(existing.id);
    }
    // A row already scheduled keeps its job; one sent or skipped for this start is done.
  }
  return toQueue;
}

async function cancelRows(tx: TenantTx, rows: readonly AppointmentReminder[], reason: string): Promise<void> {
  if (rows.length === 0) return;
  await tx.appointmentReminder.updateMany({
    where: { id: { in: rows.map((row) => row.id) }, status: "scheduled" },
    data: { status: "cancelled", statusReason: reason },
  });
}
