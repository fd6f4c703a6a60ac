import { platformDb } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import type { Context } from "../context.ts";

/** The business behind a portal address, while it operates. */
export type PortalTenant = { id: string; name: string; slug: string; timeZone: string; industry: string | null };

export const portalNotFound = () =>
  new AppError("NOT_FOUND", "We couldn't find that business. Check the link your business sent you.");

/**
 * Finds the business by its public slug (routing crosses tenants by nature, as the booking page's
 * lookup does); everything after this runs in the business's own RLS-scoped transactions. A
 * suspended or cancelled business has no portal.
 */
export async function portalTenant(ctx: Context, slug: string, purpose: string): Promise<PortalTenant> {
  const tenant = await platformDb(ctx.db, {
    actorUserId: null,
    purpose,
    requestId: ctx.request.requestId,
  }).run((tx) =>
    tx.tenant.findUnique({
      where: { slug },
      select: { id: true, name: true, slug: true, status: true, timezone: true, industry: true },
    }),
  );
  if (!tenant || tenant.status === "cancelled" || tenant.status === "suspended") throw portalNotFound();
  return { id: tenant.id, name: tenant.name, slug: tenant.slug, timeZone: tenant.timezone, industry: tenant.industry };
}
