// Sign-in throttling (identity/login-throttle.ts over the shared PostgreSQL limits): failures count
// per account from one address, per address across accounts, and per account across addresses, in
// the database, so guessing from one address never locks the real user out on theirs, and every
// server process sees the same counts. On PGlite, and on PostgreSQL with TEST_DATABASE_URL.

import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { AppError } from "@servicepro/errors";
import { LOGIN_THROTTLE, type LoginThrottlePolicy } from "@servicepro/identity";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/context.ts";
import { createLoginThrottle } from "../src/identity/login-throttle.ts";
import { hashPassword } from "../src/identity/passwords.ts";
import { apiDeps, callerWith, createBusiness, member } from "./catalog-fixtures.ts";

const PASSWORD = "correct horse battery staple";
const WINDOW_SECONDS = LOGIN_THROTTLE.windowMs / 1000;

/** The refusal a sign-in attempt ended with (the test fails if it succeeded). */
async function refusal(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe.each(testEngines())("sign-in throttling on %s", (engine) => {
  let db: TestDatabase;
  let deps: ApiDeps;
  let passwordHash: string;

  const signIn = (email: string, ip: string, password = PASSWORD, on: ApiDeps = deps) =>
    callerWith(on, undefined, ip).api.auth.login({ email, password });
  /** `count` wrong passwords for `email` from `ip`, each refused as a wrong password (401), not a throttle. */
  const failTimes = async (count: number, email: string, ip: string, on: ApiDeps = deps) => {
    for (let i = 0; i < count; i++)
      expect((await refusal(signIn(email, ip, `wrong guess ${i}`, on))).code).toBe("UNAUTHORIZED");
  };
  const staff = async () => (await member(db, "throttle-co", "tenant_staff", passwordHash)).email;

  beforeAll(async () => {
    db = await createTestDatabase(engine, { poolSize: 4 });
    deps = apiDeps(db);
    passwordHash = await hashPassword(PASSWORD);
    await createBusiness(db, "throttle-co");
  });
  afterAll(() => db?.drop());

  it("should refuse the 11th attempt from one address for one account, even with the right password", async () => {
    const email = await staff();
    await failTimes(LOGIN_THROTTLE.maxFailuresPerAccountAndAddress, email, "203.0.113.1");
    const refused = await refusal(signIn(email, "203.0.113.1"));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(refused.cause).toBeInstanceOf(AppError);
    const reason = (refused.cause as AppError).reason as { code: string; retryAfterSeconds: number };
    expect(reason.code).toBe("RATE_LIMITED");
    expect(reason.retryAfterSeconds).toBeGreaterThan(WINDOW_SECONDS - 60);
    expect(reason.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_SECONDS);
  });

  it("should not lock out the user on address B when someone guesses from address A", async () => {
    const email = await staff();
    await failTimes(LOGIN_THROTTLE.maxFailuresPerAccountAndAddress, email, "203.0.113.2");
    expect((await refusal(signIn(email, "203.0.113.2"))).code).toBe("TOO_MANY_REQUESTS");
    expect((await signIn(email, "198.51.100.2")).user?.email).toBe(email);
    // Still refused on A: B's success clears only B's failures.
    expect((await refusal(signIn(email, "203.0.113.2"))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("should forget an address's failures for the account once the right password gets in", async () => {
    const email = await staff();
    const limit = LOGIN_THROTTLE.maxFailuresPerAccountAndAddress;
    await failTimes(limit - 1, email, "203.0.113.3");
    expect((await signIn(email, "203.0.113.3")).user?.email).toBe(email);
    // A fresh allowance: without the reset, the second of these would already be refused.
    await failTimes(limit - 1, email, "203.0.113.3");
    expect((await signIn(email, "203.0.113.3")).user?.email).toBe(email);
  });

  it("should share the counts between two API instances over one database", async () => {
    const email = await staff();
    const other = apiDeps(db);
    const half = LOGIN_THROTTLE.maxFailuresPerAccountAndAddress / 2;
    await failTimes(half, email, "203.0.113.4", deps);
    await failTimes(half, email, "203.0.113.4", other);
    expect((await refusal(signIn(email, "203.0.113.4", PASSWORD, deps))).code).toBe("TOO_MANY_REQUESTS");
    expect((await refusal(signIn(email, "203.0.113.4", PASSWORD, other))).code).toBe("TOO_MANY_REQUESTS");
  });

  it("should let exactly 10 of 30 simultaneous wrong passwords from one address be tried", async () => {
    const email = await staff();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => refusal(signIn(email, "203.0.113.6", `wrong guess ${i}`))),
    );
    const codes = answers.map((error) => error.code);
    expect(codes.filter((code) => code === "UNAUTHORIZED")).toHaveLength(
      LOGIN_THROTTLE.maxFailuresPerAccountAndAddress,
    );
    expect(codes.filter((code) => code === "TOO_MANY_REQUESTS")).toHaveLength(
      30 - LOGIN_THROTTLE.maxFailuresPerAccountAndAddress,
    );
    expect((await signIn(email, "198.51.100.6")).user?.email).toBe(email);
  });

  it("should refuse an address that tries many accounts, and only that address", async () => {
    const ip = "203.0.113.5";
    for (let i = 0; i < LOGIN_THROTTLE.maxFailuresPerAddress; i++)
      expect((await refusal(signIn(`nobody-${i}@example.test`, ip, "guess"))).code).toBe("UNAUTHORIZED");
    const email = await staff();
    // An account this address never tried before: refused by the address's own limit.
    expect((await refusal(signIn(email, ip))).code).toBe("TOO_MANY_REQUESTS");
    expect((await signIn(email, "198.51.100.5")).user?.email).toBe(email);
  });
});

describe.each(testEngines())("the login throttle's three limits on %s", (engine) => {
  let db: TestDatabase;
  // Small numbers, same shape: the API tests above use the real policy.
  const policy: LoginThrottlePolicy = {
    windowMs: 60_000,
    maxFailuresPerAccountAndAddress: 2,
    maxFailuresPerAddress: 4,
    maxFailuresPerAccount: 5,
  };
  beforeAll(async () => {
    db = await createTestDatabase(engine, { poolSize: 4 });
  });
  afterAll(() => db?.drop());

  it("should lock an account everywhere only once guesses from many addresses pass the last-resort limit", async () => {
    const throttle = createLoginThrottle(db, policy);
    const account = "spread@example.test";
    for (const ip of ["10.0.0.1", "10.0.0.2"]) {
      expect(await throttle.attempt(account, ip)).toMatchObject({ allowed: true });
      expect(await throttle.attempt(account, ip)).toMatchObject({ allowed: true });
    }
    expect(await throttle.check(account, "10.0.0.9")).toMatchObject({ allowed: true });
    expect(await throttle.attempt(account, "10.0.0.3")).toMatchObject({ allowed: true });
    const locked = await throttle.attempt(account, "10.0.0.9");
    expect(locked).toMatchObject({ allowed: false });
    expect(locked.allowed === false && locked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("should never count refused attempts against the account's limit across addresses", async () => {
    const throttle = createLoginThrottle(db, policy);
    const account = "hammered@example.test";
    await throttle.attempt(account, "10.0.2.1");
    await throttle.attempt(account, "10.0.2.1");
    // An attacker hammering the pair they locked, many at once: all refused, none counted elsewhere.
    const hammering = await Promise.all(Array.from({ length: 20 }, () => throttle.attempt(account, "10.0.2.1")));
    expect(hammering.every((v) => !v.allowed)).toBe(true);
    // The account has 2 failures, not 22: the real user on their address still has their 3 before the last resort.
    for (let i = 0; i < 2; i++) expect(await throttle.attempt(account, "10.0.2.2")).toMatchObject({ allowed: true });
    expect(await throttle.attempt(account, "10.0.2.3")).toMatchObject({ allowed: true });
    expect(await throttle.attempt(account, "10.0.2.4")).toMatchObject({ allowed: false });
  });

  it("should let exactly the limit through when attempts arrive at once", async () => {
    const throttle = createLoginThrottle(db, policy);
    const verdicts = await Promise.all(
      Array.from({ length: 12 }, () => throttle.attempt("race@example.test", "10.0.3.1")),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(policy.maxFailuresPerAccountAndAddress);
    expect(await throttle.check("race@example.test", "10.0.3.1")).toMatchObject({ allowed: false });
  });

  it("should give back a successful attempt's points and forget the address's failures for the account", async () => {
    const throttle = createLoginThrottle(db, policy);
    const allowed = async (account: string, ip: string) => (await throttle.attempt(account, ip)).allowed;
    /** A wrong password, then the right one: 1 failure left on the address and the account, 0 on the pair. */
    const wrongThenRight = async (account: string, ip: string) => {
      expect(await allowed(account, ip)).toBe(true);
      expect(await allowed(account, ip)).toBe(true);
      await throttle.succeeded(account, ip);
    };
    // The pair starts over: its 2 again (without the reset, both refused).
    await wrongThenRight("a1@example.test", "10.0.4.1");
    expect([await allowed("a1@example.test", "10.0.4.1"), await allowed("a1@example.test", "10.0.4.1")]).toEqual([
      true,
      true,
    ]);
    // The address keeps 1 of its 4: 3 more accounts from it (without the refund, 2).
    await wrongThenRight("a2@example.test", "10.0.5.1");
    const others = [];
    for (const other of ["o1", "o2", "o3", "o4"]) others.push(await allowed(`${other}@example.test`, "10.0.5.1"));
    expect(others).toEqual([true, true, true, false]);
    // The account keeps 1 of its 5: 4 more from other addresses (without the refund, 3).
    await wrongThenRight("a3@example.test", "10.0.6.1");
    const spread = [];
    for (const ip of ["10.0.6.2", "10.0.6.2", "10.0.6.3", "10.0.6.3", "10.0.6.4"])
      spread.push(await allowed("a3@example.test", ip));
    expect(spread).toEqual([true, true, true, true, false]);
  });

  it("should count a request without a known address as one address, not skip its limits", async () => {
    const throttle = createLoginThrottle(db, policy);
    await throttle.recordFailure("a@example.test", undefined);
    await throttle.recordFailure("a@example.test", undefined);
    expect(await throttle.check("a@example.test", undefined)).toMatchObject({ allowed: false });
    expect(await throttle.check("a@example.test", "10.0.1.1")).toMatchObject({ allowed: true });
  });

  it("should keep account and address apart in the pair key", async () => {
    const throttle = createLoginThrottle(db, policy);
    await throttle.recordFailure("x|y", "z");
    await throttle.recordFailure("x|y", "z");
    expect(await throttle.check("x|y", "z")).toMatchObject({ allowed: false });
    expect(await throttle.check("x", "y|z")).toMatchObject({ allowed: true });
  });

  it("should keep the default policy's promise: one address alone can never lock an account everywhere", () => {
    expect(LOGIN_THROTTLE.maxFailuresPerAccountAndAddress).toBeLessThan(LOGIN_THROTTLE.maxFailuresPerAccount);
    expect(LOGIN_THROTTLE.maxFailuresPerAccountAndAddress).toBeLessThanOrEqual(LOGIN_THROTTLE.maxFailuresPerAddress);
    expect(LOGIN_THROTTLE.maxFailuresPerAccount).toBeLessThanOrEqual(100); // NIST 800-63B §5.2.2
  });
});
