// Customer portal sessions (issue 14): separate from staff sessions in every way that matters. Each
// business has its own cookie (`sp_portal_<slug>`, `__Host-` on https), and a session row lives in
// that business's tenant under RLS, naming one customer. The same phone at two businesses is two
// customers with two cookies that never see each other. The cookie holds 256 random bits; the row
// holds only their SHA-256.
import { tenantDb } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { CUSTOMER_SESSION_POLICY, customerSessionPolicy } from "@servicepro/identity";
import type { Context, SessionCookieJar } from "../context.ts";
import { newSessionToken, sessionIdOf } from "../identity/sessions.ts";
import type { PortalTenant } from "./tenant.ts";

export const portalCookieName = (slug: string) => `sp_portal_${slug}`;
/** The nonce of the browser that asked for a sign-in link (only its hash is stored with the link). */
export const linkBindingCookieName = (slug: string) => `sp_portal_bind_${slug}`;

export type PortalSession = {
  tenant: PortalTenant;
  customerId: string;
  sessionId: string;
  remembered: boolean;
  expiresAt: Date;
};

export function cookieJar(ctx: Context, name: string): SessionCookieJar {
  const jar = ctx.request.namedCookies?.(name);
  if (!jar) throw new AppError("INTERNAL", "The customer portal needs cookies, which this server does not offer.");
  return jar;
}

/** The signed-in customer of this business, or null (expired and idle sessions are ended here). */
export async function readPortalSession(ctx: Context, tenant: PortalTenant): Promise<PortalSession | null> {
  const jar = cookieJar(ctx, portalCookieName(tenant.slug));
  const token = jar.read();
  if (!token || token.length > 128) return null;
  const id = sessionIdOf(token);
  const now = ctx.now();
  const session = await tenantDb(ctx.db, tenant.id).run(async (tx) => {
    const row = await tx.customerSession.findFirst({ where: { id } });
    if (!row) return null;
    const policy = customerSessionPolicy(row.remember);
    const expired =
      now.getTime() >= row.expiresAt.getTime() || now.getTime() - row.lastSeenAt.getTime() >= policy.idleTimeoutMs;
    if (expired) {
      await tx.customerSession.deleteMany({ where: { id } });
      return null;
    }
    if (now.getTime() - row.lastSeenAt.getTime() >= CUSTOMER_SESSION_POLICY.touchIntervalMs)
      await tx.customerSession.updateMany({ where: { id }, data: { lastSeenAt: now } });
    return row;
  });
  if (!session) {
    jar.clear();
    return null;
  }
  return {
    tenant,
    customerId: session.customerId,
    sessionId: id,
    remembered: session.remember,
    expiresAt: session.expiresAt,
  };
}

export async function requirePortalSession(ctx: Context, tenant: PortalTenant): Promise<PortalSession> {
  const session = await readPortalSession(ctx, tenant);
  if (!session)
    throw new AppError("UNAUTHORIZED", `Sign in to see your account with ${tenant.name}.`, {
      reason: { code: "PORTAL_SIGNED_OUT" },
    });
  return session;
}

/**
 * Signs the customer in: a new token every time, and whatever session the browser's cookie named
 * before is ended, so a cookie planted before sign-in is never the signed-in one (no fixation).
 */
export async function startPortalSession(
  ctx: Context,
  tenant: PortalTenant,
  customerId: string,
  remember: boolean,
): Promise<void> {
  const jar = cookieJar(ctx, portalCookieName(tenant.slug));
  const previous = jar.read();
  const token = newSessionToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + customerSessionPolicy(remember).absoluteTimeoutMs);
  await tenantDb(ctx.db, tenant.id).run(async (tx) => {
    if (previous && previous.length <= 128)
      await tx.customerSession.deleteMany({ where: { id: sessionIdOf(previous) } });
    await tx.customerSession.create({
      data: {
        tenantId: tenant.id,
        id: sessionIdOf(token),
        customerId,
        remember,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: ctx.request.ip ?? null,
        userAgent: ctx.request.userAgent?.slice(0, 500) ?? null,
      },
    });
  });
  jar.set(token, expiresAt);
}

/** Ends this browser's session. */
export async function endPortalSession(ctx: Context, tenant: PortalTenant): Promise<void> {
  const jar = cookieJar(ctx, portalCookieName(tenant.slug));
  const token = jar.read();
  if (token && token.length <= 128)
    await tenantDb(ctx.db, tenant.id).run((tx) => tx.customerSession.deleteMany({ where: { id: sessionIdOf(token) } }));
  jar.clear();
}

/** Ends every session of the customer at this business (every device), this one included. */
export async function endAllPortalSessions(ctx: Context, session: PortalSession): Promise<number> {
  const { count } = await tenantDb(ctx.db, session.tenant.id).run((tx) =>
    tx.customerSession.deleteMany({ where: { customerId: session.customerId } }),
  );
  cookieJar(ctx, portalCookieName(session.tenant.slug)).clear();
  return count;
}
