// The server over HTTP, as browsers and plain JSON clients use it.
import { defaultEngine } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GREEN_LAWN_ADMIN, GREEN_LAWN_STAFF, OWNER, startTestApp, type TestApp } from "./harness.ts";

let t: TestApp;
let now = new Date("2026-11-21T09:00:00Z");

beforeAll(async () => {
  t = await startTestApp(defaultEngine(), { now: () => now });
});
afterAll(() => t?.close());

describe("GET /healthz", () => {
  it("should answer 200 with the database status", async () => {
    const res = await t.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok" });
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("auth", () => {
  it("should sign the owner in with an HttpOnly, SameSite=Lax session cookie and report the context", async () => {
    const login = await t.trpc("mutation", "auth.login", {
      email: "  Owner@ServicePro.test ",
      password: OWNER.password,
    });
    expect(login.status).toBe(200);
    expect(login.data).toMatchObject({ user: { email: OWNER.email }, role: "platform_owner", tenantId: null });
    expect(login.setCookie).toMatch(/^sp_session=[\w-]{43}; .*HttpOnly/);
    expect(login.setCookie).toMatch(/SameSite=Lax/);
    expect(login.setCookie).toMatch(/Path=\//);
    const cookie = login.setCookie!.split(";")[0]!;
    const context = await t.trpc("query", "auth.context", undefined, cookie);
    expect(context.data).toEqual({
      user: expect.objectContaining({ email: OWNER.email }),
      role: "platform_owner",
      tenantId: null,
      tenantName: null,
      impersonationStartedAt: null,
      impersonationExpiresAt: null,
    });
  });

  it("should answer a wrong password and an unknown email with the same 401", async () => {
    const wrongPassword = await t.trpc("mutation", "auth.login", { email: OWNER.email, password: "not-the-password" });
    const unknownEmail = await t.trpc("mutation", "auth.login", {
      email: "nobody@servicepro.test",
      password: "not-the-password",
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.error?.message).toBe("Email or password is incorrect.");
    expect(unknownEmail.error?.message).toBe(wrongPassword.error?.message);
    expect(wrongPassword.setCookie).toBeNull();
  });

  it("should spend a password hash's time on unknown emails too (no account enumeration by timing)", async () => {
    // Ratios within one run, not absolute times: both paths must run Argon2. Without the dummy
    // verification an unknown email answers in ~1 ms against ~20+ ms, a ratio far below 0.3.
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      for (const [email, into] of [
        [OWNER.email, known],
        [`nobody${i}@servicepro.test`, unknown],
      ] as const) {
        const started = performance.now();
        await t.trpc("mutation", "auth.login", { email, password: "wrong-password" });
        into.push(performance.now() - started);
      }
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.3);
    expect(ratio).toBeLessThan(3);
  });

  it("should reject invalid input with 400 and the issues, and unknown keys", async () => {
    const res = await t.trpc("mutation", "auth.login", { email: "not-an-email", password: "" });
    expect(res.status).toBe(400);
    expect(res.error?.data.issues).toEqual([
      { path: ["email"], message: "Enter a valid email address." },
      { path: ["password"], message: "Enter your password." },
    ]);
    const extra = await t.trpc("mutation", "auth.login", {
      email: OWNER.email,
      password: OWNER.password,
      role: "platform_owner",
    });
    expect(extra.status).toBe(400);
  });

  it("should issue a new session on every sign-in and end the old one on logout", async () => {
    const first = await t.signIn(GREEN_LAWN_ADMIN);
    const second = await t.signIn(GREEN_LAWN_ADMIN);
    expect(second).not.toBe(first);
    const logout = await t.trpc("mutation", "auth.logout", undefined, second);
    expect(logout.status).toBe(200);
    expect(logout.setCookie).toMatch(/Max-Age=0/);
    const replay = await t.trpc("query", "auth.context", undefined, second);
    expect(replay.data).toMatchObject({ user: null });
    expect((await t.trpc("query", "tenant.overview", undefined, second)).status).toBe(401);
    // The first session is independent and still valid.
    expect((await t.trpc("query", "auth.context", undefined, first)).data).toMatchObject({ tenantId: "green-lawn" });
  });

  it("should replace the browser's existing session when it signs in again", async () => {
    const before = await t.signIn(GREEN_LAWN_STAFF);
    const res = await t.trpc("mutation", "auth.login", GREEN_LAWN_STAFF, before);
    const after = res.setCookie!.split(";")[0]!;
    expect(after).not.toBe(before);
    expect((await t.trpc("query", "auth.context", undefined, before)).data).toMatchObject({ user: null });
  });

  it("should end sessions after 30 idle minutes and after 12 hours in all", async () => {
    const cookie = await t.signIn(GREEN_LAWN_STAFF);
    now = new Date(now.getTime() + 29 * 60_000);
    expect((await t.trpc("query", "auth.context", undefined, cookie)).data).toMatchObject({ tenantId: "green-lawn" });
    now = new Date(now.getTime() + 30 * 60_000 + 1);
    expect((await t.trpc("query", "auth.context", undefined, cookie)).data).toMatchObject({ user: null });

    const busy = await t.signIn(GREEN_LAWN_STAFF);
    const signedInAt = now.getTime();
    const twelveHours = 12 * 60 * 60_000;
    // Used every 25 minutes, it never idles out...
    while (now.getTime() + 25 * 60_000 < signedInAt + twelveHours) {
      now = new Date(now.getTime() + 25 * 60_000);
      expect((await t.trpc("query", "auth.context", undefined, busy)).data).toMatchObject({ tenantId: "green-lawn" });
    }
    // ...but ends 12 hours after sign-in all the same.
    now = new Date(signedInAt + twelveHours);
    expect((await t.trpc("query", "auth.context", undefined, busy)).data).toMatchObject({ user: null });
  });
});

describe("access classes", () => {
  it("should list every tenant to the owner only", async () => {
    const owner = await t.signIn(OWNER);
    const list = await t.trpc("query", "admin.tenants.list", undefined, owner);
    expect(list.status).toBe(200);
    expect(list.data).toEqual([
      expect.objectContaining({
        id: "root",
        name: "Clean Machine",
        slug: "clean-machine",
        planTier: "elite",
        status: "active",
      }),
      expect.objectContaining({
        id: "green-lawn",
        name: "Green Lawn Co",
        slug: "green-lawn",
        planTier: "pro",
        status: "active",
      }),
    ]);
    const admin = await t.signIn(GREEN_LAWN_ADMIN);
    const denied = await t.trpc("query", "admin.tenants.list", undefined, admin);
    expect(denied.status).toBe(403);
    expect(denied.error?.message).toBe("Only the ServicePro platform owner can do this.");
    expect((await t.trpc("query", "admin.tenants.list")).status).toBe(401);
  });

  it("should show a business its own overview and team, and nobody else's", async () => {
    const admin = await t.signIn(GREEN_LAWN_ADMIN);
    const overview = await t.trpc("query", "tenant.overview", undefined, admin);
    expect(overview.status).toBe(200);
    expect(overview.data).toMatchObject({
      tenant: { id: "green-lawn", name: "Green Lawn Co", industry: "lawn-care" },
      members: [
        expect.objectContaining({ email: GREEN_LAWN_ADMIN.email, role: "tenant_admin" }),
        expect.objectContaining({ email: GREEN_LAWN_STAFF.email, role: "tenant_staff" }),
      ],
    });
    const owner = await t.signIn(OWNER);
    expect((await t.trpc("query", "tenant.overview", undefined, owner)).status).toBe(403);
  });

  it("should show the portal a business's public name and hide unknown ones", async () => {
    const found = await t.trpc("query", "portal.business", { slug: "green-lawn" });
    expect(found.data).toEqual({ name: "Green Lawn Co", slug: "green-lawn", industry: "lawn-care" });
    const missing = await t.trpc("query", "portal.business", { slug: "no-such-business" });
    expect(missing.status).toBe(404);
    expect((await t.trpc("query", "portal.business", { slug: "Bad Slug!" })).status).toBe(400);
  });
});

describe("HTTP edges", () => {
  it("should answer 404 for unknown routes and procedures", async () => {
    expect((await t.app.request("/nope")).status).toBe(404);
    expect((await t.trpc("query", "admin.nothing")).status).toBe(404);
  });

  it("should show a browser a styled landing page at / that makes no claims, with the ways in", async () => {
    const res = await t.app.request("/", { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<style>[^<]*font:[^<]*<\/style>/);
    expect(html).toContain('href="/app/"');
    expect(html).toContain('href="/admin/"');
    // Only what exists: no slogans, no bookings, loyalty points or customer history.
    for (const claim of [/operating system/i, /booking/i, /points/i, /history/i, /profile/i]) {
      expect(html).not.toMatch(claim);
    }
  });

  it("should show a browser a styled 404 page for an unknown path, and keep JSON for API clients", async () => {
    const browser = await t.app.request("/no-such-page?x=1", {
      headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
    });
    expect(browser.status).toBe(404);
    expect(browser.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await browser.text();
    expect(html).toContain("<title>Page not found · ServicePro</title>");
    expect(html).toContain("<code>/no-such-page</code>");
    expect(html).toContain('<a class="button" href="/">');
    expect(html).toContain("<style>");
    // What the path says is shown as text, never as markup.
    const hostile = await t.app.request("/%3Cscript%3Ealert(1)%3C%2Fscript%3E", { headers: { accept: "text/html" } });
    expect(await hostile.text()).not.toContain("<script>");

    for (const [path, accept] of [
      ["/no-such-page", "application/json"],
      ["/no-such-page", undefined],
      ["/trpc/admin.nothing", "text/html"],
      ["/twilio/nothing", "text/html"],
    ] as const) {
      const res = await t.app.request(path, accept ? { headers: { accept } } : {});
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), `${path} (${accept})`).toMatch(/^application\/json/);
    }
  });

  it("should refuse cross-site and form-encoded tRPC requests before they run (CSRF)", async () => {
    const cookie = await t.signIn(GREEN_LAWN_ADMIN);
    const form = await t.app.request("/trpc/auth.logout", {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(form.status).toBe(415);
    const text = await t.app.request("/trpc/auth.logout", {
      method: "POST",
      headers: { cookie, "content-type": "text/plain" },
      body: "{}",
    });
    expect(text.status).toBe(415);
    const evil = await t.app.request("/trpc/auth.logout", {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/json",
        origin: "https://evil.test",
        "sec-fetch-site": "cross-site",
      },
    });
    expect(evil.status).toBe(403);
    // None of them signed the user out.
    expect((await t.trpc("query", "auth.context", undefined, cookie)).data).toMatchObject({ tenantId: "green-lawn" });
    const sameOrigin = await t.app.request("/trpc/auth.context", {
      headers: { cookie, origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(200);
  });

  it("should refuse oversized bodies with 413", async () => {
    const res = await t.app.request("/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@b.co", password: "x".repeat(300_000) }),
    });
    expect(res.status).toBe(413);
  });
});

describe("sign-in throttling", () => {
  // app.request has no socket: the harness gives each request the address a socket would.
  const attacker = { ip: "203.0.113.66" };
  const realUser = { ip: "198.51.100.66" };

  it("should answer the 11th attempt from one address for one account with 429 and Retry-After, even with the right password", async () => {
    for (let i = 0; i < 10; i++) {
      const attempt = { email: GREEN_LAWN_STAFF.email, password: `guess-${i}` };
      expect((await t.trpc("mutation", "auth.login", attempt, undefined, attacker)).status).toBe(401);
    }
    const blocked = await t.trpc("mutation", "auth.login", GREEN_LAWN_STAFF, undefined, attacker);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.retryAfter);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(blocked.error?.message).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(blocked.error?.data).toMatchObject({ cause: { code: "RATE_LIMITED", retryAfterSeconds: retryAfter } });
    expect(blocked.setCookie).toBeNull();
  });

  it("should let the real user in from their own address, and other accounts from the attacker's", async () => {
    const own = await t.trpc("mutation", "auth.login", GREEN_LAWN_STAFF, undefined, realUser);
    expect(own.status).toBe(200);
    expect(own.retryAfter).toBeNull();
    expect((await t.trpc("mutation", "auth.login", GREEN_LAWN_ADMIN, undefined, attacker)).status).toBe(200);
    // The attacker's address stays locked out of that account.
    expect((await t.trpc("mutation", "auth.login", GREEN_LAWN_STAFF, undefined, attacker)).status).toBe(429);
  });
});
