/**
 * Group commit: every webhook that arrives while a staging write is in flight waits for the next
 * one, and all of them are committed by a single statement (app_stage_twilio_events), for any mix
 * of tenants. Under load a write carries tens of events for the cost of one; at rest each event is
 * written at once. A webhook is acknowledged only when the promise stage() returned resolves, that
 * is, after its commit.
 *
 * If a grouped write fails (one event the database refuses, e.g. its tenant was deleted a moment
 * ago), each event of the group is written alone, so only the bad one fails.
 */
import type { Database } from "@servicepro/db";
import type { StagedEvent } from "./events.ts";

type Waiting = { event: StagedEvent; resolve: () => void; reject: (error: unknown) => void };

export type Stager = {
  /** Resolves once the event is committed (or was already staged: a redelivery). */
  stage(event: StagedEvent): Promise<void>;
  /** Resolves when no write is in flight. */
  idle(): Promise<void>;
};

export type StagerOptions = {
  /** Concurrent staging writes (each holds a pool connection). Default 2. */
  maxInFlight?: number;
  /** Events per write at most. Default 500. */
  maxBatch?: number;
  /** Called after each committed write with the tenants it staged for (wakes this process's workers). */
  onStaged?: (tenantIds: ReadonlySet<string>) => void;
};

export function createStager(db: Database, options: StagerOptions = {}): Stager {
  const maxInFlight = options.maxInFlight ?? 2;
  const maxBatch = options.maxBatch ?? 500;
  let waiting: Waiting[] = [];
  let inFlight = 0;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];

  const write = (events: readonly StagedEvent[]) =>
    db.sql.query("SELECT app_stage_twilio_events($1::jsonb)", [JSON.stringify(events)]);

  async function flush(group: Waiting[]) {
    try {
      await write(group.map((w) => w.event));
      for (const w of group) w.resolve();
    } catch (error) {
      if (group.length === 1) group[0]!.reject(error);
      else
        await Promise.all(
          group.map((w) =>
            write([w.event]).then(
              () => w.resolve(),
              (alone: unknown) => w.reject(alone),
            ),
          ),
        );
    }
    options.onStaged?.(new Set(group.map((w) => w.event.tenantId)));
  }

  function pump() {
    scheduled = false;
    while (inFlight < maxInFlight && waiting.length > 0) {
      const group = waiting.slice(0, maxBatch);
      waiting = waiting.slice(group.length);
      inFlight++;
      void flush(group).finally(() => {
        inFlight--;
        if (waiting.length > 0) schedule();
        else if (inFlight === 0) {
          const waiters = idleWaiters;
          idleWaiters = [];
          for (const done of waiters) done();
        }
      });
    }
  }

  // setImmediate: the webhooks parsed in this event-loop turn join the same write.
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  }

  return {
    stage(event) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ event, resolve, reject });
        schedule();
      });
    },
    idle() {
      if (inFlight === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
  };
}
