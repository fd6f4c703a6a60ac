import { PLAN_TIERS, TENANT_STATUSES } from "@servicepro/tenancy/constants";
import { describe, expect, it } from "vitest";
import {
  acceptsChanges,
  FEATURE_KEYS,
  FEATURE_LABELS,
  featureRefusal,
  featureRefusalMessage,
  hasFeature,
  lowestTierWith,
  mutationRefusal,
  mutationRefusalMessage,
  planFeatureLines,
  TIER_FEATURES,
} from "./index.ts";

// The seed's table (phase 7), written out again on purpose: a change to TIER_FEATURES must be a
// deliberate change to this test too.
const EXPECTED = {
  starter: {
    aiSmsAgent: false,
    aiVoiceAgent: false,
    dedicatedNumber: false,
    campaigns: false,
    dataExport: true,
    websiteGenerator: true,
  },
  pro: {
    aiSmsAgent: true,
    aiVoiceAgent: false,
    dedicatedNumber: true,
    campaigns: true,
    dataExport: true,
    websiteGenerator: true,
  },
  elite: {
    aiSmsAgent: true,
    aiVoiceAgent: true,
    dedicatedNumber: true,
    campaigns: true,
    dataExport: true,
    websiteGenerator: true,
  },
  internal: {
    aiSmsAgent: true,
    aiVoiceAgent: true,
    dedicatedNumber: true,
    campaigns: true,
    dataExport: true,
    websiteGenerator: true,
  },
} as const;

const cells = PLAN_TIERS.flatMap((tier) => FEATURE_KEYS.map((key) => [tier, key, EXPECTED[tier][key]] as const));

describe("hasFeature", () => {
  it.each(cells)("%s × %s should be %s", (tier, key, expected) => {
    expect(hasFeature({ planTier: tier }, key)).toBe(expected);
  });

  it("should cover exactly the seed's tiers and keys", () => {
    expect(Object.keys(TIER_FEATURES).sort()).toEqual([...PLAN_TIERS].sort());
    for (const tier of PLAN_TIERS) expect(Object.keys(TIER_FEATURES[tier]).sort()).toEqual([...FEATURE_KEYS].sort());
  });

  it.each(["", "enterprise", "PRO", "__proto__", "constructor"])(
    "should treat the unknown tier %j as starter",
    (tier) => {
      for (const key of FEATURE_KEYS) expect(hasFeature({ planTier: tier }, key), key).toBe(EXPECTED.starter[key]);
    },
  );

  it("should give the internal tier every feature", () => {
    expect(FEATURE_KEYS.every((key) => hasFeature({ planTier: "internal" }, key))).toBe(true);
  });
});

describe("lowestTierWith", () => {
  it("should name the cheapest tier that includes each feature", () => {
    expect(Object.fromEntries(FEATURE_KEYS.map((key) => [key, lowestTierWith(key)]))).toEqual({
      aiSmsAgent: "pro",
      aiVoiceAgent: "elite",
      dedicatedNumber: "pro",
      campaigns: "pro",
      dataExport: "starter",
      websiteGenerator: "starter",
    });
  });
});

describe("featureRefusal", () => {
  it.each(cells)("%s × %s: refused exactly when the plan lacks it", (tier, key, expected) => {
    const refusal = featureRefusal({ planTier: tier }, key);
    expect(refusal).toEqual(
      expected ? null : { code: "PLAN_FEATURE_REQUIRED", feature: key, requiredTier: lowestTierWith(key) },
    );
  });

  it("should explain a refusal in a sentence naming the feature and the plan", () => {
    expect(featureRefusalMessage("campaigns")).toBe(
      "SMS campaigns are part of the Pro plan; ask the account owner to upgrade.",
    );
    expect(featureRefusalMessage("aiVoiceAgent")).toBe(
      "AI voice receptionist is part of the Elite plan; ask the account owner to upgrade.",
    );
  });
});

describe("status rules", () => {
  it.each(TENANT_STATUSES)("%s: accepts changes unless suspended or cancelled", (status) => {
    expect(acceptsChanges(status)).toBe(status !== "suspended" && status !== "cancelled");
  });

  it("should refuse tenant mutations of suspended and cancelled accounts", () => {
    for (const status of ["suspended", "cancelled"] as const) {
      expect(mutationRefusal(status, "tenant.customers.create")).toEqual({ code: "TENANT_INACTIVE", status });
    }
    for (const status of ["trialing", "active", "past_due"] as const) {
      expect(mutationRefusal(status, "tenant.customers.create")).toBeNull();
    }
  });

  it("should keep sign-in, export and billing open to suspended and cancelled accounts", () => {
    for (const path of ["auth.login", "auth.logout", "tenant.exports.create", "billing.pay"]) {
      expect(mutationRefusal("suspended", path), path).toBeNull();
      expect(mutationRefusal("cancelled", path), path).toBeNull();
    }
    // A prefix match on the family, not on any path that happens to contain the word.
    expect(mutationRefusal("suspended", "tenant.exportsx.start")).not.toBeNull();
    expect(mutationRefusal("suspended", "export.start")).not.toBeNull();
  });

  it("should say what still works and whom to contact", () => {
    expect(mutationRefusalMessage("suspended")).toBe(
      "This account is suspended, so changes are paused. You can still sign in, view and export your data; contact ServicePro support to reactivate it.",
    );
  });
});

describe("planFeatureLines", () => {
  it("should list every feature with what would unlock the missing ones", () => {
    const lines = planFeatureLines({ planTier: "starter" });
    expect(lines.map((line) => line.key)).toEqual([...FEATURE_KEYS]);
    expect(lines.find((line) => line.key === "campaigns")).toEqual({
      key: "campaigns",
      label: FEATURE_LABELS.campaigns,
      included: false,
      unlockedBy: "pro",
    });
    expect(lines.find((line) => line.key === "dataExport")).toEqual({
      key: "dataExport",
      label: FEATURE_LABELS.dataExport,
      included: true,
      unlockedBy: null,
    });
  });

  it("should never suggest an upgrade on the internal tier", () => {
    expect(planFeatureLines({ planTier: "internal" }).every((line) => line.included && line.unlockedBy === null)).toBe(
      true,
    );
  });
});
