import { describe, expect, it } from "vitest";
import { runsAutomations, slugify, TENANT_STATUSES, tenantSlugSchema } from "./index.ts";

describe("slugify", () => {
  it("should turn a business name into a slug", () => {
    expect(slugify("Green Lawn Co.")).toBe("green-lawn-co");
    expect(slugify("  Sparkle & Shine Détailing!! ")).toBe("sparkle-and-shine-detailing");
  });

  it("should produce slugs the slug schema accepts", () => {
    for (const name of ["Clean Machine", "A1 Movers", "Über Pets", "x".repeat(100)]) {
      expect(tenantSlugSchema.safeParse(slugify(name)).success).toBe(true);
    }
  });
});

describe("tenantSlugSchema", () => {
  it("should reject slugs with edge hyphens, capitals after trimming aside, or odd characters", () => {
    for (const bad of ["-lawn", "lawn-", "a", "lawn_co", "lawn co", "x".repeat(64)]) {
      expect(tenantSlugSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(tenantSlugSchema.parse(" Green-Lawn ")).toBe("green-lawn");
  });
});

describe("runsAutomations", () => {
  it("should stop automations only for suspended and cancelled tenants", () => {
    const running = TENANT_STATUSES.filter(runsAutomations);
    expect(running).toEqual(["trialing", "active", "past_due"]);
  });
});
