// A ServicePro app on a fresh test database, with the demo data and known passwords.

import { sessionCacheOf } from "@servicepro/api";
import { type Database, type DatabaseEngine, platformDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase } from "@servicepro/db/testing";
import { WEEKDAYS } from "@servicepro/telephony/constants";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, type FakeTwilio, signedTwilioRequest } from "@servicepro/testkit";
import pino from "pino";
import { createApp } from "../src/app.ts";
import { integrationsFromEnv, loadEnv } from "../src/env.ts";
import { startMessagingFromEnv } from "../src/messaging.ts";
import { prepareAccounts } from "../src/startup.ts";

export const OWNER = { email: "owner@servicepro.test", password: "owner-password-for-tests" };
export const DEMO_PASSWORD = "demo-password-for-tests";
export const GREEN_LAWN_ADMIN = { email: "admin@greenlawn.example", password: DEMO_PASSWORD };
export const GREEN_LAWN_STAFF = { email: "crew@greenlawn.example", password: DEMO_PASSWORD };
export const PUBLIC_BASE_URL = "http://localhost:3000";

/** Business hours under which a call is always "open", whatever the clock says when the test runs. */
export const OPEN_AROUND_THE_CLOCK = Object.fromEntries(WEEKDAYS.map((day) => [day, [["00:00", "24:00"]]]));

/** Opens these businesses around the clock, so how a call is answered does not depend on when the test runs. */
export async function openAroundTheClock(db: Database, tenantIds: readonly string[]): Promise<void> {
  await platformDb(db, { actorUserId: null, purpose: "test.open-around-the-clock" }).run(async (tx) => {
    for (const tenantId of tenantIds)
      await tx.bookingSettings.upsert({
        where: { tenantId },
        create: { tenantId, hours: OPEN_AROUND_THE_CLOCK },
        update: { hours: OPEN_AROUND_THE_CLOCK },
      });
  });
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** The auth token webhooks are signed with in tests (the fake Twilio's, so both sides agree). */
export const TWILIO_AUTH_TOKEN = FAKE_AUTH_TOKEN;

export type TestAppOptions = {
  now?: () => Date;
  logger?: pino.Logger;
  /** Send texts through this fake Twilio REST server; without it, the dev sender records them. */
  fakeTwilio?: FakeTwilio;
  /** Deliver queued texts in the background (default true). */
  runWorker?: boolean;
  unroutedPolicy?: "fallback-to-root" | "quarantine";
  /** TWILIO_SUBACCOUNT_SIDS: other accounts whose webhooks are accepted (only with fakeTwilio). */
  twilioSubaccountSids?: readonly string[];
  /** PHONE_NUMBER_POOL: the numbers new businesses can be given (default: the embedded demo pool). */
  phoneNumberPool?: readonly string[];
};

export async function startTestApp(engine: DatabaseEngine, options: TestAppOptions = {}) {
  const db: TestDatabase = await createTestDatabase(engine);
  const logger = options.logger ?? pino({ level: "silent" });
  const env = loadEnv({
    OWNER_EMAIL: OWNER.email,
    OWNER_PASSWORD: OWNER.password,
    SEED_DEMO_DATA: "true",
    DEMO_TENANT_ADMIN_PASSWORD: DEMO_PASSWORD,
    PUBLIC_BASE_URL,
    TWILIO_UNROUTED_POLICY: options.unroutedPolicy,
    SMS_WORKER: options.runWorker === false ? "false" : "true",
    PHONE_NUMBER_POOL: options.phoneNumberPool?.join(","),
    ...(options.fakeTwilio
      ? {
          TWILIO_ACCOUNT_SID: FAKE_ACCOUNT_SID,
          TWILIO_AUTH_TOKEN: FAKE_AUTH_TOKEN,
          TWILIO_API_BASE_URL: options.fakeTwilio.baseUrl,
        }
      : {}),
  });
  await prepareAccounts({ db, env, logger });
  const messaging = await startMessagingFromEnv({ db, env, logger, ...(options.now ? { now: options.now } : {}) });
  const app = createApp({
    db,
    logger,
    messaging,
    config: {
      publicBaseUrl: PUBLIC_BASE_URL,
      trustProxy: false,
      appsDir: env.APPS_DIR,
      twilioAuthToken: TWILIO_AUTH_TOKEN,
      twilioAccountSid: options.fakeTwilio ? FAKE_ACCOUNT_SID : null,
      twilioApiBaseUrl: options.fakeTwilio?.baseUrl ?? null,
      ...(options.twilioSubaccountSids ? { twilioSubaccountSids: options.twilioSubaccountSids } : {}),
      integrations: integrationsFromEnv(env),
    },
    ...(options.now ? { now: options.now } : {}),
  });

  /** A Twilio webhook, signed as Twilio would sign it (override `signature` for negative tests). */
  async function twilioWebhook(
    path: string,
    params: Record<string, string>,
    opts: { signature?: string | null; authToken?: string; drain?: boolean } = {},
  ) {
    const { url, init } = signedTwilioRequest({
      publicBaseUrl: PUBLIC_BASE_URL,
      path,
      params,
      authToken: opts.authToken ?? TWILIO_AUTH_TOKEN,
      ...(opts.signature !== undefined ? { signature: opts.signature } : {}),
    });
    // Changes the test made to numbers, hours or FAQs reach the routing snapshot through NOTIFY, a moment after commit.
    await messaging.routing.settled();
    const res = await app.request(url.slice(PUBLIC_BASE_URL.length), init);
    // An acknowledged event is applied by the intake's worker a moment later, and a call's row is written
    // after its answer; tests look right after.
    if (res.ok && opts.drain !== false) {
      await messaging.twilioIntake.drain();
      await messaging.intake.offPath?.settled();
    }
    return { status: res.status, text: await res.text(), contentType: res.headers.get("content-type") };
  }

  /**
   * A tRPC call the way a plain JSON client (curl) makes it. `ip`: the client address, as the socket
   * would give it (app.request has no socket: without it, the request has no address).
   */
  async function trpc(
    kind: "query" | "mutation",
    path: string,
    input?: unknown,
    cookie?: string,
    opts: { ip?: string } = {},
  ) {
    // A request sees every change committed before it: on PostgreSQL the session cache hears of them
    // through LISTEN a moment after the commit, which a client across a network practically never beats.
    if (db.engine === "postgres") await sessionCacheOf(db).sync();
    const headers: Record<string, string> = cookie ? { cookie } : {};
    // What @hono/node-server's getConnInfo reads the client address from.
    const env = opts.ip ? { incoming: { socket: { remoteAddress: opts.ip } } } : undefined;
    const res =
      kind === "query"
        ? await app.request(
            `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
            { headers },
            env,
          )
        : await app.request(
            `/trpc/${path}`,
            {
              method: "POST",
              headers: { ...headers, "content-type": "application/json" },
              body: input === undefined ? undefined : JSON.stringify(input),
            },
            env,
          );
    const body = (await res.json()) as {
      result?: { data: unknown };
      error?: {
        message: string;
        data: { code: string; httpStatus: number; issues?: { path: unknown[]; message: string }[] };
      };
    };
    return {
      status: res.status,
      body,
      data: body.result?.data,
      error: body.error,
      setCookie: res.headers.get("set-cookie"),
      retryAfter: res.headers.get("retry-after"),
    };
  }

  /** Signs in and returns the session cookie ("name=value"). */
  async function signIn(credentials: { email: string; password: string }): Promise<string> {
    const res = await trpc("mutation", "auth.login", credentials);
    if (res.status !== 200 || !res.setCookie)
      throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.setCookie.split(";")[0]!;
  }

  return {
    app,
    db,
    messaging,
    /** Resolves once changes committed so far have reached the routing snapshot. */
    routingSettled: () => messaging.routing.settled(),
    trpc,
    signIn,
    twilioWebhook,
    close: async () => {
      await messaging.stop();
      await db.drop();
    },
  };
}
