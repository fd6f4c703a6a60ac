import { describe, expect, it } from "vitest";
import {
  decideImpersonationStart,
  getEffectiveTenantId,
  getImpersonationContext,
  IMPERSONATION_POLICY,
  impersonationReasonSchema,
  impersonationState,
  isImpersonating,
  SENSITIVE_ACTIONS,
  sensitiveActionRefusal,
} from "./index.ts";

const startedAt = new Date("2026-11-22T10:00:00Z");
const staffSession = { activeTenantId: "green-lawn", impersonatedTenantId: null, impersonationStartedAt: null };
const ownerSession = { activeTenantId: null, impersonatedTenantId: null, impersonationStartedAt: null };
const impersonating = {
  activeTenantId: null,
  impersonatedTenantId: "green-lawn",
  impersonationStartedAt: startedAt,
  impersonationReason: "Ticket 42",
};

describe("session helpers", () => {
  it("should tell an impersonating session from a plain one", () => {
    expect(isImpersonating(impersonating)).toBe(true);
    expect(isImpersonating(ownerSession)).toBe(false);
    expect(isImpersonating(staffSession)).toBe(false);
    // Half-written state is not an impersonation.
    expect(isImpersonating({ ...ownerSession, impersonatedTenantId: "green-lawn" })).toBe(false);
  });

  it("should act in the impersonated tenant, else in the session's own", () => {
    expect(getEffectiveTenantId(impersonating)).toBe("green-lawn");
    expect(getEffectiveTenantId(staffSession)).toBe("green-lawn");
    expect(getEffectiveTenantId(ownerSession)).toBeNull();
  });

  it("should describe the impersonation with its 60-minute end", () => {
    expect(getImpersonationContext(impersonating)).toEqual({
      tenantId: "green-lawn",
      startedAt,
      expiresAt: new Date("2026-11-22T11:00:00Z"),
      reason: "Ticket 42",
    });
    expect(getImpersonationContext(ownerSession)).toBeNull();
  });

  it("should expire exactly 60 minutes after the start", () => {
    const at = (ms: number) => new Date(startedAt.getTime() + ms);
    expect(IMPERSONATION_POLICY.maxDurationMs).toBe(60 * 60 * 1000);
    expect(impersonationState(impersonating, at(IMPERSONATION_POLICY.maxDurationMs - 1))).toBe("active");
    expect(impersonationState(impersonating, at(IMPERSONATION_POLICY.maxDurationMs))).toBe("expired");
    expect(impersonationState(ownerSession, at(0))).toBe("none");
  });
});

describe("decideImpersonationStart", () => {
  const base = {
    actorIsPlatformOwner: true,
    actorIsImpersonating: false,
    target: { id: "green-lawn" },
    rootTenantId: "root",
  };

  it("should allow the owner to view an ordinary tenant", () => {
    expect(decideImpersonationStart(base)).toBe("allow");
  });

  it("should refuse non-owners, nesting, missing tenants and the root tenant, in that order", () => {
    expect(decideImpersonationStart({ ...base, actorIsPlatformOwner: false, actorIsImpersonating: true })).toBe(
      "not_owner",
    );
    expect(decideImpersonationStart({ ...base, actorIsImpersonating: true, target: null })).toBe(
      "already_impersonating",
    );
    expect(decideImpersonationStart({ ...base, target: null })).toBe("tenant_not_found");
    expect(decideImpersonationStart({ ...base, target: { id: "root" } })).toBe("root_tenant");
  });
});

describe("impersonationReasonSchema", () => {
  it("should require 1–500 characters after trimming", () => {
    expect(impersonationReasonSchema.parse("  Ticket 42 ")).toBe("Ticket 42");
    expect(impersonationReasonSchema.safeParse("   ").success).toBe(false);
    expect(impersonationReasonSchema.safeParse("x".repeat(500)).success).toBe(true);
    expect(impersonationReasonSchema.safeParse("x".repeat(501)).error?.issues[0]?.message).toBe(
      "Keep the reason to 500 characters or fewer.",
    );
    expect(impersonationReasonSchema.safeParse(undefined).error?.issues[0]?.message).toMatch(
      /^Say why you are viewing/,
    );
  });
});

describe("sensitiveActionRefusal", () => {
  it("should name the business and the way out for every sensitive action", () => {
    for (const action of SENSITIVE_ACTIONS) {
      const message = sensitiveActionRefusal(action, "Green Lawn Co");
      expect(message).toMatch(
        /^You're viewing as Green Lawn Co, and while you do you cannot .+\. Exit impersonation first\.$/,
      );
    }
  });
});
