// A first start spends half a minute migrating: the runner tells its caller each step so the
// server can log "migrating 5/9: <name>…" instead of staying silent.
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { PGLITE_EXTENSIONS, pgliteSession } from "../src/client.ts";
import { describeMigrationProgress, listMigrations, type MigrationProgress, migrate } from "../src/migrate.ts";

const names = listMigrations().map((m) => m.name);

describe("migration progress", () => {
  it("reports each pending migration in order, and nothing once all are applied", async () => {
    const pg = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    try {
      const first: MigrationProgress[] = [];
      await migrate(pgliteSession(pg), { onProgress: (p) => first.push(p) });
      expect(names.length).toBeGreaterThan(0);
      expect(first).toEqual(names.map((name, i) => ({ step: i + 1, total: names.length, name })));

      const again: MigrationProgress[] = [];
      const result = await migrate(pgliteSession(pg), { onProgress: (p) => again.push(p) });
      expect(again).toEqual([]);
      expect(result).toEqual({ applied: [], alreadyApplied: names.length });
    } finally {
      await pg.close();
    }
  });

  it("is worded 'migrating i/n: name…' for every caller (server log, CLI)", () => {
    expect(describeMigrationProgress({ step: 5, total: 9, name: "20261121_add_calls" })).toBe(
      "migrating 5/9: 20261121_add_calls…",
    );
  });
});
