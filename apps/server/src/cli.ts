// `pnpm db:migrate` and `pnpm db:seed`, with the same validated settings as the server (env.ts).
// - migrate: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR
//   (only while the app is stopped: one PGlite folder must never be opened by two processes).
// - seed: loads the demo tenants.
import { describeMigrationProgress, migratePostgres, openDatabase, redactUrl } from "@servicepro/db";
import { InvalidEnvironment, loadEnvWith } from "./env.ts";
import { createLogger } from "./logger.ts";
import { prepareAccounts } from "./startup.ts";

const COMMANDS = ["migrate", "seed"] as const;
const [command] = process.argv.slice(2);
if (!COMMANDS.includes(command as (typeof COMMANDS)[number])) {
  console.error(`usage: node src/cli.ts ${COMMANDS.join("|")}`);
  process.exit(2);
}

let env;
try {
  env = loadEnvWith(command === "seed" ? { SEED_DEMO_DATA: "true" } : {});
} catch (error) {
  if (!(error instanceof InvalidEnvironment)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger({ level: env.LOG_LEVEL, pretty: process.stdout.isTTY });

if (command === "migrate" && env.DATABASE_URL) {
  const result = await migratePostgres(env.DATABASE_URL, (progress) =>
    logger.info({ migration: progress }, describeMigrationProgress(progress)),
  );
  logger.info(
    { applied: result.applied, alreadyApplied: result.alreadyApplied },
    `${redactUrl(env.DATABASE_URL)}: applied ${result.applied.length} migration(s), ${result.alreadyApplied} already applied`,
  );
} else {
  // The embedded database migrates itself when opened (logging each step), so `migrate` on it is an open.
  const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, logger });
  try {
    if (command === "seed") await prepareAccounts({ db, env, logger });
    else logger.info({ dataDir: env.DATA_DIR }, "the embedded database is up to date");
  } finally {
    await db.close();
  }
}
