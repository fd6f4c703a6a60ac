import { PLAN_TIERS, TENANT_STATUSES } from "@servicepro/tenancy";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createRouter, staffProcedure } from "../../trpc.ts";

const overviewSchema = z.object({
  tenant: z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    industry: z.string().nullable(),
    planTier: z.enum(PLAN_TIERS),
    status: z.enum(TENANT_STATUSES),
    createdAt: z.string(),
  }),
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

export const tenantRouter = createRouter({
  /** The signed-in business: its profile and its team. */
  overview: staffProcedure.output(overviewSchema).query(async ({ ctx }) => {
    const { tenant, members } = await ctx.tenant.run(async (tx) => ({
      tenant: await tx.tenant.findFirst({
        select: { id: true, name: true, slug: true, industry: true, planTier: true, status: true, createdAt: true },
      }),
      members: await tx.membership.findMany({
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: { userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } },
      }),
    }));
    if (!tenant) throw new TRPCError({ code: "NOT_FOUND", message: "This business no longer exists." });
    return {
      tenant: { ...tenant, createdAt: tenant.createdAt.toISOString() },
      members: members.map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, createdAt: m.createdAt.toISOString() })),
    };
  }),
});
