// The archive on real databases (PGlite, and PostgreSQL with TEST_DATABASE_URL): every file the
// manifest lists is in the ZIP with the row count and SHA-256 it claims; each kind's rows equal the
// business's rows in its table; an export of one business holds nothing of another (its markers and
// its ids, searched over every file); and every tenant-owned table is either exported or listed as
// not exported with a reason.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { platformDb, TENANT_OWNED_MODELS } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_KINDS, type Manifest, NOT_EXPORTED, writeExportArchive } from "../src/index.ts";
import { marker, seedBusiness } from "./seed.ts";
import { unzip } from "./unzip.ts";

const A = "alpha-wash";
const B = "bravo-wash";
const EXPORT_ID = "00000000-0000-4000-8000-000000000001";

describe.each(testEngines())("data export archive on %s", (engine) => {
  let db: TestDatabase;
  let dir = "";
  let entries: Map<string, Buffer>;
  let manifest: Manifest;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    dir = await mkdtemp(path.join(tmpdir(), "sp-export-"));
    await seedBusiness(db, A, 1, 3);
    await seedBusiness(db, B, 2, 5);
    const file = path.join(dir, "a.zip");
    const progress: number[] = [];
    const result = await writeExportArchive(db, A, file, {
      exportId: EXPORT_ID,
      now: new Date("2026-12-03T12:00:00Z"),
      onProgress: (rows) => {
        progress.push(rows);
      },
    });
    entries = await unzip(file);
    manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8")) as Manifest;
    expect(progress.at(-1)).toBe(result.rows);
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("should hold a CSV and a JSON Lines file per kind, a README and a manifest whose checksums match", () => {
    const names = [...entries.keys()].sort();
    const expected = [
      "README.md",
      "manifest.json",
      ...EXPORT_KINDS.flatMap((kind) => [`${kind.key}.csv`, `${kind.key}.jsonl`]),
    ].sort();
    expect(names).toEqual(expected);
    expect(manifest.files.map((f) => f.path).sort()).toEqual(expected.filter((n) => n !== "manifest.json"));
    for (const file of manifest.files) {
      const content = entries.get(file.path)!;
      expect(createHash("sha256").update(content).digest("hex"), file.path).toBe(file.sha256);
      expect(content.length, file.path).toBe(file.bytes);
    }
  });

  it("should count, per kind, exactly the business's rows of its table in both formats", async () => {
    for (const kind of EXPORT_KINDS) {
      const where = kind.where ?? "tenant_id = $1";
      const [row] = await platformDb(db, { actorUserId: null, purpose: "test.count" }).run((tx) =>
        tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${kind.table}" WHERE ${where}`, A),
      );
      const expected = row!.n;
      expect(expected, `${kind.key} has seeded rows`).toBeGreaterThan(0);
      const csv = manifest.files.find((f) => f.path === `${kind.key}.csv`)!;
      const jsonl = manifest.files.find((f) => f.path === `${kind.key}.jsonl`)!;
      expect(csv.rows, kind.key).toBe(expected);
      expect(jsonl.rows, kind.key).toBe(expected);
      const lines = entries.get(jsonl.path)!.toString("utf8").split("\n").filter(Boolean);
      expect(lines).toHaveLength(expected);
    }
    const messages = entries.get("messages.jsonl")!.toString("utf8").split("\n").filter(Boolean);
    const first = JSON.parse(messages[0]!) as Record<string, unknown>;
    expect(first.body).toMatch(/^MARKALPHAWASHX hello \d, "quoted", comma\nnew line$/);
    expect(first.media).toEqual([{ url: "https://example.com/MARKALPHAWASHX.jpg", contentType: "image/jpeg" }]);
    expect(first.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("should hold nothing of another business: no marker and no id of its rows, in any file", async () => {
    const all = [...entries.values()].map((b) => b.toString("utf8")).join("\n");
    expect(all).toContain(marker(A));
    expect(all).not.toContain(marker(B));
    expect(all).not.toContain(B);
    // Every id of every row B has in any exported table.
    const ids = await platformDb(db, { actorUserId: null, purpose: "test.ids" }).run(async (tx) => {
      const found: string[] = [];
      for (const kind of EXPORT_KINDS.filter((k) => k.scope === "tenant" && k.columns.some((c) => c.name === "id"))) {
        const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
          `SELECT id::text AS id FROM "${kind.table}" WHERE tenant_id = $1`,
          B,
        );
        found.push(...rows.map((r) => r.id));
      }
      return found;
    });
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(all.includes(id), `an id of ${B}`).toBe(false);
  });

  it("should cover every tenant-owned table: exported, or listed as not exported with a reason", () => {
    const exported = new Set(EXPORT_KINDS.flatMap((kind) => kind.models));
    for (const model of TENANT_OWNED_MODELS) {
      const covered = exported.has(model) || (NOT_EXPORTED[model]?.length ?? 0) > 10;
      expect(covered, `${model}: add it to EXPORT_KINDS or to NOT_EXPORTED with the reason`).toBe(true);
      expect(exported.has(model) && model in NOT_EXPORTED, `${model} is in both lists`).toBe(false);
    }
  });

  it("should describe every column of every file in the README", () => {
    const readme = entries.get("README.md")!.toString("utf8");
    for (const kind of EXPORT_KINDS) {
      expect(readme).toContain(`\`${kind.key}.csv\``);
      for (const column of kind.columns) expect(readme, `${kind.key}.${column.name}`).toContain(`\`${column.name}\``);
    }
  });
});
