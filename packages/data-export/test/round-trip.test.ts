// Import, then export (issue 16, "Tests and figures"): every row a business brings in from CSV files
// comes out of its export archive with the same values, and importing the same files a second time
// changes nothing the export shows. On PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { platformDb, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { createImport, filePathOf, queueImport, runImport } from "@servicepro/imports";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeExportArchive } from "../src/index.ts";
import { unzip } from "./unzip.ts";

const CUSTOMERS = [
  "Name,Phone,Email,Address,Notes,Tags",
  'Ana Ruiz,(512) 555-0101,Ana.Ruiz@Example.com,"12 Oak St, Austin TX",Gate code 4411,vip',
  "Ben Okafor,512-555-0102,ben@example.org,9 Elm Ave,,",
  '"Chen, Li",+1 512 555 0103,,,"Prefers texts, not calls",fleet',
].join("\n");
const ASSETS = [
  "Customer Phone,Kind,Description",
  "5125550101,vehicle,2021 Toyota RAV4",
  "5125550103,pet,Biscuit",
].join("\n");
const POINTS = ["Phone,Points", "5125550101,120", "5125550102,35"].join("\n");

type Kind = "customers" | "assets" | "points";
// The customers file has the plain spreadsheet's headers; the other two are mapped column by column.
const FILES: [Kind, string, Record<string, string> | null][] = [
  ["customers", CUSTOMERS, null],
  ["assets", ASSETS, { customerPhone: "Customer Phone", kind: "Kind", label: "Description" }],
  ["points", POINTS, { customerPhone: "Phone", points: "Points" }],
];

describe.each(testEngines())("import then export on %s", (engine) => {
  let db: TestDatabase;
  let filesDir: string;
  const tenantId = `roundtrip-${engine}`;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    filesDir = await mkdtemp(path.join(tmpdir(), "round-trip-"));
    await platformDb(db, { actorUserId: null, purpose: "test.round-trip" }).run((tx) =>
      tx.tenant.create({
        data: { id: tenantId, name: "Round Trip Detailing", slug: tenantId, timezone: "America/Chicago" },
      }),
    );
  });
  afterAll(async () => {
    await db?.drop();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  async function importFile(kind: Kind, csv: string, mapping: Record<string, string> | null) {
    const choice = mapping ? { mapping } : { preset: "spreadsheet" as const };
    const record = await tenantDb(db, tenantId).run((tx) =>
      createImport(tx, tenantId, { kind, fileName: `${kind}.csv`, ...choice }, null),
    );
    const relative = filePathOf(tenantId, record.id);
    await mkdir(path.dirname(path.join(filesDir, relative)), { recursive: true });
    await writeFile(path.join(filesDir, relative), csv);
    await tenantDb(db, tenantId).run(async (tx) => {
      await tx.dataImport.update({
        where: { tenantId_id: { tenantId, id: record.id } },
        data: { filePath: relative, status: "uploaded" },
      });
      await queueImport(tx, record.id);
    });
    expect(await runImport({ db, filesDir }, tenantId, record.id)).toMatchObject({ outcome: "completed" });
    const done = await tenantDb(db, tenantId).run((tx) => tx.dataImport.findFirstOrThrow({ where: { id: record.id } }));
    // Every row of these files is good: none is rejected or left for review.
    expect({ kind, problems: done.problems, rejected: done.rejectedCount }).toEqual({
      kind,
      problems: [],
      rejected: 0,
    });
  }

  type Rows = Record<string, string>[];
  async function exported(name: string): Promise<{ customers: Rows; assets: Rows; loyalty: Rows }> {
    const file = path.join(filesDir, `${name}.zip`);
    await writeExportArchive(db, tenantId, file, { exportId: name, now: new Date("2026-12-03T12:00:00Z") });
    const entries = await unzip(file);
    const csv = (entry: string) => parse(entries.get(entry)!.toString("utf8"), { columns: true }) as Rows;
    return { customers: csv("customers.csv"), assets: csv("assets.csv"), loyalty: csv("loyalty-entries.csv") };
  }

  it("should export every imported row with the values it was imported with", async () => {
    for (const [kind, csv, mapping] of FILES) await importFile(kind, csv, mapping);
    const out = await exported("first");

    const byPhone = new Map(out.customers.map((c) => [c.phone, c]));
    expect(out.customers).toHaveLength(3);
    expect(byPhone.get("+15125550101")).toMatchObject({
      name: "Ana Ruiz",
      email: "ana.ruiz@example.com",
      address: "12 Oak St, Austin TX",
      notes: "Gate code 4411",
      points_balance: "120",
    });
    expect(byPhone.get("+15125550101")?.tags).toContain("vip");
    expect(byPhone.get("+15125550102")).toMatchObject({
      name: "Ben Okafor",
      email: "ben@example.org",
      points_balance: "35",
    });
    expect(byPhone.get("+15125550103")).toMatchObject({ name: "Chen, Li", notes: "Prefers texts, not calls" });

    const ownerOf = (customerId: string | undefined) => out.customers.find((c) => c.id === customerId)?.phone;
    expect(out.assets.map((a) => [ownerOf(a.customer_id), a.kind, a.label]).sort()).toEqual([
      ["+15125550101", "vehicle", "2021 Toyota RAV4"],
      ["+15125550103", "pet", "Biscuit"],
    ]);
    expect(out.loyalty.map((e) => [ownerOf(e.customer_id), e.points]).sort()).toEqual([
      ["+15125550101", "120"],
      ["+15125550102", "35"],
    ]);
  });

  it("should export the same rows after the same files are imported again", async () => {
    const before = await exported("before-again");
    for (const [kind, csv, mapping] of FILES) await importFile(kind, csv, mapping);
    const after = await exported("after-again");
    expect(after).toEqual(before);
  });
});
