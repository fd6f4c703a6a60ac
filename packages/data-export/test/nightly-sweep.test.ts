// The nightly retention run deletes export archives whose 24-hour link is over, even when the
// business never exports again: before, an expired archive (every customer's data, in one file)
// stayed on disk until the business's next export finished.
import { access, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, defaultEngine, type TestDatabase } from "@servicepro/db/testing";
import { createDevEmailSender } from "@servicepro/notifications";
import { runTenantRetention } from "@servicepro/retention";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archivePath, createExportRow, type ExportDeps, runExport, sweepExpired } from "../src/index.ts";
import { seedBusiness } from "./seed.ts";

const TENANT = "sweep-wash";
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let db: TestDatabase;
let filesDir = "";
let now = new Date("2026-12-03T12:00:00Z");

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  db = await createTestDatabase(defaultEngine());
  filesDir = await mkdtemp(path.join(tmpdir(), "sp-export-sweep-"));
  await seedBusiness(db, TENANT, 8);
}, 60_000);
afterAll(async () => {
  await db?.drop();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

describe("the nightly sweep of expired export archives", () => {
  it("should delete an archive once its link is over and leave a fresh one", async () => {
    const exportDeps: ExportDeps = { db, filesDir, logger: quiet, now: () => now };
    const build = async () => {
      const { exportRow } = await tenantDb(db, TENANT).run((tx) =>
        createExportRow(tx, TENANT, { requestedByUserId: null, byPlatform: false }),
      );
      expect(await runExport(exportDeps, { tenantId: TENANT, exportId: exportRow.id })).toBe("ready");
      return exportRow.id;
    };
    const nightly = () =>
      runTenantRetention(
        {
          db,
          email: createDevEmailSender(quiet),
          logger: quiet,
          now: () => now,
          sweepExpiredExports: (tenantId) => sweepExpired(exportDeps, tenantId),
        },
        TENANT,
      );
    const old = await build();
    now = new Date(now.getTime() + 20 * 60 * 60 * 1000);
    const fresh = await build();

    // 20 hours on: both links still work, nothing is deleted.
    expect((await nightly()).expiredExports).toBe(0);
    expect(await exists(archivePath(filesDir, TENANT, old))).toBe(true);

    // 25 hours after the first was ready: its file goes, the second's stays.
    now = new Date(now.getTime() + 5 * 60 * 60 * 1000);
    expect((await nightly()).expiredExports).toBe(1);
    expect(await exists(archivePath(filesDir, TENANT, old))).toBe(false);
    expect(await exists(archivePath(filesDir, TENANT, fresh))).toBe(true);
    const statuses = await tenantDb(db, TENANT).run((tx) =>
      tx.dataExport.findMany({ select: { id: true, status: true }, orderBy: { createdAt: "asc" } }),
    );
    expect(statuses).toEqual([
      { id: old, status: "expired" },
      { id: fresh, status: "ready" },
    ]);
    // A second run the same night finds nothing more.
    expect((await nightly()).expiredExports).toBe(0);
  });
});
