// A ServicePro app on a fresh test database, with the demo data and known passwords.
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import type { DatabaseEngine } from "@servicepro/db";
import pino from "pino";
import { createApp } from "../src/app.ts";
import { loadEnv } from "../src/env.ts";
import { prepareAccounts } from "../src/startup.ts";

export const OWNER = { email: "owner@servicepro.test", password: "owner-password-for-tests" };
export const DEMO_PASSWORD = "demo-password-for-tests";
export const GREEN_LAWN_ADMIN = { email: "admin@greenlawn.example", password: DEMO_PASSWORD };
export const GREEN_LAWN_STAFF = { email: "crew@greenlawn.example", password: DEMO_PASSWORD };
export const PUBLIC_BASE_URL = "http://localhost:3000";

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export async function startTestApp(engine: DatabaseEngine, options: { now?: () => Date; logger?: pino.Logger } = {}) {
  const db: TestDatabase = await createTestDatabase(engine);
  const logger = options.logger ?? pino({ level: "silent" });
  const env = loadEnv({
    OWNER_EMAIL: OWNER.email,
    OWNER_PASSWORD: OWNER.password,
    SEED_DEMO_DATA: "true",
    DEMO_TENANT_ADMIN_PASSWORD: DEMO_PASSWORD,
    PUBLIC_BASE_URL,
  });
  await prepareAccounts({ db, env, logger });
  const app = createApp({
    db,
    logger,
    config: { publicBaseUrl: PUBLIC_BASE_URL, trustProxy: false, appsDir: env.APPS_DIR },
    ...(options.now ? { now: options.now } : {}),
  });

  /** A tRPC call the way a plain JSON client (curl) makes it. */
  async function trpc(kind: "query" | "mutation", path: string, input?: unknown, cookie?: string) {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const res =
      kind === "query"
        ? await app.request(`/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers })
        : await app.request(`/trpc/${path}`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/json" },
            body: input === undefined ? undefined : JSON.stringify(input),
          });
    const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string; data: { code: string; httpStatus: number; issues?: { path: unknown[]; message: string }[] } } };
    return { status: res.status, body, data: body.result?.data, error: body.error, setCookie: res.headers.get("set-cookie") };
  }

  /** Signs in and returns the session cookie ("name=value"). */
  async function signIn(credentials: { email: string; password: string }): Promise<string> {
    const res = await trpc("mutation", "auth.login", credentials);
    if (res.status !== 200 || !res.setCookie) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.setCookie.split(";")[0]!;
  }

  return { app, db, trpc, signIn, close: () => db.drop() };
}
