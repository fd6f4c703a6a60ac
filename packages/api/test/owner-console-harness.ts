// The API over HTTP without the server package: tRPC's fetch adapter in front of the real router,
// on a fresh test database with the demo tenants, a platform owner and a controllable clock. Calls
// answer with the HTTP status, the formatted error (message, code, issues, cause) and the
// Set-Cookie token, so tests see exactly what a browser or curl sees.
import { platformDb, seedDemo } from "@servicepro/db";
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import type { AnyRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { type ApiDeps, createApiDeps, createContext, type Logger } from "../src/context.ts";
import { ensurePlatformOwner } from "../src/identity/owner.ts";
import { hashPassword } from "../src/identity/passwords.ts";
import { appRouter } from "../src/root.ts";

export const OWNER = { email: "owner@servicepro.test", password: "owner-password-for-tests" };
export const DEMO_PASSWORD = "demo-password-for-tests";
export const GREEN_LAWN_ADMIN = { email: "admin@greenlawn.example", password: DEMO_PASSWORD };
export const GREEN_LAWN_STAFF = { email: "crew@greenlawn.example", password: DEMO_PASSWORD };
export const USER_AGENT = "owner-console-tests/1.0";
export const CLIENT_IP = "203.0.113.7";

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {}, child: () => silent };
const COOKIE = "sp_session";

// The owner console sends no texts: any use of messaging here is a bug in the test set-up.
const messagingNotWired = new Proxy({} as ApiDeps["messaging"], {
  get: (_target, property) => {
    throw new Error(`messaging.${String(property)} is not wired in the owner-console tests`);
  },
});

export type CallResult = {
  status: number;
  data: unknown;
  error?: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      issues?: { path: unknown[]; message: string }[];
      cause?: Record<string, unknown>;
    };
  };
  /** The session token the response set ("" when it cleared the cookie), if any. */
  token: string | undefined;
};

/** A clock the test moves by hand. */
export function manualClock(start = new Date("2026-11-22T09:00:00Z")) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advanceMinutes: (minutes: number) => {
      now += minutes * 60_000;
    },
  };
}

export async function startHarness(
  options: { now?: () => Date; router?: AnyRouter; messaging?: Partial<ApiDeps["messaging"]> } = {},
) {
  const db: TestDatabase = await createTestDatabase();
  await seedDemo(db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
  await ensurePlatformOwner(db, silent, OWNER);
  const deps = createApiDeps({
    db,
    logger: silent,
    messaging: options.messaging
      ? new Proxy(options.messaging as ApiDeps["messaging"], {
          get: (target, property) =>
            property in target ? target[property as keyof typeof target] : Reflect.get(messagingNotWired, property),
        })
      : messagingNotWired,
    ...(options.now ? { now: options.now } : {}),
  });
  const router = options.router ?? appRouter;

  async function call(kind: "query" | "mutation", path: string, input?: unknown, token?: string): Promise<CallResult> {
    // A request sees every change committed before it (on PostgreSQL the session cache hears of
    // them a moment later, through LISTEN; a client across a network practically always comes later).
    if (db.engine === "postgres") await deps.sessions.sync();
    const headers = new Headers({ "user-agent": USER_AGENT });
    if (token) headers.set("cookie", `${COOKIE}=${token}`);
    const url = new URL(`http://localhost/trpc/${path}`);
    let body: string | undefined;
    if (kind === "query") {
      if (input !== undefined) url.searchParams.set("input", JSON.stringify(input));
    } else {
      headers.set("content-type", "application/json");
      body = input === undefined ? undefined : JSON.stringify(input);
    }
    const req = new Request(url, {
      method: kind === "query" ? "GET" : "POST",
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const res = await fetchRequestHandler({
      endpoint: "/trpc",
      req,
      router,
      createContext: ({ req: request, resHeaders }) =>
        createContext(deps, {
          requestId: crypto.randomUUID(),
          ip: CLIENT_IP,
          userAgent: request.headers.get("user-agent") ?? undefined,
          cookies: {
            read: () => token,
            set: (value) => resHeaders.append("set-cookie", `${COOKIE}=${value}; Path=/; HttpOnly`),
            clear: () => resHeaders.append("set-cookie", `${COOKIE}=; Path=/; Max-Age=0`),
          },
        }),
    });
    const json = (await res.json()) as { result?: { data: unknown }; error?: CallResult["error"] };
    const setCookie = res.headers.get("set-cookie");
    const match = setCookie ? /sp_session=([^;]*)/.exec(setCookie) : null;
    return {
      status: res.status,
      data: json.result?.data,
      ...(json.error ? { error: json.error } : {}),
      token: match ? match[1] : undefined,
    };
  }

  async function signIn(credentials: { email: string; password: string }): Promise<string> {
    const res = await call("mutation", "auth.login", credentials);
    if (res.status !== 200 || !res.token) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.error)}`);
    return res.token;
  }

  /** Signs the owner in and starts viewing `tenantId`; returns the rotated session token. */
  async function impersonate(
    tenantId = "green-lawn",
    reason = "Support ticket 1234: calendar looks wrong",
  ): Promise<string> {
    const owner = await signIn(OWNER);
    const res = await call("mutation", "admin.impersonate.start", { tenantId, reason }, owner);
    if (res.status !== 200 || !res.token)
      throw new Error(`impersonation failed: ${res.status} ${JSON.stringify(res.error)}`);
    return res.token;
  }

  // The test's own reads and writes go through the platform path (the app role cannot read the audit log).
  const platform = platformDb(db, { actorUserId: null, purpose: "test" });

  /** Audit rows, oldest first. */
  const auditRows = (where: { action?: string | { in: string[] }; targetTenantId?: string } = {}) =>
    platform.run((tx) => tx.auditLog.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));

  const tenantRow = (id: string) => platform.run((tx) => tx.tenant.findUnique({ where: { id } }));

  /** Everything a refused call must leave untouched. */
  const snapshot = () =>
    platform.run(async (tx) => ({
      tenants: await tx.tenant.findMany({ orderBy: { id: "asc" } }),
      // Not lastSeenAt: reading a session may refresh it, which is not a change of state.
      sessions: await tx.session.findMany({
        orderBy: { id: "asc" },
        select: {
          id: true,
          userId: true,
          activeTenantId: true,
          impersonatedTenantId: true,
          impersonationStartedAt: true,
          expiresAt: true,
        },
      }),
      users: await tx.user.findMany({
        orderBy: { id: "asc" },
        select: { id: true, email: true, passwordHash: true, isPlatformOwner: true, disabledAt: true },
      }),
      memberships: await tx.membership.findMany({ orderBy: { id: "asc" } }),
    }));

  async function setPlan(
    tenantId: string,
    data: {
      planTier?: "starter" | "pro" | "elite" | "internal";
      status?: "trialing" | "active" | "past_due" | "suspended" | "cancelled";
    },
  ) {
    await platform.run((tx) => tx.tenant.update({ where: { id: tenantId }, data }));
  }

  return { db, call, signIn, impersonate, auditRows, tenantRow, snapshot, setPlan, close: () => db.drop() };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
