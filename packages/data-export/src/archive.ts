// The archive: a ZIP streamed with yazl to disk, one entry at a time. Each file is produced only
// when yazl asks for it (addReadStreamLazy), page by page from the database, with backpressure all
// the way (a page is read only when the previous one has been compressed), so memory holds one
// page whatever the table's size. Every entry's bytes pass through a meter that counts them and
// hashes them (SHA-256) as they stream; the manifest, the last entry, is produced after all the
// others have streamed, from those meters.
import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Database, PLATFORM_ROLE, TENANT_SETTING } from "@servicepro/db";
import { stringify } from "csv-stringify";
import { ZipFile } from "yazl";
import { countSql, EXPORT_KINDS, type ExportKind, pageSql } from "./catalog.ts";
import { exportReadme } from "./readme.ts";
import { csvRecord, jsonLine } from "./values.ts";

export type ManifestFile = {
  path: string;
  /** The catalog kind (null for the README). */
  kind: string | null;
  format: "csv" | "jsonl" | "markdown";
  rows: number;
  bytes: number;
  sha256: string;
};

export type Manifest = {
  format: "servicepro-export/1";
  exportId: string;
  tenantId: string;
  createdAt: string;
  files: ManifestFile[];
};

export type ArchiveResult = { manifest: Manifest; bytes: number; sha256: string; rows: number };

export type ArchiveOptions = {
  exportId: string;
  /** The entries' time and the manifest's createdAt. */
  now: Date;
  kinds?: readonly ExportKind[];
  /** Called after each page is written (rows across every file so far), e.g. to save progress. */
  onProgress?: (rowsWritten: number) => Promise<unknown> | void;
  signal?: AbortSignal;
};

type Row = Record<string, unknown>;

/** Counts and hashes what streams through it. */
class Meter extends Transform {
  readonly hash: Hash = createHash("sha256");
  bytes = 0;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** Reads one kind's rows for the business, a page at a time, seeking on its keys. */
export async function* readPages(db: Database, tenantId: string, kind: ExportKind, signal?: AbortSignal) {
  let cursor: string[] | null = null;
  for (;;) {
    signal?.throwIfAborted();
    const text = pageSql(kind, cursor !== null);
    const values = [tenantId, ...(cursor ?? [])];
    const rows: Row[] = await inScope(db, tenantId, kind, (sql) => sql.query<Row>(text, values, { prepare: true }));
    if (rows.length > 0) yield rows;
    if (rows.length === 0 || rows.length < pageLimit(text)) return;
    const last = rows[rows.length - 1]!;
    cursor = kind.keys.map((_key, i) => String(last[`k${i}`]));
  }
}

const pageLimit = (text: string) => Number(/LIMIT (\d+)$/.exec(text)![1]);

/**
 * One short transaction per page: row-level security applies (app.tenant_id is set), and on PGlite
 * (one connection) the worker's progress updates and other requests get their turn between pages.
 * The audit log, which has no tenant policy, is read as the platform role, read-only, with the
 * kind's condition naming the business.
 */
function inScope<T>(
  db: Database,
  tenantId: string,
  kind: ExportKind,
  fn: (sql: { query: Database["sql"]["query"] }) => Promise<T>,
): Promise<T> {
  if (kind.scope === "tenant") return db.sql.transaction(fn, { [TENANT_SETTING]: tenantId });
  return db.sql.transaction(async (sql) => {
    await sql.query(`SET LOCAL ROLE ${PLATFORM_ROLE}`);
    await sql.query("SET TRANSACTION READ ONLY");
    return fn(sql);
  });
}

/** Rows per kind for the business, for the progress bar's total. */
export async function countRows(db: Database, tenantId: string, kinds: readonly ExportKind[] = EXPORT_KINDS) {
  const counts: Record<string, number> = {};
  for (const kind of kinds) {
    const [row] = await inScope(db, tenantId, kind, (sql) =>
      sql.query<{ n: number }>(countSql(kind), [tenantId], { prepare: true }),
    );
    counts[kind.key] = Number(row?.n ?? 0);
  }
  return counts;
}

/**
 * Writes the business's archive to `outPath` (through a temporary file renamed at the end, so a
 * crash never leaves a half archive under the final name; a re-run starts from scratch).
 */
export async function writeExportArchive(
  db: Database,
  tenantId: string,
  outPath: string,
  options: ArchiveOptions,
): Promise<ArchiveResult> {
  const kinds = options.kinds ?? EXPORT_KINDS;
  const { signal } = options;
  const mtime = options.now;
  const business = await db.sql.transaction(
    (sql) => sql.query<{ name: string }>("SELECT name FROM tenants WHERE id = $1", [tenantId]),
    { [TENANT_SETTING]: tenantId },
  );
  const files: ManifestFile[] = [];
  let rowsWritten = 0;
  const progress = async (rows: number) => {
    rowsWritten += rows;
    await options.onProgress?.(rowsWritten);
  };

  const zip = new ZipFile();
  const addMetered = (
    name: string,
    kind: string | null,
    format: ManifestFile["format"],
    produce: (count: (n: number) => void) => Readable,
  ) => {
    zip.addReadStreamLazy(name, { mtime }, (cb) => {
      let rows = 0;
      const meter = new Meter();
      meter.on("finish", () =>
        files.push({ path: name, kind, format, rows, bytes: meter.bytes, sha256: meter.hash.digest("hex") }),
      );
      const source = produce((n) => (rows += n));
      source.on("error", (error) => meter.destroy(error));
      cb(null, source.pipe(meter));
    });
  };

  const readme = Buffer.from(
    exportReadme({
      businessName: business[0]?.name ?? tenantId,
      exportId: options.exportId,
      createdAt: options.now,
      kinds,
    }),
  );
  addMetered("README.md", null, "markdown", () => Readable.from([readme]));
  for (const kind of kinds) {
    addMetered(`${kind.key}.csv`, kind.key, "csv", (count) => csvStream(db, tenantId, kind, count, progress, signal));
    addMetered(`${kind.key}.jsonl`, kind.key, "jsonl", (count) =>
      Readable.from(jsonLines(db, tenantId, kind, count, progress, signal), { objectMode: false }),
    );
  }
  const manifest: Manifest = {
    format: "servicepro-export/1",
    exportId: options.exportId,
    tenantId,
    createdAt: options.now.toISOString(),
    files,
  };
  // yazl streams entries in the order they were added, so by the time it asks for this one every
  // file above has finished streaming and been measured.
  zip.addReadStreamLazy("manifest.json", { mtime }, (cb) =>
    cb(null, Readable.from([Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)])),
  );
  zip.end();

  await mkdir(path.dirname(outPath), { recursive: true });
  const partial = `${outPath}.partial`;
  const archiveMeter = new Meter();
  try {
    await pipeline(zip.outputStream as Readable, archiveMeter, createWriteStream(partial), signal ? { signal } : {});
    await rename(partial, outPath);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { manifest, bytes: archiveMeter.bytes, sha256: archiveMeter.hash.digest("hex"), rows: rowsWritten };
}

/** A kind as CSV through csv-stringify's stream, writing a page only when the last has drained. */
function csvStream(
  db: Database,
  tenantId: string,
  kind: ExportKind,
  count: (n: number) => void,
  progress: (rows: number) => Promise<void>,
  signal: AbortSignal | undefined,
): Readable {
  const stringifier = stringify({ header: true, columns: kind.columns.map((column) => column.name) });
  (async () => {
    for await (const rows of readPages(db, tenantId, kind, signal)) {
      for (const row of rows) {
        if (!stringifier.write(csvRecord(kind.columns, row))) await once(stringifier, "drain");
      }
      count(rows.length);
      await progress(rows.length);
    }
    stringifier.end();
  })().catch((error: unknown) => stringifier.destroy(error as Error));
  return stringifier;
}

/** A kind as JSON Lines: one chunk per page, pulled by the stream (Readable.from waits for its reader). */
async function* jsonLines(
  db: Database,
  tenantId: string,
  kind: ExportKind,
  count: (n: number) => void,
  progress: (rows: number) => Promise<void>,
  signal: AbortSignal | undefined,
): AsyncGenerator<Buffer> {
  for await (const rows of readPages(db, tenantId, kind, signal)) {
    let chunk = "";
    for (const row of rows) chunk += jsonLine(kind.columns, row);
    yield Buffer.from(chunk);
    count(rows.length);
    await progress(rows.length);
  }
}
