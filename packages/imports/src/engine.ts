// Running an import over its file: rows streamed from the CSV, normalised, grouped into batches,
// and each batch written with the import's counters and checkpoint in one transaction. The dry run
// is the same code in one transaction that is rolled back: it reports exactly what the run would do
// (matches within the file included) and leaves nothing behind.
import { createHash } from "node:crypto";
import path from "node:path";
import { type Database, type SqlExecutor, TENANT_SETTING } from "@servicepro/db";
import { applyAppointmentBatch, normalizeAppointment } from "./appointments.ts";
import { ImportFileError, readCsv } from "./csv.ts";
import {
  applyCustomerBatch,
  type BatchContext,
  type PreparedRow,
  type RowOutcome,
  type RowReport,
} from "./customers.ts";
import type { ImportKindName } from "./fields.ts";
import {
  applyAssetBatch,
  applyMessageBatch,
  applyPointsBatch,
  normalizeAsset,
  normalizeMessage,
  normalizePoints,
  ownIdOf,
} from "./kinds.ts";
import {
  type CustomerRow,
  customerKeyText,
  type ImportOptions,
  normalizeCustomer,
  type RowResult,
} from "./normalize.ts";
import { type Mapping, type PresetName, resolveMapping } from "./presets.ts";

export type ImportRecord = {
  id: string;
  kind: ImportKindName;
  preset: PresetName | null;
  mapping: Record<string, string[]>;
  options: { defaultCountry?: string; dateFormat?: string };
  file_path: string | null;
  file_name: string;
  status: string;
  checkpoint: number;
  timezone: string;
};

export type Totals = Record<RowOutcome, number> & { total: number };
export const emptyTotals = (): Totals => ({
  total: 0,
  created: 0,
  merged: 0,
  unchanged: 0,
  rejected: 0,
  needs_review: 0,
});

export type EngineDeps = {
  db: Database;
  filesDir: string;
  now?: () => Date;
  /** Rows per transaction (default 10,000). */
  batchSize?: number;
  /** Called after each committed batch of a run (tests stop a run here to check the resume). */
  afterBatch?: (progress: { importId: string; batches: number; checkpoint: number }) => void | Promise<void>;
};

// Fewer, larger statements: each batch pays one lookup of its phones and emails among all the business's customers.
const DEFAULT_BATCH = 10_000;

export async function loadImport(db: Database, tenantId: string, importId: string): Promise<ImportRecord | null> {
  const [row] = await db.sql.transaction(
    (sql) =>
      sql.query<ImportRecord>(
        `SELECT i.id, i.kind, i.preset, i.mapping, i.options, i.file_path, i.file_name, i.status, i.checkpoint, t.timezone
           FROM imports i JOIN tenants t ON t.id = i.tenant_id
          WHERE i.tenant_id = $1 AND i.id = $2::uuid`,
        [tenantId, importId],
      ),
    { [TENANT_SETTING]: tenantId },
  );
  return row ?? null;
}

export const optionsOf = (record: ImportRecord): ImportOptions => ({
  defaultCountry: (record.options.defaultCountry ?? "US") as ImportOptions["defaultCountry"],
  dateFormat: (record.options.dateFormat ?? "MM/DD/YYYY") as ImportOptions["dateFormat"],
  timeZone: record.timezone,
});

type Batch = { lastRow: number; rows: number; prepared: PreparedRow<unknown>[]; rejected: RowReport[] };

/** What each kind does with a row: read it, and write a batch of them. */
type KindHandler = {
  normalize(values: Record<string, string>, mapping: Mapping, options: ImportOptions): RowResult<unknown>;
  /** `now`: what is past (an appointment imported completed) and what is to come. */
  apply(sql: SqlExecutor, context: BatchContext, rows: PreparedRow<unknown>[], now: Date): Promise<RowReport[]>;
};

const HANDLERS: Partial<Record<ImportKindName, KindHandler>> = {
  customers: {
    normalize: normalizeCustomer,
    apply: (sql, context, rows) => applyCustomerBatch(sql, context, rows as PreparedRow<CustomerRow>[]),
  },
  assets: {
    normalize: (values, mapping, options) => normalizeAsset(values, mapping, options, null),
    apply: (sql, context, rows) => applyAssetBatch(sql, context, rows as Parameters<typeof applyAssetBatch>[2]),
  },
  messages: {
    normalize: normalizeMessage,
    apply: (sql, context, rows) => applyMessageBatch(sql, context, rows as Parameters<typeof applyMessageBatch>[2]),
  },
  appointments: {
    normalize: normalizeAppointment,
    apply: (sql, context, rows, now) =>
      applyAppointmentBatch(sql, context, rows as Parameters<typeof applyAppointmentBatch>[2], now),
  },
  points: {
    normalize: normalizePoints,
    apply: (sql, context, rows) => applyPointsBatch(sql, context, rows as Parameters<typeof applyPointsBatch>[2]),
  },
};

/** The row's idempotency key: its id in the old system when the file has one, else a hash of the clean row. */
function keyOf(kind: ImportKindName, row: unknown): string {
  const id = kind === "customers" ? (row as CustomerRow).externalId : ownIdOf(kind, row);
  if (id) return `id:${id}`;
  const text = kind === "customers" ? customerKeyText(row as CustomerRow) : JSON.stringify(row);
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/** The file's rows after `skip`, normalised and grouped into batches. File-level problems throw ImportFileError. */
async function* batches(
  filesDir: string,
  record: ImportRecord,
  batchSize: number,
  skip: number,
  signal?: AbortSignal,
): AsyncGenerator<Batch, { mapping: Mapping }> {
  if (!record.file_path) throw new ImportFileError("No file was uploaded for this import yet.");
  const reader = readCsv(path.join(filesDir, record.file_path), signal ? { signal } : {});
  const iterator = reader.rows[Symbol.asyncIterator]();
  // The header comes with the first row; a file with a header only still resolves it.
  const first = await iterator.next();
  const headers = await reader.headers;
  const resolved = resolveMapping(record.kind, headers, { preset: record.preset, mapping: record.mapping });
  if (resolved.errors.length > 0) {
    await iterator.return?.(undefined);
    throw new ImportFileError(resolved.errors.join(" "));
  }
  const handler = HANDLERS[record.kind];
  if (!handler)
    throw new ImportFileError(
      `Importing ${record.kind} is not available yet: import customers, assets, text history or points balances.`,
    );
  const options = optionsOf(record);
  let batch: Batch = { lastRow: skip, rows: 0, prepared: [], rejected: [] };
  let next = first;
  while (!next.done) {
    const source = next.value;
    if (source.row > skip) {
      const result = handler.normalize(source.values, resolved.mapping, options);
      if (result.ok) {
        const key = keyOf(record.kind, result.row);
        batch.prepared.push({ row: source.row, key, data: result.row, warnings: result.warnings });
      } else batch.rejected.push({ row: source.row, outcome: "rejected", messages: result.errors });
      batch.rows++;
      batch.lastRow = source.row;
      if (batch.rows >= batchSize) {
        yield batch;
        batch = { lastRow: source.row, rows: 0, prepared: [], rejected: [] };
      }
    }
    next = await iterator.next();
  }
  if (batch.rows > 0) yield batch;
  return { mapping: resolved.mapping };
}

async function applyBatch(
  sql: SqlExecutor,
  tenantId: string,
  record: Pick<ImportRecord, "id" | "kind">,
  batch: Batch,
  now: Date,
): Promise<RowReport[]> {
  const handler = HANDLERS[record.kind] as KindHandler;
  const applied = await handler.apply(sql, { tenantId, importId: record.id }, batch.prepared, now);
  return [...batch.rejected, ...applied].sort((a, b) => a.row - b.row);
}

function tally(totals: Totals, reports: readonly RowReport[]): void {
  for (const r of reports) {
    totals.total++;
    totals[r.outcome]++;
  }
}

/** Rows worth a person's look: refused, flagged, or merged with a value kept over the file's. */
const isProblem = (r: RowReport) =>
  r.outcome === "rejected" ||
  r.outcome === "needs_review" ||
  (r.outcome === "merged" && r.messages.some((m) => m.startsWith("Kept")));

/** How many row reports a dry run keeps (the totals cover every row). */
export const PREVIEW_ROWS = 500;
/** How many problem rows a run keeps on the import. */
export const RUN_PROBLEMS = 200;

export type Preview =
  | { ok: true; totals: Totals; rows: RowReport[]; problems: RowReport[]; mapping: Mapping }
  | { ok: false; error: string };

class RollBack extends Error {}

/**
 * The dry run: every row through the same batches as the run, in one transaction rolled back at
 * the end. Keeps the first PREVIEW_ROWS reports and the first PREVIEW_ROWS problems, and totals.
 */
export async function dryRun(deps: EngineDeps, tenantId: string, record: ImportRecord): Promise<Preview> {
  const totals = emptyTotals();
  const rows: RowReport[] = [];
  const problems: RowReport[] = [];
  let mapping: Mapping = {};
  try {
    await deps.db.sql.transaction(
      async (sql) => {
        const generator = batches(deps.filesDir, record, deps.batchSize ?? DEFAULT_BATCH, 0);
        for (;;) {
          const next = await generator.next();
          if (next.done) {
            mapping = next.value.mapping;
            break;
          }
          const reports = await applyBatch(sql, tenantId, record, next.value, (deps.now ?? (() => new Date()))());
          tally(totals, reports);
          for (const r of reports) {
            if (rows.length < PREVIEW_ROWS) rows.push(r);
            if (problems.length < PREVIEW_ROWS && isProblem(r)) problems.push(r);
          }
        }
        throw new RollBack();
      },
      { [TENANT_SETTING]: tenantId },
    );
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, error: error.message };
    if (!(error instanceof RollBack)) throw error;
  }
  return { ok: true, totals, rows, problems, mapping };
}

/**
 * ANALYZE of the tables the lookups read (app_refresh_import_statistics, see its migration), in a
 * transaction of its own. Without it, on a database whose autovacuum is off or behind, the plans
 * stay those of the empty table the import started on.
 */
async function refreshStatistics(db: EngineDeps["db"], tenantId: string): Promise<void> {
  await db.sql.transaction((sql) => sql.query("SELECT app_refresh_import_statistics()"), {
    [TENANT_SETTING]: tenantId,
  });
}

export type RunResult = { outcome: "completed"; totals: Totals } | { outcome: "failed"; error: string };

/**
 * The run: from the import's checkpoint to the end of the file, a batch per transaction that also
 * adds to its counters and moves the checkpoint. A crash loses at most the batch in flight, which
 * the next run writes again (its rows' keys are not yet recorded, so nothing is doubled).
 */
export async function runImport(
  deps: EngineDeps,
  tenantId: string,
  importId: string,
  options: { signal?: AbortSignal } = {},
): Promise<RunResult> {
  const record = await loadImport(deps.db, tenantId, importId);
  if (!record) return { outcome: "failed", error: "The import no longer exists." };
  const scoped = { [TENANT_SETTING]: tenantId };
  await deps.db.sql.transaction(
    (sql) =>
      sql.query(
        `UPDATE imports SET status = 'running', error = NULL, started_at = COALESCE(started_at, now()), updated_at = now()
          WHERE tenant_id = $1 AND id = $2::uuid`,
        [tenantId, importId],
      ),
    scoped,
  );
  const totals = emptyTotals();
  let batchCount = 0;
  const generator = batches(deps.filesDir, record, deps.batchSize ?? DEFAULT_BATCH, record.checkpoint, options.signal);
  try {
    // The next batch is read and normalised while the current one is written.
    let next = generator.next();
    for (;;) {
      const current = await next;
      if (current.done) break;
      next = generator.next();
      next.catch(() => undefined);
      const batch = current.value;
      const reports = await deps.db.sql.transaction(async (sql) => {
        const applied = await applyBatch(sql, tenantId, record, batch, (deps.now ?? (() => new Date()))());
        const counts = emptyTotals();
        tally(counts, applied);
        await sql.query(
          `UPDATE imports SET checkpoint = $3, processed_rows = $3,
                  created_count = created_count + $4, merged_count = merged_count + $5,
                  unchanged_count = unchanged_count + $6, rejected_count = rejected_count + $7,
                  review_count = review_count + $8,
                  problems = CASE WHEN jsonb_array_length(problems) < ${RUN_PROBLEMS}
                                  THEN problems || $9::jsonb ELSE problems END,
                  updated_at = now()
            WHERE tenant_id = $1 AND id = $2::uuid`,
          [
            tenantId,
            importId,
            batch.lastRow,
            counts.created,
            counts.merged,
            counts.unchanged,
            counts.rejected,
            counts.needs_review,
            JSON.stringify(applied.filter(isProblem).slice(0, RUN_PROBLEMS)),
          ],
        );
        return applied;
      }, scoped);
      tally(totals, reports);
      batchCount++;
      // The business's tables grow fastest now: fresh planner statistics as the rows written double.
      if ((batchCount & (batchCount - 1)) === 0) await refreshStatistics(deps.db, tenantId);
      await deps.afterBatch?.({ importId, batches: batchCount, checkpoint: batch.lastRow });
    }
  } catch (error) {
    // Closes the file (after the read in flight, if any).
    void generator.return(undefined as never).catch(() => undefined);
    if (!(error instanceof ImportFileError)) {
      // Kept resumable: the checkpoint stays; `run` again (or the job's retry) carries on from it.
      await markFailed(
        deps.db,
        tenantId,
        importId,
        `The import stopped: ${(error as Error).message}. Run it again to carry on from row ${await checkpointOf(deps.db, tenantId, importId)}.`,
      );
      throw error;
    }
    await markFailed(deps.db, tenantId, importId, error.message);
    return { outcome: "failed", error: error.message };
  }
  await deps.db.sql.transaction(
    (sql) =>
      sql.query(
        `UPDATE imports SET status = 'completed', total_rows = checkpoint, finished_at = now(), updated_at = now()
          WHERE tenant_id = $1 AND id = $2::uuid`,
        [tenantId, importId],
      ),
    scoped,
  );
  return { outcome: "completed", totals };
}

async function checkpointOf(db: Database, tenantId: string, importId: string): Promise<number> {
  const record = await loadImport(db, tenantId, importId);
  return (record?.checkpoint ?? 0) + 1;
}

async function markFailed(db: Database, tenantId: string, importId: string, error: string): Promise<void> {
  await db.sql.transaction(
    (sql) =>
      sql.query(
        `UPDATE imports SET status = 'failed', error = $3, finished_at = now(), updated_at = now()
          WHERE tenant_id = $1 AND id = $2::uuid`,
        [tenantId, importId, error],
      ),
    { [TENANT_SETTING]: tenantId },
  );
}
