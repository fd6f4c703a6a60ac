// Test databases: each one is new, migrated, and dropped afterwards.
// PostgreSQL when TEST_DATABASE_URL is set (CI sets it), an in-memory PGlite otherwise.
import { randomBytes } from "node:crypto";
import pg from "pg";
import {
  type Database,
  type DatabaseEngine,
  migratedPgliteDump,
  migratePostgres,
  openDatabase,
  openPgliteFromDump,
} from "./client.ts";

export type TestDatabase = Database & {
  /** PostgreSQL only: the URL of the test database (as its owner). */
  url?: string;
  /** Closes the client and drops the database. */
  drop(): Promise<void>;
};

/** The engines the suites run on here: always PGlite, plus PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): DatabaseEngine[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

let pgliteTemplate: Promise<Blob | File> | undefined;

export async function createTestDatabase(
  engine: DatabaseEngine = defaultEngine(),
  options: { poolSize?: number } = {},
): Promise<TestDatabase> {
  if (engine === "pglite") {
    // Migrating once per worker and cloning the dump is ~5x faster than migrating every database.
    pgliteTemplate ??= migratedPgliteDump();
    const db = await openPgliteFromDump(await pgliteTemplate);
    return { ...db, drop: db.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    throw new Error("TEST_DATABASE_URL is not set: PostgreSQL tests need a server to create their databases on.");
  const name = `sp_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  try {
    await migratePostgres(url);
    const db = await openDatabase({ url, ...(options.poolSize ? { poolSize: options.poolSize } : {}) });
    return {
      ...db,
      url,
      drop: async () => {
        await db.close();
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  } catch (error) {
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
}

export const defaultEngine = (): DatabaseEngine => (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Statements on one connection as the URL's own user (the test database's owner, a superuser in
 * tests), for what the app roles may not do: e.g. `SET session_replication_role = replica` first,
 * so the statements after it fire no trigger.
 */
export async function ownerQuery(
  url: string,
  statements: readonly (string | { text: string; values: unknown[] })[],
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements)
      await (typeof statement === "string" ? client.query(statement) : client.query(statement.text, statement.values));
  } finally {
    await client.end();
  }
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `fn` on one connection as the URL's owner (RLS does not apply): for tests that look at every tenant's rows. */
export { withOwnerConnection } from "./client.ts";
