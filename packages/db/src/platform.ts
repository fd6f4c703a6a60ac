import type { Database } from "./client.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import { PLATFORM_ROLE } from "./roles.ts";

/** Who is crossing tenant boundaries, and why. Every platform transaction needs one. */
export type PlatformAccess = {
  /** The signed-in user, or null for system work (seed, webhook routing, jobs). */
  actorUserId: string | null;
  /** A short, stable description of the code path, e.g. "admin.tenants.list". */
  purpose: string;
  requestId?: string | undefined;
  ip?: string | undefined;
  userAgent?: string | undefined;
  /** While the platform owner is "logged in as" a tenant: that tenant (the subject; the actor is actorUserId). */
  impersonatedTenantId?: string | null | undefined;
};

export type AuditEvent = {
  action: string;
  outcome?: "success" | "failure";
  targetTenantId?: string | null;
  actorTenantId?: string | null;
  objectType?: string;
  objectId?: string;
  details?: Prisma.InputJsonValue;
};

/** Appends an audit row in the platform transaction (it commits or rolls back with the change it records). */
export type Audit = (event: AuditEvent) => Promise<void>;

export type PlatformLogger = { info(obj: object, msg: string): void };

/**
 * The one explicit path across tenants (owner console, webhook routing, seeding). It switches the
 * transaction to PLATFORM_ROLE, which bypasses row-level security, and logs every use with its
 * actor and purpose. Writes record what they did with the `audit` function it passes.
 *
 * Grep for `platformDb(` to review every place that can see more than one tenant.
 */
export function platformDb(db: Database, access: PlatformAccess, logger?: PlatformLogger) {
  return {
    run<T>(fn: (tx: Prisma.TransactionClient, audit: Audit) => Promise<T>): Promise<T> {
      logger?.info({ platformAccess: { purpose: access.purpose, actorUserId: access.actorUserId } }, "platform access");
      return db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL ROLE ${PLATFORM_ROLE}`);
        return fn(tx, (event) => writeAudit(tx, access, event));
      });
    },
  };
}

/** What a platform read can use: the models' read and write methods, of which the database refuses the writes. */
export type PlatformReader = Prisma.TransactionClient;

/**
 * The platform path for reads that change nothing (owner console lists and look-ups): the same
 * cross-tenant view as platformDb, logged the same way, without the transaction around it. On
 * PostgreSQL it runs on `db.platformRead`, a pool whose connections start in PLATFORM_ROLE and
 * read-only, so a single read is a single statement. Several reads in `fn` are separate
 * statements with no common snapshot: use platformDb when they must agree with each other.
 * On PGlite (one connection) it is a read-only platform transaction, so a write is refused on
 * both engines. Nothing here writes, so there is no `audit`: record changes through platformDb.
 *
 * Grep for `platformReadDb(` (with `platformDb(`) to review every place that can see more than one tenant.
 */
export function platformReadDb(db: Database, access: PlatformAccess, logger?: PlatformLogger) {
  return {
    run<T>(fn: (reader: PlatformReader) => Promise<T>): Promise<T> {
      logger?.info(
        { platformAccess: { purpose: access.purpose, actorUserId: access.actorUserId, readOnly: true } },
        "platform access",
      );
      if (db.platformRead) return fn(db.platformRead);
      return db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL ROLE ${PLATFORM_ROLE}`);
        await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
        return fn(tx);
      });
    },
  };
}

/**
 * Appends one audit row. `createMany` on purpose: it issues a plain INSERT without RETURNING, so
 * it works for the app role, which may insert into the audit trail but not read it.
 */
export async function writeAudit(
  tx: Pick<Prisma.TransactionClient, "auditLog">,
  access: PlatformAccess,
  event: AuditEvent,
): Promise<void> {
  await tx.auditLog.createMany({
    data: [
      {
        action: event.action,
        outcome: event.outcome ?? "success",
        actorUserId: access.actorUserId,
        actorTenantId: event.actorTenantId ?? null,
        impersonatedTenantId: access.impersonatedTenantId ?? null,
        targetTenantId: event.targetTenantId ?? null,
        objectType: event.objectType ?? null,
        objectId: event.objectId ?? null,
        requestId: access.requestId ?? null,
        ip: access.ip ?? null,
        userAgent: access.userAgent?.slice(0, 512) ?? null,
        ...(event.details === undefined ? {} : { details: event.details }),
      },
    ],
  });
}
