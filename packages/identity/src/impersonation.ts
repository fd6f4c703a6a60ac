// "Login as tenant" (seed phase 6): the platform owner works inside one business's dashboard as its
// admin, for support and QA, while staying themself for every record. Pure policy: the server
// stores the state on the session row and calls these with its clock.
import { storableRefinement } from "@servicepro/validators";
import { z } from "zod";

export const IMPERSONATION_POLICY = {
  /** An impersonation ends on its own after an hour (OWASP: short-lived elevated sessions). */
  maxDurationMs: 60 * 60 * 1000,
  reasonMaxLength: 500,
} as const;

/**
 * Actions that are refused while impersonating, whatever the procedure's access class: the owner
 * is there to look and fix, not to act as the business in ways that outlive the visit or that the
 * business would have to answer for. Procedures declare theirs in meta (`sensitive`).
 */
export const SENSITIVE_ACTIONS = [
  "credentials",
  "impersonation",
  "tenant_deletion",
  "data_export",
  "billing",
  "api_keys",
] as const;
export type SensitiveAction = (typeof SENSITIVE_ACTIONS)[number];

const SENSITIVE_ACTION_PHRASES: Record<SensitiveAction, string> = {
  credentials: "change sign-in details (email, phone, password or two-factor)",
  impersonation: "start another impersonation",
  tenant_deletion: "delete the business",
  data_export: "export the business's data",
  billing: "change billing",
  api_keys: "manage API keys",
};

/** The sentence shown when a sensitive action is refused during an impersonation. */
export const sensitiveActionRefusal = (action: SensitiveAction, tenantName: string | null): string =>
  `You're viewing as ${tenantName ?? "a business"}, and while you do you cannot ${SENSITIVE_ACTION_PHRASES[action]}. Exit impersonation first.`;

/** The impersonation columns of a session, as stored. */
export type ImpersonationFields = {
  /** The tenant the session normally works in (staff); null for the platform owner. */
  activeTenantId: string | null;
  impersonatedTenantId: string | null;
  impersonationStartedAt: Date | null;
  impersonationReason?: string | null;
};

export type ImpersonationContext = { tenantId: string; startedAt: Date; expiresAt: Date; reason: string | null };

export const isImpersonating = (session: ImpersonationFields): boolean =>
  session.impersonatedTenantId !== null && session.impersonationStartedAt !== null;

/** The tenant the session acts in: the impersonated one while impersonating, else its own. */
export const getEffectiveTenantId = (session: ImpersonationFields): string | null =>
  isImpersonating(session) ? session.impersonatedTenantId : session.activeTenantId;

export const impersonationExpiry = (startedAt: Date): Date =>
  new Date(startedAt.getTime() + IMPERSONATION_POLICY.maxDurationMs);

/** Who is being impersonated, since when, until when and why; null when not impersonating. */
export function getImpersonationContext(session: ImpersonationFields): ImpersonationContext | null {
  if (!isImpersonating(session)) return null;
  const startedAt = session.impersonationStartedAt!;
  return {
    tenantId: session.impersonatedTenantId!,
    startedAt,
    expiresAt: impersonationExpiry(startedAt),
    reason: session.impersonationReason ?? null,
  };
}

export type ImpersonationState = "none" | "active" | "expired";

export function impersonationState(session: ImpersonationFields, now: Date): ImpersonationState {
  const context = getImpersonationContext(session);
  if (!context) return "none";
  return now.getTime() >= context.expiresAt.getTime() ? "expired" : "active";
}

export type ImpersonationStartDecision =
  | "allow"
  | "not_owner"
  | "already_impersonating"
  | "tenant_not_found"
  | "root_tenant";

/**
 * Whether `actor` may start impersonating `target`: only the platform owner, never nested, never
 * a tenant that does not exist, and never the root tenant (the platform's own business, whose
 * dashboard the owner already has; impersonating it would loop the console into itself).
 */
export function decideImpersonationStart(input: {
  actorIsPlatformOwner: boolean;
  actorIsImpersonating: boolean;
  target: { id: string } | null;
  rootTenantId: string;
}): ImpersonationStartDecision {
  if (!input.actorIsPlatformOwner) return "not_owner";
  if (input.actorIsImpersonating) return "already_impersonating";
  if (!input.target) return "tenant_not_found";
  if (input.target.id === input.rootTenantId) return "root_tenant";
  return "allow";
}

/** Why the owner is looking: required, 1–500 characters after trimming, shown to the business. */
export const impersonationReasonSchema = z
  .string({ error: "Say why you are viewing this business (it is recorded and shown to the business)." })
  .trim()
  .min(1, "Say why you are viewing this business (it is recorded and shown to the business).")
  .max(
    IMPERSONATION_POLICY.reasonMaxLength,
    `Keep the reason to ${IMPERSONATION_POLICY.reasonMaxLength} characters or fewer.`,
  )
  .refine(...storableRefinement("the reason"));
