// Constants only (no zod), cheap to import in the browser: plan tiers, tenant statuses, the slug rule.

/** The founder's own business (Clean Machine) is an ordinary tenant with this fixed id. */
export const ROOT_TENANT_ID = "root";

export const PLAN_TIERS = ["starter", "pro", "elite", "internal"] as const;
export type PlanTier = (typeof PLAN_TIERS)[number];

export const PLAN_TIER_LABELS: Record<PlanTier, string> = {
  starter: "Starter",
  pro: "Pro",
  elite: "Elite",
  internal: "Internal (at-cost)",
};

export const TENANT_STATUSES = ["trialing", "active", "past_due", "suspended", "cancelled"] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const TENANT_STATUS_LABELS: Record<TenantStatus, string> = {
  trialing: "Trialing",
  active: "Active",
  past_due: "Past due",
  suspended: "Suspended",
  cancelled: "Cancelled",
};

/**
 * Whether the platform acts on the tenant's behalf (automated replies, campaigns, reminders).
 * A suspended or cancelled tenant keeps its data and receives inbound traffic, but nothing is
 * sent for it automatically.
 */
export const runsAutomations = (status: TenantStatus): boolean => status !== "suspended" && status !== "cancelled";

/** Tenant ids and slugs: the one rule, kept in @servicepro/validators (zod-free subpath). */
export { SLUG_PATTERN as TENANT_SLUG_PATTERN } from "@servicepro/validators/patterns";

/**
 * The root tenant answers every call and text no other business's number matches (unrouted
 * traffic). Suspending or cancelling it stops its automated answers to all of them, so the change
 * needs an explicit confirmation (`confirmRootStatus`), in the console and in the API.
 */
export const needsRootStatusConfirmation = (tenantId: string, status: TenantStatus | undefined): boolean =>
  tenantId === ROOT_TENANT_ID && status !== undefined && !runsAutomations(status);

export const ROOT_STATUS_WARNING =
  "This is the root business: every call and text that matches no other business's number reaches it. Suspended or cancelled, it sends no automated replies to any of them, and unrouted callers and texters get no answer.";
