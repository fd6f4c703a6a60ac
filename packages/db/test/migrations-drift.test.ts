// schema.prisma and prisma/migrations must describe the same database: every change to the schema
// needs a migration (`pnpm --filter @servicepro/db migrate:new <name>`). Same check as
// `migrate:check`, run in-process through the WASM schema engine with an in-memory PGlite shadow
// database (docs/decisions/0002-migrations.md).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffSchemaToMigrations, prismaPaths } from "../scripts/schema-engine.mjs";

// Each test takes 1-6 s (two in-memory PGlite instances + the WASM engine); the first run in a
// fresh checkout also builds the PGlite cache (initdb). Headroom for a loaded CI machine: every
// migration is replayed, and a shared machine running other suites took over 30 s with 28 of them.
const TIMEOUT_MS = 120_000;

describe("migrations drift", () => {
  it(
    "schema.prisma matches prisma/migrations (hand-written RLS/function/trigger SQL is not drift)",
    async () => {
      const { schemaPath, migrationsDir } = await prismaPaths();
      const missingSql = await diffSchemaToMigrations({ schemaPath, migrationsDir });
      expect(
        missingSql,
        "schema.prisma has changes without a migration: run `pnpm --filter @servicepro/db migrate:new <name>`",
      ).toBe("");
    },
    TIMEOUT_MS,
  );

  it(
    "reports a schema change that has no migration (the check can fail)",
    async () => {
      const { schemaPath, migrationsDir } = await prismaPaths();
      const dir = await mkdtemp(path.join(tmpdir(), "servicepro-drift-"));
      try {
        const changed = path.join(dir, "schema.prisma");
        await writeFile(
          changed,
          `${await readFile(schemaPath, "utf8")}\nmodel DriftProbe {\n  id String @id\n\n  @@map("drift_probe")\n}\n`,
        );
        const missingSql = await diffSchemaToMigrations({ schemaPath: changed, migrationsDir });
        expect(missingSql).toContain('CREATE TABLE "drift_probe"');
        expect(missingSql).not.toContain('CREATE TABLE "tenants"');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    TIMEOUT_MS,
  );
});
