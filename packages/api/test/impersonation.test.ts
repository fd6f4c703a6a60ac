// "Login as tenant": who may start it, what it refuses, what it records, how it ends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "../src/root.ts";
import { createRouter, publicProcedure, staffProcedure, tenantAdminProcedure } from "../src/trpc.ts";
import {
  CLIENT_IP,
  GREEN_LAWN_ADMIN,
  GREEN_LAWN_STAFF,
  type Harness,
  manualClock,
  OWNER,
  startHarness,
  USER_AGENT,
} from "./owner-console-harness.ts";

// Test-only procedures carrying the deny list's meta: the shipped API has no credential or export
// procedures yet, and the middleware must already refuse them while impersonating.
const probe = createRouter({
  changePassword: staffProcedure.meta({ sensitive: "credentials" }).mutation(() => "changed"),
  exportData: tenantAdminProcedure.meta({ sensitive: "data_export" }).query(() => "exported"),
  publicSensitive: publicProcedure.meta({ sensitive: "api_keys" }).query(() => "keys"),
  touch: tenantAdminProcedure.mutation(async ({ ctx }) => {
    await ctx.audit({ action: "probe.touched" });
    return ctx.tenantId;
  }),
});
const router = createRouter({ ...appRouter._def.record, probe });

const REASON = "Support ticket 1234: calendar looks wrong";
const clock = manualClock();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ now: clock.now, router });
});
afterAll(() => h?.close());
// Each visit is identified by its start time (to the millisecond); a frozen clock would merge them.
beforeEach(() => clock.advanceMinutes(1));

describe("admin.impersonate.start", () => {
  it("should refuse anonymous callers with 401 and staff of a business with 403", async () => {
    expect(
      (await h.call("mutation", "admin.impersonate.start", { tenantId: "green-lawn", reason: REASON })).status,
    ).toBe(401);
    for (const who of [GREEN_LAWN_ADMIN, GREEN_LAWN_STAFF]) {
      const res = await h.call(
        "mutation",
        "admin.impersonate.start",
        { tenantId: "green-lawn", reason: REASON },
        await h.signIn(who),
      );
      expect(res.status, who.email).toBe(403);
      expect(res.error?.message).toBe("Only the ServicePro platform owner can do this.");
    }
    expect(await h.auditRows({ action: "impersonation_start" })).toHaveLength(0);
  });

  it("should answer 404 for a business that does not exist", async () => {
    const res = await h.call(
      "mutation",
      "admin.impersonate.start",
      { tenantId: "no-such-business", reason: REASON },
      await h.signIn(OWNER),
    );
    expect(res.status).toBe(404);
    expect(res.error?.message).toBe('There is no business with the id "no-such-business".');
  });

  it("should refuse to impersonate the root tenant", async () => {
    const res = await h.call(
      "mutation",
      "admin.impersonate.start",
      { tenantId: "root", reason: REASON },
      await h.signIn(OWNER),
    );
    expect(res.status).toBe(403);
    expect(res.error?.message).toMatch(/root business/);
  });

  it("should require a reason of 1–500 characters and no other fields, and start nothing otherwise", async () => {
    const owner = await h.signIn(OWNER);
    const cases: [unknown, RegExp][] = [
      [{ tenantId: "green-lawn" }, /Say why you are viewing this business/],
      [{ tenantId: "green-lawn", reason: "   " }, /Say why you are viewing this business/],
      [{ tenantId: "green-lawn", reason: "x".repeat(501) }, /500 characters or fewer/],
      [
        { tenantId: "green-lawn", reason: REASON, userId: "someone-else" },
        /Unknown field "userId": send only tenantId and reason\./,
      ],
    ];
    for (const [input, message] of cases) {
      const res = await h.call("mutation", "admin.impersonate.start", input, owner);
      expect(res.status, JSON.stringify(input)).toBe(400);
      expect(res.error?.message).toMatch(message);
    }
    const context = await h.call("query", "auth.context", undefined, owner);
    expect(context.data).toMatchObject({ tenantId: null, impersonationStartedAt: null });
  });

  it("should rotate the session id, keep the real user and act in the tenant", async () => {
    const owner = await h.signIn(OWNER);
    const before = await h.auditRows({ action: "impersonation_start" });
    const res = await h.call(
      "mutation",
      "admin.impersonate.start",
      { tenantId: "green-lawn", reason: `  ${REASON} ` },
      owner,
    );
    expect(res.status).toBe(200);
    expect(res.token).toBeTruthy();
    expect(res.token).not.toBe(owner);

    // The old token is worthless; the new one carries the impersonation.
    expect((await h.call("query", "auth.context", undefined, owner)).data).toMatchObject({ user: null });
    const context = (await h.call("query", "auth.context", undefined, res.token)).data;
    expect(context).toEqual({
      user: expect.objectContaining({ email: OWNER.email }),
      role: "platform_owner",
      tenantId: "green-lawn",
      tenantName: "Green Lawn Co",
      impersonationStartedAt: clock.now().toISOString(),
      impersonationExpiresAt: new Date(clock.now().getTime() + 60 * 60_000).toISOString(),
    });
    expect(res.data).toEqual(context);

    // Tenant procedures answer for Green Lawn, admin-only ones included.
    const overview = await h.call("query", "tenant.overview", undefined, res.token);
    expect(overview.status).toBe(200);
    expect(overview.data).toMatchObject({ tenant: { id: "green-lawn" } });
    expect((await h.call("query", "tenant.settings.platformAccess", undefined, res.token)).status).toBe(200);

    const rows = await h.auditRows({ action: "impersonation_start" });
    expect(rows).toHaveLength(before.length + 1);
    const ownerId = (context as { user: { id: string } }).user.id;
    expect(rows.at(-1)).toMatchObject({
      actorUserId: ownerId,
      targetTenantId: "green-lawn",
      impersonatedTenantId: "green-lawn",
      ip: CLIENT_IP,
      userAgent: USER_AGENT,
      details: { reason: REASON, visit: clock.now().toISOString() },
    });
  });

  it("should refuse a nested impersonation and close the rest of the console", async () => {
    const token = await h.impersonate();
    const nested = await h.call(
      "mutation",
      "admin.impersonate.start",
      { tenantId: "green-lawn", reason: REASON },
      token,
    );
    expect(nested.status).toBe(403);
    expect(nested.error?.data.cause).toEqual({
      code: "IMPERSONATION_ACTIVE",
      tenantId: "green-lawn",
      action: "impersonation",
    });
    expect(nested.error?.message).toBe(
      "You're viewing as Green Lawn Co, and while you do you cannot start another impersonation. Exit impersonation first.",
    );

    const list = await h.call("query", "admin.tenants.list", undefined, token);
    expect(list.status).toBe(403);
    expect(list.error?.message).toBe(
      "You're viewing as Green Lawn Co. Exit impersonation to use the platform console.",
    );
    const update = await h.call(
      "mutation",
      "admin.tenants.updatePlan",
      { tenantId: "green-lawn", planTier: "elite" },
      token,
    );
    expect(update.status).toBe(403);
    expect((await h.tenantRow("green-lawn"))?.planTier).toBe("pro");
  });
});

describe("while impersonating", () => {
  it("should refuse the sensitive actions on the deny list, whatever their access class", async () => {
    const token = await h.impersonate();
    const refused = [
      await h.call("mutation", "probe.changePassword", undefined, token),
      await h.call("query", "probe.exportData", undefined, token),
      await h.call("query", "probe.publicSensitive", undefined, token),
    ];
    expect(refused.map((res) => res.status)).toEqual([403, 403, 403]);
    expect(refused.map((res) => res.error?.data.cause?.action)).toEqual(["credentials", "data_export", "api_keys"]);
    expect(refused[0]!.error?.message).toMatch(
      /^You're viewing as Green Lawn Co, and while you do you cannot change sign-in details/,
    );
    // The business's own admin is not impersonating: the same procedures work for them.
    const admin = await h.signIn(GREEN_LAWN_ADMIN);
    expect((await h.call("mutation", "probe.changePassword", undefined, admin)).data).toBe("changed");
    expect((await h.call("query", "probe.exportData", undefined, admin)).data).toBe("exported");
  });

  it("should record every change with the owner as actor and the tenant as subject", async () => {
    const token = await h.impersonate();
    const res = await h.call("mutation", "probe.touch", undefined, token);
    expect(res.data).toBe("green-lawn");
    const owner = (await h.call("query", "auth.context", undefined, token)).data as { user: { id: string } };
    const touched = (await h.auditRows({ action: "probe.touched" })).at(-1);
    expect(touched).toMatchObject({
      actorUserId: owner.user.id,
      actorTenantId: null,
      impersonatedTenantId: "green-lawn",
      targetTenantId: "green-lawn",
    });
    const action = (await h.auditRows({ action: "impersonation_action" })).at(-1);
    expect(action).toMatchObject({
      actorUserId: owner.user.id,
      impersonatedTenantId: "green-lawn",
      outcome: "success",
      details: { procedure: "probe.touch" },
    });
  });

  it("should not mark the business's own staff's changes as impersonated", async () => {
    const admin = await h.signIn(GREEN_LAWN_ADMIN);
    const before = (await h.auditRows({ action: "impersonation_action" })).length;
    await h.call("mutation", "probe.touch", undefined, admin);
    expect((await h.auditRows({ action: "probe.touched" })).at(-1)).toMatchObject({
      actorTenantId: "green-lawn",
      impersonatedTenantId: null,
    });
    expect(await h.auditRows({ action: "impersonation_action" })).toHaveLength(before);
  });
});

describe("admin.impersonate.stop", () => {
  it("should end the visit, rotate the session and record it", async () => {
    const token = await h.impersonate();
    clock.advanceMinutes(7);
    const res = await h.call("mutation", "admin.impersonate.stop", undefined, token);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      role: "platform_owner",
      tenantId: null,
      tenantName: null,
      impersonationStartedAt: null,
    });
    expect(res.token).toBeTruthy();
    expect(res.token).not.toBe(token);
    expect((await h.call("query", "auth.context", undefined, token)).data).toMatchObject({ user: null });
    expect((await h.call("query", "admin.tenants.list", undefined, res.token)).status).toBe(200);
    expect((await h.call("query", "tenant.overview", undefined, res.token)).status).toBe(403);
    expect((await h.auditRows({ action: "impersonation_stop" })).at(-1)).toMatchObject({
      targetTenantId: "green-lawn",
      impersonatedTenantId: "green-lawn",
      ip: CLIENT_IP,
      userAgent: USER_AGENT,
      details: { endedBy: "owner", durationSeconds: 420, reason: "Support ticket 1234: calendar looks wrong" },
    });
  });

  it("should be a no-op for an owner who is not impersonating, and refused to everyone else", async () => {
    const owner = await h.signIn(OWNER);
    const stops = (await h.auditRows({ action: "impersonation_stop" })).length;
    const res = await h.call("mutation", "admin.impersonate.stop", undefined, owner);
    expect(res.status).toBe(200);
    expect(res.token).toBeUndefined();
    expect(await h.auditRows({ action: "impersonation_stop" })).toHaveLength(stops);
    expect(
      (await h.call("mutation", "admin.impersonate.stop", undefined, await h.signIn(GREEN_LAWN_ADMIN))).status,
    ).toBe(403);
    expect((await h.call("mutation", "admin.impersonate.stop")).status).toBe(401);
  });

  it("should record the end when the owner signs out mid-visit", async () => {
    const token = await h.impersonate();
    await h.call("mutation", "auth.logout", undefined, token);
    expect((await h.auditRows({ action: "impersonation_stop" })).at(-1)).toMatchObject({
      details: { endedBy: "sign_out" },
    });
  });
});

describe("the 60-minute limit", () => {
  it("should end the impersonation at 60 minutes, once, and leave the owner signed in", async () => {
    const token = await h.impersonate();
    const expiredBefore = (await h.auditRows({ action: "impersonation_expired" })).length;
    // Requests every 20 minutes keep the session itself inside its 30-minute idle limit.
    for (const minutes of [20, 20, 19]) {
      clock.advanceMinutes(minutes);
      expect((await h.call("query", "tenant.overview", undefined, token)).status, `after +${minutes}`).toBe(200);
    }
    clock.advanceMinutes(1); // 60 minutes after the start
    const context = await h.call("query", "auth.context", undefined, token);
    expect(context.data).toMatchObject({ role: "platform_owner", tenantId: null, impersonationStartedAt: null });
    expect((await h.call("query", "tenant.overview", undefined, token)).status).toBe(403);
    expect((await h.call("query", "admin.tenants.list", undefined, token)).status).toBe(200);
    const expired = await h.auditRows({ action: "impersonation_expired" });
    expect(expired).toHaveLength(expiredBefore + 1);
    expect(expired.at(-1)).toMatchObject({
      targetTenantId: "green-lawn",
      impersonatedTenantId: "green-lawn",
      details: { endedBy: "time_limit" },
    });
  });
});

describe("tenant.settings.platformAccess", () => {
  it("should show the business when and why the owner viewed it, without the owner's address", async () => {
    const admin = await h.signIn(GREEN_LAWN_ADMIN);
    const res = await h.call("query", "tenant.settings.platformAccess", undefined, admin);
    expect(res.status).toBe(200);
    const visits = res.data as {
      startedAt: string;
      endedAt: string | null;
      endedBy: string | null;
      reason: string | null;
    }[];
    const starts = await h.auditRows({ action: "impersonation_start", targetTenantId: "green-lawn" });
    expect(visits).toHaveLength(starts.length);
    expect(visits.every((visit) => visit.reason === REASON)).toBe(true);
    expect(visits.map((visit) => visit.endedBy)).toEqual(expect.arrayContaining(["owner", "time_limit", "sign_out"]));
    expect(JSON.stringify(visits)).not.toContain(CLIENT_IP);
    // Newest first.
    expect([...visits].sort((a, b) => b.startedAt.localeCompare(a.startedAt))).toEqual(visits);
  });

  it("should be for the business's admins only", async () => {
    expect(
      (await h.call("query", "tenant.settings.platformAccess", undefined, await h.signIn(GREEN_LAWN_STAFF))).status,
    ).toBe(403);
  });
});
