// The owner console: every admin.* procedure refuses everyone but the owner, with nothing changed,
// and admin.tenants.updatePlan validates strictly, updates partially and records the change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { GREEN_LAWN_ADMIN, GREEN_LAWN_STAFF, type Harness, OWNER, startHarness } from "./owner-console-harness.ts";

type Def = { _def: { type: "query" | "mutation" | "subscription" } };
const adminProcedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Def>)
  .filter(([path]) => path.startsWith("admin."))
  .map(([path, p]) => [path, p._def.type === "mutation" ? ("mutation" as const) : ("query" as const)] as const);

/** Inputs that would succeed for the owner, so only the caller decides the outcome. */
const INPUTS: Record<string, unknown> = {
  "admin.tenants.updatePlan": { tenantId: "green-lawn", planTier: "elite", status: "suspended" },
  "admin.impersonate.start": { tenantId: "green-lawn", reason: "Checking the calendar" },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("admin.* × callers", () => {
  const callers = [
    { name: "anonymous", status: 401, token: async () => undefined },
    { name: "tenant staff", status: 403, token: () => h.signIn(GREEN_LAWN_STAFF) },
    { name: "tenant admin", status: 403, token: () => h.signIn(GREEN_LAWN_ADMIN) },
    { name: "owner impersonating", status: 403, token: () => h.impersonate() },
  ];

  it("should find the console's procedures", () => {
    expect(adminProcedures.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        "admin.tenants.list",
        "admin.tenants.updatePlan",
        "admin.impersonate.start",
        "admin.impersonate.stop",
      ]),
    );
  });

  for (const caller of callers) {
    it.each(adminProcedures)(`%s: ${caller.name} is refused and nothing changes`, async (path, kind) => {
      // Leaving an impersonation is the one console procedure the impersonating owner may call.
      const expected = caller.name === "owner impersonating" && path === "admin.impersonate.stop" ? 200 : caller.status;
      const token = await caller.token();
      const before = await h.snapshot();
      const denials = (await h.auditRows({ action: "authz_denied" })).length;
      const res = await h.call(kind, path, INPUTS[path], token);
      expect(res.status, JSON.stringify(res.error)).toBe(expected);
      if (expected === 200) return;
      expect(await h.snapshot()).toEqual(before);
      // A signed-in caller's refusal is on the record, once; an anonymous one is just a 401.
      expect(await h.auditRows({ action: "authz_denied" })).toHaveLength(denials + (caller.status === 403 ? 1 : 0));
    });
  }
});

describe("admin.tenants.updatePlan", () => {
  let owner: string;
  beforeAll(async () => {
    owner = await h.signIn(OWNER);
  });

  const greenLawn = async () => {
    const list = await h.call("query", "admin.tenants.list", undefined, owner);
    return (list.data as { id: string; planTier: string; status: string; internalNotes: string | null }[]).find(
      (t) => t.id === "green-lawn",
    )!;
  };

  it("should change only what is sent, show it in the list and record before and after", async () => {
    const res = await h.call(
      "mutation",
      "admin.tenants.updatePlan",
      { tenantId: "green-lawn", planTier: "internal" },
      owner,
    );
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ id: "green-lawn", planTier: "internal", status: "active" });
    expect(await greenLawn()).toMatchObject({ planTier: "internal", status: "active" });

    await h.call("mutation", "admin.tenants.updatePlan", { tenantId: "green-lawn", status: "past_due" }, owner);
    expect(await greenLawn()).toMatchObject({ planTier: "internal", status: "past_due" });

    const rows = await h.auditRows({ action: "tenant.plan_changed", targetTenantId: "green-lawn" });
    expect(rows.slice(-2).map((row) => row.details)).toEqual([
      { before: { planTier: "pro", status: "active" }, after: { planTier: "internal", status: "active" } },
      { before: { planTier: "internal", status: "active" }, after: { planTier: "internal", status: "past_due" } },
    ]);
    const ownerId = ((await h.call("query", "auth.context", undefined, owner)).data as { user: { id: string } }).user
      .id;
    expect(rows.at(-1)).toMatchObject({
      actorUserId: ownerId,
      impersonatedTenantId: null,
      objectType: "tenant",
      objectId: "green-lawn",
    });
  });

  it("should write nothing when the values are already current", async () => {
    const before = (await h.auditRows({ action: "tenant.plan_changed" })).length;
    const current = await greenLawn();
    const res = await h.call(
      "mutation",
      "admin.tenants.updatePlan",
      { tenantId: "green-lawn", planTier: current.planTier, status: current.status },
      owner,
    );
    expect(res.status).toBe(200);
    expect(await h.auditRows({ action: "tenant.plan_changed" })).toHaveLength(before);
  });

  it("should show the owner's internal notes in the list", async () => {
    const list = (await h.call("query", "admin.tenants.list", undefined, owner)).data as {
      id: string;
      internalNotes: string | null;
    }[];
    expect(list.find((t) => t.id === "root")?.internalNotes).toBe(
      "The founder's own detailing business: the root tenant.",
    );
  });

  it.each([
    [{ tenantId: "green-lawn", planTier: "enterprise" }, 'Plan must be one of "starter", "pro", "elite", "internal".'],
    [
      { tenantId: "green-lawn", status: "paused" },
      'Status must be one of "trialing", "active", "past_due", "suspended", "cancelled".',
    ],
    [{ tenantId: "green-lawn", planTier: 3 }, 'Plan must be one of "starter", "pro", "elite", "internal".'],
    [{ tenantId: "green-lawn" }, "Send a new planTier, a new status, or both."],
    [{ planTier: "pro" }, "Say which business to change (tenantId)."],
  ])("should answer 400 to %j, naming what is allowed, and write nothing", async (input, message) => {
    const before = await h.snapshot();
    const audits = (await h.auditRows()).length;
    const res = await h.call("mutation", "admin.tenants.updatePlan", input, owner);
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe(message);
    expect(await h.snapshot()).toEqual(before);
    expect(await h.auditRows()).toHaveLength(audits);
  });

  // Mass assignment (reliability-security Z6): any extra key, even one that names a real column,
  // turns the whole call into a 400 with nothing written.
  it.each(["internalNotes", "name", "slug", "id", "ownerId", "price", "plan", "createdAt", "__proto__x"])(
    "should refuse the extra field %s with nothing written",
    async (key) => {
      const before = await h.snapshot();
      const res = await h.call(
        "mutation",
        "admin.tenants.updatePlan",
        { tenantId: "green-lawn", planTier: "elite", [key]: "x" },
        owner,
      );
      expect(res.status).toBe(400);
      expect(res.error?.message).toBe(`Unknown field "${key}": send only tenantId, planTier and status.`);
      expect(await h.snapshot()).toEqual(before);
    },
  );

  // The root tenant answers all unrouted traffic: stopping it takes an explicit confirmation.
  it.each(["suspended", "cancelled"])(
    "should refuse to make the root tenant %s without confirmRootStatus, saying why, and write nothing",
    async (status) => {
      const before = await h.snapshot();
      const res = await h.call("mutation", "admin.tenants.updatePlan", { tenantId: "root", status }, owner);
      expect(res.status).toBe(400);
      expect(res.error?.message).toMatch(/^This is the root business: every call and text that matches no other/);
      expect(res.error?.data.issues?.[0]?.path).toEqual(["confirmRootStatus"]);
      expect(await h.snapshot()).toEqual(before);
    },
  );

  it("should suspend the root tenant once confirmed, and let it go back to active without one", async () => {
    const suspend = await h.call(
      "mutation",
      "admin.tenants.updatePlan",
      { tenantId: "root", status: "suspended", confirmRootStatus: true },
      owner,
    );
    expect(suspend.status, JSON.stringify(suspend.error)).toBe(200);
    expect(suspend.data).toMatchObject({ id: "root", status: "suspended" });
    const back = await h.call("mutation", "admin.tenants.updatePlan", { tenantId: "root", status: "active" }, owner);
    expect(back.status, JSON.stringify(back.error)).toBe(200);
    expect(back.data).toMatchObject({ id: "root", status: "active" });
  });

  it("should answer 404 for a business that does not exist", async () => {
    const res = await h.call(
      "mutation",
      "admin.tenants.updatePlan",
      { tenantId: "nobody-here", planTier: "pro" },
      owner,
    );
    expect(res.status).toBe(404);
    expect(res.error?.message).toBe('There is no business with the id "nobody-here".');
  });
});
