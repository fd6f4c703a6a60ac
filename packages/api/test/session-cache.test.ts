// Sessions answered from memory (identity/session-cache.ts) decide exactly as the database path
// does: sign-out, rotation, a disabled user, a changed role, idle and absolute expiry, and the
// last-seen refresh that keeps an active session alive. On PGlite, and on PostgreSQL with
// TEST_DATABASE_URL (the harness waits for the change feed before each request there).
import { platformDb } from "@servicepro/db";
import { SESSION_POLICY } from "@servicepro/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCacheOf } from "../src/identity/session-cache.ts";
import { sessionIdOf } from "../src/identity/sessions.ts";
import {
  GREEN_LAWN_ADMIN,
  GREEN_LAWN_STAFF,
  type Harness,
  manualClock,
  OWNER,
  startHarness,
} from "./owner-console-harness.ts";

let h: Harness;
const clock = manualClock();

beforeAll(async () => {
  h = await startHarness({ now: clock.now });
});
afterAll(() => h?.close());

const platform = () => platformDb(h.db, { actorUserId: null, purpose: "test.session-cache" });
const overview = (token: string) => h.call("query", "tenant.overview", undefined, token);
const lastSeen = (token: string) =>
  platform().run(
    async (tx) =>
      (await tx.session.findUnique({ where: { id: sessionIdOf(token) }, select: { lastSeenAt: true } }))?.lastSeenAt ??
      null,
  );

describe("a cached session", () => {
  it("is refused on the request after sign-out", async () => {
    const token = await h.signIn(GREEN_LAWN_STAFF);
    // Served from memory (on PostgreSQL once the feed's LISTEN connection is up).
    await expect
      .poll(async () => {
        expect((await overview(token)).status).toBe(200);
        return sessionCacheOf(h.db).get(sessionIdOf(token), clock.now())?.auth.user?.email;
      })
      .toBe(GREEN_LAWN_STAFF.email);
    expect((await h.call("mutation", "auth.logout", undefined, token)).status).toBe(200);
    expect((await overview(token)).status).toBe(401);
  });

  it("is refused under its old id once rotated (impersonation start and stop)", async () => {
    const owner = await h.signIn(OWNER);
    expect((await h.call("query", "admin.tenants.list", undefined, owner)).status).toBe(200);
    const started = await h.call(
      "mutation",
      "admin.impersonate.start",
      { tenantId: "green-lawn", reason: "Support ticket 1234: calendar looks wrong" },
      owner,
    );
    expect(started.status).toBe(200);
    expect((await h.call("query", "admin.tenants.list", undefined, owner)).status).toBe(401);
    const visiting = started.token!;
    expect((await overview(visiting)).status).toBe(200);
    const stopped = await h.call("mutation", "admin.impersonate.stop", undefined, visiting);
    expect(stopped.status).toBe(200);
    expect((await overview(visiting)).status).toBe(401);
    expect((await h.call("query", "admin.tenants.list", undefined, stopped.token)).status).toBe(200);
  });

  it("follows its user and membership: a changed role and a disabled account apply on the next request", async () => {
    const admin = await h.signIn(GREEN_LAWN_ADMIN);
    const team = () => h.call("query", "tenant.team.list", undefined, admin);
    expect((await team()).status).toBe(200);
    const context = async () =>
      (await h.call("query", "auth.context", undefined, admin)).data as { role: string; user: unknown };
    expect((await context()).role).toBe("tenant_admin");
    const user = await platform().run((tx) => tx.user.findUniqueOrThrow({ where: { email: GREEN_LAWN_ADMIN.email } }));
    await platform().run((tx) =>
      tx.membership.updateMany({ where: { userId: user.id }, data: { role: "tenant_staff" } }),
    );
    expect((await context()).role).toBe("tenant_staff");
    await platform().run((tx) =>
      tx.membership.updateMany({ where: { userId: user.id }, data: { role: "tenant_admin" } }),
    );
    expect((await context()).role).toBe("tenant_admin");
    await platform().run((tx) => tx.user.update({ where: { id: user.id }, data: { disabledAt: clock.now() } }));
    expect((await overview(admin)).status).toBe(401);
    await platform().run((tx) => tx.user.update({ where: { id: user.id }, data: { disabledAt: null } }));
  });

  it("stays alive while used (last-seen refreshed once a minute) and ends after 30 idle minutes", async () => {
    const token = await h.signIn(GREEN_LAWN_STAFF);
    const signedInAt = clock.now();
    expect((await overview(token)).status).toBe(200);
    // Within the minute: answered from memory, last-seen unchanged.
    clock.advanceMinutes(0.5);
    expect((await overview(token)).status).toBe(200);
    expect(await lastSeen(token)).toEqual(signedInAt);
    // 20 minutes on: refreshed, so 20 more minutes (40 since sign-in) are still within the idle limit.
    clock.advanceMinutes(19.5);
    expect((await overview(token)).status).toBe(200);
    expect(await lastSeen(token)).toEqual(clock.now());
    clock.advanceMinutes(20);
    expect((await overview(token)).status).toBe(200);
    clock.advanceMinutes(SESSION_POLICY.idleTimeoutMs / 60_000);
    expect((await overview(token)).status).toBe(401);
    expect(await lastSeen(token)).toBeNull();
  });

  it("ends at its absolute limit however busy it is", async () => {
    const token = await h.signIn(GREEN_LAWN_STAFF);
    const end = clock.now().getTime() + SESSION_POLICY.absoluteTimeoutMs;
    while (clock.now().getTime() + 20 * 60_000 < end) {
      clock.advanceMinutes(20);
      expect((await overview(token)).status).toBe(200);
    }
    clock.advanceMinutes((end - clock.now().getTime()) / 60_000);
    expect((await overview(token)).status).toBe(401);
    expect(await lastSeen(token)).toBeNull();
  });
});
