import type { PlatformAccess } from "@servicepro/db";

/** Who is acting, for an audit row: the real user (the actor) and, while impersonating, the tenant they act as (the subject). */
export type AuditActor = PlatformAccess & { impersonatedTenantId: string | null };
// Rows are written with writeAudit from @servicepro/db, which records impersonatedTenantId too.

/** The audit actions of "login as tenant"; the tenant's settings list these. */
export const IMPERSONATION_ACTIONS = ["impersonation_start", "impersonation_stop", "impersonation_expired"] as const;
export type ImpersonationAction = (typeof IMPERSONATION_ACTIONS)[number];
