// Types for schema-engine.mjs (the WASM Prisma schema engine driven through a PGlite adapter).
import type { PGlite } from "@electric-sql/pglite";
import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaContainer, SchemaEngine } from "@prisma/schema-engine-wasm";

export declare const MIGRATION_FILE: "migration.sql";
export declare const LOCK_FILE: "migration_lock.toml";
/** What `prisma migrate dev` writes to migration_lock.toml for PostgreSQL. */
export declare const LOCK_FILE_CONTENT: string;

/** Absolute schema and migrations paths from packages/db/prisma.config.ts (or the given config). */
export declare function prismaPaths(configPath?: string): Promise<{ schemaPath: string; migrationsDir: string }>;

/** Git hash of the loaded @prisma/schema-engine-wasm build. */
export declare function schemaEngineVersion(): Promise<string>;

/** A fresh in-memory PGlite, loaded from a cached empty-cluster dump when available. */
export declare function createMemoryPGlite(): Promise<PGlite>;

/**
 * Migration-aware adapter factory over `pglite` (executeScript awaited, errors mapped); shadow
 * databases are fresh in-memory PGlite instances closed on dispose.
 */
export declare function pgliteAdapterFactory(
  pglite: PGlite,
  options?: { onShadowCreated?: (shadow: PGlite) => void },
): ErrorCapturingSqlMigrationAwareDriverAdapterFactory;

/** The schema file, or every *.prisma file under a schema folder, as engine input. */
export declare function readSchemaFiles(schemaPath: string): Promise<SchemaContainer[]>;

/** The migrations folder as the engine's MigrationList (like the Prisma CLI builds it). */
export declare function readMigrationsList(
  migrationsDir: string,
  options?: { defaultLockfile?: boolean },
): Promise<MigrationList>;

/** Runs `fn` with a SchemaEngine on a throwaway in-memory PGlite and cleans everything up. */
export declare function withSchemaEngine<T>(
  schemaFiles: SchemaContainer[],
  fn: (engine: SchemaEngine) => Promise<T>,
): Promise<T>;

/**
 * SQL needed to bring the migrations in `migrationsDir` up to `schemaPath`; "" when in sync.
 * Hand-written SQL that Prisma does not model (RLS policies, grants, functions, triggers, roles)
 * never counts as drift. `defaultLockfile` (default true): a missing migration_lock.toml counts as
 * `provider = "postgresql"`.
 */
export declare function diffSchemaToMigrations(options: {
  schemaPath: string;
  migrationsDir: string;
  defaultLockfile?: boolean;
}): Promise<string>;

/** The full SQL that creates `schemaPath` in an empty database. */
export declare function diffEmptyToSchema(options: { schemaPath: string }): Promise<string>;
