// Process entry: configuration → database → first-start set-up → HTTP server → graceful shutdown.
import { serve } from "@hono/node-server";
import { openDatabase } from "@servicepro/db";
import { createApp } from "./app.ts";
import { InvalidEnvironment, integrationsFromEnv, loadEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startMaintenance } from "./maintenance.ts";
import { startMessagingFromEnv } from "./messaging.ts";
import { prepareAccounts } from "./startup.ts";

let env;
try {
  env = loadEnv();
} catch (error) {
  if (!(error instanceof InvalidEnvironment)) throw error;
  console.error(error.message);
  process.exit(1);
}

const logger = createLogger({ level: env.LOG_LEVEL, pretty: process.stdout.isTTY && env.NODE_ENV !== "production" });
logger.info(
  { database: env.embedded ? `embedded (${env.DATA_DIR})` : "postgres", publicBaseUrl: env.PUBLIC_BASE_URL },
  "starting ServicePro",
);

const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, logger }).catch((error: unknown) => {
  logger.fatal({ err: error }, "cannot open the database");
  process.exit(1);
});

await prepareAccounts({ db, env, logger });

const messaging = await startMessagingFromEnv({ db, env, logger }).catch((error: unknown) => {
  logger.fatal({ err: error }, "cannot start the job queue");
  process.exit(1);
});

// Beside the workers: a web process started with SMS_WORKER=false leaves the sweep to the worker process.
const maintenance = env.SMS_WORKER === "true" ? startMaintenance({ db, logger }) : null;

const app = createApp({
  db,
  logger,
  messaging,
  config: {
    publicBaseUrl: env.PUBLIC_BASE_URL,
    trustProxy: env.TRUST_PROXY === "true",
    appsDir: env.APPS_DIR,
    twilioAuthToken: env.TWILIO_AUTH_TOKEN ?? null,
    twilioAccountSid: env.TWILIO_ACCOUNT_SID ?? null,
    twilioSubaccountSids: env.TWILIO_SUBACCOUNT_SIDS,
    twilioApiBaseUrl: env.TWILIO_API_BASE_URL ?? null,
    integrations: integrationsFromEnv(env),
    filesDir: env.FILES_DIR,
    importMaxBytes: env.IMPORT_MAX_BYTES,
  },
});

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.info(
    { port: info.port },
    `ServicePro is up: ${env.PUBLIC_BASE_URL}/admin (owner console), /app (business dashboard), /portal (customers)`,
  );
});

// Graceful shutdown: stop accepting, let in-flight requests finish (10 s at most), close the database.
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => {
    logger.warn("in-flight requests did not finish within 10 s; exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  server.close(async () => {
    await messaging.stop().catch((error: unknown) => logger.error({ err: error }, "stopping the job queue failed"));
    await maintenance?.stop();
    await db.close().catch((error: unknown) => logger.error({ err: error }, "closing the database failed"));
    logger.info("stopped");
    process.exit(0);
  });
  // Idle keep-alive connections would otherwise hold close() open.
  if ("closeIdleConnections" in server) server.closeIdleConnections();
};
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
