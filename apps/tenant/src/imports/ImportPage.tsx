// Importing a business's history from CSV (issue 16): choose what the file holds and where it
// comes from, upload it (with a progress bar), read the dry run (what each row will do, and why),
// then run it and follow its progress; past imports below. Between the upload and the dry run, the
// Columns step (ColumnMapping): opened by itself when the file's columns match no preset well enough
// to run, and on "Change columns" otherwise; prefilled with what the server would read.
import "./imports.css";
import {
  Alert,
  Badge,
  Button,
  Card,
  DataTable,
  type DataTableColumn,
  PageHeader,
  SelectField,
  useZodForm,
} from "@servicepro/ui";
import {
  IMPORT_DATE_FORMATS,
  IMPORT_KIND_VALUES,
  IMPORT_PRESET_VALUES,
  type ImportKind,
  importCreateInput,
} from "@servicepro/validators";
import { type RouterOutputs, type SignedInContext, useTRPC } from "@servicepro/web";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ColumnMapping } from "./ColumnMapping.tsx";

type ImportView = RouterOutputs["tenant"]["imports"]["list"][number];
type Preview = RouterOutputs["tenant"]["imports"]["preview"];

const KIND_LABELS: Record<(typeof IMPORT_KIND_VALUES)[number], string> = {
  customers: "Customers",
  assets: "Vehicles, pets and properties",
  appointments: "Appointments",
  messages: "Text history",
  points: "Points balances",
};
const PRESET_LABELS: Record<(typeof IMPORT_PRESET_VALUES)[number], string> = {
  jobber: "Jobber",
  housecall_pro: "Housecall Pro",
  square: "Square",
  spreadsheet: "A plain spreadsheet",
};
const LIVE = new Set(["queued", "running"]);

/** PUTs the file with upload progress (fetch has none), streamed by the server to disk. */
function upload(url: string, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    xhr.onload = () => {
      if (xhr.status === 200) return resolve();
      let message = `The upload failed (${xhr.status}).`;
      try {
        message = (JSON.parse(xhr.responseText) as { error?: string }).error ?? message;
      } catch {}
      reject(new Error(message));
    };
    xhr.onerror = () => reject(new Error("The upload was cut off. Check your connection and try again."));
    xhr.send(file);
  });
}

const columns: ReadonlyArray<DataTableColumn<ImportView>> = [
  { id: "file", header: "File", rowHeader: true, cell: (i) => i.fileName },
  { id: "kind", header: "Kind", cell: (i) => KIND_LABELS[i.kind] },
  { id: "status", header: "Status", nowrap: true, cell: (i) => <Badge tone="neutral">{i.status}</Badge> },
  {
    id: "counts",
    header: "Rows",
    cell: (i) =>
      `${i.counts.processed.toLocaleString()} done: ${i.counts.created.toLocaleString()} new, ${i.counts.merged.toLocaleString()} merged, ${i.counts.rejected.toLocaleString()} rejected, ${i.counts.needsReview.toLocaleString()} to review`,
  },
];

export function ImportPage({ context }: { context: SignedInContext }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isAdmin = context.role === "tenant_admin" || context.role === "platform_owner";
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [currentFile, setCurrentFile] = useState<{ kind: ImportKind; fileName: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [choosingColumns, setChoosingColumns] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(importCreateInput, {
    defaultValues: {
      kind: "customers",
      preset: "spreadsheet",
      fileName: "file.csv",
      options: { dateFormat: "MM/DD/YYYY" },
    },
  });
  const list = useQuery(
    trpc.tenant.imports.list.queryOptions(
      { limit: 25 },
      { refetchInterval: (q) => (q.state.data?.some((i) => LIVE.has(i.status)) ? 2_000 : false) },
    ),
  );
  const create = useMutation(trpc.tenant.imports.create.mutationOptions());
  const dryRun = useMutation(trpc.tenant.imports.preview.mutationOptions());
  const run = useMutation(trpc.tenant.imports.run.mutationOptions());
  const running = list.data?.find((i) => i.id === current);

  const submit = form.handleSubmit(async (values) => {
    if (!file) return setError("Choose the CSV file to import.");
    setError(null);
    setPreview(null);
    setChoosingColumns(false);
    try {
      const created = await create.mutateAsync({ ...values, fileName: file.name });
      setCurrent(created.id);
      setCurrentFile({ kind: created.import.kind, fileName: file.name });
      setProgress(0);
      await upload(created.uploadUrl, file, setProgress);
      const checked = await dryRun.mutateAsync({ id: created.id, filter: "all", offset: 0, limit: 50 });
      setPreview(checked);
      // Columns the server can't read the file with: choose them before the dry run can say anything.
      setChoosingColumns(!checked.ok && checked.file !== null);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      void queryClient.invalidateQueries({ queryKey: trpc.tenant.imports.list.queryKey() });
    }
  });

  /** After new columns: the dry run again (the server dropped the one of the old columns). */
  const columnsSaved = async () => {
    if (!current) return;
    setChoosingColumns(false);
    setPreview(null);
    setError(null);
    try {
      setPreview(await dryRun.mutateAsync({ id: current, filter: "all", offset: 0, limit: 50 }));
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      void queryClient.invalidateQueries({ queryKey: trpc.tenant.imports.list.queryKey() });
    }
  };
  const canChangeColumns =
    isAdmin && running?.status !== undefined && ["uploaded", "previewed"].includes(running.status);

  return (
    <div className="sp-stack">
      <title>Import · ServicePro</title>
      <PageHeader
        eyebrow="Your data"
        title="Import"
        description="Bring in customers, their vehicles, pets or properties, appointments, text history and points from a CSV file. A dry run shows what each row will do before anything is written."
      />
      {isAdmin ? (
        <Card>
          <form className="imports-form" onSubmit={submit} noValidate>
            <SelectField
              label="What the file holds"
              options={IMPORT_KIND_VALUES.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              {...form.register("kind")}
            />
            <SelectField
              label="Exported from"
              options={IMPORT_PRESET_VALUES.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
              {...form.register("preset")}
            />
            <SelectField
              label="Dates are written"
              options={IMPORT_DATE_FORMATS.map((f) => ({ value: f, label: f }))}
              {...form.register("options.dateFormat")}
            />
            <label className="sp-field">
              <span className="sp-field__label">CSV file</span>
              <input
                className="imports-file"
                type="file"
                accept=".csv,text/csv"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </label>
            <Button type="submit" variant="primary" disabled={create.isPending || dryRun.isPending}>
              Upload and check
            </Button>
          </form>
          {progress !== null && progress < 1 ? (
            <progress className="imports-progress" value={progress} max={1} aria-label="Upload progress" />
          ) : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
        </Card>
      ) : null}
      {choosingColumns && current && currentFile && preview?.file ? (
        <Card>
          <ColumnMapping
            importId={current}
            kind={currentFile.kind}
            fileName={currentFile.fileName}
            file={preview.file}
            onSaved={columnsSaved}
            {...(preview.ok ? { onCancel: () => setChoosingColumns(false) } : {})}
          />
        </Card>
      ) : null}
      {preview && !choosingColumns ? (
        <Card>
          {canChangeColumns && preview.file ? (
            <div className="imports-columns">
              <Button variant="secondary" onClick={() => setChoosingColumns(true)}>
                Change columns
              </Button>
            </div>
          ) : null}
          {preview.ok ? (
            <>
              <p>
                {preview.totals.total.toLocaleString()} rows: {preview.totals.created.toLocaleString()} new,{" "}
                {preview.totals.merged.toLocaleString()} merged, {preview.totals.unchanged.toLocaleString()} already
                there, {preview.totals.rejected.toLocaleString()} rejected,{" "}
                {preview.totals.needs_review.toLocaleString()} to review.
              </p>
              <ul className="imports-rows">
                {preview.rows.map((r) => (
                  <li key={r.row}>
                    Row {r.row}: <Badge tone="neutral">{r.outcome.replace("_", " ")}</Badge> {r.messages.join(" ")}
                  </li>
                ))}
              </ul>
              {current && running?.status !== "completed" ? (
                <Button
                  variant="primary"
                  disabled={run.isPending || (running ? LIVE.has(running.status) : false)}
                  onClick={() =>
                    run.mutate(
                      { id: current },
                      {
                        onError: (caught) => setError(caught.message),
                        onSettled: () =>
                          void queryClient.invalidateQueries({ queryKey: trpc.tenant.imports.list.queryKey() }),
                      },
                    )
                  }
                >
                  Run the import
                </Button>
              ) : null}
              {running && running.previewTotals ? (
                <progress
                  className="imports-progress"
                  value={running.counts.processed}
                  max={Math.max(1, running.previewTotals.total)}
                  aria-label="Import progress"
                />
              ) : null}
            </>
          ) : (
            <Alert tone="error">{preview.error}</Alert>
          )}
        </Card>
      ) : null}
      <Card>
        <DataTable caption="Past imports" columns={columns} rows={list.data ?? []} rowKey={(i) => i.id} />
      </Card>
    </div>
  );
}
