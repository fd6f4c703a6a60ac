// Onboarding links (onboarding.*) and the first-run checklist (tenant.onboarding.checklist): a link
// opens one owner's account, once, for 72 hours by the API's clock; setting the password signs them
// in like sign-in does; nothing else can sign in with the placeholder password. PGlite and PostgreSQL.
import { randomBytes } from "node:crypto";
import { UNUSABLE_PASSWORD_HASH } from "@servicepro/concierge";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { getPack } from "@servicepro/industry-packs";
import { onboardingTokenHash as tokenIdOf } from "@servicepro/provisioning";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { verifyPassword } from "../src/identity/passwords.ts";
import {
  apiDeps,
  callerWith,
  createBusiness,
  installPack,
  invitedOwner,
  member,
  platform,
} from "./catalog-fixtures.ts";

const PASSWORD = "correct horse battery staple";
const SET_UP_AT = new Date("2026-11-22T15:00:00Z");

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

/** The sentence a person sees: over HTTP the error formatter joins validation messages the same way. */
const sentence = (error: TRPCError) =>
  error.cause instanceof ZodError ? error.cause.issues.map((issue) => issue.message).join(" ") : error.message;

describe.each(testEngines())("onboarding links on %s", (engine) => {
  let db: TestDatabase;
  let now = SET_UP_AT;
  let deps: ReturnType<typeof apiDeps>;
  const anonymous = (ip?: string) => callerWith(deps, undefined, ip);
  const tokenRow = (token: string) =>
    platform(db).run((tx) => tx.onboardingToken.findUniqueOrThrow({ where: { id: tokenIdOf(token) } }));

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    deps = apiDeps(db, () => now);
    await createBusiness(db, "fresh-cuts", { name: "Fresh Cuts Lawn", timezone: "America/Chicago" });
    await installPack(db, "fresh-cuts", getPack("lawn-care")!);
  });
  afterAll(() => db?.drop());

  it("should never sign anyone in with the placeholder password set-up gives a new owner", async () => {
    const owner = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT });
    for (const hash of [UNUSABLE_PASSWORD_HASH, "", "!", "$argon2id$v=19$m=19456,t=2,p=1$broken"]) {
      for (const attempt of ["", UNUSABLE_PASSWORD_HASH, "!onboarding-pending ", PASSWORD])
        expect(await verifyPassword(hash, attempt)).toBe(false);
    }
    const signIn = await failure(anonymous().api.auth.login({ email: owner.email, password: UNUSABLE_PASSWORD_HASH }));
    expect(signIn).toMatchObject({ code: "UNAUTHORIZED", message: "Email or password is incorrect." });
  });

  it("should show whose account a link opens", async () => {
    const owner = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT, name: "Priya Patel" });
    const link = await anonymous().api.onboarding.inspect({ token: owner.token });
    expect(link).toEqual({
      businessName: "Fresh Cuts Lawn",
      ownerName: "Priya Patel",
      ownerEmail: owner.email,
      expiresAt: "2026-11-25T15:00:00.000Z",
    });
  });

  it("should refuse a weak password and leave the link unused", async () => {
    const owner = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT });
    for (const [password, message] of [
      ["short", "Use at least 12 characters."],
      ["aaaaaaaaaaaaaaaa", "Use a less repetitive password."],
    ] as const) {
      const error = await failure(anonymous().api.onboarding.complete({ token: owner.token, password }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(sentence(error)).toBe(message);
    }
    expect((await tokenRow(owner.token)).usedAt).toBeNull();
  });

  it("should set the password, use up the link and sign the owner in with a session cookie", async () => {
    const owner = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT, name: "Dana Diaz" });
    const spare = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT });
    const { api, cookies } = anonymous();
    const context = await api.onboarding.complete({ token: owner.token, password: PASSWORD });
    expect(context).toMatchObject({
      user: { id: owner.userId, name: "Dana Diaz", email: owner.email },
      role: "tenant_admin",
      tenantId: "fresh-cuts",
      tenantName: "Fresh Cuts Lawn",
      impersonationStartedAt: null,
    });
    expect(cookies.set).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    // The cookie is a real session in the business; the password works for sign-in from now on.
    const signedIn = callerWith(deps, cookies.set).api;
    expect(await signedIn.auth.context()).toMatchObject({ user: { email: owner.email }, tenantId: "fresh-cuts" });
    expect((await signedIn.tenant.onboarding.checklist()).items[0]).toMatchObject({ id: "password", done: true });
    const login = anonymous();
    await login.api.auth.login({ email: owner.email, password: PASSWORD });
    expect(login.cookies.set).toBeDefined();

    const row = await tokenRow(owner.token);
    expect(row.usedAt).toEqual(SET_UP_AT);
    const user = await platform(db).run((tx) => tx.user.findUniqueOrThrow({ where: { id: owner.userId } }));
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await platform(db).run((tx) =>
      tx.auditLog.findMany({ where: { action: "onboarding.completed", objectId: owner.userId } }),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: owner.userId, targetTenantId: "fresh-cuts", outcome: "success" });
    // A different person's link is untouched.
    expect((await tokenRow(spare.token)).usedAt).toBeNull();
  });

  it("should work once: a second use, or another open link of the same person, is refused", async () => {
    const owner = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT });
    // Set-up re-sent the link: the person now holds two.
    const resent = randomBytes(32).toString("base64url");
    await platform(db).run((tx) =>
      tx.onboardingToken.create({
        data: {
          id: tokenIdOf(resent),
          userId: owner.userId,
          tenantId: "fresh-cuts",
          expiresAt: new Date(SET_UP_AT.getTime() + 72 * 3_600_000),
        },
      }),
    );
    await anonymous().api.onboarding.complete({ token: owner.token, password: PASSWORD });
    const used = "This link was already used. Sign in with your email and password.";
    for (const token of [owner.token, resent]) {
      expect(
        await failure(anonymous().api.onboarding.complete({ token, password: "another strong password" })),
      ).toMatchObject({ code: "CONFLICT", message: used });
      expect(await failure(anonymous().api.onboarding.inspect({ token }))).toMatchObject({
        code: "CONFLICT",
        message: used,
      });
    }
    const login = await anonymous().api.auth.login({ email: owner.email, password: PASSWORD });
    expect(login.user?.email).toBe(owner.email);
  });

  it("should let exactly one of two simultaneous submissions through", async () => {
    const owner = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT });
    const results = await Promise.allSettled([
      anonymous().api.onboarding.complete({ token: owner.token, password: "first strong password" }),
      anonymous().api.onboarding.complete({ token: owner.token, password: "second strong password" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason as TRPCError).code).toBe(
      "CONFLICT",
    );
  });

  it("should expire 72 hours after set-up, saying when in the business's time zone", async () => {
    const owner = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT });
    try {
      now = new Date(SET_UP_AT.getTime() + 72 * 3_600_000 - 60_000);
      expect((await anonymous().api.onboarding.inspect({ token: owner.token })).businessName).toBe("Fresh Cuts Lawn");
      now = new Date(SET_UP_AT.getTime() + 72 * 3_600_000);
      const expired = "This link expired on November 25, 2026 at 9:00 AM CST. Ask ServicePro for a new one.";
      expect(await failure(anonymous().api.onboarding.inspect({ token: owner.token }))).toMatchObject({
        code: "FORBIDDEN",
        message: expired,
      });
      expect(
        await failure(anonymous().api.onboarding.complete({ token: owner.token, password: PASSWORD })),
      ).toMatchObject({ code: "FORBIDDEN", message: expired });
      expect((await tokenRow(owner.token)).usedAt).toBeNull();
    } finally {
      now = SET_UP_AT;
    }
  });

  it("should not know a made-up or mangled link", async () => {
    const unknown = await failure(anonymous().api.onboarding.inspect({ token: randomBytes(32).toString("base64url") }));
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: "This link is not valid." });
    const mangled = await failure(anonymous().api.onboarding.complete({ token: "not a token!", password: PASSWORD }));
    expect(mangled.code).toBe("BAD_REQUEST");
    expect(sentence(mangled)).toBe("This link is not valid.");
  });

  it("should slow down an address that keeps trying links, like sign-in does", async () => {
    const ip = "192.0.2.99";
    for (let i = 0; i < 50; i++)
      await failure(anonymous(ip).api.onboarding.inspect({ token: randomBytes(32).toString("base64url") }));
    const owner = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT });
    const throttled = await failure(anonymous(ip).api.onboarding.complete({ token: owner.token, password: PASSWORD }));
    expect(throttled.code).toBe("TOO_MANY_REQUESTS");
    expect(throttled.message).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    // Another address is not affected.
    expect((await anonymous().api.onboarding.inspect({ token: owner.token })).businessName).toBe("Fresh Cuts Lawn");
  });

  it("should refuse to set a password while the platform owner is viewing as a business", async () => {
    const owner = await invitedOwner(db, "fresh-cuts", { createdAt: SET_UP_AT });
    const impersonating = await platform(db).run(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: `owner-${owner.userId}@servicepro.test`,
          name: "Platform owner",
          passwordHash: "x",
          isPlatformOwner: true,
        },
      });
      const token = randomBytes(32).toString("base64url");
      await tx.session.create({
        data: {
          id: tokenIdOf(token),
          userId: user.id,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + 3_600_000),
          impersonatedTenantId: "fresh-cuts",
          impersonationStartedAt: now,
          impersonationReason: "Checking set-up",
        },
      });
      return token;
    });
    const error = await failure(
      callerWith(deps, impersonating).api.onboarding.complete({ token: owner.token, password: PASSWORD }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect((await tokenRow(owner.token)).usedAt).toBeNull();
  });
});

describe.each(testEngines())("first-run checklist on %s", (engine) => {
  let db: TestDatabase;
  let deps: ReturnType<typeof apiDeps>;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    deps = apiDeps(db);
    await createBusiness(db, "new-biz");
    await installPack(db, "new-biz", getPack("lawn-care")!);
    token = (await member(db, "new-biz", "tenant_admin")).token;
  });
  afterAll(() => db?.drop());

  const checklist = () => callerWith(deps, token).api.tenant.onboarding.checklist();
  const done = async () => Object.fromEntries((await checklist()).items.map((item) => [item.id, item.done]));

  it("should start with only the password done, each item saying where to do it", async () => {
    const list = await checklist();
    expect(list.items.map((i) => i.id)).toEqual(["password", "services", "phone", "hours", "website", "team"]);
    expect(list).toMatchObject({ completed: 1, total: 6 });
    expect(list.items.find((i) => i.id === "services")).toMatchObject({ done: false, href: "/app/services" });
  });

  it("should tick items off from the business's own data", async () => {
    const api = callerWith(deps, token).api;
    const [service] = await api.tenant.catalog.services();
    await api.tenant.catalog.updateService({ id: service!.id, durationMinutes: 60 });
    await platform(db).run(async (tx) => {
      await tx.tenantPhoneConfig.create({ data: { tenantId: "new-biz", phoneNumber: "+15555550142" } });
      await tx.bookingSettings.create({ data: { tenantId: "new-biz", hours: { mon: [["08:00", "17:00"]] } } });
      await tx.websiteDraft.create({
        data: {
          tenantId: "new-biz",
          content: { headline: "Fresh lawns" },
          packId: "lawn-care",
          publishedAt: new Date(),
        },
      });
    });
    await member(db, "new-biz", "tenant_staff");
    expect(await done()).toEqual({
      password: true,
      services: true,
      phone: true,
      hours: true,
      website: true,
      team: true,
    });
    expect(await checklist()).toMatchObject({ completed: 6, total: 6 });
  });

  it("should leave the password open until the owner has used their link, whoever is looking", async () => {
    await createBusiness(db, "invited-biz");
    const owner = await invitedOwner(db, "invited-biz", { createdAt: new Date(), name: "Olivia Owner" });
    // A staff member (or the platform owner signed in as the business) has a password; the owner does not yet.
    const viewer = callerWith(deps, (await member(db, "invited-biz", "tenant_staff")).token).api;
    const before = (await viewer.tenant.onboarding.checklist()).items.find((i) => i.id === "password");
    expect(before).toMatchObject({ done: false, description: expect.stringContaining("Olivia Owner") });

    await callerWith(deps, undefined).api.onboarding.complete({ token: owner.token, password: PASSWORD });
    const after = (await viewer.tenant.onboarding.checklist()).items.find((i) => i.id === "password");
    expect(after).toMatchObject({ done: true });
  });

  it("should not count a website draft nobody can see as a prepared website", async () => {
    await createBusiness(db, "draft-biz");
    const viewer = callerWith(deps, (await member(db, "draft-biz", "tenant_admin")).token).api;
    const website = async () => (await viewer.tenant.onboarding.checklist()).items.find((i) => i.id === "website");
    expect(await website()).toMatchObject({ done: false });
    await platform(db).run((tx) =>
      tx.websiteDraft.create({
        data: { tenantId: "draft-biz", content: { headline: "Fresh lawns" }, packId: "lawn-care" },
      }),
    );
    expect(await website()).toMatchObject({ done: false, description: expect.stringContaining("not published") });
    await platform(db).run((tx) =>
      tx.websiteDraft.update({ where: { tenantId: "draft-biz" }, data: { publishedAt: new Date() } }),
    );
    expect(await website()).toMatchObject({ done: true });
  });
});
