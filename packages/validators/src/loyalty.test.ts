import { describe, expect, it } from "vitest";
import { createLoyaltyRewardInput, loyaltyAdjustInput, loyaltySettingsInput } from "./loyalty.ts";

const SETTINGS = {
  enabled: true,
  pointsPerDollar: 1,
  pointsPerVisit: 10,
  reviewBonus: 50,
  referralBonus: 0,
  expiryMonths: null,
  tiers: [
    { name: "Silver", minPoints: 300 },
    { name: "Gold", minPoints: 1000 },
  ],
};
const CUSTOMER = "5d1f0c2e-0000-4000-8000-0000000000c1";

const messagesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

describe("loyaltySettingsInput", () => {
  it("should take a programme with ascending tiers", () => {
    expect(loyaltySettingsInput.parse(SETTINGS)).toEqual(SETTINGS);
  });

  it("should refuse tiers out of order or named twice, on the tier that is wrong", () => {
    const result = loyaltySettingsInput.safeParse({
      ...SETTINGS,
      tiers: [
        { name: "Gold", minPoints: 1000 },
        { name: "gold", minPoints: 300 },
      ],
    });
    expect(messagesOf(result)).toEqual([
      "tiers.1.name: There is already a tier called gold.",
      "tiers.1.minPoints: Each tier needs more points than the one before it (Gold starts at 1000).",
    ]);
  });

  it("should refuse the database's out-of-range values with words a person can act on", () => {
    const result = loyaltySettingsInput.safeParse({ ...SETTINGS, pointsPerDollar: 1001, expiryMonths: 0 });
    expect(messagesOf(result)).toEqual([
      "pointsPerDollar: Use at most 1,000 for the points per dollar.",
      "expiryMonths: Points last at least 1 month.",
    ]);
  });
});

describe("createLoyaltyRewardInput", () => {
  it("should need an amount for money off and an add-on for a free add-on", () => {
    const base = { name: "Reward", pointsCost: 100, amountCents: null, addOnId: null };
    expect(messagesOf(createLoyaltyRewardInput.safeParse({ ...base, kind: "money_off" }))).toEqual([
      "amountCents: Enter how much the reward takes off.",
    ]);
    expect(messagesOf(createLoyaltyRewardInput.safeParse({ ...base, kind: "free_add_on" }))).toEqual([
      "addOnId: Choose the add-on the reward gives for free.",
    ]);
  });
});

describe("loyaltyAdjustInput", () => {
  it("should need points for an adjustment but not for a bonus, and a reason always", () => {
    expect(
      messagesOf(loyaltyAdjustInput.safeParse({ customerId: CUSTOMER, kind: "adjust", points: null, reason: "x" })),
    ).toEqual(["points: Enter the points to add or take away."]);
    expect(loyaltyAdjustInput.parse({ customerId: CUSTOMER, kind: "review_bonus", reason: "Google" })).toEqual({
      customerId: CUSTOMER,
      kind: "review_bonus",
      points: null,
      reason: "Google",
    });
    expect(
      messagesOf(loyaltyAdjustInput.safeParse({ customerId: CUSTOMER, kind: "review_bonus", points: -5, reason: "x" })),
    ).toEqual(["points: A bonus adds points; use an adjustment to take some away."]);
    expect(
      messagesOf(loyaltyAdjustInput.safeParse({ customerId: CUSTOMER, kind: "adjust", points: 0, reason: " " })),
    ).toEqual(["points: Enter the points to add (or, with a minus sign, to take away).", "reason: Enter the reason."]);
  });
});
