// `pnpm db:seed`: loads the demo tenants into DATABASE_URL (or the embedded database).
import { openDatabase } from "@servicepro/db";
import { loadEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { prepareAccounts } from "./startup.ts";

const [command] = process.argv.slice(2);
if (command !== "seed") {
  console.error("usage: node src/cli.ts seed");
  process.exit(2);
}
const env = loadEnv({ ...process.env, SEED_DEMO_DATA: "true" });
const logger = createLogger({ level: env.LOG_LEVEL, pretty: process.stdout.isTTY });
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, logger });
try {
  await prepareAccounts({ db, env, logger });
} finally {
  await db.close();
}
