import { describe, expect, it } from "vitest";
import { industryLabel, planTierBadgeLabel, planTierLabel, tenantStatusLabel } from "./labels.ts";

describe("labels", () => {
  it("names plan tiers and statuses as @servicepro/tenancy does", () => {
    expect(planTierLabel("internal")).toBe("Internal (at-cost)");
    expect(tenantStatusLabel("past_due")).toBe("Past due");
  });

  it("shouts INTERNAL (at-cost) on the internal tier's badge only", () => {
    expect(planTierBadgeLabel("internal")).toBe("INTERNAL (at-cost)");
    expect(planTierBadgeLabel("elite")).toBe("Elite");
  });

  it("turns an industry code into words and leaves free text alone", () => {
    expect(industryLabel("auto_detailing")).toBe("Auto detailing");
    expect(industryLabel("lawn-care")).toBe("Lawn care");
    expect(industryLabel("Pet grooming & more")).toBe("Pet grooming & more");
    expect(industryLabel(null)).toBeNull();
    expect(industryLabel("")).toBeNull();
  });
});
