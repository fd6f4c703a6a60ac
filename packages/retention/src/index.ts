// @servicepro/retention: how long a business keeps its data, and the jobs that delete what is past
// it (issue 16, part 4). policy.ts is pure; the rest applies it over the database.
export {
  DEFAULT_BATCH,
  type DeletionTrigger,
  type RecordingApi,
  type RetentionDeps,
  type RetentionLogger,
} from "./deps.ts";
export * from "./policy.ts";
export { runMessageRetention, runRecordingRetention, type WindowRun } from "./windows.ts";
