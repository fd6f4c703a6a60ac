// What the business's plan includes, for its "Plan" page. Read from the same plan the gating
// middleware enforces, so the page and the server always agree.
import { acceptsChanges, FEATURE_KEYS, planFeatureLines } from "@servicepro/features";
import { PLAN_TIER_LABELS, PLAN_TIERS, TENANT_STATUS_LABELS, TENANT_STATUSES } from "@servicepro/tenancy";
import { z } from "zod";
import { createRouter, staffProcedure } from "../../trpc.ts";

const planSummarySchema = z.object({
  planTier: z.enum(PLAN_TIERS),
  planLabel: z.string(),
  status: z.enum(TENANT_STATUSES),
  statusLabel: z.string(),
  /** The at-cost tier: everything included, no upgrade prompts. */
  internal: z.boolean(),
  /** False while suspended or cancelled: reading and exporting still work, changes do not. */
  acceptsChanges: z.boolean(),
  features: z.array(
    z.object({
      key: z.enum(FEATURE_KEYS),
      label: z.string(),
      included: z.boolean(),
      /** The cheapest plan that includes a feature this plan lacks. */
      unlockedBy: z.object({ tier: z.enum(PLAN_TIERS), label: z.string() }).nullable(),
    }),
  ),
});

export const tenantPlanRouter = createRouter({
  summary: staffProcedure.output(planSummarySchema).query(({ ctx }) => {
    const { planTier, status } = ctx.plan;
    return {
      planTier,
      planLabel: PLAN_TIER_LABELS[planTier],
      status,
      statusLabel: TENANT_STATUS_LABELS[status],
      internal: planTier === "internal",
      acceptsChanges: acceptsChanges(status),
      features: planFeatureLines({ planTier }).map((line) => ({
        key: line.key,
        label: line.label,
        included: line.included,
        unlockedBy: line.unlockedBy ? { tier: line.unlockedBy, label: PLAN_TIER_LABELS[line.unlockedBy] } : null,
      })),
    };
  }),
});
