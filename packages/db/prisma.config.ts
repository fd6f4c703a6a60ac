import path from "node:path";
import { defineConfig } from "prisma/config";

// The Prisma CLI insists on a native schema-engine binary even for `generate`, which never runs
// it, and would otherwise try to download one (blocked here). Point it at a placeholder that
// fails loudly if anything does try to run it; migrations use src/migrate.ts and the WASM engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts/no-schema-engine.cjs");

export default defineConfig({
  schema: "../../prisma/schema.prisma",
  migrations: { path: "../../prisma/migrations" },
});
