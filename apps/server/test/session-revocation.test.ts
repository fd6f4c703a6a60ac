// Sessions are answered from memory in every server process (packages/api session-cache.ts), yet a
// revoked one is refused at once everywhere: two real server processes on one PostgreSQL database,
// a session warmed on both, signed out (or rotated) on one, and the very next request to the other
// is refused. PostgreSQL only: the embedded database belongs to one process.
import { createTestDatabase, ownerQuery, type TestDatabase } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freePort,
  type ServerProcess,
  startServerProcess,
  stopAllServerProcesses,
  untilHealthy,
} from "./server-process.ts";

const OWNER = { email: "owner@servicepro.test", password: "owner-password-for-tests" };
const DEMO_PASSWORD = "demo-password-for-tests";
const ADMIN = { email: "admin@greenlawn.example", password: DEMO_PASSWORD };
const STAFF = { email: "crew@greenlawn.example", password: DEMO_PASSWORD };

type Server = ServerProcess & { base: string };

async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startServerProcess({
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_BASE_URL: base,
    DATABASE_URL: databaseUrl,
    OWNER_EMAIL: OWNER.email,
    OWNER_PASSWORD: OWNER.password,
    SEED_DEMO_DATA: "true",
    DEMO_TENANT_ADMIN_PASSWORD: DEMO_PASSWORD,
  });
  if (!(await untilHealthy(server, port))) throw new Error(`the server exited during start-up:\n${server.output()}`);
  return { ...server, base };
}

async function stopServer(server: Server | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  server.child.kill("SIGTERM");
  await server.exited;
}

async function trpc(
  server: Server,
  kind: "query" | "mutation",
  path: string,
  input?: unknown,
  cookie?: string,
): Promise<{ status: number; data: unknown; code: string | undefined; setCookie: string | null }> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const res =
    kind === "query"
      ? await fetch(`${server.base}/trpc/${path}`, { headers })
      : await fetch(`${server.base}/trpc/${path}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: input === undefined ? undefined : JSON.stringify(input),
        });
  const body = (await res.json()) as { result?: { data: unknown }; error?: { data: { code: string } } };
  return {
    status: res.status,
    data: body.result?.data,
    code: body.error?.data.code,
    setCookie: res.headers.get("set-cookie"),
  };
}

const cookieOf = (setCookie: string | null) => {
  if (!setCookie) throw new Error("no session cookie was set");
  return setCookie.split(";")[0]!;
};

async function signIn(server: Server, credentials: { email: string; password: string }): Promise<string> {
  const res = await trpc(server, "mutation", "auth.login", credentials);
  expect(res.status).toBe(200);
  return cookieOf(res.setCookie);
}

const signedInEmail = async (server: Server, cookie: string) =>
  ((await trpc(server, "query", "auth.context", undefined, cookie)).data as { user: { email: string } | null }).user
    ?.email ?? null;

describe.skipIf(!process.env.TEST_DATABASE_URL)("session revocation across server processes (PostgreSQL)", () => {
  let db: TestDatabase;
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    // One after the other: the first start creates the owner and the demo data, the second finds them.
    a = await startServer(db.url!);
    b = await startServer(db.url!);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([stopServer(a), stopServer(b)]);
    stopAllServerProcesses();
    await db?.drop();
  });

  it("answers a warm session from memory: a row deleted behind the change feed's back is still served", async () => {
    // This is what makes the next test mean something: without the notification, B would keep serving.
    const cookie = await signIn(a, STAFF);
    expect(await signedInEmail(b, cookie)).toBe(STAFF.email);
    // As a replica would apply it: triggers (and so the NOTIFY) do not fire.
    await ownerQuery(db.url!, [
      "SET session_replication_role = replica",
      {
        text: "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)",
        values: [STAFF.email],
      },
    ]);
    expect(await signedInEmail(b, cookie)).toBe(STAFF.email);
    expect((await trpc(b, "query", "tenant.overview", undefined, cookie)).status).toBe(200);
  });

  it("refuses a session signed out on the other process on the very next request", async () => {
    // Several rounds: "at once" must not depend on a lucky moment.
    for (let round = 0; round < 5; round++) {
      const cookie = await signIn(a, ADMIN);
      for (const server of [a, b, b])
        expect((await trpc(server, "query", "tenant.overview", undefined, cookie)).status).toBe(200);
      expect((await trpc(a, "mutation", "auth.logout", undefined, cookie)).status).toBe(200);
      const next = await trpc(b, "query", "tenant.overview", undefined, cookie);
      expect({ round, status: next.status, code: next.code }).toEqual({ round, status: 401, code: "UNAUTHORIZED" });
      expect(await signedInEmail(b, cookie)).toBeNull();
    }
  });

  it("refuses the old id of a session rotated on the other process (impersonation start and stop)", async () => {
    const before = await signIn(a, OWNER);
    for (const server of [a, b])
      expect((await trpc(server, "query", "admin.tenants.list", undefined, before)).status).toBe(200);
    const started = await trpc(
      a,
      "mutation",
      "admin.impersonate.start",
      {
        tenantId: "green-lawn",
        reason: "Support ticket 1234: calendar looks wrong",
      },
      before,
    );
    expect(started.status).toBe(200);
    const visiting = cookieOf(started.setCookie);
    const stale = await trpc(b, "query", "admin.tenants.list", undefined, before);
    expect({ status: stale.status, code: stale.code }).toEqual({ status: 401, code: "UNAUTHORIZED" });

    // The new id works on B (as the tenant), and stopping rotates it again: B refuses it at once.
    expect((await trpc(b, "query", "tenant.overview", undefined, visiting)).status).toBe(200);
    const stopped = await trpc(a, "mutation", "admin.impersonate.stop", undefined, visiting);
    expect(stopped.status).toBe(200);
    expect((await trpc(b, "query", "tenant.overview", undefined, visiting)).status).toBe(401);
    expect((await trpc(b, "query", "admin.tenants.list", undefined, cookieOf(stopped.setCookie))).status).toBe(200);
  });

  it("applies a membership removed through one process to the other's warm session at once", async () => {
    const cookie = await signIn(a, STAFF);
    for (const server of [a, b])
      expect((await trpc(server, "query", "tenant.overview", undefined, cookie)).status).toBe(200);
    await ownerQuery(db.url!, [
      {
        text: "DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = $1)",
        values: [STAFF.email],
      },
    ]);
    // The notification comes after the commit; a client's next request comes after the answer to the change.
    await expect.poll(async () => (await trpc(b, "query", "tenant.overview", undefined, cookie)).status).toBe(403);
    expect(a.output() + b.output()).not.toMatch(/"level":(50|60)/);
  });
});
