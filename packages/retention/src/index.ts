// @servicepro/retention: how long a business keeps its data, and the jobs that delete what is past
// it (issue 16, part 4). policy.ts is pure; the rest applies it over the database.
export {
  DEFAULT_BATCH,
  type DeletionTrigger,
  type RecordingApi,
  type RetentionDeps,
  type RetentionLogger,
} from "./deps.ts";
export {
  type ErasureRequest,
  type ErasureResult,
  eraseCustomer,
  erasedPhone,
  LEGAL_HOLD_MESSAGE,
} from "./erasure.ts";
export * from "./policy.ts";
export { type PurgeRun, runCancelledPurge, tenantTablesInDeleteOrder } from "./purge.ts";
export { runMessageRetention, runRecordingRetention, type WindowRun } from "./windows.ts";
export {
  queueRetentionSweep,
  type RetentionWorkerOptions,
  runTenantRetention,
  startRetentionWorker,
  type TenantRetentionRun,
} from "./worker.ts";
