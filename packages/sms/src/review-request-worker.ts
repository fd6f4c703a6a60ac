// Sends review requests (queue `review.request`). A job carries only the request's id: the row, the
// business's automation settings, the customer's consent and their thread are re-read in the
// tenant's transaction, with the row locked, at send time. The text goes through the outbox with
// purposeKey `review:<id>`, so a retried or duplicate job sends one text. Everything that stops it
// ends the row as skipped with a reason; the quiet hours postpone it to their end.
//
// A complaint in the thread stops it. The signal: the agent handed the conversation to staff for a
// complaint (agent_threads.handoff_reason = 'complaint', still open), or the agent classified an
// inbound text since the appointment started as a complaint (agent_runs.intent = 'complaint').
// Both are written by packages/sms-agent for every inbound text it reads.

import { createHash, randomBytes } from "node:crypto";
import type { ReviewRequestJob, ReviewRequestQueue } from "@servicepro/booking";
import { type Database, type TenantTx, tenantDb } from "@servicepro/db";
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

export type ReviewRequestDeps = ScheduledTextDeps & {
  /** The public origin the short link is on, e.g. https://app.example.com (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
};

export type ReviewRequestOutcome = ScheduledTextOutcome;

/** Review requests as scheduled texts: queued rows by id, one job per row at its due time. */
const REVIEW_REQUESTS: ScheduledTextKind<"reviewRequest"> = {
  queue: "reviewRequest",
  idField: "reviewRequestId",
  waiting: (tx, ids) =>
    tx.reviewRequest.findMany({ where: { id: { in: [...ids] }, status: "queued" }, select: { id: true, dueAt: true } }),
};

/** The pg-boss side: a queue that starts each job at its request's due time. */
export const createReviewRequestQueue = (boss: PgBoss, db: Database): ReviewRequestQueue =>
  scheduledTextQueue(boss, db, REVIEW_REQUESTS);

/** The short link's path for a token: /r/<tenant>/<token> (the tenant scopes the lookup; RLS applies). */
export const reviewLinkPath = (tenantId: string, token: string) => `/r/${tenantId}/${token}`;

/** How a short-link token is stored: its SHA-256, so the table never holds a working link. */
export const hashReviewToken = (token: string) => createHash("sha256").update(token).digest("hex");

export function reviewRequestText(businessName: string, link: string): string {
  return `Thanks for choosing ${businessName}! If you have a minute, we'd love a review: ${link}`;
}

/** Handles one review-request job. Exported for tests, which run it on a fake clock. */
export const sendReviewRequest = (deps: ReviewRequestDeps, job: ReviewRequestJob): Promise<ReviewRequestOutcome> =>
  runScheduledText<ReviewRequestOutcome>(deps, job.tenantId, (tx) => decide(tx, deps, job, deps.now?.() ?? new Date()));

type Decision = ScheduledTextDecision<ReviewRequestOutcome>;

async function decide(tx: TenantTx, deps: ReviewRequestDeps, job: ReviewRequestJob, now: Date): Promise<Decision> {
  // The row lock makes two jobs for one request (a retry, a duplicate) take turns; the second sees "sent".
  await tx.$queryRaw`SELECT id FROM review_requests WHERE tenant_id = ${job.tenantId} AND id = ${job.reviewRequestId}::uuid FOR UPDATE`;
  const row = await tx.reviewRequest.findFirst({ where: { id: job.reviewRequestId } });
  if (!row || row.status !== "queued") return { outcome: "stale" };
  const skip = async (reason: string): Promise<Decision> => {
    await tx.reviewRequest.update({
      where: { tenantId_id: { tenantId: row.tenantId, id: row.id } },
      data: { status: "skipped", statusReason: reason },
    });
    return { outcome: "skipped", reason };
  };
  if (now < row.dueAt) return { outcome: "waiting", at: row.dueAt };

  const settings = await tx.automationSettings.findFirst();
  if (!settings?.reviewRequestsEnabled) return skip("disabled");
  if (!settings.reviewLink) return skip("no_link");

  const appointment = await tx.appointment.findFirst({
    where: { id: row.appointmentId },
    select: { status: true, startsAt: true, bookedBy: true, customer: { select: { id: true, phone: true } } },
  });
  if (!appointment || appointment.status !== "completed") return skip("not_completed");
  // Opt-outs always win; an unticked consent box on the booking page asked for no texts at all.
  if (await isOptedOut(tx, appointment.customer.phone)) return skip("opted_out");
  if (appointment.bookedBy === "customer" && !(await hasOptedIn(tx, appointment.customer.phone)))
    return skip("no_consent");

  const conversation = await tx.conversation.findFirst({ where: { customerId: appointment.customer.id } });
  if (conversation && (await complainedIn(tx, conversation.id, appointment.startsAt))) return skip("complaint");

  const tenant = await tx.tenant.findFirstOrThrow({ select: { name: true, timezone: true } });
  const resume = await quietHoursResume(tx, tenant.timezone, now);
  if (resume) {
    await tx.reviewRequest.update({
      where: { tenantId_id: { tenantId: row.tenantId, id: row.id } },
      data: { dueAt: resume },
    });
    return { outcome: "waiting", at: resume };
  }

  const thread = await customerThread(tx, row.tenantId, appointment.customer.id, conversation);
  if (!thread) return skip("no_number");
  // 128 random bits; only the hash is kept, so the link works only from the text itself.
  const token = randomBytes(16).toString("base64url");
  const link = `${deps.publicBaseUrl.replace(/\/$/, "")}${reviewLinkPath(row.tenantId, token)}`;
  const queued = await deps.outbox.queueSms(tx, {
    conversationId: thread.id,
    body: reviewRequestText(tenant.name, link),
    kind: "review_request",
    purposeKey: `review:${row.id}`,
  });
  if (queued.status === "opted_out") return skip("opted_out");
  if (queued.status === "automation_paused") return skip("automation_paused");
  // A duplicate (the purpose key was used): the earlier text went; its token is not ours to know,
  // so the row keeps the hash it has.
  await tx.reviewRequest.update({
    where: { tenantId_id: { tenantId: row.tenantId, id: row.id } },
    data: {
      status: "sent",
      statusReason: null,
      messageId: queued.message.id,
      sentAt: now,
      ...(queued.status === "queued" ? { tokenHash: hashReviewToken(token) } : {}),
    },
  });
  return { outcome: "sent", messageId: queued.message.id, conversationId: thread.id };
}

/** A complaint in the thread (see the header): an open complaint hand-off, or one classified since `since`. */
async function complainedIn(tx: TenantTx, conversationId: string, since: Date): Promise<boolean> {
  const thread = await tx.agentThread.findFirst({ where: { conversationId }, select: { handoffReason: true } });
  if (thread?.handoffReason === "complaint") return true;
  const run = await tx.agentRun.findFirst({
    where: { conversationId, intent: "complaint", createdAt: { gte: since } },
    select: { id: true },
  });
  return run !== null;
}

/** Records a click on a short link and returns where it goes; null for an unknown token. */
export async function followReviewLink(
  db: Database,
  tenantId: string,
  token: string,
  now: Date,
): Promise<string | null> {
  return tenantDb(db, tenantId).run(async (tx) => {
    const row = await tx.reviewRequest.findFirst({
      where: { tokenHash: hashReviewToken(token) },
      select: { id: true, firstClickAt: true },
    });
    if (!row) return null;
    const settings = await tx.automationSettings.findFirst({ select: { reviewLink: true } });
    if (!settings?.reviewLink) return null;
    await tx.reviewRequest.update({
      where: { tenantId_id: { tenantId, id: row.id } },
      data: { clickCount: { increment: 1 }, ...(row.firstClickAt ? {} : { firstClickAt: now }) },
    });
    return settings.reviewLink;
  });
}

/** Registers the review-request worker; returns the function that stops it. */
export const startReviewRequestWorker = (
  boss: PgBoss,
  deps: ReviewRequestDeps,
  options: { pollingIntervalSeconds?: number } = {},
) => startScheduledTextWorker(boss, REVIEW_REQUESTS, (job) => sendReviewRequest(deps, job), options);
