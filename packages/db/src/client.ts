import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { fromPglite } from "pg-boss";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type ChangeFeed, pgliteChangeFeed, postgresChangeFeed } from "./changes.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import {
  describeMigrationProgress,
  listMigrations,
  type MigrateOptions,
  type MigrationResult,
  migrate,
  type SqlSession,
} from "./migrate.ts";
import { APP_ROLE, PLATFORM_ROLE } from "./roles.ts";

export type DatabaseEngine = "postgres" | "pglite";

export type Database = {
  engine: DatabaseEngine;
  /** Runs as the app role: row-level security applies to every query. Prefer tenantDb()/platformDb(). */
  prisma: PrismaClient;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  /** The job queue's connection (pg-boss's IDatabase), as the app role. See job-queue.ts. */
  jobQueue: JobQueueConnection;
  /**
   * Plain SQL as the app role, one statement per call, no Prisma in between: for hot paths whose
   * statement is a function call or a typed insert (Prisma costs ~0.9 ms of CPU per round trip).
   * Row-level security applies exactly as for `prisma`; tenant work goes through functions that set
   * `app.tenant_id` themselves (see the intake's app_stage_twilio_events).
   */
  sql: SqlDatabase;
  /** LISTEN/NOTIFY: how in-process caches learn that the database changed (changes.ts). */
  changes: ChangeFeed;
  /**
   * PostgreSQL only (null on PGlite): a client on a small pool of its own whose connections start
   * in PLATFORM_ROLE, read-only, so a platform read is one statement with no BEGIN / SET ROLE
   * around it. Use it through platformReadDb() (platform.ts), never directly.
   */
  platformRead: PrismaClient | null;
  close(): Promise<void>;
};

export type SqlExecutor = {
  /**
   * `prepare`: keep the statement prepared on its connection (PostgreSQL), named by its text, so a
   * statement the app runs all the time is parsed and planned once per connection, not per call
   * (PostgreSQL may then settle on a generic plan). For fixed statement texts only; PGlite ignores it.
   */
  query<T>(text: string, values?: unknown[], options?: { prepare?: boolean }): Promise<T[]>;
};

export type SqlDatabase = SqlExecutor & {
  /**
   * Several statements on one connection, in one transaction: committed when `fn` resolves, rolled
   * back when it throws. `settings` are set with `set_config(name, value, true)` in the same round
   * trip as BEGIN, so they last exactly as long as the transaction (how tenant work sets
   * `app.tenant_id`; see tenantDb().query).
   */
  transaction<T>(fn: (sql: SqlExecutor) => Promise<T>, settings?: Readonly<Record<string, string>>): Promise<T>;
};

export type JobQueueConnection = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  listen?: PGliteJobQueue["listen"];
};
type PGliteJobQueue = ReturnType<typeof fromPglite>;

export type DatabaseLogger = { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };

export type OpenDatabaseOptions = {
  /** `postgres://…` opens PostgreSQL; anything else (or nothing) opens embedded PGlite. */
  url?: string | undefined;
  /** PGlite data folder (default `.data/pglite`); `memory://` keeps the database in memory. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** Pool size of PostgreSQL's read-only platform pool (platformRead); default 4. */
  platformReadPoolSize?: number;
  logger?: DatabaseLogger;
};

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//.test(url);

export const redactUrl = (url: string) => url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, "//$1@");

/**
 * Opens the database the app runs on. PostgreSQL when `url` is a postgres URL (migrations are
 * applied separately with `pnpm db:migrate`; pending ones make this throw), otherwise an embedded
 * PGlite database that is created and migrated on first open.
 *
 * Either way the returned client runs as APP_ROLE, so a query that forgets its tenant sees nothing.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  return isPostgresUrl(options.url)
    ? openPostgres(options.url, options)
    : openPglite(options.dataDir ?? ".data/pglite", options);
}

/**
 * The pool's own error listener covers idle clients only: pg-pool removes it while a client is
 * checked out (held by an interactive transaction between its statements, or by poolTransaction).
 * A connection that dies then (PostgreSQL restarting, an administrator's pg_terminate_backend) would
 * emit 'error' with no listener and crash the process. This listener stays for the client's life;
 * the statement in flight or the next one still fails, and the pool discards the client on release.
 */
function keepCheckedOutErrorsHandled(pool: pg.Pool, logger: OpenDatabaseOptions["logger"]): void {
  pool.on("connect", (client) => {
    client.on("error", (error) => logger?.warn({ err: error }, "PostgreSQL connection failed while in use"));
  });
}

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const pending = await pendingMigrations(url);
  if (pending.length > 0) {
    throw new Error(
      `The database at ${redactUrl(url)} has ${pending.length} pending migration(s) (${pending.join(", ")}). Run \`pnpm db:migrate\` first.`,
    );
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // Fail fast instead of queueing forever when PostgreSQL is down (pg's default is to wait).
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    // Every connection assumes the app role at start-up; if that fails, the connection fails,
    // so no query can ever run with the login role's own (possibly owner) rights.
    options: `-c role=${APP_ROLE} -c idle_in_transaction_session_timeout=15000`,
  });
  // Without a listener, an idle client's error (e.g. the server restarting) crashes the process.
  pool.on("error", (error) => options.logger?.warn({ err: error }, "idle PostgreSQL connection failed"));
  keepCheckedOutErrorsHandled(pool, options.logger);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  // The platform path's reads: the connection starts in the platform role and read-only, so a read is
  // one statement, and nothing on this pool can write (writes and their audit rows go through platformDb).
  const readPool = new pg.Pool({
    connectionString: url,
    max: options.platformReadPoolSize ?? 4,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    options: `-c role=${PLATFORM_ROLE} -c default_transaction_read_only=on -c idle_in_transaction_session_timeout=15000`,
  });
  readPool.on("error", (error) => options.logger?.warn({ err: error }, "idle PostgreSQL connection failed"));
  keepCheckedOutErrorsHandled(readPool, options.logger);
  const platformRead = new PrismaClient({ adapter: new PrismaPg(readPool, { disposeExternalPool: true }) });
  const changes = postgresChangeFeed(url, options.logger);
  return {
    engine: "postgres",
    prisma,
    platformRead,
    sql: {
      query: async <T>(text: string, values?: unknown[]) => (await pool.query(text, values)).rows as T[],
      transaction: (fn, settings) => poolTransaction(pool, fn, settings),
    },
    changes,
    jobQueue: {
      async executeSql(text, values) {
        const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
        return { rows: Array.isArray(result) ? result.flatMap((r) => r.rows ?? []) : result.rows };
      },
    },
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: async () => {
      await changes.close();
      await platformRead.$disconnect();
      await prisma.$disconnect();
    },
  };
}

/**
 * A transaction on one pooled connection, with raw `pg` (no Prisma): BEGIN and the settings go as
 * one simple-protocol round trip (values as escaped literals: the simple protocol takes no
 * parameters), then `fn`'s statements, then COMMIT. A connection whose ROLLBACK fails is discarded.
 */
async function poolTransaction<T>(
  pool: pg.Pool,
  fn: (sql: SqlExecutor) => Promise<T>,
  settings: Readonly<Record<string, string>> = {},
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const begin = Object.entries(settings).map(
      ([name, value]) => `SELECT set_config(${client.escapeLiteral(name)}, ${client.escapeLiteral(value)}, true)`,
    );
    await client.query(["BEGIN", ...begin].join("; "));
    const result = await fn({
      query: async <R>(text: string, values?: unknown[], options?: { prepare?: boolean }) =>
        (await client.query(options?.prepare ? { name: statementName(text), text, values } : { text, values }))
          .rows as R[],
    });
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A prepared statement's name: a digest of its text (node-postgres keeps one per name per connection). */
const statementName = (text: string) => `sp_${createHash("sha1").update(text).digest("base64url")}`;

/**
 * The contrib extensions the migrations create (btree_gist for the double-booking exclusion
 * constraint, pg_trgm for customer search). PGlite must load them in every instance that opens
 * the data, so every PGlite here is created with these.
 */
export const PGLITE_EXTENSIONS = { btree_gist, pg_trgm };

async function openPglite(dataDir: string, options: OpenDatabaseOptions): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // Creating the cluster is the slow, silent part of a first start: say so before it begins.
  if (!inMemory && !existsSync(path.join(dataDir, "PG_VERSION")))
    options.logger?.info({ dataDir }, "creating the embedded database (first start: this takes a while)…");
  // 1) As PGlite's superuser: migrate and grant. Superusers bypass row-level security, so this
  //    connection is closed before anything else runs.
  const admin = inMemory
    ? await PGlite.create({ extensions: PGLITE_EXTENSIONS })
    : await PGlite.create(dataDir, { extensions: PGLITE_EXTENSIONS });
  const result = await migrate(pgliteSession(admin), {
    onProgress: (progress) => options.logger?.info({ migration: progress }, describeMigrationProgress(progress)),
  });
  if (result.applied.length > 0)
    options.logger?.info({ applied: result.applied }, "applied migrations to the embedded database");
  if (inMemory) {
    const dump = await admin.dumpDataDir("none");
    await admin.close();
    return openPgliteFromDump(dump);
  }
  await admin.close();
  // 2) Everything else runs as the app role, subject to row-level security.
  return wrapPglite(await PGlite.create(dataDir, { username: APP_ROLE, extensions: PGLITE_EXTENSIONS }));
}

/** A fresh in-memory database from a migrated PGlite dump (tests open many of these). */
export async function openPgliteFromDump(dump: Blob | File): Promise<Database> {
  return wrapPglite(await PGlite.create({ loadDataDir: dump, username: APP_ROLE, extensions: PGLITE_EXTENSIONS }));
}

/** Dumps a freshly migrated in-memory database, for openPgliteFromDump. */
export async function migratedPgliteDump(): Promise<Blob | File> {
  const admin = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  await migrate(pgliteSession(admin));
  const dump = await admin.dumpDataDir("none");
  await admin.close();
  return dump;
}

function wrapPglite(client: PGlite): Database {
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const changes = pgliteChangeFeed(client);
  return {
    engine: "pglite",
    prisma,
    // One connection in one process: platformReadDb() runs its reads in a read-only platform transaction.
    platformRead: null,
    sql: {
      query: async <T>(text: string, values?: unknown[]) => (await client.query<T>(text, values)).rows,
      // PGlite is one connection: its transaction() holds it (Prisma's queries wait) until fn settles.
      transaction: (fn, settings) =>
        client.transaction(async (tx) => {
          for (const [name, value] of Object.entries(settings ?? {}))
            await tx.query("SELECT set_config($1, $2, true)", [name, value]);
          return fn({ query: async <T>(text: string, values?: unknown[]) => (await tx.query<T>(text, values)).rows });
        }),
    },
    changes,
    jobQueue: fromPglite(client),
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: async () => {
      await changes.close();
      await prisma.$disconnect();
      await client.close();
    },
  };
}

export function pgliteSession(db: PGlite): SqlSession {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (script: string) => {
      await db.exec(script);
    },
  };
}

export function pgSession(client: pg.ClientBase): SqlSession {
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      // Without parameters pg uses the simple protocol, where a script yields one result per statement.
      const result = (await client.query(sql, params)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(result) ? result.flatMap((r) => r.rows ?? []) : result.rows) as T[];
    },
    // A query without parameters uses the simple protocol, which runs a multi-statement script.
    exec: async (script: string) => {
      await client.query(script);
    },
  };
}

/** Runs `fn` with a single connection as the URL's own (migration/owner) user. */
export async function withOwnerConnection<T>(url: string, fn: (session: SqlSession) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(pgSession(client));
  } finally {
    await client.end();
  }
}

/** Applies pending migrations to a PostgreSQL database (`pnpm db:migrate`). */
export const migratePostgres = (url: string, onProgress?: MigrateOptions["onProgress"]): Promise<MigrationResult> =>
  withOwnerConnection(url, (session) => migrate(session, onProgress ? { onProgress } : {}));

async function pendingMigrations(url: string): Promise<string[]> {
  const names = listMigrations().map((m) => m.name);
  const applied = await withOwnerConnection(url, async (session) => {
    // A dedicated app login role may not read the migrations table; then the check is skipped.
    const [{ readable } = { readable: false }] = await session.query<{ readable: boolean }>(
      `SELECT to_regclass('public._prisma_migrations') IS NULL OR has_table_privilege('public._prisma_migrations', 'SELECT') AS readable`,
    );
    if (!readable) return new Set(names);
    const [{ exists } = { exists: false }] = await session.query<{ exists: boolean }>(
      `SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS exists`,
    );
    if (!exists) return new Set<string>();
    const rows = await session.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((r) => r.migration_name));
  });
  return names.filter((name) => !applied.has(name));
}
