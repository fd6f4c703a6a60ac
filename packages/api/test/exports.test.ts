// "Export your data" through the API (issue 16 §3), on the demo data: an admin asks, the job builds
// the archive (run here by hand), the list shows it ready, its link works for 24 hours (a fake
// clock) and each download is audited; every plan and every status can export; a cancelled
// account's sign-in can do nothing else; the platform owner cannot export while impersonating but
// can export any business from the console.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkDownload, type ExportView, runExport } from "@servicepro/data-export";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GREEN_LAWN_ADMIN,
  GREEN_LAWN_STAFF,
  type Harness,
  manualClock,
  OWNER,
  startHarness,
} from "./owner-console-harness.ts";

const clock = manualClock(new Date("2026-12-03T12:00:00Z"));
const queued: { tenantId: string; exportId: string }[] = [];
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let h: Harness;
let filesDir = "";

beforeAll(async () => {
  h = await startHarness({
    now: clock.now,
    messaging: {
      exports: {
        start: async (tenantId: string, exportId: string) => {
          queued.push({ tenantId, exportId });
        },
      },
    },
  });
  filesDir = await mkdtemp(path.join(tmpdir(), "sp-exports-api-"));
}, 60_000);
afterAll(async () => {
  await h?.close();
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

const deps = () => ({ db: h.db, filesDir, logger: silent, now: clock.now });
const tokenOf = (downloadPath: string) => new URL(downloadPath, "http://x").searchParams.get("token")!;
type Created = { export: ExportView; downloadPath: string };

describe("tenant.exports", () => {
  let created: Created;

  it("should queue an export for an admin, audited, and build it with its progress", async () => {
    const admin = await h.signIn(GREEN_LAWN_ADMIN);
    const res = await h.call("mutation", "tenant.exports.create", undefined, admin);
    expect(res.status).toBe(200);
    created = res.data as Created;
    expect(created.export.status).toBe("queued");
    expect(created.downloadPath).toMatch(new RegExp(`^/exports/${created.export.id}/download\\?token=[\\w-]{43}$`));
    expect(queued.at(-1)).toEqual({ tenantId: "green-lawn", exportId: created.export.id });
    const audits = await h.auditRows({ action: "data_export_created", targetTenantId: "green-lawn" });
    expect(audits.at(-1)).toMatchObject({ objectId: created.export.id, actorTenantId: "green-lawn" });

    expect(await runExport(deps(), { tenantId: "green-lawn", exportId: created.export.id })).toBe("ready");
    // A duplicate job (a retry after it finished) changes nothing.
    expect(await runExport(deps(), { tenantId: "green-lawn", exportId: created.export.id })).toBe("skipped");
    const status = (await h.call("query", "tenant.exports.status", { id: created.export.id }, admin))
      .data as ExportView;
    expect(status).toMatchObject({ status: "ready", expiresAt: "2026-12-04T12:00:00.000Z" });
    expect(status.rowsWritten).toBe(status.rowsTotal);
    expect(status.rowsTotal).toBeGreaterThan(0);
    expect(status.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = (await h.call("query", "tenant.exports.list", undefined, admin)).data as ExportView[];
    expect(list.map((e) => e.id)).toContain(created.export.id);
  });

  it("should let the link download for 24 hours, audit each download, and answer expired after", async () => {
    const token = tokenOf(created.downloadPath);
    const ok = await checkDownload(deps(), created.export.id, token, { ip: "203.0.113.9" });
    expect(ok).toMatchObject({ ok: true, tenantId: "green-lawn" });
    expect(await checkDownload(deps(), created.export.id, `${token.slice(0, -1)}A`, {})).toEqual({
      ok: false,
      reason: "not_found",
    });
    const downloads = await h.auditRows({ action: "data_export_downloaded", targetTenantId: "green-lawn" });
    expect(downloads.map((row) => row.outcome)).toEqual(["success", "failure"]);
    expect(downloads[0]).toMatchObject({ objectId: created.export.id, ip: "203.0.113.9" });

    clock.advanceMinutes(24 * 60 - 1);
    expect((await checkDownload(deps(), created.export.id, token, {})).ok).toBe(true);
    clock.advanceMinutes(1);
    expect(await checkDownload(deps(), created.export.id, token, {})).toEqual({ ok: false, reason: "expired" });
    const admin = await h.signIn(GREEN_LAWN_ADMIN);
    const status = (await h.call("query", "tenant.exports.status", { id: created.export.id }, admin)).data;
    expect(status).toMatchObject({ status: "expired" });
  });

  it("should refuse staff who are not admins", async () => {
    const staff = await h.signIn(GREEN_LAWN_STAFF);
    expect((await h.call("mutation", "tenant.exports.create", undefined, staff)).status).toBe(403);
  });

  it("should refuse the platform owner while impersonating, and say how to export instead", async () => {
    const token = await h.impersonate();
    const res = await h.call("mutation", "tenant.exports.create", undefined, token);
    expect(res.status).toBe(403);
    expect(res.error?.data.cause).toMatchObject({ code: "IMPERSONATION_ACTIVE", action: "data_export" });
  });

  it.each([
    ["starter", "active"],
    ["pro", "trialing"],
    ["elite", "past_due"],
    ["internal", "active"],
    ["starter", "suspended"],
  ] as const)("should export on the %s plan while %s", async (planTier, status) => {
    await h.setPlan("green-lawn", { planTier, status });
    const admin = await h.signIn(GREEN_LAWN_ADMIN);
    const res = await h.call("mutation", "tenant.exports.create", undefined, admin);
    expect(res.status, JSON.stringify(res.error)).toBe(200);
    const { export: row } = res.data as Created;
    await runExport(deps(), { tenantId: "green-lawn", exportId: row.id });
  });

  it("should let a cancelled account sign in and export, and nothing else", async () => {
    await h.setPlan("green-lawn", { planTier: "pro", status: "cancelled" });
    const admin = await h.signIn(GREEN_LAWN_ADMIN);
    const context = await h.call("query", "auth.context", undefined, admin);
    expect(context.data).toMatchObject({ tenantId: "green-lawn", exportOnly: true });
    const res = await h.call("mutation", "tenant.exports.create", undefined, admin);
    expect(res.status).toBe(200);
    expect((await h.call("query", "tenant.exports.list", undefined, admin)).status).toBe(200);
    for (const [kind, procedure] of [
      ["query", "tenant.overview"],
      ["query", "tenant.customers.list"],
      ["query", "tenant.plan.summary"],
      ["mutation", "tenant.catalog.createFaq"],
    ] as const) {
      const refused = await h.call(
        kind,
        procedure,
        kind === "query" ? undefined : { question: "Q?", answer: "A" },
        admin,
      );
      expect(refused.status, procedure).toBe(403);
      expect(refused.error?.message).toBe(
        "This account is cancelled. The only thing you can do now is export your data (Export your data); contact ServicePro support to reactivate it.",
      );
    }
  });

  it("should let the platform owner export any business, at any status, on the record", async () => {
    const owner = await h.signIn(OWNER);
    const res = await h.call("mutation", "admin.exports.create", { tenantId: "green-lawn" }, owner);
    expect(res.status).toBe(200);
    const { export: row } = res.data as Created;
    expect(row.requestedByPlatform).toBe(true);
    const audit = (await h.auditRows({ action: "data_export_created", targetTenantId: "green-lawn" })).at(-1);
    expect(audit).toMatchObject({ objectId: row.id, actorTenantId: null });
    expect((await h.call("mutation", "admin.exports.create", { tenantId: "nope" }, owner)).status).toBe(404);
    const admin = await h.signIn(GREEN_LAWN_ADMIN);
    expect((await h.call("mutation", "admin.exports.create", { tenantId: "green-lawn" }, admin)).status).toBe(403);
  });
});
