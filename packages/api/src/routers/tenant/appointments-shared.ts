// Appointments as the API sends them (ISO strings), and what happens after a booking commits.
import {
  type AppointmentChange,
  type AppointmentDetailRow,
  type AppointmentRow,
  allowedActions,
  enqueueRebookReminders,
  enqueueReminders,
  enqueueReviewRequests,
  type RebookReminderQueue,
  type ReminderQueue,
  type ReviewRequestQueue,
} from "@servicepro/booking";
import type { AppointmentDetail, AppointmentSummary } from "@servicepro/validators";
import type { Logger } from "../../context.ts";
import { priceLabel } from "./catalog-shared.ts";

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function toSummary(row: AppointmentRow): AppointmentSummary {
  return {
    id: row.id,
    status: row.status,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    blocksUntil: iso(row.blocksUntil),
    durationMinutes: row.durationMinutes,
    priceCents: row.priceCents,
    priceMinCents: row.priceMinCents,
    priceMaxCents: row.priceMaxCents,
    priceLabel: priceLabel(row),
    customer: row.customer,
    service: row.service,
    asset: row.asset,
    bookable: row.bookable,
    seriesId: row.seriesId,
    bookedBy: row.bookedBy,
  };
}

export function toDetail(row: AppointmentDetailRow, timeZone: string, now: Date): AppointmentDetail {
  return {
    ...toSummary(row),
    addOns: row.addOns,
    customerNotes: row.customerNotes,
    staffNotes: row.staffNotes,
    depositCents: row.depositCents,
    cancellationFeeCents: row.cancellationFeeCents,
    cancelReason: row.cancelReason,
    confirmedAt: isoOrNull(row.confirmedAt),
    cancelledAt: isoOrNull(row.cancelledAt),
    completedAt: isoOrNull(row.completedAt),
    createdAt: iso(row.createdAt),
    timeZone,
    actions: allowedActions(row, now),
    events: row.events.map((e) => ({ ...e, createdAt: iso(e.createdAt) })),
    reminders: row.reminders.map((r) => ({ ...r, forStartsAt: iso(r.forStartsAt), dueAt: iso(r.dueAt) })),
  };
}

/**
 * After the booking's transaction committed: queue the reminder jobs `syncReminders` asked for (and a
 * completion's review-request and rebook-reminder jobs). A failure here leaves the rows scheduled
 * without a job; it is logged, and the booking (already committed) still answers as done.
 */
export async function afterCommit(
  ctx: {
    logger: Logger;
    messaging: { reminders: ReminderQueue; reviewRequests: ReviewRequestQueue; rebookReminders: RebookReminderQueue };
  },
  tenantId: string,
  changes: Pick<AppointmentChange, "reminderIds" | "reviewRequestIds" | "rebookReminderIds">[],
): Promise<void> {
  const reminderIds = changes.flatMap((change) => change.reminderIds);
  try {
    await enqueueReminders(ctx.messaging.reminders, tenantId, reminderIds);
  } catch (error) {
    ctx.logger.error({ err: error, tenantId, reminderIds }, "queueing appointment reminders failed");
  }
  // Only a completion schedules these (like the reminders, a failure leaves the row queued without a job).
  const reviewRequestIds = changes.flatMap((change) => change.reviewRequestIds ?? []);
  if (reviewRequestIds.length > 0) {
    try {
      await enqueueReviewRequests(ctx.messaging.reviewRequests, tenantId, reviewRequestIds);
    } catch (error) {
      ctx.logger.error({ err: error, tenantId, reviewRequestIds }, "queueing review requests failed");
    }
  }
  const rebookReminderIds = changes.flatMap((change) => change.rebookReminderIds ?? []);
  if (rebookReminderIds.length > 0) {
    try {
      await enqueueRebookReminders(ctx.messaging.rebookReminders, tenantId, rebookReminderIds);
    } catch (error) {
      ctx.logger.error({ err: error, tenantId, rebookReminderIds }, "queueing rebook reminders failed");
    }
  }
}
