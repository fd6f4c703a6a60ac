// An import's life: created (kind, preset or mapping, file name) → its file uploaded → previewed (the
// dry run) → queued → running → completed or failed. A failed run keeps its checkpoint and can be run
// again (it carries on). One import per business is queued or running at a time: a partial unique
// index (imports_one_active_idx) holds that even for two requests at once, and `run` turns the
// clash into a 409 that names the import in the way.
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type DataImport, JOB_QUEUES, Prisma, queueJob, type TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import type { PgBoss } from "pg-boss";
import { readHead } from "./csv.ts";
import { dryRun, type EngineDeps, loadImport, type Preview } from "./engine.ts";
import type { ImportKindName } from "./fields.ts";
import { detectPreset, type PresetName } from "./presets.ts";

/** Default upload limit (IMPORT_MAX_BYTES overrides it): a million customers is about 100 MB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export const filePathOf = (tenantId: string, importId: string) => path.join("imports", tenantId, `${importId}.csv`);

export type CreateImportInput = {
  kind: ImportKindName;
  preset?: PresetName | null | undefined;
  mapping?: Record<string, string | string[]> | null | undefined;
  fileName: string;
  options?: { defaultCountry?: string | undefined; dateFormat?: string | undefined } | undefined;
};

export async function createImport(
  tx: TenantTx,
  tenantId: string,
  input: CreateImportInput,
  userId: string | null,
): Promise<DataImport> {
  const mapping = Object.fromEntries(
    Object.entries(input.mapping ?? {}).map(([field, value]) => [field, Array.isArray(value) ? value : [value]]),
  );
  return tx.dataImport.create({
    data: {
      tenantId,
      id: randomUUID(),
      kind: input.kind,
      preset: input.preset ?? null,
      mapping,
      options: {
        defaultCountry: input.options?.defaultCountry ?? "US",
        dateFormat: input.options?.dateFormat ?? "MM/DD/YYYY",
      },
      fileName: input.fileName,
      createdBy: userId,
    },
  });
}

export async function findImport(tx: TenantTx, id: string): Promise<DataImport> {
  const found = await tx.dataImport.findFirst({ where: { id } });
  if (!found) throw new AppError("NOT_FOUND", "No such import. It may belong to another business, or the link is old.");
  return found;
}

/** The upload was larger than the limit (the route answers 413 with it). */
export class UploadTooLarge extends Error {
  override name = "UploadTooLarge";
  readonly limitBytes: number;
  constructor(limitBytes: number) {
    const limit =
      limitBytes >= 1024 * 1024 ? `${Math.round(limitBytes / 1024 / 1024)} MB` : `${Math.round(limitBytes / 1024)} KB`;
    super(`The file is larger than the ${limit} an import accepts. Split it into smaller files and import each.`);
    this.limitBytes = limitBytes;
  }
}

const UPLOADABLE = new Set(["pending", "uploaded", "previewed"]);

/**
 * Streams an upload to `<filesDir>/imports/<tenant>/<id>.csv` (through a temporary file, renamed
 * when complete, so a cut-off upload never replaces a good one), counting and hashing as it goes;
 * past `limitBytes` it stops and throws UploadTooLarge. The import is then `uploaded` again, its
 * dry run cleared.
 */
export async function storeUpload(
  deps: { db: EngineDeps["db"]; filesDir: string; withTenant: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T> },
  tenantId: string,
  importId: string,
  body: AsyncIterable<Uint8Array> | NodeJS.ReadableStream,
  limitBytes: number,
): Promise<DataImport> {
  const record = await deps.withTenant((tx) => findImport(tx, importId));
  if (!UPLOADABLE.has(record.status))
    throw new AppError(
      "CONFLICT",
      `This import is ${record.status}; its file can't be replaced. Start a new import for another file.`,
    );
  const relative = filePathOf(tenantId, importId);
  const target = path.join(deps.filesDir, relative);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.${randomUUID()}.part`;
  const hash = createHash("sha256");
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limitBytes) return done(new UploadTooLarge(limitBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body as AsyncIterable<Uint8Array>, counter, createWriteStream(partial));
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return deps.withTenant((tx) =>
    tx.dataImport.update({
      where: { tenantId_id: { tenantId, id: importId } },
      data: {
        fileSize: size,
        fileSha256: hash.digest("hex"),
        filePath: relative,
        status: "uploaded",
        preview: Prisma.DbNull,
        checkpoint: 0,
      },
    }),
  );
}

/** The header and a few rows (the mapping screen's sample values), and the preset they look like. */
export async function inspectFile(filesDir: string, record: DataImport) {
  if (!record.filePath) throw new AppError("PRECONDITION_FAILED", "Upload the file first.");
  const head = await readHead(path.join(filesDir, record.filePath));
  return { ...head, detected: detectPreset(record.kind, head.headers) };
}

/**
 * The dry run over the whole file (writes nothing to the business's data); its report is kept on the
 * import, so paging it does not read the file again.
 */
export async function previewImport(deps: EngineDeps, tenantId: string, importId: string): Promise<Preview> {
  const record = await loadImport(deps.db, tenantId, importId);
  if (!record) throw new AppError("NOT_FOUND", "No such import.");
  if (!record.file_path) throw new AppError("PRECONDITION_FAILED", "Upload the file before the dry run.");
  // A dry run beside the real one would wait on its rows (and report what it has just done).
  if (!["uploaded", "previewed"].includes(record.status))
    throw new AppError("CONFLICT", `This import is ${record.status}: its counts and problem rows are in its status.`);
  const preview = await dryRun(deps, tenantId, record);
  await deps.db.sql.transaction(
    (sql) =>
      sql.query(
        `UPDATE imports SET preview = $3::jsonb, updated_at = now(),
                status = CASE WHEN status IN ('uploaded', 'previewed') THEN $4::import_status ELSE status END
          WHERE tenant_id = $1 AND id = $2::uuid`,
        [tenantId, importId, JSON.stringify(preview), preview.ok ? "previewed" : "uploaded"],
      ),
    { "app.tenant_id": tenantId },
  );
  return preview;
}

const RUNNABLE = new Set(["uploaded", "previewed", "failed"]);

/**
 * Marks the import queued (the caller queues its job after commit). Refused with 409 when another
 * import of the business is queued or running, and with 412 before a file is uploaded.
 */
export async function queueImport(tx: TenantTx, importId: string): Promise<DataImport> {
  const record = await findImport(tx, importId);
  if (record.status === "queued" || record.status === "running") return record;
  if (record.status === "completed")
    throw new AppError(
      "CONFLICT",
      "This import has finished. Importing the same file again changes nothing; start a new import for a new file.",
    );
  if (!RUNNABLE.has(record.status) || !record.filePath)
    throw new AppError("PRECONDITION_FAILED", "Upload the file before running the import.");
  const active = await tx.dataImport.findFirst({ where: { status: { in: ["queued", "running"] } } });
  if (active) throw busy(active);
  try {
    return await tx.dataImport.update({
      where: { tenantId_id: { tenantId: record.tenantId, id: importId } },
      data: { status: "queued", error: null },
    });
  } catch (error) {
    // Two runs at once: the partial unique index lets one through.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new AppError(
        "CONFLICT",
        "Another import of this business has just started. Wait for it to finish, then run this one.",
      );
    throw error;
  }
}

const busy = (active: DataImport) =>
  new AppError(
    "CONFLICT",
    `Another import is ${active.status} for this business ("${active.fileName}", ${active.processedRows.toLocaleString("en-US")} rows done). One import runs at a time: wait for it to finish, then run this one.`,
  );

export type ImportQueue = { start(tenantId: string, importId: string): Promise<void> };

export function createImportQueue(boss: Pick<PgBoss, "send">): ImportQueue {
  return {
    start: async (tenantId, importId) => {
      await queueJob(boss, "dataImport", { tenantId, importId }, { singletonOn: "importId" });
    },
  };
}

export const IMPORT_QUEUE = JOB_QUEUES.dataImport.name;
