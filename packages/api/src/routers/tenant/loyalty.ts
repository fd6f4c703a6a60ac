// The business's loyalty programme (`tenant.loyalty.*`, issue 14): staff read the programme, its
// rewards and a customer's points, redeem a reward for a customer and cancel an unused one; admins
// change the earn rules, the rewards and a customer's points (always with a reason, always audited).
// Loyalty is in every plan, so nothing here is plan-gated. The rules and the ledger are
// @servicepro/loyalty's; this router checks access, runs them in the tenant's transaction and audits.
import { type Prisma, type TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import {
  adjustPoints,
  cancelRedemption,
  type LoyaltyActor,
  type LoyaltySettingsView,
  listRewards,
  loadLoyaltySettings,
  loyaltySummary,
  redeemReward,
  rewardNotFound,
} from "@servicepro/loyalty";
import {
  createLoyaltyRewardInput,
  loyaltyAdjustInput,
  loyaltyCancelRedemptionInput,
  loyaltyCustomerInput,
  loyaltyRedeemOutput,
  loyaltyRewardSchema,
  loyaltySettingsInput,
  loyaltySettingsOutput,
  loyaltyStaffRedeemInput,
  loyaltySummaryOutput,
  updateLoyaltyRewardInput,
} from "@servicepro/validators";
import { z } from "zod";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

const adjustOutput = z.object({
  entryId: z.string(),
  points: z.number().int(),
  balance: z.number().int(),
  earned: z.number().int(),
});

const settingsView = (s: LoyaltySettingsView): z.infer<typeof loyaltySettingsOutput> => ({
  enabled: s.enabled,
  pointsPerDollar: s.pointsPerDollar,
  pointsPerVisit: s.pointsPerVisit,
  reviewBonus: s.reviewBonus,
  referralBonus: s.referralBonus,
  expiryMonths: s.expiryMonths,
  tiers: s.tiers,
});

/** A free add-on reward must name one of this business's add-ons (another business's is not there). */
async function checkAddOn(tx: TenantTx, addOnId: string | null): Promise<void> {
  if (!addOnId) return;
  const addOn = await tx.addOn.findFirst({ where: { id: addOnId }, select: { id: true } });
  if (!addOn)
    throw new AppError("NOT_FOUND", "That add-on no longer exists. Reload the page and choose another one.", {
      issues: [{ path: ["addOnId"], message: "That add-on no longer exists. Choose another one." }],
    });
}

/** The reward's columns: money off carries an amount, a free add-on its add-on (the table's CHECK). */
const rewardColumns = (input: z.infer<typeof createLoyaltyRewardInput>) => ({
  name: input.name,
  kind: input.kind,
  pointsCost: input.pointsCost,
  amountCents: input.kind === "money_off" ? input.amountCents : null,
  addOnId: input.kind === "free_add_on" ? input.addOnId : null,
  active: input.active,
});

async function rewardView(tx: TenantTx, id: string) {
  const reward = (await listRewards(tx)).find((r) => r.id === id);
  if (!reward) throw rewardNotFound();
  return reward;
}

export const tenantLoyaltyRouter = createRouter({
  /** The programme: on or off, earn rules, bonuses, expiry and tiers (defaults, off, before it is saved). */
  settings: staffProcedure
    .output(loyaltySettingsOutput)
    .query(async ({ ctx }) => settingsView(await ctx.tenant.run((tx) => loadLoyaltySettings(tx)))),

  /** Admins set the programme up or change it; audited with the fields that changed. */
  updateSettings: tenantAdminProcedure
    .input(loyaltySettingsInput)
    .output(loyaltySettingsOutput)
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.tenant.run(async (tx) => {
        const current = settingsView(await loadLoyaltySettings(tx));
        const data = { ...input, tiers: input.tiers as Prisma.InputJsonArray };
        await tx.loyaltySettings.upsert({
          where: { tenantId: ctx.tenantId },
          create: { tenantId: ctx.tenantId, ...data },
          update: data,
        });
        return current;
      });
      const changed = (Object.keys(input) as (keyof typeof input)[]).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(input[key]),
      );
      if (changed.length > 0)
        await ctx.audit({
          action: "loyalty.settings_updated",
          objectType: "loyalty_settings",
          objectId: ctx.tenantId,
          details: {
            fields: changed,
            before: Object.fromEntries(changed.map((key) => [key, before[key]])),
            after: Object.fromEntries(changed.map((key) => [key, input[key]])),
          } as Prisma.InputJsonObject,
        });
      return input;
    }),

  /** Every reward, inactive ones included, in the business's order. */
  rewards: staffProcedure
    .output(z.array(loyaltyRewardSchema))
    .query(async ({ ctx }) => ctx.tenant.run((tx) => listRewards(tx))),

  createReward: tenantAdminProcedure
    .input(createLoyaltyRewardInput)
    .output(loyaltyRewardSchema)
    .mutation(async ({ ctx, input }) => {
      const reward = await ctx.tenant.run(async (tx) => {
        await checkAddOn(tx, input.kind === "free_add_on" ? input.addOnId : null);
        const last = await tx.loyaltyReward.aggregate({ _max: { position: true } });
        const row = await tx.loyaltyReward.create({
          data: { tenantId: ctx.tenantId, ...rewardColumns(input), position: (last._max.position ?? -1) + 1 },
        });
        return rewardView(tx, row.id);
      });
      await ctx.audit({
        action: "loyalty.reward_created",
        objectType: "loyalty_reward",
        objectId: reward.id,
        details: { name: reward.name, kind: reward.kind, pointsCost: reward.pointsCost },
      });
      return reward;
    }),

  /** Changes a reward (or retires it: `active: false`); rewards already redeemed keep what they were. */
  updateReward: tenantAdminProcedure
    .input(updateLoyaltyRewardInput)
    .output(loyaltyRewardSchema)
    .mutation(async ({ ctx, input }) => {
      const { id, ...fields } = input;
      const reward = await ctx.tenant.run(async (tx) => {
        const current = await tx.loyaltyReward.findFirst({ where: { id }, select: { id: true } });
        if (!current) throw rewardNotFound();
        await checkAddOn(tx, fields.kind === "free_add_on" ? fields.addOnId : null);
        await tx.loyaltyReward.update({
          where: { tenantId_id: { tenantId: ctx.tenantId, id } },
          data: rewardColumns(fields),
        });
        return rewardView(tx, id);
      });
      await ctx.audit({
        action: "loyalty.reward_updated",
        objectType: "loyalty_reward",
        objectId: id,
        details: { name: reward.name, kind: reward.kind, pointsCost: reward.pointsCost, active: reward.active },
      });
      return reward;
    }),

  /** A customer's points: balance, tier, rules, rewards, redemptions and history. */
  customer: staffProcedure
    .input(loyaltyCustomerInput)
    .output(loyaltySummaryOutput)
    .query(async ({ ctx, input }) =>
      ctx.tenant.run((tx) => loyaltySummary(tx, { customerId: input.customerId, now: ctx.now() })),
    ),

  /**
   * Admins change a customer's points: an adjustment (+/−) or a review or referral bonus (the
   * programme's bonus unless points are given). Always with a reason; every one is audited.
   */
  adjust: tenantAdminProcedure
    .input(loyaltyAdjustInput)
    .output(adjustOutput)
    .mutation(async ({ ctx, input }) => {
      const actor: LoyaltyActor = { kind: "staff", userId: ctx.auth.user!.id };
      const result = await ctx.tenant.run(async (tx) => {
        let points = input.points;
        if (points === null) {
          const settings = await loadLoyaltySettings(tx);
          points = input.kind === "review_bonus" ? settings.reviewBonus : settings.referralBonus;
          if (points <= 0) {
            const what = input.kind === "review_bonus" ? "review" : "referral";
            throw new AppError(
              "BAD_REQUEST",
              `Your programme has no ${what} bonus set. Enter the points to award, or set the bonus in Loyalty settings.`,
              { issues: [{ path: ["points"], message: `Enter the points for this ${what} bonus.` }] },
            );
          }
        }
        return adjustPoints(tx, {
          customerId: input.customerId,
          points,
          kind: input.kind,
          reason: input.reason,
          actor,
          now: ctx.now(),
        });
      });
      await ctx.audit({
        action: "loyalty.points_adjusted",
        objectType: "customer",
        objectId: input.customerId,
        details: {
          kind: input.kind,
          points: result.points,
          reason: input.reason,
          balance: result.balance,
          entryId: result.entryId,
        },
      });
      return result;
    }),

  /** Staff redeem a reward for a customer (at the counter, on the phone); applied to their next appointment. */
  redeem: staffProcedure
    .input(loyaltyStaffRedeemInput)
    .output(loyaltyRedeemOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.tenant.run((tx) =>
        redeemReward(tx, {
          customerId: input.customerId,
          rewardId: input.rewardId,
          actor: { kind: "staff", userId: ctx.auth.user!.id },
          now: ctx.now(),
        }),
      );
      await ctx.audit({
        action: "loyalty.reward_redeemed",
        objectType: "customer",
        objectId: input.customerId,
        details: {
          redemptionId: result.redemption.id,
          rewardId: input.rewardId,
          pointsCost: result.redemption.pointsCost,
        },
      });
      return result;
    }),

  /** Cancels a reward not used yet; its points come back. */
  cancelRedemption: staffProcedure
    .input(loyaltyCancelRedemptionInput)
    .output(loyaltyRedeemOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.tenant.run((tx) =>
        cancelRedemption(tx, {
          redemptionId: input.redemptionId,
          actor: { kind: "staff", userId: ctx.auth.user!.id },
          now: ctx.now(),
        }),
      );
      await ctx.audit({
        action: "loyalty.redemption_cancelled",
        objectType: "loyalty_redemption",
        objectId: input.redemptionId,
        details: { pointsCost: result.redemption.pointsCost, balance: result.balance },
      });
      return result;
    }),
});
