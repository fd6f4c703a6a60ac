import { PLAN_TIERS, TENANT_STATUSES } from "@servicepro/tenancy";
import { z } from "zod";
import { createRouter, ownerProcedure } from "../../trpc.ts";

export const tenantSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  industry: z.string().nullable(),
  planTier: z.enum(PLAN_TIERS),
  status: z.enum(TENANT_STATUSES),
  createdAt: z.string(),
});

export const adminTenantsRouter = createRouter({
  /** Every tenant on the platform, oldest first (the root tenant leads). */
  list: ownerProcedure.output(z.array(tenantSummarySchema)).query(async ({ ctx }) => {
    const tenants = await ctx.platform("admin.tenants.list").run((tx) =>
      tx.tenant.findMany({
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, name: true, slug: true, industry: true, planTier: true, status: true, createdAt: true },
      }),
    );
    return tenants.map((tenant) => ({ ...tenant, createdAt: tenant.createdAt.toISOString() }));
  }),
});
