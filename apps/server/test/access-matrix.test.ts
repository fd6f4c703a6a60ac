// Every procedure × every kind of caller, over HTTP: the expected answer is derived from the
// procedure's declared access class and the identity package's access matrix, and compared with
// what the server really answers. A procedure whose middleware does not enforce its declared
// class fails here. Also checks that no log line carries a password or a session token.
import { Writable } from "node:stream";
import { appRouter, type FeatureKey, hasFeature } from "@servicepro/api";
import { defaultEngine } from "@servicepro/db/testing";
import { type AccessClass, decideAccess, type Principal } from "@servicepro/identity";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GREEN_LAWN_ADMIN, GREEN_LAWN_STAFF, OWNER, startTestApp, type TestApp } from "./harness.ts";

type ProcedureDef = {
  _def: {
    meta?: { access?: AccessClass; feature?: FeatureKey; impersonationExit?: boolean; sensitive?: string };
    type: "query" | "mutation" | "subscription";
  };
};
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

const CONCIERGE_SETUP = {
  businessName: "Access Matrix Lawns",
  slug: "access-matrix-lawns",
  timezone: "America/Chicago",
  owner: { name: "Ada Matrix", email: "ada@access-matrix.example", phone: "+15125550190" },
  packId: "lawn-care",
  planTier: "pro",
  phoneNumber: "+15555550178",
};

/** A valid input for each procedure that takes one, so only access decides the outcome. */
const SAMPLE_INPUTS: Record<string, unknown> = {
  "auth.login": { email: "nobody@servicepro.test", password: "irrelevant-password" },
  "portal.business": { slug: "green-lawn" },
  // Telephony screens. assign → update → release run in this order (router order) on a number of their own.
  "admin.phoneNumbers.list": { tenantId: "green-lawn" },
  "admin.phoneNumbers.assign": { tenantId: "green-lawn", phoneNumber: "+15555550177" },
  "admin.phoneNumbers.update": { phoneNumber: "+15555550177", greeting: "Thanks for calling Green Lawn Co." },
  "admin.phoneNumbers.release": { phoneNumber: "+15555550177" },
  "admin.telephony.markReviewed": { id: "00000000-0000-4000-8000-000000000000" },
  "tenant.inbox.thread": { conversationId: "00000000-0000-4000-8000-000000000000" },
  "tenant.inbox.reply": {
    conversationId: "00000000-0000-4000-8000-000000000000",
    body: "Access matrix",
    idempotencyKey: "00000000-0000-4000-8000-000000000001",
  },
  "admin.tenants.updatePlan": { tenantId: "green-lawn", planTier: "pro", status: "active" },
  "admin.impersonate.start": { tenantId: "green-lawn", reason: "Access matrix check" },
  // Integrations & keys: the readiness list of a business that exists.
  "admin.integrations.tenantReadiness": { tenantId: "green-lawn" },
  // What the business sells and its pack. Green Lawn Co was not set up from a pack, and the ids exist nowhere.
  "tenant.catalog.createService": {
    name: "Access matrix service",
    durationMinutes: 30,
    price: { type: "fixed", cents: 2500 },
  },
  "tenant.catalog.updateService": { id: "00000000-0000-4000-8000-000000000000", name: "Access matrix" },
  "tenant.catalog.archiveService": { id: "00000000-0000-4000-8000-000000000000" },
  "tenant.catalog.updateAddOn": { id: "00000000-0000-4000-8000-000000000000", priceCents: 1000 },
  "tenant.catalog.createFaq": { question: "Access matrix question?", answer: "Access matrix answer." },
  "tenant.catalog.updateFaq": { id: "00000000-0000-4000-8000-000000000000", answer: "Access matrix" },
  "tenant.pack.applyUpgrade": { fromVersion: "1.0.0", toVersion: "1.1.0" },
  // Onboarding links: well-formed tokens no link carries.
  "onboarding.inspect": { token: "access-matrix-inspect-token-0000000000000" },
  "onboarding.complete": { token: "access-matrix-complete-token-000000000000", password: "access matrix password" },
  // Concierge set-up of a business of its own: only the owner's call gets past access, and it
  // really sets the business up (preview runs first, in router order, so it sees no clash).
  "admin.packs.get": { id: "lawn-care" },
  "admin.concierge.checkSlug": { slug: "access-matrix-slug" },
  "admin.concierge.searchNumbers": { areaCode: "512" },
  "admin.concierge.preview": CONCIERGE_SETUP,
  "admin.concierge.provision": { idempotencyKey: "00000000-0000-4000-8000-00000000c0c1", ...CONCIERGE_SETUP },
};

// Procedures whose success is not "200" for a caller who may call them (they are about credentials).
// Those given an id that exists nowhere answer "not found" once access is granted.
const OUTCOME_OVERRIDES: Record<string, number> = {
  "auth.login": 401,
  "admin.telephony.markReviewed": 404,
  "tenant.inbox.thread": 404,
  "tenant.inbox.reply": 404,
  "tenant.catalog.updateService": 404,
  "tenant.catalog.archiveService": 404,
  "tenant.catalog.updateAddOn": 404,
  "tenant.catalog.updateFaq": 404,
  "tenant.pack.applyUpgrade": 412,
  "onboarding.inspect": 404,
  "onboarding.complete": 404,
};

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
          : (OUTCOME_OVERRIDES[path] ?? 200);
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
