import {
  PLAN_TIER_LABELS,
  type PlanTier,
  TENANT_STATUS_LABELS,
  type TenantStatus,
} from "@servicepro/tenancy/constants";
import type { BadgeTone } from "@servicepro/ui";

export const planTierLabel = (tier: PlanTier): string => PLAN_TIER_LABELS[tier] ?? tier;
export const tenantStatusLabel = (status: TenantStatus): string => TENANT_STATUS_LABELS[status] ?? status;

export const PLAN_TIER_TONES: Record<PlanTier, BadgeTone> = {
  starter: "neutral",
  pro: "info",
  elite: "premium",
  internal: "premium",
};

/**
 * What a plan badge reads. The internal tier shouts on purpose (seed phase 7: "INTERNAL (at-cost)"),
 * so nobody mistakes a family or demo account at cost for a paying one.
 */
export const planTierBadgeLabel = (tier: PlanTier): string =>
  tier === "internal" ? "INTERNAL (at-cost)" : planTierLabel(tier);

export const TENANT_STATUS_TONES: Record<TenantStatus, BadgeTone> = {
  trialing: "info",
  active: "success",
  past_due: "warning",
  suspended: "danger",
  cancelled: "neutral",
};

/** "auto_detailing" → "Auto detailing"; free text is shown as entered; null → null. */
export function industryLabel(industry: string | null): string | null {
  if (!industry) return null;
  if (!/^[a-z0-9]+(?:[_-][a-z0-9]+)*$/.test(industry)) return industry;
  const words = industry.replace(/[_-]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
