// Sends appointment confirmations and reminders (queue `appointment.reminder`). A job carries only
// the reminder's id: the row and its appointment are re-read in the tenant's transaction, with the
// row locked, and a text is queued in the SMS outbox only while the row is still scheduled for the
// appointment's current start. Everything else ends the row with a reason (cancelled: the
// appointment moved or ended; skipped: opted out, quiet hours until the start, too late, no number).

import type { ReminderJob, ReminderQueue } from "@servicepro/booking";
import type { Database, TenantTx } from "@servicepro/db";
import { formatLocal } from "@servicepro/scheduling";
import type { PgBoss } from "pg-boss";
import { hasOptedIn, isOptedOut } from "./consent.ts";
import {
  customerThread,
  quietHoursResume,
  runScheduledText,
  type ScheduledTextDecision,
  type ScheduledTextDeps,
  type ScheduledTextKind,
  type ScheduledTextOutcome,
  scheduledTextQueue,
  startScheduledTextWorker,
} from "./scheduled-texts.ts";

export type ReminderDeps = ScheduledTextDeps;

/** A scheduled text's outcomes, and "cancelled": the appointment it was for is gone or moved. */
export type ReminderOutcome = ScheduledTextOutcome | { outcome: "cancelled"; reason: string };

const FINAL_STATUSES = new Set(["cancelled", "completed", "no_show"]);

/** Appointment reminders as scheduled texts: scheduled rows by id, one job per row at its due time. */
const APPOINTMENT_REMINDERS: ScheduledTextKind<"appointmentReminder"> = {
  queue: "appointmentReminder",
  idField: "reminderId",
  waiting: (tx, ids) =>
    tx.appointmentReminder.findMany({
      where: { id: { in: [...ids] }, status: "scheduled" },
      select: { id: true, dueAt: true },
    }),
};

/** The pg-boss side: a queue that starts each job at its reminder's due time. */
export const createReminderQueue = (boss: PgBoss, db: Database): ReminderQueue =>
  scheduledTextQueue(boss, db, APPOINTMENT_REMINDERS);

/** The text for a reminder or confirmation: who, what, when (in the business's zone), and C / R. */
export function reminderText(input: {
  kind: "confirmation" | "reminder";
  businessName: string;
  serviceName: string;
  startsAt: Date;
  timeZone: string;
}): string {
  const when = formatLocal(input.startsAt, input.timeZone, "dateTime");
  return input.kind === "confirmation"
    ? `${input.businessName}: you're booked for ${input.serviceName} on ${when}. Reply C to confirm, R to reschedule. Reply STOP to opt out.`
    : `${input.businessName}: reminder of your ${input.serviceName} on ${when}. Reply C to confirm, R to reschedule.`;
}

/** Handles one reminder job. Exported for tests, which run it on a fake clock. */
export const sendReminder = (deps: ReminderDeps, job: ReminderJob): Promise<ReminderOutcome> =>
  runScheduledText<ReminderOutcome>(deps, job.tenantId, (tx) => decide(tx, deps, job, deps.now?.() ?? new Date()));

type Decision = ScheduledTextDecision<ReminderOutcome>;

async function decide(tx: TenantTx, deps: ReminderDeps, job: ReminderJob, now: Date): Promise<Decision> {
  // The row lock makes two jobs for one reminder (a retry, a duplicate) take turns; the second sees "sent".
  await tx.$queryRaw`SELECT id FROM appointment_reminders WHERE tenant_id = ${job.tenantId} AND id = ${job.reminderId}::uuid FOR UPDATE`;
  const row = await tx.appointmentReminder.findFirst({ where: { id: job.reminderId } });
  if (!row || row.status !== "scheduled") return { outcome: "stale" };
  const end = async (status: "cancelled" | "skipped", reason: string): Promise<Decision> => {
    await tx.appointmentReminder.update({
      where: { tenantId_id: { tenantId: row.tenantId, id: row.id } },
      data: { status, statusReason: reason },
    });
    return { outcome: status, reason };
  };

  const appointment = await tx.appointment.findFirst({
    where: { id: row.appointmentId },
    select: {
      status: true,
      startsAt: true,
      bookedBy: true,
      customer: { select: { id: true, phone: true } },
      service: { select: { name: true } },
    },
  });
  if (!appointment) return end("cancelled", "cancelled");
  if (FINAL_STATUSES.has(appointment.status)) return end("cancelled", appointment.status);
  if (appointment.startsAt.getTime() !== row.forStartsAt.getTime()) return end("cancelled", "rescheduled");
  if (now < row.dueAt) return { outcome: "waiting", at: row.dueAt };
  if (now >= appointment.startsAt) return end("skipped", "too_late");
  if (await isOptedOut(tx, appointment.customer.phone)) return end("skipped", "opted_out");
  // Booked on the booking page with the consent box left unticked: the customer asked for no texts.
  if (appointment.bookedBy === "customer" && !(await hasOptedIn(tx, appointment.customer.phone)))
    return end("skipped", "no_consent");

  const tenant = await tx.tenant.findFirstOrThrow({ select: { name: true, timezone: true } });
  const resume = await quietHoursResume(tx, tenant.timezone, now);
  if (resume) {
    if (resume >= appointment.startsAt) return end("skipped", "quiet_hours");
    await tx.appointmentReminder.update({
      where: { tenantId_id: { tenantId: row.tenantId, id: row.id } },
      data: { dueAt: resume },
    });
    return { outcome: "waiting", at: resume };
  }

  const conversation = await customerThread(tx, row.tenantId, appointment.customer.id);
  if (!conversation) return end("skipped", "no_number");
  const queued = await deps.outbox.queueSms(tx, {
    conversationId: conversation.id,
    body: reminderText({
      kind: row.kind,
      businessName: tenant.name,
      serviceName: appointment.service.name,
      startsAt: appointment.startsAt,
      timeZone: tenant.timezone,
    }),
    kind: row.kind === "confirmation" ? "appointment_confirmation" : "appointment_reminder",
    purposeKey: `reminder:${row.id}`,
  });
  if (queued.status === "opted_out") return end("skipped", "opted_out");
  if (queued.status === "automation_paused") return end("skipped", "automation_paused");
  await tx.appointmentReminder.update({
    where: { tenantId_id: { tenantId: row.tenantId, id: row.id } },
    data: { status: "sent", statusReason: null, messageId: queued.message.id },
  });
  return { outcome: "sent", messageId: queued.message.id, conversationId: conversation.id };
}

/** Registers the reminder worker; returns the function that stops it. */
export const startReminderWorker = (
  boss: PgBoss,
  deps: ReminderDeps & { logger: { warn(obj: object, msg: string): void } },
  options: { pollingIntervalSeconds?: number } = {},
) => startScheduledTextWorker(boss, APPOINTMENT_REMINDERS, (job) => sendReminder(deps, job), options);
