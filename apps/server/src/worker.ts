// A worker-only process: the SMS outbox's delivery, the Twilio intake's workers and the maintenance
// sweep (maintenance.ts), without the HTTP server. Run it beside web processes started with
// SMS_WORKER=false to scale them separately (docs/runbook.md). The web process runs the same worker
// by default, so a single-process install needs nothing else.
import { openDatabase } from "@servicepro/db";
import { InvalidEnvironment, loadEnvWith } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startMaintenance } from "./maintenance.ts";
import { startMessagingFromEnv } from "./messaging.ts";

let env;
try {
  env = loadEnvWith({ SMS_WORKER: "true" });
} catch (error) {
  if (!(error instanceof InvalidEnvironment)) throw error;
  console.error(error.message);
  process.exit(1);
}
if (env.embedded) {
  console.error(
    "The SMS worker runs as its own process only with PostgreSQL (DATABASE_URL); the embedded database belongs to the web process, which runs the worker itself.",
  );
  process.exit(1);
}

const logger = createLogger({ level: env.LOG_LEVEL, pretty: process.stdout.isTTY && env.NODE_ENV !== "production" });
const db = await openDatabase({ url: env.DATABASE_URL, logger });
const messaging = await startMessagingFromEnv({ db, env, logger });
const maintenance = startMaintenance({ db, logger });
logger.info("SMS worker is up");

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "SMS worker stopping");
  await messaging.stop().catch((error: unknown) => logger.error({ err: error }, "stopping the worker failed"));
  await maintenance.stop();
  await db.close();
  process.exit(0);
};
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
