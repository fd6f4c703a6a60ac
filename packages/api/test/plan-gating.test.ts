// Plan gating and status rules over HTTP: every gated procedure × every tier, and what suspended
// and cancelled accounts may still do.
import { FEATURE_KEYS, type FeatureKey, hasFeature, lowestTierWith } from "@servicepro/features";
import { PLAN_TIERS, TENANT_STATUSES } from "@servicepro/tenancy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { createRouter, type ProcedureMeta, staffProcedure, tenantAdminProcedure } from "../src/trpc.ts";
import { GREEN_LAWN_ADMIN, GREEN_LAWN_STAFF, type Harness, OWNER, startHarness } from "./owner-console-harness.ts";

// One test-only procedure per feature, built from the shipped base procedures: the gate is the
// middleware's, not the procedure's. Shipped procedures that declare a feature join the matrix too.
const gatedProbe = createRouter(
  Object.fromEntries(
    FEATURE_KEYS.map((feature) => [feature, staffProcedure.meta({ feature }).query(() => ({ ran: feature }))]),
  ) as Record<FeatureKey, ReturnType<typeof staffProcedure.query>>,
);
const changes = createRouter({
  save: staffProcedure.mutation(() => "saved"),
  adminSave: tenantAdminProcedure.mutation(() => "saved"),
  read: staffProcedure.query(() => "read"),
});
const router = createRouter({ ...appRouter._def.record, gated: gatedProbe, changes });

type Def = { _def: { meta?: ProcedureMeta; type: "query" | "mutation" | "subscription" } };
const shippedGated = Object.entries(appRouter._def.procedures as unknown as Record<string, Def>).filter(
  ([, p]) => p._def.meta?.feature,
);
/** [path, feature, kind, whether an admin calls it (a tenant_admin procedure refuses staff before its plan gate)]. */
const gated: [string, FeatureKey, "query" | "mutation", boolean][] = [
  ...FEATURE_KEYS.map(
    (feature) => [`gated.${feature}`, feature, "query", false] as [string, FeatureKey, "query", boolean],
  ),
  ...shippedGated.map(
    ([path, p]) =>
      [
        path,
        p._def.meta!.feature!,
        p._def.type === "mutation" ? "mutation" : "query",
        p._def.meta?.access === "tenant_admin",
      ] as [string, FeatureKey, "query" | "mutation", boolean],
  ),
];

let h: Harness;
let staff: string;
let admin: string;

beforeAll(async () => {
  h = await startHarness({ router });
  staff = await h.signIn(GREEN_LAWN_STAFF);
  admin = await h.signIn(GREEN_LAWN_ADMIN);
});
afterAll(() => h?.close());

describe("plan gating", () => {
  it("should only be declared on tenant-scoped procedures (the only ones whose middleware reads it)", () => {
    for (const [path, p] of shippedGated) expect(["staff", "tenant_admin"], path).toContain(p._def.meta?.access);
  });

  const cells = PLAN_TIERS.flatMap((tier) =>
    gated.map(([path, feature, kind, asAdmin]) => [tier, path, feature, kind, asAdmin] as const),
  );

  it.each(cells)("%s × %s", async (tier, path, feature, kind, asAdmin) => {
    await h.setPlan("green-lawn", { planTier: tier, status: "active" });
    const res = await h.call(kind, path, undefined, asAdmin ? admin : staff);
    if (hasFeature({ planTier: tier }, feature)) {
      // Allowed: whatever the procedure answers, it is not the plan gate.
      expect(res.error?.data.cause?.code).not.toBe("PLAN_FEATURE_REQUIRED");
      if (path.startsWith("gated.")) expect(res.data).toEqual({ ran: feature });
    } else {
      expect(res.status).toBe(403);
      expect(res.error?.data.code).toBe("FORBIDDEN");
      expect(res.error?.data.cause).toEqual({
        code: "PLAN_FEATURE_REQUIRED",
        feature,
        requiredTier: lowestTierWith(feature),
      });
      expect(res.error?.message).toMatch(
        /is part of the (Pro|Elite) plan; ask the account owner to upgrade\.$|are part of the Pro plan; ask the account owner to upgrade\.$/,
      );
    }
  });

  it("should apply a plan change made by the owner on the business's next request", async () => {
    await h.setPlan("green-lawn", { planTier: "starter", status: "active" });
    const refused = await h.call("query", "gated.campaigns", undefined, staff);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toBe("SMS campaigns are part of the Pro plan; ask the account owner to upgrade.");

    const owner = await h.signIn(OWNER);
    expect(
      (await h.call("mutation", "admin.tenants.updatePlan", { tenantId: "green-lawn", planTier: "pro" }, owner)).status,
    ).toBe(200);
    expect((await h.call("query", "gated.campaigns", undefined, staff)).data).toEqual({ ran: "campaigns" });

    // And back down: the same session loses it at once (no entitlement cache).
    expect(
      (await h.call("mutation", "admin.tenants.updatePlan", { tenantId: "green-lawn", planTier: "starter" }, owner))
        .status,
    ).toBe(200);
    expect((await h.call("query", "gated.campaigns", undefined, staff)).status).toBe(403);
  });
});

describe("tenant.plan.summary", () => {
  it.each(PLAN_TIERS)("should list what the %s plan includes and what unlocks the rest", async (tier) => {
    await h.setPlan("green-lawn", { planTier: tier, status: "active" });
    const res = await h.call("query", "tenant.plan.summary", undefined, staff);
    expect(res.status).toBe(200);
    const summary = res.data as {
      planTier: string;
      internal: boolean;
      features: { key: FeatureKey; included: boolean; unlockedBy: { tier: string } | null }[];
    };
    expect(summary.planTier).toBe(tier);
    expect(summary.internal).toBe(tier === "internal");
    for (const line of summary.features) {
      expect(line.included, line.key).toBe(hasFeature({ planTier: tier }, line.key));
      expect(line.unlockedBy?.tier ?? null, line.key).toBe(line.included ? null : lowestTierWith(line.key));
    }
  });
});

describe("status rules", () => {
  it.each(TENANT_STATUSES)(
    "%s: reads work (but for a cancelled account); changes only while the account is open",
    async (status) => {
      await h.setPlan("green-lawn", { planTier: "pro", status });
      const open = status !== "suspended" && status !== "cancelled";
      // Exporting works at every status, and so do signing in and out.
      expect((await h.call("query", "tenant.exports.list", undefined, admin)).status).toBe(200);
      const fresh = await h.signIn(GREEN_LAWN_STAFF);
      expect((await h.call("query", "auth.context", undefined, fresh)).status).toBe(200);
      expect((await h.call("mutation", "auth.logout", undefined, fresh)).status).toBe(200);
      if (status === "cancelled") {
        // A cancelled account's sign-in can only export: everything else, reads included, says so.
        for (const [kind, path] of [
          ["query", "changes.read"],
          ["query", "tenant.overview"],
          ["query", "tenant.plan.summary"],
          ["mutation", "changes.save"],
        ] as const) {
          const res = await h.call(kind, path, undefined, staff);
          expect(res.status, path).toBe(403);
          expect(res.error?.data.cause).toEqual({ code: "TENANT_INACTIVE", status });
          expect(res.error?.message).toMatch(/cancelled\. The only thing you can do now is export your data/);
        }
        return;
      }
      expect((await h.call("query", "changes.read", undefined, staff)).status).toBe(200);
      expect((await h.call("query", "tenant.overview", undefined, staff)).status).toBe(200);
      const summary = await h.call("query", "tenant.plan.summary", undefined, staff);
      expect(summary.data).toMatchObject({ status, acceptsChanges: open });
      for (const [path, token] of [
        ["changes.save", staff],
        ["changes.adminSave", admin],
      ] as const) {
        const res = await h.call("mutation", path, undefined, token);
        if (open) {
          expect(res.data, path).toBe("saved");
        } else {
          expect(res.status, path).toBe(403);
          expect(res.error?.data.cause).toEqual({ code: "TENANT_INACTIVE", status });
          expect(res.error?.message).toBe(
            `This account is ${status}, so changes are paused. You can still sign in, view and export your data; contact ServicePro support to reactivate it.`,
          );
        }
      }
    },
  );

  it("should refuse an impersonating owner's changes to a suspended account the same way", async () => {
    await h.setPlan("green-lawn", { planTier: "pro", status: "suspended" });
    const token = await h.impersonate();
    const res = await h.call("mutation", "changes.adminSave", undefined, token);
    expect(res.error?.data.cause).toEqual({ code: "TENANT_INACTIVE", status: "suspended" });
    await h.setPlan("green-lawn", { planTier: "pro", status: "active" });
  });
});
