// What the export list says about each export. Pure, unit-tested beside it.
export type ExportRow = {
  id: string;
  status: "queued" | "running" | "ready" | "failed" | "expired";
  rowsWritten: number;
  rowsTotal: number;
  bytes: number | null;
  createdAt: string;
  expiresAt: string | null;
  error: string | null;
  requestedByPlatform: boolean;
};

/** Still being built: the page polls while one is. */
export const isBuilding = (row: Pick<ExportRow, "status">) => row.status === "queued" || row.status === "running";

/** 0–100, from the record's rows written out of its total (only what the job has recorded). */
export function percentDone(row: Pick<ExportRow, "rowsWritten" | "rowsTotal" | "status">): number {
  if (row.status === "ready") return 100;
  if (row.rowsTotal <= 0) return 0;
  return Math.min(100, Math.floor((row.rowsWritten / row.rowsTotal) * 100));
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

export const STATUS_LABELS: Record<ExportRow["status"], string> = {
  queued: "Waiting to start",
  running: "Building",
  ready: "Ready",
  failed: "Failed",
  expired: "Link expired",
};

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
export const formatWhen = (iso: string) => when.format(new Date(iso));

/**
 * Download links carry a token shown once, to the person who asked; the browser keeps it for the
 * tab's life (sessionStorage), so the list can offer the download when the archive is ready.
 */
const LINKS_KEY = "servicepro.export-links";

export function rememberLink(exportId: string, downloadPath: string, storage: Storage = sessionStorage): void {
  const links = readLinks(storage);
  links[exportId] = downloadPath;
  storage.setItem(LINKS_KEY, JSON.stringify(links));
}

export function readLinks(storage: Storage = sessionStorage): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(LINKS_KEY) ?? "{}");
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}
