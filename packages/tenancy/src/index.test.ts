import { describe, expect, it } from "vitest";
import { runsAutomations, TENANT_STATUSES } from "./index.ts";

describe("runsAutomations", () => {
  it("should stop automations only for suspended and cancelled tenants", () => {
    const running = TENANT_STATUSES.filter(runsAutomations);
    expect(running).toEqual(["trialing", "active", "past_due"]);
  });
});
