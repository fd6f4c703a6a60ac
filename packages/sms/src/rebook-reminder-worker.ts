// Sends rebook reminders ("time for your next visit", queue `rebook.reminder`). A job carries only
// the reminder's id: the row, the business's settings and installed pack, the customer's bookings
// and consent, and their thread are re-read in the tenant's transaction, with the row locked, at send
// time. The text goes through the outbox with purposeKey `rebook:<id>`, so a retried or duplicate job
// sends one text. Everything that stops it ends the row as skipped with a reason; the quiet hours
// postpone it to their end.
//
// A "come back and book again" nudge is marketing, not a message about a booking the customer made:
// it needs the customer's marketing consent (hasMarketingConsent: an explicit opt-in to offers, and no
// opt-out of texts), and it keeps to the legal sending hours (08:00–21:00) on top of the business's
// own quiet hours. Any booking after the visit stops it (see packages/booking rebook-reminders.ts for
// why only this job decides that).
import { TZDate } from "@date-fns/tz";
import {
  inSeason,
  loadRebookCadences,
  type RebookReminderJob,
  type RebookReminderQueue,
  rebookCadenceFor,
} from "@servicepro/booking";
import type { Database, TenantTx } from "@servicepro/db";
import { bookingLinkOf, firstNameOf, hasStopInstruction, STOP_LINE } from "@servicepro/validators";
import type { PgBoss } from "pg-boss";
import { hasMarketingConsent, isOptedOut } from "./consent.ts";
import {
  customerThread,
  marketingQuietHoursResume,
  runScheduledText,
  type ScheduledTextDecision,
  type ScheduledTextDeps,
  type ScheduledTextKind,
  type ScheduledTextOutcome,
  scheduledTextQueue,
  startScheduledTextWorker,
} from "./scheduled-texts.ts";

export type RebookReminderDeps = ScheduledTextDeps & {
  /** The public origin the booking page is on, e.g. https://app.example.com (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
};

export type RebookReminderOutcome = ScheduledTextOutcome;

/** Rebook reminders as scheduled texts: queued rows by id, one job per row at its due time. */
const REBOOK_REMINDERS: ScheduledTextKind<"rebookReminder"> = {
  queue: "rebookReminder",
  idField: "rebookReminderId",
  waiting: (tx, ids) =>
    tx.rebookReminder.findMany({
      where: { id: { in: [...ids] }, status: "queued" },
      select: { id: true, dueAt: true },
    }),
};

/** The pg-boss side: a queue that starts each job at its reminder's due time. */
export const createRebookReminderQueue = (boss: PgBoss, db: Database): RebookReminderQueue =>
  scheduledTextQueue(boss, db, REBOOK_REMINDERS);

/** The booking page with the service chosen: /book/<slug>?service=<service id>. */
export const rebookLink = (publicBaseUrl: string, slug: string, serviceId: string) =>
  `${bookingLinkOf(publicBaseUrl, slug)}?service=${encodeURIComponent(serviceId)}`;

const PLACEHOLDER = /\{(businessName|firstName|bookingLink)\}/g;

/**
 * The text from the pack cadence's message: its placeholders ({businessName}, {firstName},
 * {bookingLink}: the only ones a pack may use) filled; the link added at the end when the message
 * has none; the business named first when the message doesn't name it (carriers want the sender
 * identified); and "Reply STOP to opt out" when it has no opt-out line.
 */
export function rebookReminderText(
  template: string,
  values: { businessName: string; customerName: string | null; bookingLink: string },
): string {
  const fill = {
    businessName: values.businessName,
    firstName: firstNameOf(values.customerName),
    bookingLink: values.bookingLink,
  };
  const filled = template.trim().replace(PLACEHOLDER, (_token, key: keyof typeof fill) => fill[key]);
  const linked = template.includes("{bookingLink}") ? filled : `${filled} ${values.bookingLink}`;
  const named = linked.toLowerCase().includes(values.businessName.toLowerCase())
    ? linked
    : `${values.businessName}: ${linked}`;
  return hasStopInstruction(named) ? named : `${named}\n${STOP_LINE}`;
}

/** Handles one rebook-reminder job. Exported for tests, which run it on a fake clock. */
export const sendRebookReminder = (deps: RebookReminderDeps, job: RebookReminderJob): Promise<RebookReminderOutcome> =>
  runScheduledText<RebookReminderOutcome>(deps, job.tenantId, (tx) =>
    decide(tx, deps, job, deps.now?.() ?? new Date()),
  );

type Decision = ScheduledTextDecision<RebookReminderOutcome>;

async function decide(tx: TenantTx, deps: RebookReminderDeps, job: RebookReminderJob, now: Date): Promise<Decision> {
  // The row lock makes two jobs for one reminder (a retry, a duplicate) take turns; the second sees "sent".
  await tx.$queryRaw`SELECT id FROM rebook_reminders WHERE tenant_id = ${job.tenantId} AND id = ${job.rebookReminderId}::uuid FOR UPDATE`;
  const row = await tx.rebookReminder.findFirst({ where: { id: job.rebookReminderId } });
  if (!row || row.status !== "queued") return { outcome: "stale" };
  const skip = async (reason: string): Promise<Decision> => {
    await tx.rebookReminder.update({
      where: { tenantId_id: { tenantId: row.tenantId, id: row.id } },
      data: { status: "skipped", statusReason: reason },
    });
    return { outcome: "skipped", reason };
  };
  if (now < row.dueAt) return { outcome: "waiting", at: row.dueAt };

  const settings = await tx.automationSettings.findFirst({ select: { rebookRemindersEnabled: true } });
  if (!settings?.rebookRemindersEnabled) return skip("disabled");

  // The pack may have changed since the visit: the cadence (message, season) is today's.
  const service = await tx.service.findFirst({ where: { id: row.serviceId }, select: { packItemId: true } });
  const cadence = rebookCadenceFor(await loadRebookCadences(tx), service?.packItemId ?? null);
  if (!cadence) return skip("no_cadence");

  const visit = await tx.appointment.findFirstOrThrow({
    where: { id: row.appointmentId },
    select: { id: true, startsAt: true, customer: { select: { id: true, name: true, phone: true } } },
  });
  if (await bookedSince(tx, visit)) return skip("booked");
  // Opt-outs always win; then the offer needs its own consent.
  if (await isOptedOut(tx, visit.customer.phone)) return skip("opted_out");
  if (!(await hasMarketingConsent(tx, visit.customer.phone))) return skip("no_consent");

  const tenant = await tx.tenant.findFirstOrThrow({ select: { name: true, slug: true, timezone: true } });
  if (!inSeason(cadence.season, new TZDate(+now, tenant.timezone).getMonth() + 1)) return skip("out_of_season");
  const resume = await marketingQuietHoursResume(tx, tenant.timezone, now);
  if (resume) {
    await tx.rebookReminder.update({
      where: { tenantId_id: { tenantId: row.tenantId, id: row.id } },
      data: { dueAt: resume },
    });
    return { outcome: "waiting", at: resume };
  }

  const thread = await customerThread(tx, row.tenantId, visit.customer.id);
  if (!thread) return skip("no_number");
  const queued = await deps.outbox.queueSms(tx, {
    conversationId: thread.id,
    body: rebookReminderText(cadence.message, {
      businessName: tenant.name,
      customerName: visit.customer.name,
      bookingLink: rebookLink(deps.publicBaseUrl, tenant.slug, row.serviceId),
    }),
    kind: "rebook_reminder",
    purposeKey: `rebook:${row.id}`,
  });
  if (queued.status === "opted_out") return skip("opted_out");
  if (queued.status === "automation_paused") return skip("automation_paused");
  await tx.rebookReminder.update({
    where: { tenantId_id: { tenantId: row.tenantId, id: row.id } },
    data: { status: "sent", statusReason: null, messageId: queued.message.id, sentAt: now },
  });
  return { outcome: "sent", messageId: queued.message.id, conversationId: thread.id };
}

/**
 * Whether the customer booked again since the visit: an appointment of theirs (any service) other
 * than the visit, not cancelled, that was booked after the visit started or starts after it (a next
 * visit booked at the counter before this one counts too).
 */
async function bookedSince(
  tx: TenantTx,
  visit: { id: string; startsAt: Date; customer: { id: string } },
): Promise<boolean> {
  const booking = await tx.appointment.findFirst({
    where: {
      customerId: visit.customer.id,
      id: { not: visit.id },
      status: { not: "cancelled" },
      OR: [{ createdAt: { gt: visit.startsAt } }, { startsAt: { gt: visit.startsAt } }],
    },
    select: { id: true },
  });
  return booking !== null;
}

/** Registers the rebook-reminder worker; returns the function that stops it. */
export const startRebookReminderWorker = (
  boss: PgBoss,
  deps: RebookReminderDeps,
  options: { pollingIntervalSeconds?: number } = {},
) => startScheduledTextWorker(boss, REBOOK_REMINDERS, (job) => sendRebookReminder(deps, job), options);
