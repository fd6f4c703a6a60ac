import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { installJobQueue, jobQueueGrantsSql } from "./job-queue.ts";
import { APP_ROLE, PLATFORM_ROLE } from "./roles.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../prisma/migrations", import.meta.url));

/**
 * The smallest surface both drivers (node-postgres, PGlite) offer for running migrations:
 * a parameterised query and a multi-statement script (simple query protocol).
 */
export type SqlSession = {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
};

export type MigrationResult = { applied: string[]; alreadyApplied: number };

/** One pending migration about to run: `step` counts from 1 to `total` (the pending ones only). */
export type MigrationProgress = { step: number; total: number; name: string };

export type MigrateOptions = {
  /** Folder of `<name>/migration.sql` (default: prisma/migrations). */
  dir?: string;
  /**
   * Told before each pending migration runs, so a first start can say "migrating 5/9: …" instead of
   * staying silent for half a minute. The caller decides where it goes (the server's logger, the CLI's
   * terminal): this package does not print.
   */
  onProgress?: (progress: MigrationProgress) => void;
};

/** "migrating 5/9: 20250101000000_add_calls…", the one wording every caller prints. */
export const describeMigrationProgress = ({ step, total, name }: MigrationProgress): string =>
  `migrating ${step}/${total}: ${name}…`;

type AppliedRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_KEY = 7_274_657;

const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

/**
 * Applies pending migrations in name order, each in its own transaction, and records them in
 * Prisma's `_prisma_migrations` table with Prisma's checksum (sha256 of the file), so Prisma's
 * tooling and ours agree on what has been applied. Why not `prisma migrate deploy`: it needs the
 * native schema engine, which cannot be installed here (docs/decisions/0002-migrations.md).
 *
 * Refuses to continue past a failed migration or one edited after it was applied, as Prisma does.
 */
export async function migrate(db: SqlSession, options: MigrateOptions = {}): Promise<MigrationResult> {
  const { dir = MIGRATIONS_DIR, onProgress } = options;
  await db.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const failed = rows.find((row) => row.finished_at === null);
    if (failed) {
      throw new Error(
        `Migration "${failed.migration_name}" failed earlier and is not resolved. Fix the database by hand, ` +
          `then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}').`,
      );
    }
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const migrations = listMigrations(dir);
    for (const { name, sql } of migrations) {
      const recorded = applied.get(name);
      if (recorded !== undefined && recorded !== checksum(sql)) {
        throw new Error(
          `Migration "${name}" was edited after it was applied. Add a new migration instead of editing an applied one.`,
        );
      }
    }
    const pending = migrations.filter(({ name }) => !applied.has(name));
    for (const [index, { name, sql }] of pending.entries()) {
      onProgress?.({ step: index + 1, total: pending.length, name });
      const id = randomUUID();
      try {
        await db.exec(`BEGIN;\n${sql}\n;COMMIT;`);
      } catch (error) {
        await db.exec("ROLLBACK").catch(() => undefined);
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at) VALUES ($1, $2, $3, $4, now())`,
          [id, checksum(sql), name, String(error)],
        );
        throw new Error(`Migration "${name}" failed and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await db.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [id, checksum(sql), name],
      );
    }
    await installJobQueue(db);
    await db.exec(grantsSql());
    await db.exec(jobQueueGrantsSql());
    return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length };
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}

/**
 * Roles and grants, re-applied after every migration run so a new table can never be left
 * without them. Roles are cluster-wide, so creating them tolerates a concurrent creator.
 *
 * - APP_ROLE: every request runs as this role. Owns nothing, no BYPASSRLS, so row-level security
 *   always applies. NOINHERIT: its membership in PLATFORM_ROLE grants nothing until it
 *   explicitly `SET LOCAL ROLE`s, which only the platform path does.
 * - PLATFORM_ROLE: BYPASSRLS, used by packages/db's platform path (owner console, routing).
 */
export function grantsSql(): string {
  const createRole = (name: string, attributes: string) => `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${name}') THEN
    CREATE ROLE ${name} ${attributes};
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;`;
  return `
${createRole(APP_ROLE, "NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT")}
${createRole(PLATFORM_ROLE, "NOLOGIN NOSUPERUSER BYPASSRLS NOCREATEDB NOCREATEROLE")}
DO $$ BEGIN
  IF NOT pg_has_role('${APP_ROLE}', '${PLATFORM_ROLE}', 'MEMBER') THEN
    GRANT ${PLATFORM_ROLE} TO ${APP_ROLE};
  END IF;
EXCEPTION WHEN unique_violation THEN NULL;
END $$;
GRANT USAGE ON SCHEMA public TO ${APP_ROLE}, ${PLATFORM_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}, ${PLATFORM_ROLE};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}, ${PLATFORM_ROLE};
REVOKE ALL ON TABLE "_prisma_migrations" FROM ${APP_ROLE}, ${PLATFORM_ROLE};
-- The audit trail is append-only for everyone, and only the platform path may read it.
REVOKE SELECT, UPDATE, DELETE, TRUNCATE ON TABLE audit_logs FROM ${APP_ROLE};
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE audit_logs FROM ${PLATFORM_ROLE};
-- Unrouted webhooks: the app role records them; only the platform path reads and reviews them.
REVOKE SELECT, UPDATE, DELETE, TRUNCATE ON TABLE unrouted_webhooks FROM ${APP_ROLE};
-- Directory of numbers: tenants read their own (RLS); only the platform path assigns numbers.
REVOKE INSERT, DELETE, TRUNCATE ON TABLE tenant_phone_configs FROM ${APP_ROLE};
GRANT EXECUTE ON FUNCTION app_route_inbound(text, text) TO ${APP_ROLE}, ${PLATFORM_ROLE};
-- Delivery status callbacks by MessageSid (tenant and message id only, see the route_message_sid migration).
GRANT EXECUTE ON FUNCTION app_route_message_sid(text) TO ${APP_ROLE}, ${PLATFORM_ROLE};
-- Call callbacks find their call's tenant by CallSid or RecordingSid (call_sid_routing migration).
GRANT EXECUTE ON FUNCTION app_route_call_sid(text, text) TO ${APP_ROLE}, ${PLATFORM_ROLE};
-- The durable Twilio intake: staging (as the app role, under RLS) and the workers' claim (durable_twilio_intake).
GRANT EXECUTE ON FUNCTION app_stage_twilio_events(jsonb) TO ${APP_ROLE};
GRANT EXECUTE ON FUNCTION app_claim_twilio_events(integer, integer) TO ${APP_ROLE};
-- Customer search (one tenant's ids only, see the customer_search migration).
GRANT EXECUTE ON FUNCTION app_customer_page(text, text, text, timestamptz, text, uuid, integer) TO ${APP_ROLE};
-- The import's customer matching and its statistics refresh (import_customer_matching migration).
GRANT EXECUTE ON FUNCTION app_customers_matching(text[], text[]) TO ${APP_ROLE};
GRANT EXECUTE ON FUNCTION app_refresh_import_statistics() TO ${APP_ROLE};
-- Concierge set-up requests are the owner's business only.
REVOKE ALL ON TABLE provisioning_requests FROM ${APP_ROLE};
-- Onboarding links are created by the platform path and redeemed (read, marked used) by anyone
-- holding the token; they are never deleted by the app.
REVOKE DELETE, TRUNCATE ON TABLE onboarding_tokens FROM ${APP_ROLE};
-- Who an onboarding notice goes to is the platform's business only (the job names the row, nothing more).
REVOKE ALL ON TABLE onboarding_notices FROM ${APP_ROLE};
-- The points ledger is append-only for the app (a correction is a new entry, never an edit).
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE loyalty_entries FROM ${APP_ROLE};
-- …except moving entries between two customers being merged (or unmerged): customer_id only, and the
-- table's trigger allows even that only inside a merge's transaction (customer_master_merges migration).
GRANT UPDATE (customer_id) ON TABLE loyalty_entries TO ${APP_ROLE};
-- The deletion log (issue 16) is written by the retention jobs and never edited; a purge removes it
-- with the business through the platform path.
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE data_deletions FROM ${APP_ROLE};
`;
}
