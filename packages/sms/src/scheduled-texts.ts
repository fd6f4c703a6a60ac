// What every text the business sends on its own schedule (reminders, review requests, rebook
// reminders, portal sign-in texts) needs before it is queued: the business's quiet hours (and, for
// marketing texts, the legal sending hours too), and a thread to send in.
import { TZDate } from "@date-fns/tz";
import {
  type Conversation,
  type Database,
  JOB_QUEUES,
  type JobData,
  jobData,
  queueJob,
  type TenantTx,
  tenantDb,
} from "@servicepro/db";
import { CAMPAIGN_SENDING_HOURS } from "@servicepro/validators";
import type { PgBoss } from "pg-boss";
import { ensureConversation } from "./inbound.ts";
import type { MessagingEvents, Outbox } from "./types.ts";

/** Quiet hours of a business that never saved booking settings (the column defaults). */
const DEFAULT_QUIET_HOURS = { quietHoursStart: "21:00", quietHoursEnd: "08:00" };

/** Whether local wall-clock minute `wall` falls in the quiet hours [start, end) (which may wrap midnight). */
export function inQuietHours(wall: number, start: number, end: number): boolean {
  return start < end ? wall >= start && wall < end : wall >= start || wall < end;
}

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** The instant the quiet hours that contain `now` end, in `timeZone`. */
export function quietHoursEnd(now: Date, timeZone: string, endHHMM: string): Date {
  const local = new TZDate(+now, timeZone);
  const end = minutesOf(endHHMM);
  const wall = local.getHours() * 60 + local.getMinutes();
  // Before the end time: it ends today; otherwise (the evening part) tomorrow.
  const dayOffset = wall < end ? 0 : 1;
  return new Date(
    +new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() + dayOffset,
      Math.floor(end / 60),
      end % 60,
      timeZone,
    ),
  );
}

/**
 * When `now` falls in the business's quiet hours (its booking settings, else 21:00–08:00, in its
 * time zone): the instant they end. Outside them: null.
 */
export async function quietHoursResume(tx: TenantTx, timeZone: string, now: Date): Promise<Date | null> {
  const settings = await tx.bookingSettings.findFirst({ select: { quietHoursStart: true, quietHoursEnd: true } });
  const quiet = settings ?? DEFAULT_QUIET_HOURS;
  const local = new TZDate(+now, timeZone);
  const quietNow = inQuietHours(
    local.getHours() * 60 + local.getMinutes(),
    minutesOf(quiet.quietHoursStart),
    minutesOf(quiet.quietHoursEnd),
  );
  return quietNow ? quietHoursEnd(now, timeZone, quiet.quietHoursEnd) : null;
}

/** A daily window [start, end) of local "HH:MM" times, which may wrap midnight. */
export type QuietWindow = { start: string; end: string };

/**
 * The first instant at or after `now` that is outside every window, in `timeZone`: `now` itself
 * when it is outside them all. Leaving one window may land in another (the business's 22:00–09:00
 * and the law's 21:00–08:00), so it steps until none holds it (each step ends a window: at most one
 * step per window).
 */
export function resumeOutside(now: Date, timeZone: string, windows: readonly QuietWindow[]): Date {
  let at = now;
  for (let step = 0; step <= windows.length; step++) {
    const local = new TZDate(+at, timeZone);
    const wall = local.getHours() * 60 + local.getMinutes();
    const holding = windows.find((w) => inQuietHours(wall, minutesOf(w.start), minutesOf(w.end)));
    if (!holding) return at;
    at = quietHoursEnd(at, timeZone, holding.end);
  }
  return at;
}

/** Outside the legal sending hours for marketing texts (8 a.m. to 9 p.m. at the recipient, TCPA). */
export const MARKETING_QUIET_WINDOW: QuietWindow = {
  start: CAMPAIGN_SENDING_HOURS.end,
  end: CAMPAIGN_SENDING_HOURS.start,
};

/**
 * quietHoursResume for a marketing text (a "come back" nudge): the business's quiet hours and,
 * whatever the business chose, never before 08:00 or from 21:00 in its time zone. Null outside both.
 */
export async function marketingQuietHoursResume(tx: TenantTx, timeZone: string, now: Date): Promise<Date | null> {
  const settings = await tx.bookingSettings.findFirst({ select: { quietHoursStart: true, quietHoursEnd: true } });
  const quiet = settings ?? DEFAULT_QUIET_HOURS;
  const resume = resumeOutside(now, timeZone, [
    { start: quiet.quietHoursStart, end: quiet.quietHoursEnd },
    MARKETING_QUIET_WINDOW,
  ]);
  return resume.getTime() === now.getTime() ? null : resume;
}

/**
 * The customer's thread, or a new one from the business's first number (a customer who booked
 * online may never have texted); null when the business has no number to text from.
 */
export async function customerThread(
  tx: TenantTx,
  tenantId: string,
  customerId: string,
  existing?: Conversation | null,
): Promise<Conversation | null> {
  const conversation = existing ?? (await tx.conversation.findFirst({ where: { customerId } }));
  if (conversation) return conversation;
  const number = await tx.tenantPhoneConfig.findFirst({ orderBy: { createdAt: "asc" }, select: { phoneNumber: true } });
  return number ? ensureConversation(tx, tenantId, customerId, number.phoneNumber) : null;
}

// ------------------------------------------------------------------------------------------------
// The job side every scheduled text shares: one row with a due time, one job per row started at it
// (queued after the row's transaction commits), a worker that decides in the tenant's transaction
// with the row locked, announces a sent text to the inbox, and queues the job again for later when
// the text is not due yet or the quiet hours hold it.
// ------------------------------------------------------------------------------------------------

/** What a scheduled text's job needs: the database, the outbox, live events and the clock. */
export type ScheduledTextDeps = { db: Database; outbox: Outbox; events: MessagingEvents; now?: () => Date };

/** What one job came to. */
export type ScheduledTextOutcome =
  | { outcome: "sent"; messageId: string }
  /** Not due yet (or postponed past the quiet hours): the job is queued again for `at`. */
  | { outcome: "waiting"; at: Date }
  | { outcome: "skipped"; reason: string }
  /** The row is gone or no longer waiting: an earlier job (or a change) handled it. */
  | { outcome: "stale" };

/** Queues whose jobs are scheduled texts (appointment reminders, review requests, rebook reminders). */
export type ScheduledTextQueue = "appointmentReminder" | "reviewRequest" | "rebookReminder";

/** How one kind of scheduled text finds its rows and names them in a job. */
export type ScheduledTextKind<Q extends ScheduledTextQueue> = {
  queue: Q;
  /** The job field that names the row (also the job's singleton key). */
  idField: keyof JobData<Q> & string;
  /** Of `ids`, the rows still waiting to be sent, with their due times. */
  waiting(tx: TenantTx, ids: readonly string[]): Promise<{ id: string; dueAt: Date }[]>;
};

const jobFor = <Q extends ScheduledTextQueue>(kind: ScheduledTextKind<Q>, tenantId: string, id: string) =>
  ({ tenantId, [kind.idField]: id }) as JobData<Q>;

/** Queues `job` to start at `at`, one job per row. */
export const queueScheduledText = <Q extends ScheduledTextQueue>(
  boss: Pick<PgBoss, "send">,
  kind: ScheduledTextKind<Q>,
  job: JobData<Q>,
  at: Date,
) => queueJob(boss, kind.queue, job, { startAfter: at, singletonOn: kind.idField });

/** The queue the booking service hands row ids to after its transaction commits. */
export function scheduledTextQueue<Q extends ScheduledTextQueue>(
  boss: Pick<PgBoss, "send">,
  db: Database,
  kind: ScheduledTextKind<Q>,
): { enqueue(tenantId: string, ids: readonly string[]): Promise<void> } {
  return {
    async enqueue(tenantId, ids) {
      const rows = await tenantDb(db, tenantId).run((tx) => kind.waiting(tx, ids));
      for (const row of rows) await queueScheduledText(boss, kind, jobFor(kind, tenantId, row.id), row.dueAt);
    },
  };
}

/** What a job's decision came to: sent (with its thread, to announce), or anything else the kind reports. */
export type SentText = { outcome: "sent"; messageId: string };
export type ScheduledTextDecision<O extends { outcome: string }> =
  | Exclude<O, SentText>
  | (SentText & { conversationId: string });

/**
 * Runs `decide` in the tenant's transaction; once it has committed, a sent text is announced to
 * the inbox (live events), and the outcome is returned without its thread.
 */
export async function runScheduledText<O extends { outcome: string }>(
  deps: { db: Database; events: MessagingEvents },
  tenantId: string,
  decide: (tx: TenantTx) => Promise<ScheduledTextDecision<O>>,
): Promise<O | SentText> {
  const result = await tenantDb(deps.db, tenantId).run(decide);
  if (result.outcome !== "sent") return result as Exclude<O, SentText>;
  const sent = result as SentText & { conversationId: string };
  deps.events.publish({ type: "message", tenantId, conversationId: sent.conversationId, messageId: sent.messageId });
  return { outcome: "sent", messageId: sent.messageId };
}

/**
 * Registers the worker of one kind of scheduled text; returns the function that stops it. A job
 * whose text is not due yet (an early job, or the quiet hours) queues a new job for then and ends.
 */
export async function startScheduledTextWorker<Q extends ScheduledTextQueue>(
  boss: PgBoss,
  kind: ScheduledTextKind<Q>,
  send: (job: JobData<Q>) => Promise<{ outcome: string; at?: Date }>,
  options: { pollingIntervalSeconds?: number } = {},
): Promise<() => Promise<void>> {
  const name = JOB_QUEUES[kind.queue].name;
  const id = await boss.work(
    name,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
    async ([job]) => {
      if (!job) return;
      const data = jobData(kind.queue, job.data);
      const outcome = await send(data);
      if (outcome.outcome === "waiting" && outcome.at) await queueScheduledText(boss, kind, data, outcome.at);
    },
  );
  return () => boss.offWork(name, { id });
}
