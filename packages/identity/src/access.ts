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
  | { kind: "staff"; userId: string; role: StaffRole; tenantId: string | null };

export type AccessDecision = "allow" | "unauthenticated" | "forbidden";

/**
 * Decides whether `principal` may call a procedure of `accessClass`. Tenant classes need a tenant
 * in context; the platform owner reaches tenant procedures only through a tenant context
 * (impersonation), never implicitly.
 */
export function decideAccess(accessClass: AccessClass, principal: Principal): AccessDecision {
  if (accessClass === "public") return "allow";
  if (principal.kind === "anonymous") return "unauthenticated";
  switch (accessClass) {
    case "customer":
      return principal.kind === "customer" ? "allow" : "forbidden";
    case "owner":
      return principal.kind === "staff" && principal.role === "platform_owner" ? "allow" : "forbidden";
    case "staff":
      return principal.kind === "staff" && principal.tenantId !== null && principal.role !== "platform_owner" ? "allow" : "forbidden";
    case "tenant_admin":
      return principal.kind === "staff" && principal.tenantId !== null && principal.role === "tenant_admin" ? "allow" : "forbidden";
  }
}
