// First start on an empty database without chosen passwords: every account created gets its own
// generated password, printed once, and each one signs in to that account only.
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app.ts";
import { integrationsFromEnv, loadEnv } from "../src/env.ts";
import { startMessagingFromEnv } from "../src/messaging.ts";
import { prepareAccounts } from "../src/startup.ts";
import { OWNER, PUBLIC_BASE_URL } from "./harness.ts";

describe("first start with generated demo passwords", () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let stopMessaging: () => Promise<void>;
  let printed = "";

  beforeAll(async () => {
    db = await createTestDatabase("pglite");
    const logger = pino({ level: "silent" });
    const env = loadEnv({
      OWNER_EMAIL: OWNER.email,
      OWNER_PASSWORD: OWNER.password,
      SEED_DEMO_DATA: "true",
      PUBLIC_BASE_URL,
      SMS_WORKER: "false",
    });
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    await prepareAccounts({ db, env, logger });
    write.mockRestore();
    const messaging = await startMessagingFromEnv({ db, env, logger });
    stopMessaging = () => messaging.stop();
    app = createApp({
      db,
      logger,
      messaging,
      config: {
        publicBaseUrl: PUBLIC_BASE_URL,
        trustProxy: false,
        appsDir: env.APPS_DIR,
        twilioAuthToken: null,
        twilioAccountSid: null,
        integrations: integrationsFromEnv(env),
      },
    });
  });
  afterAll(async () => {
    await stopMessaging?.();
    await db?.drop();
  });

  const signIn = async (email: string, password: string) =>
    (
      await app.request("/trpc/auth.login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      })
    ).status;

  it("should print a different password for each demo staff account, each signing in to its own account only", async () => {
    const staff = [...printed.matchAll(/Demo staff\s+(\S+)\s+password: (\S+)/g)].map(([, email, password]) => ({
      email: email!,
      password: password!,
    }));
    expect(staff.map((s) => s.email).sort()).toEqual(["admin@greenlawn.example", "crew@greenlawn.example"]);
    expect(new Set(staff.map((s) => s.password)).size).toBe(staff.length);
    for (const account of staff) expect(await signIn(account.email, account.password)).toBe(200);
    const [first, second] = staff;
    expect(await signIn(first!.email, second!.password)).toBe(401);
  });
});
