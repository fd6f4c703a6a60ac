// The pg-boss side of the drain (queue `campaign.drain`): a job names a campaign; the worker drains
// it for one budget (drain.ts) and, while there is more to send, queues the next job for when the
// next text may go (the next slot, the end of the quiet hours).
//
// One chain of jobs per campaign. The queue's policy is `standard`, on which a singleton key does
// not deduplicate, so the chain is kept single here: a job is queued only when none is already
// queued for the campaign to start at about the same time or earlier (that one carries on). Two
// drains of one campaign running at once (a resume racing the job before it) are safe anyway: every
// claim locks its row (SKIP LOCKED) and the sender's pace row, so they only share the work.
import { JOB_QUEUES, type JobData, jobData, queueJob } from "@servicepro/db";
import type { PgBoss } from "pg-boss";
import { type DrainDeps, type DrainOptions, drainCampaign } from "./drain.ts";

export type CampaignDrainJob = JobData<"campaignDrain">;

export type CampaignDrainQueue = {
  /** Drains the campaign from `at` (default now). Call after setting it `sending` (start, resume). */
  start(tenantId: string, campaignId: string, at?: Date): Promise<void>;
};

type DrainBoss = Pick<PgBoss, "send" | "findJobs">;

/** A job already queued to start at most this much later than wanted does instead of a new one. */
const COALESCE_MS = 2_000;

async function queueDrain(boss: DrainBoss, job: CampaignDrainJob, at: Date): Promise<void> {
  const queued = await boss.findJobs(JOB_QUEUES.campaignDrain.name, { key: job.campaignId, queued: true });
  if (queued.some((other) => new Date(other.startAfter).getTime() <= at.getTime() + COALESCE_MS)) return;
  await queueJob(boss, "campaignDrain", job, { singletonOn: "campaignId", startAfter: at });
}

export function createCampaignDrainQueue(boss: DrainBoss): CampaignDrainQueue {
  return {
    start: (tenantId, campaignId, at) => queueDrain(boss, { tenantId, campaignId }, at ?? new Date()),
  };
}

export type CampaignDrainWorkerOptions = {
  pollingIntervalSeconds?: number;
  /** Campaigns drained at once in this process (each mostly waits for its senders' slots). */
  concurrency?: number;
  budgetMs?: DrainOptions["budgetMs"];
};

/** Registers the drain worker; returns the function that stops it (runs in hand hand over to a next job). */
export async function startCampaignDrainWorker(
  boss: PgBoss,
  deps: DrainDeps,
  options: CampaignDrainWorkerOptions = {},
): Promise<() => Promise<void>> {
  const stopping = new AbortController();
  const id = await boss.work(
    JOB_QUEUES.campaignDrain.name,
    {
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
      batchSize: 1,
      localConcurrency: options.concurrency ?? 4,
    },
    async ([job]) => {
      if (!job) return;
      const data = jobData("campaignDrain", job.data);
      const result = await drainCampaign(deps, data, {
        signal: AbortSignal.any([stopping.signal, job.signal]),
        ...(options.budgetMs ? { budgetMs: options.budgetMs } : {}),
      });
      if (result.outcome === "waiting") await queueDrain(boss, data, result.nextAt);
      else deps.logger.info({ ...data, outcome: result.outcome }, "campaign drain stopped");
    },
  );
  return async () => {
    stopping.abort();
    await boss.offWork(JOB_QUEUES.campaignDrain.name, { id, wait: true });
  };
}
