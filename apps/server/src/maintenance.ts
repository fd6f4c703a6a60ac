// Clean-up no request does: rate-limit counters (`rate_limits`: sign-in failures, portal codes) are
// only ever overwritten by their own key, so the ones nobody uses again stay until swept. The sweep
// runs in every process that runs the workers (main.ts with SMS_WORKER, worker.ts), on pg-boss's
// maintenance interval, once at start and then every interval. It is one idempotent DELETE, so
// several processes sweeping at once is harmless and needs no lock.
import { deleteExpiredLimits } from "@servicepro/api";
import { type Database, MAINTENANCE_INTERVAL_SECONDS } from "@servicepro/db";
import type { AppLogger } from "./logger.ts";

export type Maintenance = {
  /** Sweeps now (joins a sweep already running); never rejects: a failure is logged and retried next interval. */
  sweep(): Promise<void>;
  /** Stops the interval and waits for a sweep in progress. */
  stop(): Promise<void>;
};

export function startMaintenance(opts: {
  db: Database;
  logger: Pick<AppLogger, "info" | "error">;
  intervalMs?: number;
  now?: () => Date;
}): Maintenance {
  const { db, logger } = opts;
  const now = opts.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const sweepOnce = async () => {
    try {
      const deleted = await deleteExpiredLimits(db, now());
      if (deleted > 0) logger.info({ deleted }, "maintenance: expired rate-limit counters deleted");
    } catch (error) {
      logger.error({ err: error }, "maintenance: deleting expired rate-limit counters failed; retrying next interval");
    }
  };
  const sweep = () => {
    running ??= sweepOnce().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void sweep(), opts.intervalMs ?? MAINTENANCE_INTERVAL_SECONDS * 1000);
  // The interval alone never keeps the process alive: shutdown closes the database and exits.
  timer.unref();
  void sweep();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
