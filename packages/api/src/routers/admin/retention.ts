// The platform owner's side of retention (`admin.retention.*`, issue 16): a business's legal hold,
// cancellation and purge state, and setting or lifting a legal hold. A hold is a platform decision
// (a court, a regulator, a dispute), so it lives on the tenant row, which only the platform path
// writes; while it is on, no deletion of any kind runs for the business (packages/retention) and
// its Data retention page says so (the reason stays here: it may name a matter the business is not
// told about). Setting and lifting are audited (tenant.legal_hold_set / tenant.legal_hold_lifted).
import { AppError } from "@servicepro/errors";
import { purgeDueAt } from "@servicepro/retention";
import { type AdminRetentionOutput, adminRetentionOutput, legalHoldInput } from "@servicepro/validators";
import { z } from "zod";
import { createRouter, ownerProcedure } from "../../trpc.ts";

const select = {
  id: true,
  status: true,
  cancelledAt: true,
  legalHoldAt: true,
  legalHoldReason: true,
  legalHoldByUserId: true,
  dataPurgedAt: true,
  retentionSettings: { select: { cancelledDeletionDays: true } },
} as const;

type Row = {
  id: string;
  status: string;
  cancelledAt: Date | null;
  legalHoldAt: Date | null;
  legalHoldReason: string | null;
  legalHoldByUserId: string | null;
  dataPurgedAt: Date | null;
  retentionSettings: { cancelledDeletionDays: number | null } | null;
};

function toOutput(row: Row): AdminRetentionOutput {
  const deletesAt = purgeDueAt(row, row.retentionSettings?.cancelledDeletionDays ?? null);
  return {
    tenantId: row.id,
    status: row.status,
    legalHold: row.legalHoldAt
      ? {
          since: row.legalHoldAt.toISOString(),
          reason: row.legalHoldReason ?? "",
          byUserId: row.legalHoldByUserId ?? "",
        }
      : null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    deletesAt: deletesAt?.toISOString() ?? null,
    dataPurgedAt: row.dataPurgedAt?.toISOString() ?? null,
  };
}

const notFound = (tenantId: string) => new AppError("NOT_FOUND", `There is no business with the id "${tenantId}".`);

export const adminRetentionRouter = createRouter({
  /** One business's legal hold, cancellation deadline and purge state. */
  get: ownerProcedure
    .input(z.strictObject({ tenantId: z.string().trim().min(1, "Say which business (tenantId).").max(63) }))
    .output(adminRetentionOutput)
    .query(async ({ ctx, input }) => {
      const row = await ctx
        .platformRead("admin.retention.get")
        .run((tx) => tx.tenant.findUnique({ where: { id: input.tenantId }, select }));
      if (!row) throw notFound(input.tenantId);
      return toOutput(row);
    }),

  /** Puts a legal hold on (with its reason) or lifts it. Sending the current state changes nothing. */
  setLegalHold: ownerProcedure
    .input(legalHoldInput)
    .output(adminRetentionOutput)
    .mutation(async ({ ctx, input }) => {
      const actorUserId = ctx.auth.user?.id;
      if (!actorUserId) throw new AppError("UNAUTHORIZED", "Sign in again to change a legal hold.");
      const row = await ctx.platform("admin.retention.setLegalHold").run(async (tx, audit) => {
        const before = await tx.tenant.findUnique({ where: { id: input.tenantId }, select });
        if (!before) throw notFound(input.tenantId);
        if (Boolean(before.legalHoldAt) === input.on) return before;
        const after = await tx.tenant.update({
          where: { id: input.tenantId },
          data: input.on
            ? { legalHoldAt: ctx.now(), legalHoldReason: input.reason?.trim() ?? "", legalHoldByUserId: actorUserId }
            : { legalHoldAt: null, legalHoldReason: null, legalHoldByUserId: null },
          select,
        });
        await audit({
          action: input.on ? "tenant.legal_hold_set" : "tenant.legal_hold_lifted",
          targetTenantId: input.tenantId,
          objectType: "tenant",
          objectId: input.tenantId,
          details: input.on
            ? { reason: input.reason?.trim() ?? "" }
            : { reason: before.legalHoldReason, since: before.legalHoldAt?.toISOString() ?? null },
        });
        return after;
      });
      ctx.logger.info({ tenantId: input.tenantId, legalHold: input.on }, "legal hold changed");
      return toOutput(row);
    }),
});
