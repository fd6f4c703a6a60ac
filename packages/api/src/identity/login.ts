import { type Database, type PlatformAccess, userDb, writeAudit } from "@servicepro/db";
import { type LoginInput, normalizeEmail } from "@servicepro/identity";
import type { Context } from "../context.ts";
import { verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { type AuthState, createSession, deleteSession, impersonationDetails } from "./sessions.ts";

export type LoginOutcome =
  | { ok: true; auth: AuthState }
  | { ok: false; reason: "bad_credentials" | "no_business" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Email + password sign-in. Unknown email, wrong password and disabled account all fail the same
 * way and take the same time. Success replaces any session the browser had (no fixation).
 */
export async function login(ctx: Context, input: LoginInput): Promise<LoginOutcome> {
  const { db, request } = ctx;
  const email = normalizeEmail(input.email);
  const access = {
    actorUserId: null as string | null,
    purpose: "auth.login",
    requestId: request.requestId,
    ip: request.ip,
    userAgent: request.userAgent,
  };
  // Counted as a failure from here on, until the password proves right (login-throttle.ts).
  const verdict = await ctx.loginThrottle.attempt(email, request.ip);
  if (!verdict.allowed) {
    await audit(db, access, "auth.login_throttled", { email });
    return { ok: false, reason: "throttled", retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const user = await db.prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, isPlatformOwner: true, disabledAt: true },
  });
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  access.actorUserId = user?.id ?? null;
  if (!user || !valid || user.disabledAt) {
    await audit(db, access, "auth.login_failed", { email });
    return { ok: false, reason: "bad_credentials" };
  }
  // The right password: not a failure, even if there is no business to open.
  await ctx.loginThrottle.succeeded(email, request.ip);
  // The tenant the session opens in: the user's oldest membership (the owner works outside tenants).
  const membership = user.isPlatformOwner
    ? null
    : await userDb(db, user.id).run((tx) =>
        tx.membership.findFirst({
          where: { userId: user.id },
          orderBy: { createdAt: "asc" },
          select: { role: true, tenant: { select: { id: true, name: true, planTier: true, status: true } } },
        }),
      );
  if (!user.isPlatformOwner && !membership) {
    await audit(db, access, "auth.login_failed", { email, reason: "no_business" });
    return { ok: false, reason: "no_business" };
  }
  const activeTenantId = membership?.tenant.id ?? null;
  const previous = await ctx.auth();
  if (previous.sessionId) {
    await deleteSession(db, previous.sessionId);
    await recordImpersonationEnd(ctx, previous, "sign_in");
  }
  const { token, expiresAt, sessionId } = await createSession(db, {
    userId: user.id,
    activeTenantId,
    now: ctx.now(),
    ip: request.ip,
    userAgent: request.userAgent,
  });
  request.cookies.set(token, expiresAt);
  await writeAudit(db.prisma, access, { action: "auth.login_succeeded", actorTenantId: activeTenantId });
  const auth: AuthState = {
    user: { id: user.id, email: user.email, name: user.name },
    role: membership?.role ?? "platform_owner",
    tenantId: activeTenantId,
    tenantName: membership?.tenant.name ?? null,
    tenant: membership ? { planTier: membership.tenant.planTier, status: membership.tenant.status } : null,
    impersonation: null,
    sessionId,
  };
  return { ok: true, auth };
}

export async function logout(ctx: Context): Promise<void> {
  const auth = await ctx.auth();
  if (auth.sessionId) {
    await deleteSession(ctx.db, auth.sessionId);
    await recordImpersonationEnd(ctx, auth, "sign_out");
    await writeAudit(
      ctx.db.prisma,
      {
        actorUserId: auth.user?.id ?? null,
        purpose: "auth.logout",
        requestId: ctx.request.requestId,
        ip: ctx.request.ip,
      },
      {
        action: "auth.logout",
        actorTenantId: auth.impersonation ? null : auth.tenantId,
      },
    );
  }
  ctx.request.cookies.clear();
}

async function audit(db: Database, access: PlatformAccess, action: string, details: Record<string, string>) {
  await writeAudit(db.prisma, access, { action, outcome: "failure", details });
}

/** Signing out (or in as someone else) mid-impersonation ends the visit: the tenant's history says so. */
async function recordImpersonationEnd(ctx: Context, auth: AuthState, endedBy: "sign_out" | "sign_in"): Promise<void> {
  const { impersonation } = auth;
  if (!impersonation) return;
  const { request } = ctx;
  await writeAudit(
    ctx.db.prisma,
    {
      actorUserId: auth.user?.id ?? null,
      purpose: `auth.${endedBy}`,
      requestId: request.requestId,
      ip: request.ip,
      userAgent: request.userAgent,
      impersonatedTenantId: impersonation.tenantId,
    },
    {
      action: "impersonation_stop",
      targetTenantId: impersonation.tenantId,
      objectType: "tenant",
      objectId: impersonation.tenantId,
      details: impersonationDetails(impersonation, { endedBy }),
    },
  );
}
