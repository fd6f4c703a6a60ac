import { z } from "zod";
import { createRouter, ownerProcedure } from "../../trpc.ts";
import { tenantProfileSchema, tenantProfileSelect, toTenantProfile } from "../schemas.ts";

export const adminTenantsRouter = createRouter({
  /** Every tenant on the platform, oldest first (the root tenant leads). */
  list: ownerProcedure.output(z.array(tenantProfileSchema)).query(async ({ ctx }) => {
    const tenants = await ctx.platform("admin.tenants.list").run((tx) =>
      tx.tenant.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: tenantProfileSelect }),
    );
    return tenants.map(toTenantProfile);
  }),
});
