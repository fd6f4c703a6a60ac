// Review requests follow completed appointments (issue 15, item 4). Completing an appointment
// calls `scheduleReviewRequest` in the same transaction: one row per appointment (unique), due the
// business's delay after completion, and only while review requests are turned on. The caller
// queues the row's job after commit (`enqueueReviewRequests`); the job (packages/sms
// review-request-worker.ts) re-checks everything at send time, so the row is the truth.
import type { TenantTx } from "@servicepro/db";

/** What a review-request job carries: the row to re-read. */
export type ReviewRequestJob = { tenantId: string; reviewRequestId: string };

/** Where review-request jobs go (pg-boss's `review.request` queue; see packages/sms review-request-worker). */
export type ReviewRequestQueue = {
  /** Queues one job per id, starting at the row's due time (a duplicate job sends nothing). */
  enqueue(tenantId: string, reviewRequestIds: readonly string[]): Promise<void>;
};

/** After the completing transaction committed: queue the jobs `scheduleReviewRequest` asked for. */
export async function enqueueReviewRequests(
  queue: ReviewRequestQueue,
  tenantId: string,
  reviewRequestIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(reviewRequestIds)];
  if (ids.length > 0) await queue.enqueue(tenantId, ids);
}

/**
 * Queues the review request for a just-completed appointment, due `delay` minutes after
 * `completedAt`. Nothing when the business has review requests off (an appointment completed
 * while they were off is not asked about later), or when the appointment already has one.
 * Returns the ids whose jobs must be queued after commit.
 */
export async function scheduleReviewRequest(
  tx: TenantTx,
  appointment: { tenantId: string; id: string },
  completedAt: Date,
): Promise<string[]> {
  const settings = await tx.automationSettings.findFirst({
    select: { reviewRequestsEnabled: true, reviewDelayMinutes: true },
  });
  if (!settings?.reviewRequestsEnabled) return [];
  const existing = await tx.reviewRequest.findFirst({ where: { appointmentId: appointment.id }, select: { id: true } });
  if (existing) return [];
  const created = await tx.reviewRequest.create({
    data: {
      tenantId: appointment.tenantId,
      appointmentId: appointment.id,
      dueAt: new Date(completedAt.getTime() + settings.reviewDelayMinutes * 60_000),
    },
    select: { id: true },
  });
  return [created.id];
}
