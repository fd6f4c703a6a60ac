// The business's automatic texts (`tenant.automations.*`, issue 15): review requests after a
// completed appointment (on/off, the review link, the delay), rebook reminders on the installed
// pack's cadences (on/off, and which services they cover), and the last ones of each sent or skipped.
// Staff read; admins change (audited with the fields that changed). Sending is packages/sms
// review-request-worker.ts and rebook-reminder-worker.ts; scheduling is packages/booking
// review-requests.ts and rebook-reminders.ts.
import { loadRebookCadences, rebookCadenceFor } from "@servicepro/booking";
import type { Prisma, TenantTx } from "@servicepro/db";
import {
  type AutomationsOutput,
  automationSettingsInput,
  automationsOutput,
  REVIEW_DELAY_LIMITS,
} from "@servicepro/validators";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** How many of the latest review requests and rebook reminders the page lists. */
const RECENT = 20;

/** The active services with a rebook cadence in the installed pack, in catalog order. */
async function loadCadenceViews(tx: TenantTx): Promise<AutomationsOutput["rebookCadences"]> {
  const cadences = await loadRebookCadences(tx);
  if (cadences.length === 0) return [];
  const services = await tx.service.findMany({
    where: { active: true, packItemId: { not: null } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, packItemId: true },
  });
  return services.flatMap((service) => {
    const cadence = rebookCadenceFor(cadences, service.packItemId);
    return cadence
      ? [
          {
            serviceId: service.id,
            serviceName: service.name,
            intervalDays: cadence.intervalDays,
            season: cadence.season ?? null,
          },
        ]
      : [];
  });
}

async function loadRebookReminders(tx: TenantTx): Promise<AutomationsOutput["rebookReminders"]> {
  const rows = await tx.rebookReminder.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT,
    include: { appointment: { select: { customer: { select: { name: true } } } } },
  });
  // No relation from the reminder to its service: one lookup for the page's few names.
  const serviceIds = [...new Set(rows.map((row) => row.serviceId))];
  const names = new Map(
    (await tx.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, name: true } })).map(
      (service) => [service.id, service.name],
    ),
  );
  return rows.map((row) => ({
    id: row.id,
    appointmentId: row.appointmentId,
    customerName: row.appointment.customer.name,
    serviceName: names.get(row.serviceId) ?? null,
    status: row.status,
    reason: row.statusReason,
    dueAt: row.dueAt.toISOString(),
    sentAt: iso(row.sentAt),
  }));
}

async function loadAutomations(tx: TenantTx): Promise<AutomationsOutput> {
  // One after the other: a transaction is one connection.
  const tenant = await tx.tenant.findFirstOrThrow({ select: { timezone: true } });
  const settings = await tx.automationSettings.findFirst();
  const requests = await tx.reviewRequest.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RECENT,
    include: { appointment: { select: { customer: { select: { name: true } } } } },
  });
  const rebookCadences = await loadCadenceViews(tx);
  const rebookReminders = await loadRebookReminders(tx);
  return {
    settings: {
      reviewRequestsEnabled: settings?.reviewRequestsEnabled ?? false,
      reviewLink: settings?.reviewLink ?? null,
      reviewDelayMinutes: settings?.reviewDelayMinutes ?? REVIEW_DELAY_LIMITS.default,
      rebookRemindersEnabled: settings?.rebookRemindersEnabled ?? false,
      updatedAt: iso(settings?.updatedAt ?? null),
    },
    timeZone: tenant.timezone,
    reviewRequests: requests.map((row) => ({
      id: row.id,
      appointmentId: row.appointmentId,
      customerName: row.appointment.customer.name,
      status: row.status,
      reason: row.statusReason,
      dueAt: row.dueAt.toISOString(),
      sentAt: iso(row.sentAt),
      clickCount: row.clickCount,
      firstClickAt: iso(row.firstClickAt),
    })),
    rebookCadences,
    rebookReminders,
  };
}

export const tenantAutomationsRouter = createRouter({
  /**
   * The settings (defaults, off, before they are saved), the services with a rebook cadence, and the
   * last 20 review requests and rebook reminders.
   */
  get: staffProcedure.output(automationsOutput).query(({ ctx }) => ctx.tenant.run(loadAutomations)),

  /** Admins change the settings (the form sends every field); audited with what changed. */
  update: tenantAdminProcedure
    .input(automationSettingsInput)
    .output(automationsOutput)
    .mutation(async ({ ctx, input }) => {
      const data = {
        reviewRequestsEnabled: input.reviewRequestsEnabled,
        reviewLink: input.reviewLink === "" ? null : input.reviewLink,
        reviewDelayMinutes: input.reviewDelayMinutes,
        rebookRemindersEnabled: input.rebookRemindersEnabled,
      };
      const { before, after } = await ctx.tenant.run(async (tx) => {
        const before = (await loadAutomations(tx)).settings;
        await tx.automationSettings.upsert({
          where: { tenantId: ctx.tenantId },
          create: { tenantId: ctx.tenantId, ...data },
          update: data,
        });
        return { before, after: await loadAutomations(tx) };
      });
      const changed = (Object.keys(data) as (keyof typeof data)[]).filter((key) => before[key] !== data[key]);
      if (changed.length > 0)
        await ctx.audit({
          action: "automations.settings_updated",
          objectType: "automation_settings",
          objectId: ctx.tenantId,
          details: {
            fields: changed,
            before: Object.fromEntries(changed.map((key) => [key, before[key]])),
            after: Object.fromEntries(changed.map((key) => [key, data[key]])),
          } as Prisma.InputJsonObject,
        });
      return after;
    }),
});
