import { AppError } from "@servicepro/errors";
import { planFeatureLines } from "@servicepro/features";
import { PLAN_TIER_LABELS } from "@servicepro/tenancy/constants";
import { z } from "zod";
import { staffProcedure } from "../../trpc.ts";
import { tenantProfileSchema, tenantProfileSelect, toTenantProfile } from "../schemas.ts";

const overviewSchema = z.object({
  tenant: tenantProfileSchema,
  /** What the plan includes, from the same lines as the Plan page: the overview claims nothing else. */
  plan: z.object({ label: z.string(), included: z.array(z.string()), notIncluded: z.array(z.string()) }),
  members: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string(),
      role: z.enum(["tenant_admin", "tenant_staff"]),
      createdAt: z.string(),
    }),
  ),
});

/** `tenant.overview`: the signed-in business, its profile, what its plan includes, and its team. */
export const tenantOverviewProcedure = staffProcedure.output(overviewSchema).query(async ({ ctx }) => {
  const { tenant, members } = await ctx.tenant.run(async (tx) => ({
    tenant: await tx.tenant.findFirst({ select: tenantProfileSelect }),
    members: await tx.membership.findMany({
      orderBy: [{ role: "asc" }, { createdAt: "asc" }],
      select: { userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
    }),
  }));
  if (!tenant) throw new AppError("NOT_FOUND", "This business no longer exists.");
  const lines = planFeatureLines(tenant);
  return {
    tenant: toTenantProfile(tenant),
    plan: {
      label: PLAN_TIER_LABELS[tenant.planTier],
      included: lines.filter((line) => line.included).map((line) => line.label),
      notIncluded: lines.filter((line) => !line.included).map((line) => line.label),
    },
    members: members.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      createdAt: m.createdAt.toISOString(),
    })),
  };
});
