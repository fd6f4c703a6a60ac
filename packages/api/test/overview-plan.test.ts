// The overview's plan facts (what its trial notice is written from) are the Plan page's: on every
// tier, the same features included and not included. PGlite only: no SQL of its own.
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import { PLAN_TIERS } from "@servicepro/tenancy/constants";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createTenant, signedInUser } from "./telephony-fixtures.ts";

describe("tenant.overview's plan", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("pglite");
  });
  afterAll(() => db?.drop());

  it.each(PLAN_TIERS)("should list what the %s plan includes exactly as the Plan page does", async (planTier) => {
    await createTenant(db, `biz-${planTier}`, { planTier });
    const staff = callerFor(db, (await signedInUser(db, { tenantId: `biz-${planTier}` })).token);
    const [{ plan }, summary] = await Promise.all([staff.tenant.overview(), staff.tenant.plan.summary()]);
    expect(plan).toEqual({
      label: summary.planLabel,
      included: summary.features.filter((f) => f.included).map((f) => f.label),
      notIncluded: summary.features.filter((f) => !f.included).map((f) => f.label),
    });
    if (planTier === "starter") expect(plan.notIncluded).toContain("AI voice receptionist");
  });
});
