import { describe, expect, it } from "vitest";
import {
  ACCESS_CLASSES,
  decideAccess,
  loginInputSchema,
  newPasswordSchema,
  normalizeEmail,
  type Principal,
  SESSION_POLICY,
  sessionExpiry,
  sessionState,
  shouldTouch,
} from "./index.ts";

const anonymous: Principal = { kind: "anonymous" };
const owner: Principal = { kind: "staff", userId: "u0", role: "platform_owner", tenantId: null };
const admin: Principal = { kind: "staff", userId: "u1", role: "tenant_admin", tenantId: "green-lawn" };
const staff: Principal = { kind: "staff", userId: "u2", role: "tenant_staff", tenantId: "green-lawn" };
const customer: Principal = { kind: "customer", customerId: "c1", tenantId: "green-lawn" };
const impersonator: Principal = { kind: "impersonator", userId: "u0", tenantId: "green-lawn" };

describe("decideAccess", () => {
  it("should match the access matrix for every class and principal", () => {
    const matrix = {
      public: ["allow", "allow", "allow", "allow", "allow"],
      customer: ["unauthenticated", "forbidden", "forbidden", "forbidden", "allow"],
      staff: ["unauthenticated", "forbidden", "allow", "allow", "forbidden"],
      tenant_admin: ["unauthenticated", "forbidden", "allow", "forbidden", "forbidden"],
      owner: ["unauthenticated", "allow", "forbidden", "forbidden", "forbidden"],
    } as const;
    for (const accessClass of ACCESS_CLASSES) {
      const got = [anonymous, owner, admin, staff, customer].map((p) => decideAccess(accessClass, p));
      expect(got, accessClass).toEqual(matrix[accessClass]);
    }
  });

  it("should let an impersonating owner act as the tenant's admin, with the console closed but its exit open", () => {
    const got = Object.fromEntries(
      ACCESS_CLASSES.map((accessClass) => [accessClass, decideAccess(accessClass, impersonator)]),
    );
    expect(got).toEqual({
      public: "allow",
      customer: "forbidden",
      staff: "allow",
      tenant_admin: "allow",
      owner: "forbidden",
    });
    expect(decideAccess("owner", impersonator, { impersonationExit: true })).toBe("allow");
  });

  it("should not let the exit rule open anything to anyone else", () => {
    for (const principal of [anonymous, admin, staff, customer]) {
      expect(decideAccess("owner", principal, { impersonationExit: true })).toBe(decideAccess("owner", principal));
    }
  });

  it("should forbid tenant procedures to staff whose session has no tenant", () => {
    expect(decideAccess("staff", { kind: "staff", userId: "u3", role: "tenant_staff", tenantId: null })).toBe(
      "forbidden",
    );
  });
});

describe("sessionState", () => {
  const createdAt = new Date("2026-11-21T08:00:00Z");
  const session = { createdAt, lastSeenAt: createdAt, expiresAt: sessionExpiry(createdAt) };
  const at = (ms: number) => new Date(createdAt.getTime() + ms);

  it("should be active until the idle timeout and idle-expired from it", () => {
    expect(sessionState(session, at(SESSION_POLICY.idleTimeoutMs - 1))).toBe("active");
    expect(sessionState(session, at(SESSION_POLICY.idleTimeoutMs))).toBe("idle_expired");
  });

  it("should expire at the absolute limit even when used continuously", () => {
    const busy = { ...session, lastSeenAt: at(SESSION_POLICY.absoluteTimeoutMs - 1000) };
    expect(sessionState(busy, at(SESSION_POLICY.absoluteTimeoutMs - 1))).toBe("active");
    expect(sessionState(busy, at(SESSION_POLICY.absoluteTimeoutMs))).toBe("expired");
  });

  it("should touch at most once per interval", () => {
    expect(shouldTouch(createdAt, at(SESSION_POLICY.touchIntervalMs - 1))).toBe(false);
    expect(shouldTouch(createdAt, at(SESSION_POLICY.touchIntervalMs))).toBe(true);
  });
});

describe("credentials", () => {
  it("should normalise emails and validate sign-in input with actionable messages", () => {
    expect(normalizeEmail("  Maya@GreenLawn.Example ")).toBe("maya@greenlawn.example");
    expect(loginInputSchema.parse({ email: " a@b.co ", password: "x" })).toEqual({ email: "a@b.co", password: "x" });
    const result = loginInputSchema.safeParse({ email: "not-an-email", password: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "Enter a valid email address.",
      "Enter your password.",
    ]);
  });

  it("should reject unknown keys in sign-in input", () => {
    expect(loginInputSchema.safeParse({ email: "a@b.co", password: "x", role: "platform_owner" }).success).toBe(false);
  });

  it("should require long, non-repetitive new passwords", () => {
    expect(newPasswordSchema.safeParse("short").success).toBe(false);
    expect(newPasswordSchema.safeParse("aaaaaaaaaaaaaaaa").success).toBe(false);
    expect(newPasswordSchema.safeParse("correct horse battery").success).toBe(true);
  });
});
