// Every procedure × every kind of caller, over HTTP: the expected answer is derived from the
// procedure's declared access class and the identity package's access matrix, and compared with
// what the server really answers. A procedure whose middleware does not enforce its declared
// class fails here. Also checks that no log line carries a password or a session token.
import { Writable } from "node:stream";
import { appRouter, type FeatureKey, hasFeature } from "@servicepro/api";
import { platformDb } from "@servicepro/db";
import { defaultEngine } from "@servicepro/db/testing";
import { type AccessClass, decideAccess, type Principal } from "@servicepro/identity";
import { PLAN_TIERS, type PlanTier } from "@servicepro/tenancy";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GREEN_LAWN_ADMIN, GREEN_LAWN_STAFF, OWNER, startTestApp, type TestApp } from "./harness.ts";
import { GATE_SAMPLE_INPUTS, OUTCOME_OVERRIDES, REPEAT_OUTCOMES, SAMPLE_INPUTS } from "./procedure-samples.ts";

type ProcedureDef = {
  _def: {
    meta?: {
      access?: AccessClass;
      feature?: FeatureKey;
      targetFeatures?: readonly FeatureKey[];
      impersonationExit?: boolean;
      sensitive?: string;
    };
    type: "query" | "mutation" | "subscription";
  };
};
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

// Procedures that end or replace the caller's session: each call gets a session of its own.
const SESSION_CHANGING = new Set(["auth.logout", "admin.impersonate.start", "admin.impersonate.stop"]);

// The demo business every tenant caller works in is on the Pro plan: gated procedures follow it.
const CALLER_PLAN = { planTier: "pro" };

const signInAs = (credentials: { email: string; password: string }) => () => t.signIn(credentials);

/** The owner "logged in as" Green Lawn Co: signs in, starts the impersonation, returns the rotated cookie. */
async function ownerImpersonating(): Promise<string> {
  const res = await t.trpc(
    "mutation",
    "admin.impersonate.start",
    { tenantId: "green-lawn", reason: "Access matrix: owner impersonating" },
    await t.signIn(OWNER),
  );
  if (res.status !== 200 || !res.setCookie)
    throw new Error(`impersonation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.setCookie.split(";")[0]!;
}

const callers: { name: string; principal: Principal; session?: () => Promise<string> }[] = [
  { name: "anonymous", principal: { kind: "anonymous" } },
  {
    name: "owner",
    principal: { kind: "staff", userId: "owner", role: "platform_owner", tenantId: null },
    session: signInAs(OWNER),
  },
  {
    name: "tenant admin",
    principal: { kind: "staff", userId: "admin", role: "tenant_admin", tenantId: "green-lawn" },
    session: signInAs(GREEN_LAWN_ADMIN),
  },
  {
    name: "tenant staff",
    principal: { kind: "staff", userId: "staff", role: "tenant_staff", tenantId: "green-lawn" },
    session: signInAs(GREEN_LAWN_STAFF),
  },
  {
    name: "owner impersonating",
    principal: { kind: "impersonator", userId: "owner", tenantId: "green-lawn" },
    session: ownerImpersonating,
  },
];

let t: TestApp;
/** Procedures an allowed caller has already called successfully (see REPEAT_OUTCOMES). */
const succeeded = new Set<string>();
const logLines: string[] = [];

beforeAll(async () => {
  // Logging at the most verbose level into memory, for the secrets check.
  const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
  t = await startTestApp(defaultEngine(), { logger: pino({ level: "trace" }, sink) });
});
afterAll(() => t?.close());

describe.each(callers)("as $name", ({ principal, session }) => {
  let cookie: string | undefined;
  beforeAll(async () => {
    cookie = await session?.();
  });

  it.each(procedures)("%s answers as its access class says", async (path, procedure) => {
    const meta = procedure._def.meta!;
    const decision = decideAccess(meta.access!, principal, meta);
    const lacksFeature =
      meta.feature !== undefined && principal.kind !== "anonymous" && !hasFeature(CALLER_PLAN, meta.feature);
    // The impersonation deny list (meta.sensitive) applies whatever the access class, public ones included.
    const denied = meta.sensitive !== undefined && principal.kind === "impersonator";
    const expected =
      decision === "unauthenticated"
        ? 401
        : decision === "forbidden" || lacksFeature || denied
          ? 403
          : ((succeeded.has(path) ? REPEAT_OUTCOMES[path] : undefined) ?? OUTCOME_OVERRIDES[path] ?? 200);
    const callerCookie = SESSION_CHANGING.has(path) ? await session?.() : cookie;
    if (procedure._def.type === "subscription") {
      expect(await subscriptionStatus(path, callerCookie)).toBe(expected);
      return;
    }
    const res = await t.trpc(
      procedure._def.type === "mutation" ? "mutation" : "query",
      path,
      SAMPLE_INPUTS[path],
      callerCookie,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(expected);
    if (res.status === 200) succeeded.add(path);
  });
});

/**
 * A subscription answers over Server-Sent Events: always HTTP 200, with a refusal sent as a
 * `serialized-error` event right after `connected`. An allowed caller instead receives the events
 * published for its business, so we publish (until one arrives: the listener attaches just after
 * `connected`) and read the status from what comes back.
 */
async function subscriptionStatus(path: string, cookie: string | undefined): Promise<number> {
  const controller = new AbortController();
  const res = await t.app.request(`/trpc/${path}`, { headers: cookie ? { cookie } : {}, signal: controller.signal });
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const publisher = setInterval(
    () => t.messaging.events.publish({ type: "call", tenantId: "green-lawn", callId: "access-matrix" }),
    20,
  );
  try {
    let buffered = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`${path}: the event stream ended without an answer`);
      buffered += value;
      const error = /event: serialized-error\ndata: (.*)\n/.exec(buffered);
      if (error) return (JSON.parse(error[1]!) as { data: { httpStatus: number } }).data.httpStatus;
      if (/(^|\n)data: \{"type":"call"/.test(buffered)) return 200;
    }
  } finally {
    clearInterval(publisher);
    controller.abort();
    await reader.cancel().catch(() => {});
  }
}

/**
 * Plan gates, from the meta: every procedure that declares a feature (its caller's plan,
 * `feature`, or the plan of the business it acts on, `targetFeatures`) × every tier. A tier that
 * lacks a declared feature gets 403 PLAN_FEATURE_REQUIRED naming one it lacks; a tier with all of
 * them is not refused by the plan, whatever else the call answers. A new gated procedure joins
 * these rows by declaring its feature; its gate sample (procedure-samples.ts) must ask for it.
 */
describe("plan gates", () => {
  const gated = procedures.filter(([, p]) => p._def.meta?.feature || p._def.meta?.targetFeatures?.length);
  const setTier = (planTier: PlanTier) =>
    platformDb(t.db, { actorUserId: null, purpose: "test: plan gates" }).run((tx) =>
      tx.tenant.update({ where: { id: "green-lawn" }, data: { planTier } }),
    );
  afterAll(() => setTier("pro"));

  it("should gate the features that exist today", () => {
    const declared = gated.flatMap(([path, p]) =>
      [p._def.meta!.feature, ...(p._def.meta!.targetFeatures ?? [])].filter(Boolean).map((f) => `${path}:${f}`),
    );
    expect(declared).toEqual(
      expect.arrayContaining([
        "admin.phoneNumbers.assign:dedicatedNumber",
        "admin.phoneNumbers.update:aiVoiceAgent",
        "admin.concierge.provision:dedicatedNumber",
        "admin.concierge.provision:aiVoiceAgent",
      ]),
    );
  });

  const cells = gated.flatMap(([path, p]) => PLAN_TIERS.map((tier) => [path, tier, p] as const));
  it.each(cells)("%s on %s", async (path, tier, procedure) => {
    const meta = procedure._def.meta!;
    const features = meta.feature ? [meta.feature] : [...meta.targetFeatures!];
    await setTier(tier);
    const sample = GATE_SAMPLE_INPUTS[path] ?? SAMPLE_INPUTS[path];
    const input = sample && typeof sample === "object" && "planTier" in sample ? { ...sample, planTier: tier } : sample;
    // The signed-in tenant's own plan for tenant procedures; the platform owner for owner procedures.
    const cookie = await t.signIn(meta.access === "owner" ? OWNER : GREEN_LAWN_ADMIN);
    const res = await t.trpc(procedure._def.type === "mutation" ? "mutation" : "query", path, input, cookie);
    const lacking = features.filter((feature) => !hasFeature({ planTier: tier }, feature));
    const cause = (res.error?.data as { cause?: { code?: string; feature?: FeatureKey } } | undefined)?.cause;
    if (lacking.length > 0) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(cause?.code).toBe("PLAN_FEATURE_REQUIRED");
      expect(lacking).toContain(cause?.feature);
      expect(res.error?.message).toMatch(/plan/);
    } else {
      expect(cause?.code, JSON.stringify(res.body)).not.toBe("PLAN_FEATURE_REQUIRED");
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    }
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
