// The life of one export: asked for (a row, queued, with the hash of its download token), built by
// the job (running → ready with its size and checksum, or failed), downloaded with its token until
// 24 hours after it was ready, then expired (its file deleted by the nightly retention run or when a later export finishes).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import {
  type Audit,
  type Database,
  type DataExport,
  type Prisma,
  platformDb,
  type TenantTx,
  tenantDb,
} from "@servicepro/db";
import { type ArchiveResult, countRows, writeExportArchive } from "./archive.ts";
import { EXPORT_KINDS } from "./catalog.ts";

/** How long a download link works after the archive is ready. */
export const DOWNLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/** Where an export's archive is written: FILES_DIR/exports/<tenant>/<export id>.zip. */
export const archivePath = (filesDir: string, tenantId: string, exportId: string): string =>
  path.join(filesDir, "exports", tenantId, `${exportId}.zip`);

/** The file name the browser saves it as. */
export const downloadFileName = (tenantId: string, createdAt: Date): string =>
  `servicepro-export-${tenantId}-${createdAt.toISOString().slice(0, 10)}.zip`;

/** 256 random bits, URL-safe; only its SHA-256 is stored. */
export function mintDownloadToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export type ExportRequest = { requestedByUserId: string | null; byPlatform: boolean };

/** Writes the export's row (queued). The caller queues its job once this commits. */
export async function createExportRow(
  tx: Pick<TenantTx, "dataExport"> | Pick<Prisma.TransactionClient, "dataExport">,
  tenantId: string,
  request: ExportRequest,
): Promise<{ exportRow: DataExport; token: string }> {
  const { token, tokenHash } = mintDownloadToken();
  const exportRow = await (tx as Pick<Prisma.TransactionClient, "dataExport">).dataExport.create({
    data: {
      tenantId,
      tokenHash,
      requestedByUserId: request.requestedByUserId,
      requestedByPlatform: request.byPlatform,
    },
  });
  return { exportRow, token };
}

export type ExportView = {
  id: string;
  status: "queued" | "running" | "ready" | "failed" | "expired";
  rowsWritten: number;
  rowsTotal: number;
  bytes: number | null;
  sha256: string | null;
  requestedByPlatform: boolean;
  createdAt: string;
  readyAt: string | null;
  expiresAt: string | null;
  error: string | null;
};

/** What the screens show: a ready export past its expiry reads as expired even before the sweep. */
export function exportView(row: DataExport, now: Date): ExportView {
  const expired = row.status === "ready" && row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime();
  return {
    id: row.id,
    status: expired ? "expired" : row.status,
    rowsWritten: row.rowsWritten,
    rowsTotal: row.rowsTotal,
    bytes: row.bytes === null ? null : Number(row.bytes),
    sha256: row.sha256,
    requestedByPlatform: row.requestedByPlatform,
    createdAt: row.createdAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    error: row.error,
  };
}

export type ExportLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type ExportDeps = {
  db: Database;
  /** FILES_DIR. */
  filesDir: string;
  logger: ExportLogger;
  now?: () => Date;
};

export type RunOutcome = "ready" | "skipped";

/**
 * Builds one export's archive from scratch (a retry or a restart mid-build starts over: the file is
 * written under a temporary name and renamed at the end). An export already ready, failed or
 * expired is left as it is, so a duplicate job changes nothing.
 */
export async function runExport(
  deps: ExportDeps,
  job: { tenantId: string; exportId: string },
  signal?: AbortSignal,
): Promise<RunOutcome> {
  const now = deps.now ?? (() => new Date());
  const tenant = tenantDb(deps.db, job.tenantId);
  const row = await tenant.run((tx) => tx.dataExport.findFirst({ where: { id: job.exportId } }));
  if (!row || (row.status !== "queued" && row.status !== "running")) return "skipped";

  const counts = await countRows(deps.db, job.tenantId);
  const rowsTotal = 2 * Object.values(counts).reduce((sum, n) => sum + n, 0);
  const startedAt = now();
  await tenant.run((tx) =>
    tx.dataExport.update({
      where: { tenantId_id: { tenantId: job.tenantId, id: job.exportId } },
      data: { status: "running", startedAt, rowsWritten: 0, rowsTotal, error: null },
    }),
  );
  const saveProgress = (rowsWritten: number) =>
    tenant.run((tx) =>
      tx.dataExport.update({
        where: { tenantId_id: { tenantId: job.tenantId, id: job.exportId } },
        // A table that grew while it was read must not push the bar past its end.
        data: { rowsWritten, rowsTotal: Math.max(rowsTotal, rowsWritten) },
      }),
    );
  const result: ArchiveResult = await writeExportArchive(
    deps.db,
    job.tenantId,
    archivePath(deps.filesDir, job.tenantId, job.exportId),
    {
      exportId: job.exportId,
      now: startedAt,
      kinds: EXPORT_KINDS,
      onProgress: saveProgress,
      ...(signal ? { signal } : {}),
    },
  );
  const readyAt = now();
  await tenant.run((tx) =>
    tx.dataExport.update({
      where: { tenantId_id: { tenantId: job.tenantId, id: job.exportId } },
      data: {
        status: "ready",
        rowsWritten: result.rows,
        rowsTotal: result.rows,
        bytes: BigInt(result.bytes),
        sha256: result.sha256,
        readyAt,
        expiresAt: new Date(readyAt.getTime() + DOWNLOAD_TTL_MS),
      },
    }),
  );
  deps.logger.info({ ...job, rows: result.rows, bytes: result.bytes }, "data export ready");
  await sweepExpired(deps, job.tenantId);
  return "ready";
}

/** Marks the export failed with a message a person can read (the job gave up). */
export async function failExport(deps: ExportDeps, job: { tenantId: string; exportId: string }, error: unknown) {
  await tenantDb(deps.db, job.tenantId).run((tx) =>
    tx.dataExport.updateMany({
      where: { id: job.exportId, status: { in: ["queued", "running"] } },
      data: { status: "failed", error: `The export could not be built: ${(error as Error).message}`.slice(0, 1000) },
    }),
  );
  await rm(archivePath(deps.filesDir, job.tenantId, job.exportId), { force: true });
}

/** Expired archives of the business: marked expired and their files deleted. */
export async function sweepExpired(deps: ExportDeps, tenantId: string): Promise<number> {
  const now = (deps.now ?? (() => new Date()))();
  const tenant = tenantDb(deps.db, tenantId);
  const expired = await tenant.run((tx) =>
    tx.dataExport.findMany({ where: { status: "ready", expiresAt: { lte: now } }, select: { id: true } }),
  );
  for (const { id } of expired) {
    await rm(archivePath(deps.filesDir, tenantId, id), { force: true });
    await tenant.run((tx) => tx.dataExport.updateMany({ where: { id, status: "ready" }, data: { status: "expired" } }));
  }
  return expired.length;
}

export type DownloadCheck =
  | { ok: true; tenantId: string; path: string; fileName: string; bytes: number | null }
  | { ok: false; reason: "not_found" | "not_ready" | "expired" };

/**
 * The download link's check, across businesses (the link names only the export): the platform
 * path, logged and audited. A wrong token reads as not found (nothing to learn from it); the right
 * token on a link past its 24 hours is `expired` (410).
 */
export async function checkDownload(
  deps: Pick<ExportDeps, "db" | "filesDir" | "now">,
  exportId: string,
  token: string,
  access: { requestId?: string; ip?: string; userAgent?: string },
): Promise<DownloadCheck> {
  const now = (deps.now ?? (() => new Date()))();
  if (!/^[0-9a-f-]{36}$/i.test(exportId)) return { ok: false, reason: "not_found" };
  return platformDb(deps.db, { actorUserId: null, purpose: "exports.download", ...access }).run(async (tx, audit) => {
    const row = await tx.dataExport.findFirst({ where: { id: exportId } });
    if (!row) return { ok: false, reason: "not_found" } as const;
    // A wrong token on a real export is recorded (someone may be guessing) and reads as not found.
    if (!sameHash(row.tokenHash, hashToken(token))) {
      await recordDownload(audit, row, "wrong_token");
      return { ok: false, reason: "not_found" } as const;
    }
    const refusal = row.status === "expired" || (row.expiresAt !== null && row.expiresAt <= now) ? "expired" : null;
    const reason = refusal ?? (row.status === "ready" ? null : "not_ready");
    await recordDownload(audit, row, reason);
    if (reason) return { ok: false, reason } as const;
    return {
      ok: true,
      tenantId: row.tenantId,
      path: archivePath(deps.filesDir, row.tenantId, row.id),
      fileName: downloadFileName(row.tenantId, row.createdAt),
      bytes: row.bytes === null ? null : Number(row.bytes),
    } as const;
  });
}

const recordDownload = (audit: Audit, row: DataExport, refusal: string | null) =>
  audit({
    action: "data_export_downloaded",
    outcome: refusal ? "failure" : "success",
    targetTenantId: row.tenantId,
    objectType: "data_export",
    objectId: row.id,
    ...(refusal ? { details: { reason: refusal } } : {}),
  });

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
