// The customer portal over HTTP, as a browser uses it: its own cookie per business (not the staff
// session's), 429 with Retry-After from its limits, and a sign-in code that staff screens never show.
import { platformDb } from "@servicepro/db";
import { defaultEngine } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GREEN_LAWN_ADMIN, startTestApp, type TestApp } from "./harness.ts";

let t: TestApp;
let phone: string;

beforeAll(async () => {
  t = await startTestApp(defaultEngine(), { runWorker: false });
  // A demo customer of Green Lawn Co.
  const customer = await platformDb(t.db, { actorUserId: null, purpose: "test" }).run((tx) =>
    tx.customer.findFirstOrThrow({ where: { tenantId: "green-lawn" }, orderBy: { createdAt: "asc" } }),
  );
  phone = customer.phone;
});
afterAll(() => t?.close());

/** The sign-in text queued for `to` (the dev sender keeps it in the messages table). */
const lastSignInText = (to: string) =>
  platformDb(t.db, { actorUserId: null, purpose: "test" }).run((tx) =>
    tx.message.findFirstOrThrow({
      where: { tenantId: "green-lawn", toNumber: to, kind: "portal_sign_in" },
      orderBy: { createdAt: "desc" },
    }),
  );

describe("portal sign-in over HTTP", () => {
  let portalCookie: string;

  it("should set the business's own HttpOnly cookie on sign-in", async () => {
    const asked = await t.trpc("mutation", "portal.auth.requestCode", { slug: "green-lawn", phone });
    expect(asked.status).toBe(200);
    const code = (await lastSignInText(phone)).body.match(/\b(\d{6})\b/)?.[1];
    expect(code).toBeDefined();
    const verified = await t.trpc("mutation", "portal.auth.verifyCode", { slug: "green-lawn", phone, code });
    expect(verified.status).toBe(200);
    expect(verified.setCookie).toMatch(/^sp_portal_green-lawn=[\w-]{43}; /);
    expect(verified.setCookie).toMatch(/HttpOnly/);
    expect(verified.setCookie).toMatch(/SameSite=Lax/);
    expect(verified.setCookie).toMatch(/Path=\//);
    portalCookie = verified.setCookie!.split(";")[0]!;
    const me = await t.trpc("query", "portal.me", { slug: "green-lawn" }, portalCookie);
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ customer: { phone }, business: { slug: "green-lawn" } });
  });

  it("should keep staff and customer sessions apart", async () => {
    const staff = await t.signIn(GREEN_LAWN_ADMIN);
    expect((await t.trpc("query", "portal.me", { slug: "green-lawn" }, staff)).status).toBe(401);
    expect((await t.trpc("query", "tenant.overview", undefined, portalCookie)).status).toBe(401);
    // The cookie names one business: it is nobody at another.
    const elsewhere = portalCookie.replace("sp_portal_green-lawn", "sp_portal_clean-machine");
    expect((await t.trpc("query", "portal.me", { slug: "clean-machine" }, elsewhere)).status).toBe(401);
  });

  it("should answer a second code request within the cool-down with 429 and Retry-After", async () => {
    await t.trpc("mutation", "portal.auth.requestCode", { slug: "green-lawn", phone: "+15125550123" });
    const again = await t.trpc("mutation", "portal.auth.requestCode", { slug: "green-lawn", phone: "+15125550123" });
    expect(again.status).toBe(429);
    expect(Number(again.retryAfter)).toBeGreaterThan(0);
    expect(Number(again.retryAfter)).toBeLessThanOrEqual(30);
    expect(again.error?.message).toMatch(/ask for another in \d+ seconds/);
  });

  it("should never show the code to staff: the inbox shows it redacted", async () => {
    const { body } = await lastSignInText(phone);
    const code = body.match(/\b(\d{6})\b/)?.[1] ?? "no code in the text";
    const staff = await t.signIn(GREEN_LAWN_ADMIN);
    const list = await t.trpc("query", "tenant.inbox.conversations", { limit: 50 }, staff);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.data)).not.toContain(code);
    expect(JSON.stringify(list.data)).toContain("Customer portal sign-in (code or link hidden)");
  });
});
