import { createHash, randomBytes } from "node:crypto";
import { type Database, type Prisma, platformReadDb, userDb, writeAudit } from "@servicepro/db";
import {
  getImpersonationContext,
  type ImpersonationContext,
  impersonationState,
  type StaffRole,
  sessionExpiry,
  sessionState,
  shouldTouch,
} from "@servicepro/identity";
import type { PlanTier, TenantStatus } from "@servicepro/tenancy";
import type { Logger, RequestInfo, SessionCookieJar } from "../context.ts";
import type { AuditActor } from "./audit.ts";
import { type CachedSession, forgetSession, type SessionCache } from "./session-cache.ts";

/** What `auth.context` returns (the public part), and what every protected procedure decides on. */
export type AuthState = {
  /** The real person signed in; while impersonating, still the platform owner. */
  user: { id: string; email: string; name: string } | null;
  role: StaffRole | null;
  /** The tenant the session acts in: the impersonated one while impersonating. */
  tenantId: string | null;
  tenantName: string | null;
  /** Internal: the effective tenant's plan and status, read with the session on every request (plan gating). */
  tenant: { planTier: PlanTier; status: TenantStatus } | null;
  /** Internal: set while the platform owner is "logged in as" a tenant. */
  impersonation: (ImpersonationContext & { tenantName: string }) | null;
  /** Internal: the hashed session id, for logout. Never sent to the browser. */
  sessionId: string | null;
};

export const SIGNED_OUT: AuthState = {
  user: null,
  role: null,
  tenantId: null,
  tenantName: null,
  tenant: null,
  impersonation: null,
  sessionId: null,
};

/** 256 random bits; only its SHA-256 is stored, so a database leak yields no usable cookie. */
export const newSessionToken = (): string => randomBytes(32).toString("base64url");
export const sessionIdOf = (token: string): string => createHash("sha256").update(token).digest("hex");

type ResolveDeps = {
  db: Database;
  now: () => Date;
  logger: Logger;
  cookies: SessionCookieJar;
  request?: Omit<RequestInfo, "cookies">;
  /** Sessions in memory (session-cache.ts); without it every call reads the database. */
  sessions?: SessionCache;
};

const tenantSelect = { id: true, name: true, planTier: true, status: true } as const;

/**
 * Reads the session cookie and returns who is signed in, enforcing idle and absolute expiry, and
 * the 60-minute limit of an impersonation (which then ends, and the owner is back to themself).
 * A session in the cache is answered from memory; any other goes to the database and, if it is
 * still signed in, into the cache.
 */
export async function resolveSession(deps: ResolveDeps): Promise<AuthState> {
  const { cookies, sessions } = deps;
  const token = cookies.read();
  if (!token || token.length > 128) return SIGNED_OUT;
  const id = sessionIdOf(token);
  if (sessions) {
    const at = deps.now();
    const cached = sessions.get(id, at);
    if (cached && (await touchCached(deps.db, sessions, id, cached, at))) return cached.auth;
  }
  return readSession(deps, id);
}

/**
 * The last-seen refresh of a cached session, as often as the uncached path does it (once a
 * minute): false when the session is gone from the database (ended by a process whose
 * notification has not arrived yet), and the caller then reads the database like a miss.
 */
async function touchCached(
  db: Database,
  sessions: SessionCache,
  id: string,
  cached: CachedSession,
  at: Date,
): Promise<boolean> {
  const times = cached.times;
  if (!shouldTouch(times.lastSeenAt, at)) return true;
  // Set first, so concurrent requests of the session do not all write it.
  cached.times = { ...times, lastSeenAt: at };
  try {
    const { count } = await db.prisma.session.updateMany({ where: { id }, data: { lastSeenAt: at } });
    if (count === 1) return true;
  } catch (error) {
    cached.times = times;
    throw error;
  }
  sessions.forget(id);
  return false;
}

/** The uncached path: the session and its user in one query, then the tenant it works in. */
async function readSession(deps: ResolveDeps, id: string): Promise<AuthState> {
  const { db, now, logger, cookies, sessions } = deps;
  // Taken before the read: a change notified while it runs keeps its result out of the cache.
  const mark = sessions?.mark() ?? 0;
  const session = await db.prisma.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, name: true, isPlatformOwner: true, disabledAt: true } } },
  });
  if (!session) {
    cookies.clear();
    return SIGNED_OUT;
  }
  const at = now();
  const state = sessionState(session, at);
  if (state !== "active" || session.user.disabledAt) {
    await db.prisma.session.deleteMany({ where: { id } });
    forgetSession(db, id);
    cookies.clear();
    logger.info({ userId: session.userId, reason: session.user.disabledAt ? "user_disabled" : state }, "session ended");
    return SIGNED_OUT;
  }
  const touched = shouldTouch(session.lastSeenAt, at);
  if (touched) {
    await db.prisma.session.update({ where: { id }, data: { lastSeenAt: at } });
  }
  /** Keeps what this read resolved, for the session's next requests. */
  const remember = (auth: AuthState): AuthState => {
    sessions?.remember(
      id,
      {
        auth,
        userId: session.userId,
        tenantId: auth.tenantId,
        times: {
          createdAt: session.createdAt,
          expiresAt: session.expiresAt,
          lastSeenAt: touched ? at : session.lastSeenAt,
        },
        impersonation: {
          activeTenantId: session.activeTenantId,
          impersonatedTenantId: session.impersonatedTenantId,
          impersonationStartedAt: session.impersonationStartedAt,
          impersonationReason: session.impersonationReason,
        },
      },
      mark,
    );
    return auth;
  };
  const user = { id: session.user.id, email: session.user.email, name: session.user.name };
  if (session.user.isPlatformOwner) {
    const owner: AuthState = {
      user,
      role: "platform_owner",
      tenantId: null,
      tenantName: null,
      tenant: null,
      impersonation: null,
      sessionId: id,
    };
    const impersonation = getImpersonationContext(session);
    if (!impersonation) return remember(owner);
    const access = {
      actorUserId: user.id,
      purpose: "auth.impersonation",
      requestId: deps.request?.requestId,
      ip: deps.request?.ip,
      userAgent: deps.request?.userAgent,
    };
    if (impersonationState(session, at) === "expired") {
      await endImpersonation(
        db,
        id,
        impersonation,
        { ...access, impersonatedTenantId: impersonation.tenantId },
        "impersonation_expired",
        { endedBy: "time_limit" },
      );
      logger.info({ userId: user.id, tenantId: impersonation.tenantId }, "impersonation expired");
      return owner;
    }
    // The owner has no membership in the tenant: its name and plan come through the platform path.
    const tenant = await platformReadDb(db, access, logger).run((reader) =>
      reader.tenant.findUnique({ where: { id: impersonation.tenantId }, select: tenantSelect }),
    );
    if (!tenant) {
      await endImpersonation(
        db,
        id,
        impersonation,
        { ...access, impersonatedTenantId: impersonation.tenantId },
        "impersonation_stop",
        { endedBy: "tenant_missing" },
      );
      return owner;
    }
    return remember({
      ...owner,
      tenantId: tenant.id,
      tenantName: tenant.name,
      tenant: { planTier: tenant.planTier, status: tenant.status },
      impersonation: { ...impersonation, tenantName: tenant.name },
    });
  }
  const membership = session.activeTenantId
    ? await userDb(db, user.id).run((tx) =>
        tx.membership.findFirst({
          where: { userId: user.id, tenantId: session.activeTenantId! },
          select: { role: true, tenant: { select: tenantSelect } },
        }),
      )
    : null;
  // A membership removed after sign-in takes effect on the next request: no tenant, no access.
  if (!membership)
    return remember({
      user,
      role: "tenant_staff",
      tenantId: null,
      tenantName: null,
      tenant: null,
      impersonation: null,
      sessionId: id,
    });
  const { tenant } = membership;
  return remember({
    user,
    role: membership.role,
    tenantId: tenant.id,
    tenantName: tenant.name,
    tenant: { planTier: tenant.planTier, status: tenant.status },
    impersonation: null,
    sessionId: id,
  });
}

/** Details every impersonation audit row carries; `visit` ties a start to its stop or expiry. */
export const impersonationDetails = (
  impersonation: Pick<ImpersonationContext, "startedAt" | "reason">,
  extra: Record<string, string | number> = {},
) => ({
  visit: impersonation.startedAt.toISOString(),
  reason: impersonation.reason,
  ...extra,
});

/**
 * Clears the impersonation from a session and records why, in one transaction. The update is
 * conditional on the impersonation still being the same one, so two concurrent requests that both
 * see it expire write one audit row between them.
 */
async function endImpersonation(
  db: Database,
  sessionId: string,
  impersonation: ImpersonationContext,
  actor: AuditActor,
  action: "impersonation_stop" | "impersonation_expired",
  extra: Record<string, string>,
): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: {
        id: sessionId,
        impersonatedTenantId: impersonation.tenantId,
        impersonationStartedAt: impersonation.startedAt,
      },
      data: { impersonatedTenantId: null, impersonationStartedAt: null, impersonationReason: null },
    });
    if (count === 1) {
      await writeAudit(tx, actor, {
        action,
        targetTenantId: impersonation.tenantId,
        objectType: "tenant",
        objectId: impersonation.tenantId,
        details: impersonationDetails(impersonation, extra),
      });
    }
  });
  forgetSession(db, sessionId);
}

export async function createSession(
  db: Database,
  input: {
    userId: string;
    activeTenantId: string | null;
    now: Date;
    ip: string | undefined;
    userAgent: string | undefined;
  },
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const token = newSessionToken();
  const sessionId = sessionIdOf(token);
  const expiresAt = sessionExpiry(input.now);
  await db.prisma.session.create({
    data: {
      id: sessionId,
      userId: input.userId,
      activeTenantId: input.activeTenantId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
    },
  });
  return { token, expiresAt, sessionId };
}

export type ImpersonationChange = {
  impersonatedTenantId: string | null;
  impersonationStartedAt: Date | null;
  impersonationReason: string | null;
};

/**
 * Replaces a session with a new id (and cookie token) carrying `change`, when its privileges change
 * (OWASP session management: renew the id on every privilege change, so a token seen before the
 * change is worthless after it). Lifetimes carry over: rotating never extends a session.
 * Runs inside the caller's transaction; null when the session is already gone.
 */
export async function rotateSession(
  tx: Pick<Prisma.TransactionClient, "session">,
  sessionId: string,
  change: ImpersonationChange,
  now: Date,
): Promise<{ token: string; expiresAt: Date; sessionId: string } | null> {
  const current = await tx.session.findUnique({ where: { id: sessionId } });
  if (!current) return null;
  const token = newSessionToken();
  const next = sessionIdOf(token);
  await tx.session.create({ data: { ...current, ...change, id: next, lastSeenAt: now } });
  await tx.session.delete({ where: { id: sessionId } });
  return { token, expiresAt: current.expiresAt, sessionId: next };
}

export const deleteSession = async (db: Database, sessionId: string): Promise<void> => {
  await db.prisma.session.deleteMany({ where: { id: sessionId } });
  forgetSession(db, sessionId);
};
