// The staff side of loyalty (`tenant.loyalty.*` inputs and the tenant app's forms): the programme's
// earn rules, bonuses, expiry and tiers; the rewards; a customer's adjustments and redemptions.
// The output shapes the portal shares are in portal.ts (loyaltySummaryOutput, loyaltyRewardSchema…).
import { z } from "zod";
import { LOYALTY_REWARD_KINDS, loyaltyTierSchema } from "./portal.ts";
import { textSchema } from "./text.ts";

const id = (what: string) => z.uuid(`That ${what} id is not valid.`);

/** The database's ranges (migration 20261203133012_portal_loyalty, loyalty_settings_ranges). */
export const LOYALTY_LIMITS = {
  pointsPerDollar: 1000,
  pointsPerVisit: 100_000,
  bonus: 100_000,
  expiryMonths: 120,
  tiers: 10,
  rewardCost: 1_000_000,
  rewardAmountCents: 1_000_000,
  adjustment: 1_000_000,
} as const;

const wholePoints = (label: string, max: number) =>
  z
    .number({ error: `Enter ${label} as a number.` })
    .int(`Use whole points for ${label}.`)
    .min(0, `${label[0]!.toUpperCase()}${label.slice(1)} can't be negative (use 0 for none).`)
    .max(max, `Use at most ${max.toLocaleString("en-US")} for ${label}.`);

export const loyaltyTierInput = z.strictObject({
  name: textSchema("the tier's name", { max: 40 }),
  minPoints: z
    .number({ error: "Enter the points a tier starts at." })
    .int("Use whole points.")
    .min(1, "A tier starts at 1 point or more (everyone starts with none).")
    .max(100_000_000, "Use at most 100,000,000 points."),
});

export const loyaltySettingsInput = z.strictObject({
  enabled: z.boolean({ error: "Choose on or off." }),
  pointsPerDollar: wholePoints("the points per dollar", LOYALTY_LIMITS.pointsPerDollar),
  pointsPerVisit: wholePoints("the points per visit", LOYALTY_LIMITS.pointsPerVisit),
  reviewBonus: wholePoints("the review bonus", LOYALTY_LIMITS.bonus),
  referralBonus: wholePoints("the referral bonus", LOYALTY_LIMITS.bonus),
  /** Months without earning or redeeming before a balance lapses; null: points never expire. */
  expiryMonths: z
    .number({ error: "Enter the months as a number, or leave expiry off." })
    .int("Use whole months.")
    .min(1, "Points last at least 1 month.")
    .max(LOYALTY_LIMITS.expiryMonths, "Use at most 120 months (10 years).")
    .nullable(),
  /** Ascending by the points they start at, names unique. */
  tiers: z
    .array(loyaltyTierInput)
    .max(LOYALTY_LIMITS.tiers, `Use at most ${LOYALTY_LIMITS.tiers} tiers.`)
    .superRefine((tiers, ctx) => {
      const names = new Set<string>();
      tiers.forEach((tier, index) => {
        const key = tier.name.toLowerCase();
        if (names.has(key))
          ctx.addIssue({
            code: "custom",
            path: [index, "name"],
            message: `There is already a tier called ${tier.name}.`,
          });
        names.add(key);
        const before = tiers[index - 1];
        if (before && tier.minPoints <= before.minPoints)
          ctx.addIssue({
            code: "custom",
            path: [index, "minPoints"],
            message: `Each tier needs more points than the one before it (${before.name} starts at ${before.minPoints}).`,
          });
      });
    }),
});
export type LoyaltySettingsInput = z.input<typeof loyaltySettingsInput>;

export const loyaltySettingsOutput = z.object({
  enabled: z.boolean(),
  pointsPerDollar: z.number().int(),
  pointsPerVisit: z.number().int(),
  reviewBonus: z.number().int(),
  referralBonus: z.number().int(),
  expiryMonths: z.number().int().nullable(),
  tiers: z.array(loyaltyTierSchema),
});
export type LoyaltySettings = z.infer<typeof loyaltySettingsOutput>;

/** Money off: the amount, in cents (forms that take dollars check the converted amount with it). */
export const loyaltyRewardAmountSchema = z
  .number({ error: "Enter the amount off." })
  .int("Use whole cents.")
  .min(1, "The amount off must be more than $0.")
  .max(LOYALTY_LIMITS.rewardAmountCents, "Use at most $10,000 off.");

export const LOYALTY_REWARD_MESSAGES = {
  amountRequired: "Enter how much the reward takes off.",
  addOnRequired: "Choose the add-on the reward gives for free.",
} as const;

const rewardFields = {
  name: textSchema("the reward's name", { max: 80 }),
  kind: z.enum(LOYALTY_REWARD_KINDS, { error: "Choose money off or a free add-on." }),
  pointsCost: z
    .number({ error: "Enter what the reward costs in points." })
    .int("Use whole points.")
    .min(1, "A reward costs at least 1 point.")
    .max(LOYALTY_LIMITS.rewardCost, "Use at most 1,000,000 points."),
  /** Money off: the amount, in cents. */
  amountCents: loyaltyRewardAmountSchema.nullable(),
  /** A free add-on: which one. */
  addOnId: id("add-on").nullable(),
  active: z.boolean().default(true),
};

type RewardShape = { kind: (typeof LOYALTY_REWARD_KINDS)[number]; amountCents: number | null; addOnId: string | null };

/** Money off needs an amount and no add-on; a free add-on needs the add-on and no amount (the table's CHECK). */
function rewardShape(reward: RewardShape, ctx: z.RefinementCtx) {
  if (reward.kind === "money_off" && reward.amountCents === null)
    ctx.addIssue({ code: "custom", path: ["amountCents"], message: LOYALTY_REWARD_MESSAGES.amountRequired });
  if (reward.kind === "free_add_on" && reward.addOnId === null)
    ctx.addIssue({ code: "custom", path: ["addOnId"], message: LOYALTY_REWARD_MESSAGES.addOnRequired });
}

export const createLoyaltyRewardInput = z.strictObject(rewardFields).superRefine(rewardShape);
export type CreateLoyaltyRewardInput = z.input<typeof createLoyaltyRewardInput>;
export const updateLoyaltyRewardInput = z.strictObject({ id: id("reward"), ...rewardFields }).superRefine(rewardShape);
export type UpdateLoyaltyRewardInput = z.input<typeof updateLoyaltyRewardInput>;

export const loyaltyCustomerInput = z.strictObject({ customerId: id("customer") });

export const LOYALTY_ADJUSTMENT_KINDS = ["adjust", "review_bonus", "referral_bonus"] as const;

/**
 * A staff change to a customer's points. An adjustment names its points (+ or −); a review or
 * referral bonus may leave them out to award the programme's bonus. Always with a reason.
 */
export const loyaltyAdjustInput = z
  .strictObject({
    customerId: id("customer"),
    kind: z.enum(LOYALTY_ADJUSTMENT_KINDS, { error: "Choose an adjustment, a review bonus or a referral bonus." }),
    points: z
      .number({ error: "Enter the points as a number." })
      .int("Use whole points.")
      .min(-LOYALTY_LIMITS.adjustment, "Take away at most 1,000,000 points at a time.")
      .max(LOYALTY_LIMITS.adjustment, "Add at most 1,000,000 points at a time.")
      .refine((points) => points !== 0, "Enter the points to add (or, with a minus sign, to take away).")
      .nullable()
      .default(null),
    reason: textSchema("the reason", { max: 200 }),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "adjust" && input.points === null)
      ctx.addIssue({ code: "custom", path: ["points"], message: "Enter the points to add or take away." });
    if (input.kind !== "adjust" && input.points !== null && input.points < 0)
      ctx.addIssue({
        code: "custom",
        path: ["points"],
        message: "A bonus adds points; use an adjustment to take some away.",
      });
  });
export type LoyaltyAdjustInput = z.input<typeof loyaltyAdjustInput>;

export const loyaltyStaffRedeemInput = z.strictObject({ customerId: id("customer"), rewardId: id("reward") });
export const loyaltyCancelRedemptionInput = z.strictObject({ redemptionId: id("redemption") });
