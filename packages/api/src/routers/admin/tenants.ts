import { AppError } from "@servicepro/errors";
import { needsRootStatusConfirmation, PLAN_TIERS, ROOT_STATUS_WARNING, TENANT_STATUSES } from "@servicepro/tenancy";
import { storableRefinement } from "@servicepro/validators";
import { z } from "zod";
import { createRouter, ownerProcedure } from "../../trpc.ts";
import { tenantProfileSchema, tenantProfileSelect, toTenantProfile } from "../schemas.ts";

/** A tenant as the owner console shows it: the profile plus the owner's private notes (never shown to the tenant). */
const adminTenantSchema = tenantProfileSchema.extend({ internalNotes: z.string().nullable() });
const adminTenantSelect = { ...tenantProfileSelect, internalNotes: true } as const;

const oneOf = (values: readonly string[]) => values.map((value) => `"${value}"`).join(", ");

/**
 * Strict on purpose (mass assignment): only these keys, each optional, at least one. Unknown values
 * and unknown keys are answered with a 400 that names what is allowed.
 */
const updatePlanInputSchema = z
  .strictObject(
    {
      tenantId: z
        .string({ error: "Say which business to change (tenantId)." })
        .trim()
        .min(1, "Say which business to change (tenantId).")
        .max(63, "That is not a business id.")
        .refine(...storableRefinement("the business id")),
      planTier: z.enum(PLAN_TIERS, { error: `Plan must be one of ${oneOf(PLAN_TIERS)}.` }).optional(),
      status: z.enum(TENANT_STATUSES, { error: `Status must be one of ${oneOf(TENANT_STATUSES)}.` }).optional(),
      /** Required to suspend or cancel the root tenant (see needsRootStatusConfirmation). */
      confirmRootStatus: z.literal(true, { error: "confirmRootStatus is either true or left out." }).optional(),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `Unknown field ${oneOf(issue.keys)}: send only tenantId, planTier and status.`
          : undefined,
    },
  )
  .refine((input) => input.planTier !== undefined || input.status !== undefined, {
    message: "Send a new planTier, a new status, or both.",
  })
  .refine((input) => !needsRootStatusConfirmation(input.tenantId, input.status) || input.confirmRootStatus, {
    message: `${ROOT_STATUS_WARNING} To do it anyway, confirm it (confirmRootStatus: true).`,
    path: ["confirmRootStatus"],
  });

export const adminTenantsRouter = createRouter({
  /** Every tenant on the platform, oldest first (the root tenant leads). */
  list: ownerProcedure.output(z.array(adminTenantSchema)).query(async ({ ctx }) => {
    const tenants = await ctx
      .platformRead("admin.tenants.list")
      .run((tx) => tx.tenant.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: adminTenantSelect }));
    return tenants.map(toTenantProfile);
  }),

  /**
   * Changes a tenant's plan and/or status (partial update). It applies from the tenant's next
   * request: gating reads the plan with the session. An actual change writes `tenant.plan_changed`
   * with before and after in the same transaction; sending the current values changes nothing.
   */
  updatePlan: ownerProcedure
    .input(updatePlanInputSchema)
    .output(adminTenantSchema)
    .mutation(async ({ ctx, input }) => {
      const tenant = await ctx.platform("admin.tenants.updatePlan").run(async (tx, audit) => {
        const before = await tx.tenant.findUnique({ where: { id: input.tenantId }, select: adminTenantSelect });
        if (!before) throw new AppError("NOT_FOUND", `There is no business with the id "${input.tenantId}".`);
        const after = { planTier: input.planTier ?? before.planTier, status: input.status ?? before.status };
        if (after.planTier === before.planTier && after.status === before.status) return before;
        // cancelledAt starts the cancelled-data grace (packages/retention): set when the status becomes
        // cancelled, cleared when it leaves cancelled (a reactivated business is not deleted).
        const cancelledAt =
          after.status === before.status ? {} : { cancelledAt: after.status === "cancelled" ? ctx.now() : null };
        const updated = await tx.tenant.update({
          where: { id: before.id },
          data: { ...after, ...cancelledAt },
          select: adminTenantSelect,
        });
        await audit({
          action: "tenant.plan_changed",
          targetTenantId: before.id,
          objectType: "tenant",
          objectId: before.id,
          details: { before: { planTier: before.planTier, status: before.status }, after },
        });
        return updated;
      });
      ctx.logger.info({ tenantId: tenant.id, planTier: tenant.planTier, status: tenant.status }, "tenant plan updated");
      return toTenantProfile(tenant);
    }),
});
