/** The roles of people who sign in with a password (customers use the portal, see "customer"). */
export const STAFF_ROLES = ["platform_owner", "tenant_admin", "tenant_staff"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Every tRPC procedure declares one access class; the procedure inventory test fails on any
 * procedure without one.
 * - public: anyone, signed in or not
 * - customer: a business's end customer signed in to the portal
 * - staff: any member of the current tenant
 * - tenant_admin: an admin of the current tenant
 * - owner: the platform owner
 */
export const ACCESS_CLASSES = ["public", "customer", "staff", "tenant_admin", "owner"] as const;
export type AccessClass = (typeof ACCESS_CLASSES)[number];

/** The caller as far as authorisation is concerned. */
export type Principal =
  | { kind: "anonymous" }
  | { kind: "customer"; customerId: string; tenantId: string }
  | { kind: "staff"; userId: string; role: StaffRole; tenantId: string | null }
  /** The platform owner working inside one tenant as its admin ("login as tenant"). */
  | { kind: "impersonator"; userId: string; tenantId: string };

export type AccessDecision = "allow" | "unauthenticated" | "forbidden";

/** What a procedure says about impersonation beyond its access class (its meta has the same field). */
export type ImpersonationRule = {
  /** The one owner procedure an impersonating owner may call: leaving the impersonation. */
  impersonationExit?: boolean;
};

/**
 * Decides whether `principal` may call a procedure of `accessClass`. Tenant classes need a tenant
 * in context; the platform owner reaches tenant procedures only through a tenant context
 * (impersonation), never implicitly. While impersonating, the owner is that tenant's admin and the
 * platform console is closed to them, except the procedure that ends the impersonation.
 */
export function decideAccess(
  accessClass: AccessClass,
  principal: Principal,
  rule: ImpersonationRule = {},
): AccessDecision {
  if (accessClass === "public") return "allow";
  if (principal.kind === "anonymous") return "unauthenticated";
  if (principal.kind === "impersonator") {
    if (accessClass === "staff" || accessClass === "tenant_admin") return "allow";
    return accessClass === "owner" && rule.impersonationExit ? "allow" : "forbidden";
  }
  switch (accessClass) {
    case "customer":
      return principal.kind === "customer" ? "allow" : "forbidden";
    case "owner":
      return principal.kind === "staff" && principal.role === "platform_owner" ? "allow" : "forbidden";
    case "staff":
      return principal.kind === "staff" && principal.tenantId !== null && principal.role !== "platform_owner"
        ? "allow"
        : "forbidden";
    case "tenant_admin":
      return principal.kind === "staff" && principal.tenantId !== null && principal.role === "tenant_admin"
        ? "allow"
        : "forbidden";
  }
}
