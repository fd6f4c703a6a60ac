// Waiting for background work without sleeping: a job queued in pg-boss is done when its row
// reaches a final state. A test that asserts "nothing else was sent" first waits here, so the send
// that must not happen has provably had its chance (and a broken build fails instead of passing
// because the sleep was too short for the loaded machine).

/** pg-boss's connection shape (packages/db's `Database.jobQueue`). */
export type JobQueueSql = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
export type JobRecord = {
  id: string;
  name: string;
  state: JobState;
  retryCount: number;
  data: Record<string, unknown>;
};

const UNFINISHED: readonly JobState[] = ["created", "retry", "active"];

export type SettledJobsOptions = {
  /** The queue's name (JOB_QUEUES.x.name). */
  queue: string;
  /** Only jobs whose data contains this (jsonb containment), e.g. `{ messageId }`. */
  data?: Record<string, unknown>;
  /** Also wait until at least this many matching jobs exist (default 0). */
  atLeast?: number;
  timeoutMs?: number;
  /** pg-boss's schema (packages/db's JOB_QUEUE_SCHEMA). */
  schema?: string;
};

/**
 * Waits until every matching job has finished (completed, failed or cancelled: nothing waiting,
 * retrying or running) and returns them, oldest first. Throws with the unfinished jobs on timeout.
 */
export async function settledJobs(db: JobQueueSql, options: SettledJobsOptions): Promise<JobRecord[]> {
  const { queue, data = {}, atLeast = 0, timeoutMs = 30_000, schema = "pgboss" } = options;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.executeSql(
      `SELECT id::text, name, state::text AS state, retry_count AS "retryCount", data
         FROM ${schema}.job WHERE name = $1 AND data @> $2::jsonb ORDER BY created_on, id`,
      [queue, JSON.stringify(data)],
    );
    const jobs = rows as JobRecord[];
    const unfinished = jobs.filter((job) => UNFINISHED.includes(job.state));
    if (unfinished.length === 0 && jobs.length >= atLeast) return jobs;
    if (Date.now() > until)
      throw new Error(
        `jobs of ${queue} did not finish within ${timeoutMs} ms: ${jobs.length} found (wanted ${atLeast}), unfinished ${JSON.stringify(unfinished)}`,
      );
    // A state change is a row update in another connection; re-reading it is the cheapest way to see it.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
