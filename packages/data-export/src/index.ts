// @servicepro/data-export: everything a business has, out (issue 16 §3).
export {
  type ArchiveOptions,
  type ArchiveResult,
  countRows,
  type Manifest,
  type ManifestFile,
  readPages,
  writeExportArchive,
} from "./archive.ts";
export {
  type ColumnType,
  EXPORT_KINDS,
  type ExportColumn,
  type ExportKind,
  NOT_EXPORTED,
  PAGE_SIZE,
} from "./catalog.ts";
export { exportReadme } from "./readme.ts";
export {
  archivePath,
  checkDownload,
  createExportRow,
  DOWNLOAD_TTL_MS,
  type DownloadCheck,
  downloadFileName,
  type ExportDeps,
  type ExportLogger,
  type ExportRequest,
  type ExportView,
  exportView,
  failExport,
  hashToken,
  mintDownloadToken,
  runExport,
  sweepExpired,
} from "./service.ts";
export { createDataExportQueue, type DataExportQueue, startDataExportWorker } from "./worker.ts";
