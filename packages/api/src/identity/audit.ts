import type { AuditEvent, PlatformAccess, Prisma } from "@servicepro/db";

/** Who is acting, for an audit row: the real user (the actor) and, while impersonating, the tenant they act as (the subject). */
export type AuditActor = PlatformAccess & { impersonatedTenantId: string | null };

/**
 * Appends one audit row, like `writeAudit` from @servicepro/db, plus the impersonated tenant: every
 * row written while the owner is "logged in as" a tenant carries both the owner (actor_user_id)
 * and the tenant (impersonated_tenant_id), so "everything done during that visit" is one filter.
 * `createMany` because it issues a plain INSERT: the app role may write the audit log, never read it.
 */
export async function writeAuditRow(client: Pick<Prisma.TransactionClient, "auditLog">, actor: AuditActor, event: AuditEvent): Promise<void> {
  await client.auditLog.createMany({
    data: [
      {
        action: event.action,
        outcome: event.outcome ?? "success",
        actorUserId: actor.actorUserId,
        actorTenantId: event.actorTenantId ?? null,
        impersonatedTenantId: actor.impersonatedTenantId,
        targetTenantId: event.targetTenantId ?? null,
        objectType: event.objectType ?? null,
        objectId: event.objectId ?? null,
        requestId: actor.requestId ?? null,
        ip: actor.ip ?? null,
        userAgent: actor.userAgent?.slice(0, 512) ?? null,
        ...(event.details === undefined ? {} : { details: event.details }),
      },
    ],
  });
}

/** The audit actions of "login as tenant"; the tenant's settings list these. */
export const IMPERSONATION_ACTIONS = ["impersonation_start", "impersonation_stop", "impersonation_expired"] as const;
export type ImpersonationAction = (typeof IMPERSONATION_ACTIONS)[number];
