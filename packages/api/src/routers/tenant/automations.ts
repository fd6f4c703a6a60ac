// The business's automatic texts (`tenant.automations.*`, issue 15): review requests after a
// completed appointment (on/off, the review link, the delay) and the last ones sent or skipped.
// Staff read; admins change (audited with the fields that changed). Sending is packages/sms
// review-request-worker.ts; scheduling is packages/booking review-requests.ts.
import type { Prisma, TenantTx } from "@servicepro/db";
import {
  type AutomationsOutput,
  automationSettingsInput,
  automationsOutput,
  REVIEW_DELAY_LIMITS,
} from "@servicepro/validators";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

async function loadAutomations(tx: TenantTx): Promise<AutomationsOutput> {
  const [tenant, settings, requests] = await Promise.all([
    tx.tenant.findFirstOrThrow({ select: { timezone: true } }),
    tx.automationSettings.findFirst(),
    tx.reviewRequest.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 20,
      include: { appointment: { select: { customer: { select: { name: true } } } } },
    }),
  ]);
  return {
    settings: {
      reviewRequestsEnabled: settings?.reviewRequestsEnabled ?? false,
      reviewLink: settings?.reviewLink ?? null,
      reviewDelayMinutes: settings?.reviewDelayMinutes ?? REVIEW_DELAY_LIMITS.default,
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
  };
}

export const tenantAutomationsRouter = createRouter({
  /** The settings (defaults, off, before they are saved) and the last 20 review requests. */
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
