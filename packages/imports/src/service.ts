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
import { AppError, fieldErrors } from "@servicepro/errors";
import type { PgBoss } from "pg-boss";
import { readHead } from "./csv.ts";
import { dryRun, type EngineDeps, loadImport, type Preview } from "./engine.ts";
import type { ImportKindName } from "./fields.ts";
import {
  checkMapping,
  compactMapping,
  detectPreset,
  type Mapping,
  type PresetName,
  resolveMapping,
} from "./presets.ts";

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

/**
 * The header and a few rows (the mapping screen's sample values), the preset they look like, and
 * the mapping the import would read the file with now (its own, its preset's or the guess; fields
 * the file can't fill left out): what the mapping screen starts from.
 */
export async function inspectFile(filesDir: string, record: DataImport) {
  if (!record.filePath) throw new AppError("PRECONDITION_FAILED", "Upload the file first.");
  const head = await readHead(path.join(filesDir, record.filePath));
  const current = resolveMapping(record.kind, head.headers, {
    preset: record.preset as PresetName | null,
    mapping: record.mapping as Mapping,
  }).mapping;
  return { ...head, detected: detectPreset(record.kind, head.headers), current: compactMapping(current) };
}

/** What a dry run was run with: a stored report answers only while the import still reads the file so. */
type PreviewBasis = { preset: string | null; mapping: string };
const basisOf = (record: { preset: string | null; mapping: unknown }): PreviewBasis => ({
  preset: record.preset,
  mapping: JSON.stringify(
    Object.entries((record.mapping ?? {}) as Mapping)
      .filter(([, columns]) => columns.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ),
});

/**
 * The dry run kept on the import, if it was run with the import's current preset and mapping (a
 * report from before a new mapping, or one kept without its basis, is not an answer: run again).
 */
export function storedPreview(record: DataImport): Preview | null {
  const stored = record.preview as (Preview & { basis?: PreviewBasis }) | null;
  if (!stored?.basis) return null;
  const now = basisOf(record);
  if (stored.basis.preset !== now.preset || stored.basis.mapping !== now.mapping) return null;
  const { basis: _basis, ...preview } = stored;
  return preview as Preview;
}

function cannotRemap(record: Pick<DataImport, "status" | "checkpoint">): AppError | null {
  if (record.status === "queued" || record.status === "running")
    return new AppError(
      "CONFLICT",
      `This import is ${record.status}: its columns can't change now. Wait for it to finish, then start a new import to read the file another way.`,
    );
  if (record.status === "completed")
    return new AppError(
      "CONFLICT",
      "This import has finished: its columns can't change. Start a new import to read the file another way.",
    );
  if (record.status === "failed" && record.checkpoint > 0)
    return new AppError(
      "CONFLICT",
      `This import stopped after row ${record.checkpoint} and carries on with the columns it started with. Start a new import to read the file another way.`,
    );
  return null;
}

/**
 * Sets an import's own column mapping (its preset becomes none: "custom mapping"), checked against
 * the uploaded file's header. Refused before the upload (412), once the import is queued, running,
 * completed or has written rows (409), and for a mapping with problems (400, one issue per problem
 * at `mapping.<field>`); nothing changes then. The stored dry run is dropped (the import is
 * `uploaded` again), so the next preview reads the file with the new mapping.
 */
export async function setImportMapping(
  deps: { filesDir: string; withTenant: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T> },
  importId: string,
  mapping: Readonly<Record<string, readonly string[]>>,
): Promise<{ record: DataImport; previous: { preset: string | null; mapping: Mapping } }> {
  const before = await deps.withTenant((tx) => findImport(tx, importId));
  if (!before.filePath || before.status === "pending")
    throw new AppError("PRECONDITION_FAILED", "Upload the file before choosing its columns.");
  const refused = cannotRemap(before);
  if (refused) throw refused;
  const { headers } = await readHead(path.join(deps.filesDir, before.filePath));
  const problems = checkMapping(before.kind, headers, mapping);
  if (problems.length > 0)
    throw fieldErrors(
      problems.map((p) => ({ path: p.field ? ["mapping", p.field] : ["mapping"], message: p.message })),
    );
  const stored = compactMapping(mapping);
  return deps.withTenant(async (tx) => {
    // Changed only if still as checked (a run queued or a file uploaded meanwhile keeps its own).
    const { count } = await tx.dataImport.updateMany({
      where: {
        id: importId,
        fileSha256: before.fileSha256,
        OR: [{ status: { in: ["uploaded", "previewed"] } }, { status: "failed", checkpoint: 0 }],
      },
      data: { preset: null, mapping: stored, preview: Prisma.DbNull, status: "uploaded", error: null },
    });
    const record = await findImport(tx, importId);
    if (count === 0)
      throw (
        cannotRemap(record) ??
        new AppError("CONFLICT", "The file was replaced while its columns were being chosen. Choose them again.")
      );
    return { record, previous: { preset: before.preset, mapping: before.mapping as Mapping } };
  });
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
  // Kept with what it was run with (`storedPreview`); not kept if the mapping changed meanwhile.
  await deps.db.sql.transaction(
    (sql) =>
      sql.query(
        `UPDATE imports SET preview = $3::jsonb, updated_at = now(),
                status = CASE WHEN status IN ('uploaded', 'previewed') THEN $4::import_status ELSE status END
          WHERE tenant_id = $1 AND id = $2::uuid
            AND preset IS NOT DISTINCT FROM $5::text AND mapping = $6::jsonb`,
        [
          tenantId,
          importId,
          JSON.stringify({ ...preview, basis: basisOf(record) }),
          preview.ok ? "previewed" : "uploaded",
          record.preset,
          JSON.stringify(record.mapping),
        ],
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
