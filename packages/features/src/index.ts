// @servicepro/features: what each plan tier includes (seed phase 7), as plain data and one
// function. Pure and zod-free so the browser apps can import it to show what a plan includes;
// the server enforces it (packages/api's plan-gating middleware, webhooks and workers).
import { PLAN_TIERS, type PlanTier } from "@servicepro/tenancy/constants";

export const FEATURE_KEYS = [
  "aiSmsAgent",
  "aiVoiceAgent",
  "dedicatedNumber",
  "campaigns",
  "dataExport",
  "websiteGenerator",
] as const;

export type FeatureKey = (typeof FEATURE_KEYS)[number];

/** Exactly the seed's map. `internal` is the family/friends at-cost tier: everything on. */
export const TIER_FEATURES: Record<PlanTier, Record<FeatureKey, boolean>> = {
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
};

export const FEATURE_LABELS: Record<FeatureKey, string> = {
  aiSmsAgent: "AI SMS agent",
  aiVoiceAgent: "AI voice receptionist",
  dedicatedNumber: "Dedicated phone number",
  campaigns: "SMS campaigns",
  dataExport: "Data export",
  websiteGenerator: "Website generator",
};

const isPlanTier = (tier: string): tier is PlanTier => (PLAN_TIERS as readonly string[]).includes(tier);

/** Whether the tenant's plan includes the feature. Unknown tiers are treated as starter. */
export function hasFeature(tenant: { planTier: string }, key: FeatureKey): boolean {
  const tier = isPlanTier(tenant.planTier) ? tenant.planTier : "starter";
  return TIER_FEATURES[tier][key];
}

/** The cheapest tier that includes the feature (for "upgrade to Pro to use campaigns"). */
export function lowestTierWith(key: FeatureKey): PlanTier {
  return (["starter", "pro", "elite"] as const).find((tier) => TIER_FEATURES[tier][key]) ?? "internal";
}

export * from "./gating.ts";
