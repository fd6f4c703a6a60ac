// The nightly retention run on pg-boss (queue `retention.run`, one job per business).
//
// The sweep runs like the other periodic work here (apps/server maintenance.ts): in every process
// that runs the workers, once at start and then every MAINTENANCE_INTERVAL_SECONDS. Each sweep
// queues one job per business with a singleton of one UTC day, so however many processes sweep and
// however often, a business gets one run per day, in the first sweep after 00:00 UTC (pg-boss's
// singleton slots are aligned to the epoch). Every step is idempotent (deletes only what is past
// the window, warns once per threshold, purges once), so a retried job changes nothing twice.
import { JOB_QUEUES, jobData, MAINTENANCE_INTERVAL_SECONDS, platformReadDb, queueJob } from "@servicepro/db";
import type { PgBoss } from "pg-boss";
import type { RetentionDeps } from "./deps.ts";
import { type PurgeRun, runCancelledPurge } from "./purge.ts";
import { runMessageRetention, runRecordingRetention, type WindowRun } from "./windows.ts";

const DAY_SECONDS = 24 * 60 * 60;

export type TenantRetentionRun = {
  messages: WindowRun;
  recordings: WindowRun;
  purge: PurgeRun;
  /** Export archives past their 24 hours, deleted from disk (null when no sweep is configured). */
  expiredExports: number | null;
};

/**
 * One business's nightly run: the two windows, expired export archives (a file of every customer's
 * data has no business on disk once its link is over, even under a legal hold: the data it copies
 * stays in the database), then the cancelled-data warnings or purge.
 */
export async function runTenantRetention(deps: RetentionDeps, tenantId: string): Promise<TenantRetentionRun> {
  const messages = await runMessageRetention(deps, tenantId);
  const recordings = await runRecordingRetention(deps, tenantId);
  const expiredExports = deps.sweepExpiredExports ? await deps.sweepExpiredExports(tenantId) : null;
  const purge = await runCancelledPurge(deps, tenantId);
  return { messages, recordings, purge, expiredExports };
}

/** Queues today's run for every business not yet purged (at most one per business per UTC day). */
export async function queueRetentionSweep(boss: Pick<PgBoss, "send">, deps: Pick<RetentionDeps, "db" | "logger">) {
  const tenants = await platformReadDb(deps.db, { actorUserId: null, purpose: "retention.sweep" }).run((tx) =>
    tx.tenant.findMany({ where: { dataPurgedAt: null }, select: { id: true }, orderBy: { id: "asc" } }),
  );
  let queued = 0;
  for (const { id } of tenants)
    if (
      await queueJob(boss, "retentionRun", { tenantId: id }, { singletonOn: "tenantId", singletonSeconds: DAY_SECONDS })
    )
      queued++;
  return { tenants: tenants.length, queued };
}

export type RetentionWorkerOptions = {
  pollingIntervalSeconds?: number;
  /** How often the sweep looks for a new day (default MAINTENANCE_INTERVAL_SECONDS). */
  sweepIntervalMs?: number;
  /** Sweep at start and on the interval (default true); tests queue runs themselves. */
  sweep?: boolean;
};

/** Registers the worker and starts the sweep; returns the function that stops both. */
export async function startRetentionWorker(
  boss: PgBoss,
  deps: RetentionDeps,
  options: RetentionWorkerOptions = {},
): Promise<() => Promise<void>> {
  const id = await boss.work(
    JOB_QUEUES.retentionRun.name,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5, batchSize: 1 },
    async ([job]) => {
      if (!job) return;
      const { tenantId } = jobData("retentionRun", job.data);
      const run = await runTenantRetention(deps, tenantId);
      // Only outcomes and counts: the job's output is kept with it and holds no personal data.
      return {
        messages: run.messages.outcome === "completed" ? run.messages.counts : run.messages.reason,
        recordings: run.recordings.outcome === "completed" ? run.recordings.counts : run.recordings.reason,
        purge: run.purge.outcome,
        expiredExports: run.expiredExports,
      };
    },
  );
  let running: Promise<void> | null = null;
  const sweep = () => {
    running ??= queueRetentionSweep(boss, deps)
      .then(() => undefined)
      .catch((error: unknown) =>
        deps.logger.error({ err: error }, "retention: the nightly sweep failed; retrying next interval"),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer =
    options.sweep === false
      ? null
      : setInterval(() => void sweep(), options.sweepIntervalMs ?? MAINTENANCE_INTERVAL_SECONDS * 1000);
  timer?.unref();
  if (options.sweep !== false) void sweep();
  return async () => {
    if (timer) clearInterval(timer);
    await running;
    await boss.offWork(JOB_QUEUES.retentionRun.name, { id, wait: true });
  };
}
