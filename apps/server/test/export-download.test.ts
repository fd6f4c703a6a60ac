// GET /exports/:id/download?token=…: the archive streams as an attachment to whoever holds the
// link, with the checksum the export recorded; a wrong token is a 404; after 24 hours (a fake
// clock) a 410 says what to do; every attempt is in the audit log.
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { archivePath, createExportRow, runExport } from "@servicepro/data-export";
import { platformDb, tenantDb } from "@servicepro/db";
import { createTestDatabase, defaultEngine, type TestDatabase } from "@servicepro/db/testing";
import { Hono } from "hono";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBusiness } from "../../../packages/data-export/test/seed.ts";
import type { HonoEnv } from "../src/app.ts";
import { exportRoutes } from "../src/exports.ts";

const TENANT = "download-wash";
let db: TestDatabase;
let filesDir = "";
let now = new Date("2026-12-03T12:00:00Z");
let exportId = "";
let token = "";

function app() {
  const logger = pino({ level: "silent" });
  const hono = new Hono<HonoEnv>();
  hono.use((c, next) => (c.set("logger", logger), c.set("requestId", "req-1"), next()));
  hono.route("/exports", exportRoutes({ db, filesDir, now: () => now, clientIp: () => "203.0.113.5" }));
  return hono;
}

beforeAll(async () => {
  db = await createTestDatabase(defaultEngine());
  filesDir = await mkdtemp(path.join(tmpdir(), "sp-export-download-"));
  await seedBusiness(db, TENANT, 7);
  const created = await tenantDb(db, TENANT).run((tx) =>
    createExportRow(tx, TENANT, { requestedByUserId: null, byPlatform: false }),
  );
  exportId = created.exportRow.id;
  token = created.token;
  // A build that crashed half-way left a partial file and a running row: the re-run starts over.
  await tenantDb(db, TENANT).run((tx) =>
    tx.dataExport.updateMany({ where: { id: exportId }, data: { status: "running", rowsWritten: 7 } }),
  );
  await writeFile(`${archivePath(filesDir, TENANT, exportId)}.partial`, "half an archive").catch(() => undefined);
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  expect(await runExport({ db, filesDir, logger: silent, now: () => now }, { tenantId: TENANT, exportId })).toBe(
    "ready",
  );
}, 60_000);
afterAll(async () => {
  await db?.drop();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

const downloads = () =>
  platformDb(db, { actorUserId: null, purpose: "test" }).run((tx) =>
    tx.auditLog.findMany({ where: { action: "data_export_downloaded" }, orderBy: { createdAt: "asc" } }),
  );

describe("export download", () => {
  it("should stream the archive as an attachment with the checksum the export recorded", async () => {
    const res = await app().request(`/exports/${exportId}/download?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const row = await tenantDb(db, TENANT).run((tx) => tx.dataExport.findFirst({ where: { id: exportId } }));
    // The name carries the day the export was asked for (the row's own clock, not the test's).
    const day = row!.createdAt.toISOString().slice(0, 10);
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="servicepro-export-${TENANT}-${day}.zip"`,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash("sha256").update(body).digest("hex")).toBe(row!.sha256);
    expect(body.length).toBe(Number(row!.bytes));
    expect(await downloads()).toMatchObject([{ outcome: "success", objectId: exportId, ip: "203.0.113.5" }]);
  });

  it("should answer 404 to a wrong token and an unknown export", async () => {
    expect((await app().request(`/exports/${exportId}/download?token=nope`)).status).toBe(404);
    expect((await app().request(`/exports/${exportId}/download`)).status).toBe(404);
    expect((await app().request("/exports/not-an-id/download?token=x")).status).toBe(404);
  });

  it("should answer 410 with what to do once the link's 24 hours are over", async () => {
    now = new Date(now.getTime() + 24 * 60 * 60 * 1000);
    const res = await app().request(`/exports/${exportId}/download?token=${token}`);
    expect(res.status).toBe(410);
    expect(await res.text()).toMatch(/expired: links work for 24 hours after the export is ready\. Start a new export/);
    expect((await downloads()).map((row) => row.outcome)).toEqual(["success", "failure", "failure", "failure"]);
    const reasons = (await downloads()).map((row) => (row.details as { reason?: string } | null)?.reason ?? null);
    expect(reasons).toEqual([null, "wrong_token", "wrong_token", "expired"]);
  });
});
