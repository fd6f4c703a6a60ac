// The business's data retention (`tenant.retention.*`, issue 16): how long texts and call
// recordings are kept, what the next nightly run would delete and when, the legal hold (read only
// here: the platform sets it, admin.retention.setLegalHold), the cancellation deadline, and the
// deletion log with counts. Staff read; admins change (audited with what changed). The jobs are
// packages/retention.

import type { TenantTx } from "@servicepro/db";
import { CANCELLED_GRACE_DAYS, cutoffFor, purgeDueAt } from "@servicepro/retention";
import { DELETION_KINDS, type RetentionOutput, retentionOutput, retentionSettingsInput } from "@servicepro/validators";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** How many of the latest deletions the page lists. */
const LOG_SIZE = 50;

/** The next 00:00 UTC after `now`: the first sweep of a new day queues the run (packages/retention worker.ts). */
const nextRunAt = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));

export async function loadRetention(tx: TenantTx, tenantId: string, now: Date): Promise<RetentionOutput> {
  const tenant = await tx.tenant.findFirstOrThrow({
    select: { status: true, cancelledAt: true, legalHoldAt: true },
  });
  const settings = await tx.retentionSettings.findUnique({ where: { tenantId } });
  const runAt = nextRunAt(now);
  const messagesBefore = cutoffFor(runAt, settings?.messageMonths ?? null);
  const recordingsBefore = cutoffFor(runAt, settings?.recordingMonths ?? null);
  const messages = messagesBefore ? await tx.message.count({ where: { createdAt: { lt: messagesBefore } } }) : 0;
  const recordings = recordingsBefore
    ? await tx.call.count({
        where: {
          startedAt: { lt: recordingsBefore },
          OR: [{ recordingSid: { not: null } }, { recordingUrl: { not: null } }],
        },
      })
    : 0;
  const log = await tx.dataDeletion.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LOG_SIZE });
  const deletesAt = purgeDueAt(tenant, settings?.cancelledDeletionDays ?? null);
  return {
    settings: {
      messageMonths: settings?.messageMonths ?? null,
      recordingMonths: settings?.recordingMonths ?? null,
      cancelledDeletionDays: settings?.cancelledDeletionDays ?? null,
      updatedAt: iso(settings?.updatedAt ?? null),
    },
    defaultCancelledDeletionDays: CANCELLED_GRACE_DAYS,
    legalHold: tenant.legalHoldAt ? { since: tenant.legalHoldAt.toISOString() } : null,
    next: {
      runAt: runAt.toISOString(),
      messagesBefore: iso(messagesBefore),
      recordingsBefore: iso(recordingsBefore),
      messages,
      recordings,
    },
    cancellation:
      tenant.cancelledAt && deletesAt
        ? { cancelledAt: tenant.cancelledAt.toISOString(), deletesAt: deletesAt.toISOString() }
        : null,
    log: log.map((row) => ({
      id: row.id,
      kind: (DELETION_KINDS as readonly string[]).includes(row.kind)
        ? (row.kind as (typeof DELETION_KINDS)[number])
        : "messages",
      cutoff: iso(row.cutoff),
      counts: row.counts as Record<string, number>,
      trigger: row.trigger,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

export const tenantRetentionRouter = createRouter({
  /** The windows (forever until set), the legal hold, what the next run deletes, and the last 50 deletions. */
  get: staffProcedure
    .output(retentionOutput)
    .query(({ ctx }) => ctx.tenant.run((tx) => loadRetention(tx, ctx.tenantId, ctx.now()))),

  /**
   * Admins change the windows (the form sends every field). Shortening a window deletes nothing now:
   * the nightly run does, and the page shows beforehand how much it will. Audited with what changed.
   */
  update: tenantAdminProcedure
    .input(retentionSettingsInput)
    .output(retentionOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await ctx.tenant.run(async (tx) => {
        const before = (await loadRetention(tx, ctx.tenantId, ctx.now())).settings;
        await tx.retentionSettings.upsert({
          where: { tenantId: ctx.tenantId },
          create: { tenantId: ctx.tenantId, ...input },
          update: input,
        });
        return { before, after: await loadRetention(tx, ctx.tenantId, ctx.now()) };
      });
      const changed = (Object.keys(input) as (keyof typeof input)[]).filter((key) => before[key] !== input[key]);
      if (changed.length > 0)
        await ctx.audit({
          action: "retention.settings_updated",
          objectType: "retention_settings",
          objectId: ctx.tenantId,
          details: {
            fields: changed,
            before: Object.fromEntries(changed.map((key) => [key, before[key]])),
            after: Object.fromEntries(changed.map((key) => [key, input[key]])),
          },
        });
      return after;
    }),
});
