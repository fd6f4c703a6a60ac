// `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { isPostgresUrl, migratePostgres, openDatabase, redactUrl } from "./client.ts";

const [command] = process.argv.slice(2);
if (command !== "migrate") {
  console.error("usage: node src/cli.ts migrate");
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (isPostgresUrl(url)) {
  const result = await migratePostgres(url);
  console.warn(
    `${redactUrl(url)}: applied ${result.applied.length} migration(s)${result.applied.length ? ` (${result.applied.join(", ")})` : ""}, ${result.alreadyApplied} already applied.`,
  );
} else {
  // The embedded database migrates itself when opened. Only while the app is stopped: one
  // PGlite folder must never be opened by two processes.
  const dataDir = process.env.DATA_DIR ?? new URL("../../../.data/pglite", import.meta.url).pathname;
  const db = await openDatabase({ dataDir, logger: { info: (o) => console.warn(o), warn: (o) => console.warn(o) } });
  await db.close();
  console.warn(`embedded database at ${dataDir} is up to date.`);
}
