// The import job (queue `data.import`): the job names the import; the worker runs it from its
// checkpoint. A failed run is retried by pg-boss (it carries on from the checkpoint); a file that
// can't be read fails the import with its message and is not retried.
import { JOB_QUEUES, jobData } from "@servicepro/db";
import type { PgBoss } from "pg-boss";
import { type EngineDeps, runImport } from "./engine.ts";

export type ImportWorkerLogger = { info(obj: object, msg: string): void };

export async function startImportWorker(
  boss: PgBoss,
  deps: EngineDeps & { logger: ImportWorkerLogger },
  options: { pollingIntervalSeconds?: number } = {},
): Promise<() => Promise<void>> {
  const stopping = new AbortController();
  const id = await boss.work(
    JOB_QUEUES.dataImport.name,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1, localConcurrency: 2 },
    async ([job]) => {
      if (!job) return;
      const data = jobData("dataImport", job.data);
      let result: Awaited<ReturnType<typeof runImport>>;
      try {
        result = await runImport(deps, data.tenantId, data.importId, {
          signal: AbortSignal.any([stopping.signal, job.signal]),
        });
      } catch (error) {
        // The job's error is stored in the queue, which has no row-level security: a database error
        // can quote a row's values (a phone in a key clash), so only the import's own record (tenant
        // scoped) keeps the message. pg-boss retries the job; the retry resumes from the checkpoint.
        deps.logger.info({ ...data, err: (error as Error).name }, "import stopped; it will be retried");
        throw new Error("The import stopped; its record has the reason. It resumes from its checkpoint.");
      }
      deps.logger.info({ ...data, outcome: result.outcome }, "import finished");
    },
  );
  return async () => {
    stopping.abort();
    await boss.offWork(JOB_QUEUES.dataImport.name, { id, wait: true });
  };
}
