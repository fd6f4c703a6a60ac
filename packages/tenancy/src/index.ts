// @servicepro/tenancy: what a tenant is, independent of storage. Pure: no I/O.
import { z } from "zod";

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

/** Tenant ids and slugs: lower-case letters, digits and hyphens, 2–63 characters, no edge hyphens. */
export const tenantSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "Use 2–63 lower-case letters, digits or hyphens, not starting or ending with a hyphen.")
  .min(2, "Use at least 2 characters.");

/** Suggests a slug from a business name: "Green Lawn Co." → "green-lawn-co". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/g, "");
}
