// `portal.loyalty.*`: the signed-in customer's points (balance, tier, history, rewards) and redeeming
// a reward for their next appointment. The rules are @servicepro/loyalty's, shared with staff screens.
import { tenantDb } from "@servicepro/db";
import { loyaltySummary, redeemReward } from "@servicepro/loyalty";
import { loyaltyRedeemOutput, loyaltySummaryOutput, portalRedeemInput, portalSlugInput } from "@servicepro/validators";
import { requirePortalSession } from "../../portal/sessions.ts";
import { portalTenant } from "../../portal/tenant.ts";
import { createRouter, publicProcedure } from "../../trpc.ts";

export const portalLoyaltyRouter = createRouter({
  summary: publicProcedure
    .input(portalSlugInput)
    .output(loyaltySummaryOutput)
    .query(async ({ ctx, input }) => {
      const session = await requirePortalSession(ctx, await portalTenant(ctx, input.slug, "portal.loyalty.summary"));
      return tenantDb(ctx.db, session.tenant.id).run((tx) =>
        loyaltySummary(tx, { customerId: session.customerId, now: ctx.now() }),
      );
    }),

  /** Takes the reward's points (never more than the balance, however many tabs redeem at once). */
  redeem: publicProcedure
    .input(portalRedeemInput)
    .output(loyaltyRedeemOutput)
    .mutation(async ({ ctx, input }) => {
      const session = await requirePortalSession(ctx, await portalTenant(ctx, input.slug, "portal.loyalty.redeem"));
      return tenantDb(ctx.db, session.tenant.id).run((tx) =>
        redeemReward(tx, {
          customerId: session.customerId,
          rewardId: input.rewardId,
          actor: { kind: "customer" },
          now: ctx.now(),
        }),
      );
    }),
});
