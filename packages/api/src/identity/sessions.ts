import { createHash, randomBytes } from "node:crypto";
import { userDb, type Database } from "@servicepro/db";
import { sessionExpiry, sessionState, shouldTouch, type StaffRole } from "@servicepro/identity";
import type { Logger, SessionCookieJar } from "../context.ts";

/** What `auth.context` returns, and what every protected procedure decides on. */
export type AuthState = {
  user: { id: string; email: string; name: string } | null;
  role: StaffRole | null;
  tenantId: string | null;
  tenantName: string | null;
  /** Internal: the hashed session id, for logout. Never sent to the browser. */
  sessionId: string | null;
};

export const SIGNED_OUT: AuthState = { user: null, role: null, tenantId: null, tenantName: null, sessionId: null };

/** 256 random bits; only its SHA-256 is stored, so a database leak yields no usable cookie. */
export const newSessionToken = (): string => randomBytes(32).toString("base64url");
export const sessionIdOf = (token: string): string => createHash("sha256").update(token).digest("hex");

type ResolveDeps = { db: Database; now: () => Date; logger: Logger; cookies: SessionCookieJar };

/** Reads the session cookie and returns who is signed in, enforcing idle and absolute expiry. */
export async function resolveSession({ db, now, logger, cookies }: ResolveDeps): Promise<AuthState> {
  const token = cookies.read();
  if (!token || token.length > 128) return SIGNED_OUT;
  const id = sessionIdOf(token);
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
    cookies.clear();
    logger.info({ userId: session.userId, reason: session.user.disabledAt ? "user_disabled" : state }, "session ended");
    return SIGNED_OUT;
  }
  if (shouldTouch(session.lastSeenAt, at)) {
    await db.prisma.session.update({ where: { id }, data: { lastSeenAt: at } });
  }
  const user = { id: session.user.id, email: session.user.email, name: session.user.name };
  if (session.user.isPlatformOwner) {
    return { user, role: "platform_owner", tenantId: null, tenantName: null, sessionId: id };
  }
  const membership = session.activeTenantId
    ? await userDb(db, user.id).run((tx) =>
        tx.membership.findFirst({
          where: { userId: user.id, tenantId: session.activeTenantId! },
          select: { role: true, tenant: { select: { id: true, name: true } } },
        }),
      )
    : null;
  // A membership removed after sign-in takes effect on the next request: no tenant, no access.
  if (!membership) return { user, role: "tenant_staff", tenantId: null, tenantName: null, sessionId: id };
  return { user, role: membership.role, tenantId: membership.tenant.id, tenantName: membership.tenant.name, sessionId: id };
}

export async function createSession(
  db: Database,
  input: { userId: string; activeTenantId: string | null; now: Date; ip: string | undefined; userAgent: string | undefined },
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

export const deleteSession = async (db: Database, sessionId: string): Promise<void> => {
  await db.prisma.session.deleteMany({ where: { id: sessionId } });
};
