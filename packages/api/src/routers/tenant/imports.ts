// CSV imports (`tenant.imports.*`, issue 16): admins create an import, upload its file (PUT
// /imports/:id/file on the server, streamed to FILES_DIR), run the dry run and then the import (a
// job); staff may look at imports and their progress. Every change is audited. The rules live in
// @servicepro/imports.
import { type DataImport, JOB_QUEUES } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import {
  createImport,
  findImport,
  inspectFile,
  previewImport,
  queueImport,
  type RowReport,
  setImportMapping,
  storedPreview,
} from "@servicepro/imports";
import {
  importCreateInput,
  importIdInput,
  importListInput,
  importPreviewInput,
  importSetMappingInput,
} from "@servicepro/validators";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Where the tenant app sends the file (the server's upload route). */
export const uploadPathOf = (id: string) => `/imports/${id}/file`;

function importView(record: DataImport) {
  const preview = storedPreview(record);
  return {
    id: record.id,
    kind: record.kind,
    preset: record.preset,
    mapping: record.mapping as Record<string, string[]>,
    fileName: record.fileName,
    fileSize: record.fileSize,
    fileSha256: record.fileSha256,
    status: record.status,
    counts: {
      total: record.totalRows,
      processed: record.processedRows,
      created: record.createdCount,
      merged: record.mergedCount,
      unchanged: record.unchangedCount,
      rejected: record.rejectedCount,
      needsReview: record.reviewCount,
    },
    /** The dry run's totals (null before it ran), so the run's progress bar knows the whole. */
    previewTotals: preview?.ok ? preview.totals : null,
    previewError: preview && !preview.ok ? preview.error : null,
    checkpoint: record.checkpoint,
    problems: (record.problems as RowReport[]).slice(0, 50),
    error: record.error,
    uploadUrl: uploadPathOf(record.id),
    createdAt: record.createdAt.toISOString(),
    startedAt: iso(record.startedAt),
    finishedAt: iso(record.finishedAt),
  };
}
export type ImportView = ReturnType<typeof importView>;

export const tenantImportsRouter = createRouter({
  list: staffProcedure.input(importListInput).query(({ ctx, input }) =>
    ctx.tenant.run(async (tx) => {
      const rows = await tx.dataImport.findMany({
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: input.limit,
      });
      return rows.map(importView);
    }),
  ),

  status: staffProcedure
    .input(importIdInput)
    .query(({ ctx, input }) => ctx.tenant.run(async (tx) => importView(await findImport(tx, input.id)))),

  /** A new import: returns its id and where to PUT the file. */
  create: tenantAdminProcedure.input(importCreateInput).mutation(async ({ ctx, input }) => {
    const record = await ctx.tenant.run((tx) => createImport(tx, ctx.tenantId, input, ctx.auth.user?.id ?? null));
    await ctx.audit({
      action: "import.created",
      objectType: "import",
      objectId: record.id,
      details: { kind: record.kind, preset: record.preset, fileName: record.fileName },
    });
    return { id: record.id, uploadUrl: uploadPathOf(record.id), import: importView(record) };
  }),

  /**
   * The dry run: what each row will do (created, merged, unchanged, rejected, needs review) and why,
   * paged, with totals over the whole file; writes nothing to the business's data. Runs over the file
   * once per upload and per mapping (or on `refresh`); later pages come from the kept report. Also
   * returns the file's header, sample values and the mapping it is read with, for the mapping screen.
   */
  preview: tenantAdminProcedure.input(importPreviewInput).mutation(async ({ ctx, input }) => {
    const record = await ctx.tenant.run((tx) => findImport(tx, input.id));
    if (!record.filePath) throw new AppError("PRECONDITION_FAILED", "Upload the file before the dry run.");
    const stored = storedPreview(record);
    const preview =
      stored && !input.refresh
        ? stored
        : await previewImport({ db: ctx.db, filesDir: ctx.filesDir }, ctx.tenantId, record.id);
    if (!stored || input.refresh)
      await ctx.audit({
        action: "import.previewed",
        objectType: "import",
        objectId: record.id,
        details: preview.ok ? { totals: preview.totals } : { error: preview.error },
      });
    const head = await inspectFile(ctx.filesDir, record).catch(() => null);
    const file = head
      ? {
          headers: head.headers,
          samples: head.samples.map((s) => s.values),
          detectedPreset: head.detected.preset,
          suggestedMapping: head.detected.mapping,
          /** What the import reads the file with now (its mapping, its preset's or the guess). */
          mapping: head.current,
        }
      : null;
    if (!preview.ok) return { ok: false as const, error: preview.error, file };
    const rows = input.filter === "problems" ? preview.problems : preview.rows;
    return {
      ok: true as const,
      totals: preview.totals,
      mapping: preview.mapping,
      rows: rows.slice(input.offset, input.offset + input.limit),
      /** Rows kept in the report (the totals count every row of the file). */
      reported: rows.length,
      file,
    };
  }),

  /**
   * The import's own column mapping (a file no preset reads): each target field → the file's
   * columns. Checked against the uploaded file's header; the preset becomes none ("custom mapping")
   * and the dry run is dropped, so the next preview reads the file with it. 412 before the upload,
   * 409 once queued, running, completed or partly run, 400 with an issue per problem at
   * `mapping.<field>`; nothing changes on a refusal.
   */
  setMapping: tenantAdminProcedure.input(importSetMappingInput).mutation(async ({ ctx, input }) => {
    const { record, previous } = await setImportMapping(
      { filesDir: ctx.filesDir, withTenant: (fn) => ctx.tenant.run(fn) },
      input.importId,
      input.mapping,
    );
    await ctx.audit({
      action: "import.mapping_set",
      objectType: "import",
      objectId: record.id,
      details: {
        kind: record.kind,
        mapping: record.mapping as Record<string, string[]>,
        previousPreset: previous.preset,
        previousMapping: previous.mapping,
      },
    });
    return importView(record);
  }),

  /**
   * Queues the import (a job). One import runs per business at a time: while another is queued or
   * running this is refused with 409 and a message naming it. A failed import carries on from its
   * checkpoint when run again.
   */
  run: tenantAdminProcedure.input(importIdInput).mutation(async ({ ctx, input }) => {
    const record = await ctx.tenant.run((tx) => queueImport(tx, input.id));
    await ctx.messaging.imports.start(ctx.tenantId, record.id);
    await ctx.audit({
      action: "import.run",
      objectType: "import",
      objectId: record.id,
      details: {
        kind: record.kind,
        fileName: record.fileName,
        fromRow: record.checkpoint + 1,
        queue: JOB_QUEUES.dataImport.name,
      },
    });
    return importView(record);
  }),
});
