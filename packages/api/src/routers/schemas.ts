import { PLAN_TIERS, TENANT_STATUSES } from "@servicepro/tenancy";
import { z } from "zod";

/** A tenant as the owner console and the business dashboard show it. Dates are ISO strings (plain JSON). */
export const tenantProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  industry: z.string().nullable(),
  planTier: z.enum(PLAN_TIERS),
  status: z.enum(TENANT_STATUSES),
  createdAt: z.string(),
});

/** The columns tenantProfileSchema needs, for Prisma `select`. */
export const tenantProfileSelect = {
  id: true,
  name: true,
  slug: true,
  industry: true,
  planTier: true,
  status: true,
  createdAt: true,
} as const;

export const toTenantProfile = <T extends { createdAt: Date }>(tenant: T) => ({
  ...tenant,
  createdAt: tenant.createdAt.toISOString(),
});
