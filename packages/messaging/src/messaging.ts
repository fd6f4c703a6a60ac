import { JOB_QUEUE_SCHEMA, type Database } from "@servicepro/db";
import type { UnroutedPolicy } from "@servicepro/telephony";
import { PgBoss } from "pg-boss";
import { createMessagingEvents } from "./events.ts";
import type { IntakeDeps } from "./intake.ts";
import { createOutbox } from "./outbox.ts";
import type { SmsSender } from "./senders.ts";
import type { MessagingEvents, Outbox } from "./types.ts";
import { startSmsWorker, type WorkerLogger } from "./worker.ts";

export type MessagingOptions = {
  db: Database;
  sender: SmsSender;
  logger: WorkerLogger;
  /** The public origin Twilio reaches us at, e.g. https://app.example.com (status callback URLs are built from it). */
  publicBaseUrl: string;
  unroutedPolicy: UnroutedPolicy;
  /** Deliver queued texts in this process (default true). Tests and a dedicated worker process can turn it off or on. */
  runWorker?: boolean;
  /** How often an idle worker looks for new jobs. */
  pollingIntervalSeconds?: number;
  /** How often stuck jobs (a worker died holding them) are found and retried; default 15 s. */
  superviseIntervalSeconds?: number;
  now?: () => Date;
};

export type Messaging = {
  outbox: Outbox;
  events: MessagingEvents;
  intake: IntakeDeps;
  boss: PgBoss;
  sender: SmsSender;
  /** Stops the worker (finishing jobs in hand) and the queue. */
  stop(): Promise<void>;
};

/**
 * Starts the job queue (its schema is installed by migrations; the app role never runs DDL),
 * the outbox on top of it, and — unless turned off — the SMS delivery worker.
 */
export async function startMessaging(options: MessagingOptions): Promise<Messaging> {
  const boss = new PgBoss({
    db: options.db.jobQueue,
    schema: JOB_QUEUE_SCHEMA,
    migrate: false,
    // Maintenance (expiring stuck jobs so they are retried, archiving) runs in every process that
    // runs workers; pg-boss coordinates it with an advisory lock.
    supervise: options.runWorker ?? true,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 15,
    monitorIntervalSeconds: options.superviseIntervalSeconds ?? 15,
    schedule: false,
    ...(options.db.engine === "pglite" ? { backend: "pglite" as const } : {}),
  });
  boss.on("error", (error) => options.logger.error({ err: error }, "job queue error"));
  try {
    await boss.start();
  } catch (error) {
    throw new Error(`The job queue could not start: ${(error as Error).message}. Run \`pnpm db:migrate\` to install or upgrade it.`, { cause: error });
  }
  const events = createMessagingEvents();
  const outbox = createOutbox(boss);
  const base = options.publicBaseUrl.replace(/\/$/, "");
  const intake: IntakeDeps = { db: options.db, outbox, events, unroutedPolicy: options.unroutedPolicy, publicBaseUrl: base, ...(options.now ? { now: options.now } : {}) };
  const stopWorker =
    (options.runWorker ?? true)
      ? await startSmsWorker(
          boss,
          { db: options.db, sender: options.sender, events, logger: options.logger, statusCallbackUrl: `${base}/twilio/sms/status` },
          { ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}) },
        )
      : async () => undefined;
  return {
    outbox,
    events,
    intake,
    boss,
    sender: options.sender,
    async stop() {
      await stopWorker();
      await boss.stop({ graceful: true, close: false, timeout: 10_000 });
    },
  };
}
