// @servicepro/imports: bringing a business's history in from CSV files (issue 16, "Import").
export { type AppointmentRow, applyAppointmentBatch, normalizeAppointment } from "./appointments.ts";

export { type CsvReader, ImportFileError, readCsv, readHead, type SourceRow } from "./csv.ts";
export { applyCustomerBatch, type PreparedRow, type RowOutcome, type RowReport } from "./customers.ts";
export {
  dryRun,
  type EngineDeps,
  emptyTotals,
  type ImportRecord,
  loadImport,
  PREVIEW_ROWS,
  type Preview,
  type RunResult,
  runImport,
  type Totals,
} from "./engine.ts";
export { type FieldSpec, IMPORT_KINDS, type ImportKindName, KIND_FIELDS, REQUIRED_FIELDS } from "./fields.ts";
export {
  type AssetRow,
  applyAssetBatch,
  applyMessageBatch,
  applyPointsBatch,
  type CustomerRef,
  type MessageRow,
  normalizeAsset,
  normalizeMessage,
  normalizePoints,
  type PointsRow,
} from "./kinds.ts";
export {
  type CustomerRow,
  cells,
  customerKeyText,
  DATE_FORMATS,
  type DateFormat,
  type ImportOptions,
  normalizeCustomer,
  oneEditApart,
  type Read,
  readDate,
  readEmail,
  readMoney,
  readPhone,
  readWholeNumber,
} from "./normalize.ts";
export {
  checkMapping,
  compactMapping,
  detectPreset,
  guessMapping,
  headerKey,
  type Mapping,
  type MappingProblem,
  missingRequired,
  PRESET_LAYOUTS,
  PRESETS,
  type PresetMatch,
  type PresetName,
  resolveMapping,
} from "./presets.ts";
export {
  type CreateImportInput,
  createImport,
  createImportQueue,
  DEFAULT_MAX_UPLOAD_BYTES,
  filePathOf,
  findImport,
  IMPORT_QUEUE,
  type ImportQueue,
  inspectFile,
  previewImport,
  queueImport,
  setImportMapping,
  storedPreview,
  storeUpload,
  UploadTooLarge,
} from "./service.ts";
export { type ImportWorkerLogger, startImportWorker } from "./worker.ts";
