#!/usr/bin/env node
// Migration CLI on top of the WASM schema engine (scripts/schema-engine.mjs); stands in for the
// `prisma migrate` commands, which need the native engine binary that cannot be downloaded here.
// Paths come from packages/db/prisma.config.ts; no database server is needed.
//
//   node scripts/prisma-migrate.mjs new <name> [--allow-empty]   like `prisma migrate dev --create-only`
//   node scripts/prisma-migrate.mjs check                         schema.prisma vs migrations (CI)
//   node scripts/prisma-migrate.mjs sql                           like `prisma migrate diff --from-empty --to-schema … --script`
//
// Options: --schema <path>, --migrations <dir> (relative to the current directory) override the config.

import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  diffEmptyToSchema,
  diffSchemaToMigrations,
  LOCK_FILE,
  LOCK_FILE_CONTENT,
  MIGRATION_FILE,
  prismaPaths,
} from "./schema-engine.mjs";

const USAGE = `Usage: prisma-migrate <command> [options]

Commands:
  new <name> [--allow-empty]  Write prisma/migrations/<UTC timestamp>_<name>/migration.sql with the SQL
                              that brings the existing migrations up to schema.prisma. Refuses when
                              there is nothing to do, unless --allow-empty (then the file only has a
                              comment header, for hand-written SQL: RLS policies, grants, functions…).
  check                       Exit 0 if schema.prisma and the migrations are in sync; otherwise print
                              the missing SQL and exit 1.
  sql                         Print the SQL that creates schema.prisma in an empty database.

Options:
  --schema <path>        Prisma schema file or folder (default: from prisma.config.ts)
  --migrations <dir>     Migrations folder (default: from prisma.config.ts)
  -h, --help             Show this help
`;

class UsageError extends Error {}

/** 20250131235959 (UTC), like Prisma's migration folder prefixes. */
function utcTimestamp(date) {
  return date.toISOString().replace(/\D/g, "").slice(0, 14);
}

function timestampToDate(ts) {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(ts);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

/** A path relative to the current directory when it is inside it, else absolute. */
function relative(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : p;
}

async function migrationFolders(migrationsDir) {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((err) => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function cmdNew({ schemaPath, migrationsDir }, rawName, allowEmpty) {
  if (!rawName) throw new UsageError("new: missing migration name, e.g. `new add_invoices`");
  // Same idea as Prisma: a folder-name-safe slug.
  const name = rawName
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!name) throw new UsageError(`new: "${rawName}" is not a usable migration name (use letters, digits, _)`);

  const sql = await diffSchemaToMigrations({ schemaPath, migrationsDir });
  if (!sql && !allowEmpty) {
    console.error(
      `Nothing to do: ${relative(schemaPath)} is already in sync with ${relative(migrationsDir)}, so no migration was written.\n` +
        `For a migration with hand-written SQL (RLS policies, grants, functions, triggers), run \`new ${name} --allow-empty\`.`,
    );
    return 1;
  }

  // Keep the new migration last even if an existing folder carries a later timestamp (clock skew,
  // or a hand-dated migration): migrations are applied in folder-name order.
  let stamp = utcTimestamp(new Date());
  const last = (await migrationFolders(migrationsDir)).filter((f) => /^\d{14}_/.test(f)).at(-1);
  if (last && last.slice(0, 14) >= stamp) {
    const bumped = utcTimestamp(new Date(timestampToDate(last.slice(0, 14)).getTime() + 1000));
    console.error(
      `note: ${last} is dated ${last.slice(0, 14)} >= now (${stamp}); using ${bumped} so the new migration sorts last.`,
    );
    stamp = bumped;
  }
  const folder = path.join(migrationsDir, `${stamp}_${name}`);
  if (existsSync(folder)) throw new Error(`${relative(folder)} already exists`);

  const content = sql
    ? sql
    : `-- ${stamp}_${name}: hand-written SQL.\n` +
      `-- Created with \`prisma-migrate new ${name} --allow-empty\` while schema.prisma and the migrations were in sync.\n` +
      `-- Put SQL here that schema.prisma cannot express (RLS policies, grants, functions, triggers, roles):\n` +
      `-- it is applied like any other migration and does not count as drift in \`prisma-migrate check\`.\n`;
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, MIGRATION_FILE), content, "utf8");
  const lockPath = path.join(migrationsDir, LOCK_FILE);
  if (!existsSync(lockPath)) {
    await writeFile(lockPath, LOCK_FILE_CONTENT, "utf8");
    console.log(`Wrote ${relative(lockPath)}`);
  }
  console.log(`Wrote ${relative(path.join(folder, MIGRATION_FILE))}${sql ? "" : " (empty, for hand-written SQL)"}`);
  return 0;
}

async function cmdCheck({ schemaPath, migrationsDir }) {
  const folders = await migrationFolders(migrationsDir);
  if (folders.length > 0 && !existsSync(path.join(migrationsDir, LOCK_FILE))) {
    console.error(`${relative(path.join(migrationsDir, LOCK_FILE))} is missing (it must say provider = "postgresql").`);
    return 1;
  }
  const sql = await diffSchemaToMigrations({ schemaPath, migrationsDir });
  if (!sql) {
    console.log("schema.prisma and migrations are in sync");
    return 0;
  }
  console.error(
    `Drift: ${relative(schemaPath)} has changes that no migration in ${relative(migrationsDir)} creates.\n` +
      `Create one with \`pnpm --filter @servicepro/db migrate:new <name>\`. Missing SQL:\n`,
  );
  console.log(sql.trimEnd());
  return 1;
}

async function cmdSql({ schemaPath }) {
  process.stdout.write(await diffEmptyToSchema({ schemaPath }));
  return 0;
}

async function main(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "allow-empty": { type: "boolean", default: false },
      schema: { type: "string" },
      migrations: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? process.stdout : process.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const config = values.schema && values.migrations ? {} : await prismaPaths();
  const paths = {
    schemaPath: values.schema ? path.resolve(values.schema) : config.schemaPath,
    migrationsDir: values.migrations ? path.resolve(values.migrations) : config.migrationsDir,
  };
  if (values["allow-empty"] && command !== "new") throw new UsageError("--allow-empty only applies to `new`");
  switch (command) {
    case "new":
      if (rest.length > 1) throw new UsageError(`new: one name expected, got ${rest.length}`);
      return cmdNew(paths, rest[0], values["allow-empty"]);
    case "check":
    case "sql":
      if (rest.length) throw new UsageError(`${command}: unexpected argument ${rest[0]}`);
      return command === "check" ? cmdCheck(paths) : cmdSql(paths);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError || err?.code?.startsWith?.("ERR_PARSE_ARGS")) {
    console.error(`prisma-migrate: ${err.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`prisma-migrate: ${err?.message ?? err}`);
    if (process.env.SCHEMA_ENGINE_DEBUG) console.error(err);
    process.exitCode = 1;
  }
}
// No process.exit(): every handle is closed, so the process ends on its own once done.
