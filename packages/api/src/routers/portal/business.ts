import { platformDb } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { existingSlugSchema } from "@servicepro/validators";
import { z } from "zod";
import { createRouter, publicProcedure } from "../../trpc.ts";
import { portalAccountRouters } from "./account.ts";
import { portalAuthRouter } from "./auth.ts";
import { portalLoyaltyRouter } from "./loyalty.ts";

export const portalRouter = createRouter({
  /** The public face of a business for its customer portal: name only, and only while it operates. */
  business: publicProcedure
    .input(z.strictObject({ slug: existingSlugSchema("a business address name") }))
    .output(z.object({ name: z.string(), slug: z.string(), industry: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      // Finding a tenant by its public slug is routing, which crosses tenants by nature.
      const tenant = await platformDb(ctx.db, {
        actorUserId: null,
        purpose: "portal.business",
        requestId: ctx.request.requestId,
      }).run((tx) =>
        tx.tenant.findUnique({
          where: { slug: input.slug },
          select: { name: true, slug: true, industry: true, status: true },
        }),
      );
      if (!tenant || tenant.status === "cancelled" || tenant.status === "suspended") {
        throw new AppError("NOT_FOUND", "We couldn't find that business. Check the link your business sent you.");
      }
      return { name: tenant.name, slug: tenant.slug, industry: tenant.industry };
    }),
  auth: portalAuthRouter,
  ...portalAccountRouters,
  loyalty: portalLoyaltyRouter,
});
