// The pg-boss side (queue `data.export`): a job names an export; the worker builds it (service.ts).
// A job whose worker died is retried by pg-boss once it expires, and the retry rebuilds the file
// from scratch; after the last attempt the export is marked failed with the reason.
import { JOB_QUEUES, jobData, queueJob } from "@servicepro/db";
import type { PgBoss } from "pg-boss";
import { type ExportDeps, failExport, runExport } from "./service.ts";

export type DataExportQueue = {
  /** Queues the build of an export whose row has been committed. */
  start(tenantId: string, exportId: string): Promise<void>;
};

export function createDataExportQueue(boss: Pick<PgBoss, "send">): DataExportQueue {
  return {
    start: async (tenantId, exportId) => {
      await queueJob(boss, "dataExport", { tenantId, exportId }, { singletonOn: "exportId" });
    },
  };
}

export type DataExportWorkerOptions = { pollingIntervalSeconds?: number };

/** Registers the worker (one export at a time per process: it is I/O- and CPU-heavy); returns its stop. */
export async function startDataExportWorker(
  boss: PgBoss,
  deps: ExportDeps,
  options: DataExportWorkerOptions = {},
): Promise<() => Promise<void>> {
  const stopping = new AbortController();
  const id = await boss.work(
    JOB_QUEUES.dataExport.name,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true },
    async ([job]) => {
      if (!job) return;
      const data = jobData("dataExport", job.data);
      try {
        await runExport(deps, data, AbortSignal.any([stopping.signal, job.signal]));
      } catch (error) {
        if (stopping.signal.aborted) throw error;
        deps.logger.error({ err: error, ...data, attempt: job.retryCount }, "data export failed");
        if (job.retryCount >= job.retryLimit) await failExport(deps, data, error);
        throw error;
      }
    },
  );
  return async () => {
    stopping.abort();
    await boss.offWork(JOB_QUEUES.dataExport.name, { id, wait: true });
  };
}
