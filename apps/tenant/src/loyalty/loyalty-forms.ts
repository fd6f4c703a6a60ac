// The loyalty forms: what people type (points and months as text, dollars off) converted, then
// checked with the very schemas tenant.loyalty.* uses (@servicepro/validators' loyalty inputs), so
// a form refuses what the server would, with the same words.
import {
  createLoyaltyRewardInput,
  LOYALTY_REWARD_MESSAGES,
  type LoyaltySettings,
  loyaltyAdjustInput,
  loyaltyRewardAmountSchema,
  loyaltySettingsInput,
} from "@servicepro/validators";
import { z } from "zod";
import { DOLLARS_HINT, dollarsText, parseDollars } from "../services/catalog-format.ts";

/** A whole number typed as text: "" and "abc" become NaN, which the field's schema refuses by name. */
const numberText = <T extends z.ZodType<number, number>>(schema: T) =>
  z
    .string()
    .transform((text) => (text.trim() === "" ? Number.NaN : Number(text.replaceAll(",", ""))))
    .pipe(schema);

const fields = loyaltySettingsInput.shape;

export const loyaltySettingsFormSchema = z
  .object({
    enabled: z.boolean(),
    pointsPerDollar: z.string(),
    pointsPerVisit: z.string(),
    reviewBonus: z.string(),
    referralBonus: z.string(),
    /** Empty: points never expire. */
    expiryMonths: z.string(),
    tiers: z.array(z.object({ name: z.string(), minPoints: z.string() })),
  })
  .transform((form) => ({
    ...form,
    tiers: form.tiers.map((tier) => ({
      name: tier.name,
      minPoints: tier.minPoints.trim() === "" ? Number.NaN : Number(tier.minPoints.replaceAll(",", "")),
    })),
  }))
  .pipe(
    z.object({
      enabled: fields.enabled,
      pointsPerDollar: numberText(fields.pointsPerDollar),
      pointsPerVisit: numberText(fields.pointsPerVisit),
      reviewBonus: numberText(fields.reviewBonus),
      referralBonus: numberText(fields.referralBonus),
      expiryMonths: z
        .string()
        .transform((text) => (text.trim() === "" ? null : Number(text)))
        .pipe(fields.expiryMonths),
      tiers: fields.tiers,
    }),
  );
export type LoyaltySettingsFormValues = z.input<typeof loyaltySettingsFormSchema>;

export function settingsFormValues(settings: LoyaltySettings): LoyaltySettingsFormValues {
  return {
    enabled: settings.enabled,
    pointsPerDollar: String(settings.pointsPerDollar),
    pointsPerVisit: String(settings.pointsPerVisit),
    reviewBonus: String(settings.reviewBonus),
    referralBonus: String(settings.referralBonus),
    expiryMonths: settings.expiryMonths === null ? "" : String(settings.expiryMonths),
    tiers: settings.tiers.map((tier) => ({ name: tier.name, minPoints: String(tier.minPoints) })),
  };
}

export const rewardFormSchema = z
  .object({
    name: z.string(),
    kind: z.enum(["money_off", "free_add_on"]),
    pointsCost: z.string(),
    /** Dollars off, for money off. */
    amount: z.string(),
    /** The add-on, for a free add-on ("" until one is chosen). */
    addOnId: z.string(),
    active: z.boolean(),
  })
  .transform((form, ctx): z.input<typeof createLoyaltyRewardInput> => {
    // The amount is typed in dollars, so its checks are made here, on the form's own field.
    let amountCents: number | null = null;
    if (form.kind === "money_off") {
      const cents = form.amount.trim() === "" ? undefined : parseDollars(form.amount);
      const problem =
        cents === undefined
          ? LOYALTY_REWARD_MESSAGES.amountRequired
          : cents === null
            ? DOLLARS_HINT
            : loyaltyRewardAmountSchema.safeParse(cents).error?.issues[0]?.message;
      if (problem) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: problem });
        return z.NEVER;
      }
      amountCents = cents ?? null;
    }
    return {
      name: form.name,
      kind: form.kind,
      pointsCost: form.pointsCost.trim() === "" ? Number.NaN : Number(form.pointsCost.replaceAll(",", "")),
      amountCents,
      addOnId: form.kind === "free_add_on" && form.addOnId !== "" ? form.addOnId : null,
      active: form.active,
    };
  })
  .pipe(createLoyaltyRewardInput);
export type RewardFormValues = z.input<typeof rewardFormSchema>;

/** The server's field names as the reward form names them. */
export const REWARD_FIELD: Record<string, string> = { amountCents: "amount" };

export function rewardFormValues(reward?: {
  name: string;
  kind: "money_off" | "free_add_on";
  pointsCost: number;
  amountCents: number | null;
  addOnId: string | null;
  active: boolean;
}): RewardFormValues {
  return {
    name: reward?.name ?? "",
    kind: reward?.kind ?? "money_off",
    pointsCost: reward ? String(reward.pointsCost) : "",
    amount: reward?.amountCents ? dollarsText(reward.amountCents) : "",
    addOnId: reward?.addOnId ?? "",
    active: reward?.active ?? true,
  };
}

/** A staff change to one customer's points; the customer is the page's. */
export const adjustFormSchema = (customerId: string) =>
  z
    .object({
      kind: z.enum(["adjust", "review_bonus", "referral_bonus"]),
      /** "+50", "-20", or empty for a bonus at the programme's amount. */
      points: z.string(),
      reason: z.string(),
    })
    .transform(
      (form): z.input<typeof loyaltyAdjustInput> => ({
        customerId,
        kind: form.kind,
        points: form.points.trim() === "" ? null : Number(form.points.replaceAll(/[,+\s]/g, "")),
        reason: form.reason,
      }),
    )
    .pipe(loyaltyAdjustInput);
export type AdjustFormValues = z.input<ReturnType<typeof adjustFormSchema>>;
