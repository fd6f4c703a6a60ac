// Every procedure × every kind of caller, over HTTP: the expected answer is derived from the
// procedure's declared access class and the identity package's access matrix, and compared with
// what the server really answers. A procedure whose middleware does not enforce its declared
// class fails here. Also checks that no log line carries a password or a session token.
import { Writable } from "node:stream";
import { appRouter } from "@servicepro/api";
import { defaultEngine } from "@servicepro/db/testing";
import { decideAccess, type AccessClass, type Principal } from "@servicepro/identity";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GREEN_LAWN_ADMIN, GREEN_LAWN_STAFF, OWNER, startTestApp, type TestApp } from "./harness.ts";

type ProcedureDef = { _def: { meta?: { access?: AccessClass }; type: "query" | "mutation" | "subscription" } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

/** A valid input for each procedure that takes one, so only access decides the outcome. */
const SAMPLE_INPUTS: Record<string, unknown> = {
  "auth.login": { email: "nobody@servicepro.test", password: "irrelevant-password" },
  "portal.business": { slug: "green-lawn" },
};

// Procedures whose success is not "200" for a caller who may call them (they are about credentials).
const OUTCOME_OVERRIDES: Record<string, number> = { "auth.login": 401 };

const callers: { name: string; principal: Principal; credentials?: { email: string; password: string } }[] = [
  { name: "anonymous", principal: { kind: "anonymous" } },
  { name: "owner", principal: { kind: "staff", userId: "owner", role: "platform_owner", tenantId: null }, credentials: OWNER },
  { name: "tenant admin", principal: { kind: "staff", userId: "admin", role: "tenant_admin", tenantId: "green-lawn" }, credentials: GREEN_LAWN_ADMIN },
  { name: "tenant staff", principal: { kind: "staff", userId: "staff", role: "tenant_staff", tenantId: "green-lawn" }, credentials: GREEN_LAWN_STAFF },
];

let t: TestApp;
const logLines: string[] = [];

beforeAll(async () => {
  // Logging at the most verbose level into memory, for the secrets check.
  const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
  t = await startTestApp(defaultEngine(), { logger: pino({ level: "trace" }, sink) });
});
afterAll(() => t?.close());

describe.each(callers)("as $name", ({ principal, credentials }) => {
  let cookie: string | undefined;
  beforeAll(async () => {
    cookie = credentials ? await t.signIn(credentials) : undefined;
  });

  it.each(procedures.filter(([path]) => path !== "auth.logout"))("%s answers as its access class says", async (path, procedure) => {
    const access = procedure._def.meta!.access!;
    const decision = decideAccess(access, principal);
    const expected = decision === "unauthenticated" ? 401 : decision === "forbidden" ? 403 : (OUTCOME_OVERRIDES[path] ?? 200);
    const res = await t.trpc(procedure._def.type === "mutation" ? "mutation" : "query", path, SAMPLE_INPUTS[path], cookie);
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
  });
});

describe("logs", () => {
  it("should never contain a password or a session token", async () => {
    const res = await t.trpc("mutation", "auth.login", OWNER);
    const token = res.setCookie!.split(";")[0]!.split("=")[1]!;
    await t.trpc("query", "admin.tenants.list", undefined, `sp_session=${token}`);
    await t.trpc("mutation", "auth.logout", undefined, `sp_session=${token}`);
    await t.trpc("mutation", "auth.login", { email: OWNER.email, password: "a-wrong-password-123" });
    const all = logLines.join("");
    expect(logLines.length).toBeGreaterThan(3);
    for (const secret of [OWNER.password, "a-wrong-password-123", token, GREEN_LAWN_ADMIN.password]) {
      expect(all).not.toContain(secret);
    }
  });
});
