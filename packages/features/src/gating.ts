// What the server says when a plan or an account status refuses something: a machine-readable
// cause for clients and one sentence a person can act on. Shared by the tRPC middleware and the
// off-request checks (webhooks, workers), so every refusal reads the same.
import {
  PLAN_TIER_LABELS,
  type PlanTier,
  runsAutomations,
  TENANT_STATUS_LABELS,
  type TenantStatus,
} from "@servicepro/tenancy/constants";
import { FEATURE_KEYS, FEATURE_LABELS, type FeatureKey, hasFeature, lowestTierWith } from "./index.ts";

/** `cause.code` of a FORBIDDEN answer: the plan lacks the feature. */
export const PLAN_FEATURE_REQUIRED = "PLAN_FEATURE_REQUIRED";
/** `cause.code` of a FORBIDDEN answer: the account is suspended or cancelled, so changes are paused. */
export const TENANT_INACTIVE = "TENANT_INACTIVE";

export type PlanFeatureRequired = { code: typeof PLAN_FEATURE_REQUIRED; feature: FeatureKey; requiredTier: PlanTier };
export type TenantInactive = { code: typeof TENANT_INACTIVE; status: TenantStatus };

/** Why `planTier` cannot use `feature`, or null when it can. */
export function featureRefusal(tenant: { planTier: string }, feature: FeatureKey): PlanFeatureRequired | null {
  return hasFeature(tenant, feature)
    ? null
    : { code: PLAN_FEATURE_REQUIRED, feature, requiredTier: lowestTierWith(feature) };
}

/** "SMS campaigns are part of the Pro plan; ask the account owner to upgrade." */
export function featureRefusalMessage(feature: FeatureKey): string {
  return `${FEATURE_LABELS[feature]} ${isPlural(feature) ? "are" : "is"} part of the ${PLAN_TIER_LABELS[lowestTierWith(feature)]} plan; ask the account owner to upgrade.`;
}

// The one label that reads as a plural ("SMS campaigns"); the rest are singular nouns.
const isPlural = (feature: FeatureKey) => feature === "campaigns";

/**
 * Suspended and cancelled accounts keep their data and can sign in, read and export it; every
 * other change is refused. These procedure families stay open (reliability-security.md Z4):
 * signing in and out, exporting data, and billing (to pay and reopen the account).
 */
export const OPEN_WHEN_INACTIVE = ["auth.", "tenant.exports.", "billing."] as const;

/**
 * A cancelled account's restricted sign-in: its staff can sign in and export their data, and do
 * nothing else (issue 16 §3). Every tenant procedure outside these answers 403 with
 * cancelledRefusalMessage; auth.* (sign-in, sign-out, the session the app shell reads) is not a
 * tenant procedure, so it stays open.
 */
export const OPEN_WHEN_CANCELLED = ["tenant.exports."] as const;

/** Why a tenant procedure at `procedurePath` is refused for a cancelled account, or null when it is allowed. */
export function cancelledRefusal(status: TenantStatus, procedurePath: string): TenantInactive | null {
  if (status !== "cancelled" || OPEN_WHEN_CANCELLED.some((prefix) => procedurePath.startsWith(prefix))) return null;
  return { code: TENANT_INACTIVE, status };
}

export const CANCELLED_REFUSAL_MESSAGE =
  "This account is cancelled. The only thing you can do now is export your data (Export your data); contact ServicePro support to reactivate it.";

/** Whether the account's status lets it make changes: the same rule that stops automations for it. */
export const acceptsChanges = (status: TenantStatus): boolean => runsAutomations(status);

/** Why a mutation at `procedurePath` is refused for an account with `status`, or null when it is allowed. */
export function mutationRefusal(status: TenantStatus, procedurePath: string): TenantInactive | null {
  if (acceptsChanges(status) || OPEN_WHEN_INACTIVE.some((prefix) => procedurePath.startsWith(prefix))) return null;
  return { code: TENANT_INACTIVE, status };
}

export function mutationRefusalMessage(status: TenantStatus): string {
  return `This account is ${TENANT_STATUS_LABELS[status].toLowerCase()}, so changes are paused. You can still sign in, view and export your data; contact ServicePro support to reactivate it.`;
}

export type PlanFeatureLine = {
  key: FeatureKey;
  label: string;
  included: boolean;
  /** The cheapest tier that would include it; null when included. */
  unlockedBy: PlanTier | null;
};

/**
 * What a plan includes, feature by feature, for the "Plan" page. The internal tier includes
 * everything at cost: it never shows an upgrade.
 */
export function planFeatureLines(tenant: { planTier: string }): PlanFeatureLine[] {
  return FEATURE_KEYS.map((key) => {
    const included = hasFeature(tenant, key);
    return { key, label: FEATURE_LABELS[key], included, unlockedBy: included ? null : lowestTierWith(key) };
  });
}
