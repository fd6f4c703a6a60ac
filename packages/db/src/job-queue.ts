/**
 * The job queue's tables (pg-boss, in the `pgboss` schema) are part of the database's shape, so
 * they are installed and upgraded by the migration runner, as the migration (owner) user, like
 * every other table. At run time the app role only reads and writes rows there; it never runs
 * DDL and owns nothing. Queues are declared here, once, for the same reason.
 */
import { SLUG_PATTERN } from "@servicepro/validators/patterns";
import { PgBoss, type QueueOptions, type SendOptions } from "pg-boss";
import { z } from "zod";
import type { SqlSession } from "./migrate.ts";
import { APP_ROLE, PLATFORM_ROLE } from "./roles.ts";

export const JOB_QUEUE_SCHEMA = "pgboss";

const DAY = 24 * 60 * 60;

/**
 * What a job may carry: references only. The queue's tables have no row-level security, so the app
 * role can read every tenant's jobs, and finished jobs stay until retention deletes them. A job
 * therefore names rows (the tenant, and a row id); the worker reads everything else (bodies,
 * numbers, names, addresses, links) under the tenant's or the platform's scope when it runs.
 * docs/decisions/0013-no-secrets-in-the-queue.md.
 */
const tenantId = z.string().regex(SLUG_PATTERN, "a tenant id");
const rowId = z.uuid();

/**
 * Every queue the app uses: its retry policy, how long finished jobs are kept (deleteAfterSeconds:
 * completed, failed and cancelled jobs, with their data and output, are deleted that long after
 * they finished; the sweep runs every MAINTENANCE_INTERVAL_SECONDS), and the one shape its data may
 * have (strict: an extra field is refused, so a body, a number or a link cannot ride along).
 */
export const JOB_QUEUES = {
  /** One job per outbound SMS (the message row is the outbox; the job delivers it). */
  smsSend: {
    name: "sms.send",
    data: z.strictObject({ tenantId, messageId: rowId }),
    options: {
      retryLimit: 8,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 300,
      // A worker that dies mid-send leaves its job active; after this it is retried, and the
      // retry reconciles with Twilio before sending (packages/sms/src/delivery-worker.ts).
      expireInSeconds: 60,
      // The message row keeps the delivery history; the job row is only needed while it runs.
      deleteAfterSeconds: DAY,
    } satisfies QueueOptions,
  },
  /**
   * Buys a new business's number from Twilio (if needed) and points its webhooks at us. The job
   * names the business; the worker reads its numbers (tenant_phone_configs) under its scope.
   */
  numberSetup: {
    name: "phone-number.setup",
    data: z.strictObject({ tenantId }),
    options: {
      retryLimit: 10,
      retryDelay: 10,
      retryBackoff: true,
      retryDelayMax: 900,
      expireInSeconds: 120,
      // A little longer than the others: a failed purchase is looked into from the job's error.
      deleteAfterSeconds: 3 * DAY,
    } satisfies QueueOptions,
  },
  /**
   * Sends a new business owner their one-time link, one job per channel (SMS, email). The job
   * names an onboarding_notices row (platform-only); the link is minted when it is sent.
   */
  onboardingNotice: {
    name: "onboarding.notice",
    data: z.strictObject({ tenantId, noticeId: rowId, channel: z.enum(["sms", "email"]) }),
    options: {
      retryLimit: 8,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 600,
      expireInSeconds: 60,
      deleteAfterSeconds: DAY,
    } satisfies QueueOptions,
  },
  /**
   * One job per appointment reminder or confirmation, starting at its due time. The job re-reads
   * the reminder and its appointment and texts only while both still agree (packages/sms
   * reminder-worker.ts), so a job for a moved or cancelled appointment sends nothing.
   */
  appointmentReminder: {
    name: "appointment.reminder",
    data: z.strictObject({ tenantId, reminderId: rowId }),
    options: {
      retryLimit: 6,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 900,
      expireInSeconds: 60,
      deleteAfterSeconds: DAY,
    } satisfies QueueOptions,
  },
  /**
   * One job per review request, starting at its due time (completion plus the business's delay). The
   * job re-reads the request, the settings, consent and the thread, and texts at most once
   * (packages/sms review-request-worker.ts).
   */
  reviewRequest: {
    name: "review.request",
    data: z.strictObject({ tenantId, reviewRequestId: rowId }),
    options: {
      retryLimit: 6,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 900,
      expireInSeconds: 60,
      deleteAfterSeconds: DAY,
    } satisfies QueueOptions,
  },
  /**
   * Drains one sending campaign (packages/campaigns drain.ts): the job names the campaign; the worker
   * sends its queued rows at each sender's pace for a while, then queues the next job for when the
   * next text is due. The queue's policy is standard, so its singleton key does not deduplicate:
   * the queue side (packages/campaigns drain-worker.ts) keeps one chain of jobs per campaign, and two
   * drains at once only share the work (every claim locks its row and the sender's pace). A worker
   * that dies mid-drain leaves rows `sending`, which the next job finishes (reconciling with Twilio).
   */
  campaignDrain: {
    name: "campaign.drain",
    data: z.strictObject({ tenantId, campaignId: rowId }),
    options: {
      retryLimit: 20,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 300,
      expireInSeconds: 120,
      deleteAfterSeconds: DAY,
    } satisfies QueueOptions,
  },
  /**
   * One job per rebook reminder ("time for your next visit"), started at its due time; the worker
   * re-reads the reminder, the business's settings, consent and bookings when it runs (packages/sms).
   */
  rebookReminder: {
    name: "rebook.reminder",
    data: z.strictObject({ tenantId, rebookReminderId: rowId }),
    options: {
      retryLimit: 6,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 900,
      expireInSeconds: 60,
      deleteAfterSeconds: DAY,
    } satisfies QueueOptions,
  },
  /**
   * One job per inbound text the SMS agent should answer (packages/sms-agent). The job names the
   * text; the worker reads the conversation, the customer and the business under the tenant's scope.
   * A run row per text (unique) makes a retried job answer once; retries are short because a
   * customer is waiting, and a job that still fails hands the conversation to a person.
   */
  agentReply: {
    name: "agent.reply",
    data: z.strictObject({ tenantId, messageId: rowId }),
    options: {
      retryLimit: 3,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 30,
      // A model call is bounded by its timeout (OPENAI_TIMEOUT_MS); past this the job is retried.
      expireInSeconds: 120,
      deleteAfterSeconds: DAY,
    } satisfies QueueOptions,
  },
  /**
   * The nightly retention run for one business (packages/retention): its message and recording
   * windows, and, once cancelled, the warnings and the purge. The job names the business; the
   * worker reads the windows, the legal hold and the cancellation under the right scope when it
   * runs. Queued once per business per UTC day by the sweep (singletonSeconds: a day), and every
   * step is idempotent, so a retry or a second sweep deletes nothing twice.
   */
  retentionRun: {
    name: "retention.run",
    data: z.strictObject({ tenantId }),
    options: {
      retryLimit: 5,
      retryDelay: 60,
      retryBackoff: true,
      retryDelayMax: 3600,
      // A large first run (years of texts) deletes in batches; past this the job is retried and resumes.
      expireInSeconds: 1800,
      deleteAfterSeconds: 7 * DAY,
    } satisfies QueueOptions,
  },
  /**
   * Builds one data export (packages/data-export): the job names the export row; the worker reads
   * the business's tables page by page under its scope and streams the ZIP to FILES_DIR. A retry
   * (or a restart mid-build) rebuilds the file from scratch, so the job is idempotent by export id.
   */
  dataExport: {
    name: "data.export",
    data: z.strictObject({ tenantId, exportId: rowId }),
    options: {
      retryLimit: 3,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 600,
      // A big business's archive takes minutes; the worker keeps the row's progress moving.
      expireInSeconds: 60 * 60,
      deleteAfterSeconds: 3 * DAY,
    } satisfies QueueOptions,
  },
  /**
   * Runs one CSV import (packages/imports): the job names the import; the worker streams its file
   * from FILES_DIR and commits batches with their checkpoint, so a retry (a worker that died, an
   * expired job) resumes from the last committed batch and duplicates nothing (import_keys).
   */
  dataImport: {
    name: "data.import",
    data: z.strictObject({ tenantId, importId: rowId }),
    options: {
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
      retryDelayMax: 300,
      // A million rows take minutes; past this a stuck run is retried (and resumes from its checkpoint).
      expireInSeconds: 60 * 60,
      deleteAfterSeconds: 3 * DAY,
    } satisfies QueueOptions,
  },
} as const;

/** How often workers' processes sweep finished jobs past their queue's deleteAfterSeconds. */
export const MAINTENANCE_INTERVAL_SECONDS = 60 * 60;

export type JobQueueKey = keyof typeof JOB_QUEUES;
/** The data a queue's jobs carry (ids only). */
export type JobData<Q extends JobQueueKey> = z.infer<(typeof JOB_QUEUES)[Q]["data"]>;

/** Send options minus the free-text singleton key: deduplication keys on one of the job's own ids. */
export type QueueJobOptions<Q extends JobQueueKey> = Omit<SendOptions, "singletonKey"> & {
  singletonOn?: keyof JobData<Q>;
};

/**
 * The only way the app queues a job: the data is checked against the queue's strict shape (ids
 * only) before it is written, so a new sender cannot put a body, a number or a secret in the queue
 * by accident. A refusal throws (a programming error, like a failed assertion).
 */
export function queueJob<Q extends JobQueueKey>(
  boss: Pick<PgBoss, "send">,
  queue: Q,
  data: JobData<Q>,
  options: QueueJobOptions<Q> = {},
): Promise<string | null> {
  const spec = JOB_QUEUES[queue];
  const checked = spec.data.parse(data) as Record<string, string>;
  const { singletonOn, ...rest } = options;
  const sendOptions: SendOptions = singletonOn ? { ...rest, singletonKey: checked[singletonOn as string] } : rest;
  return boss.send(spec.name, checked, sendOptions);
}

/**
 * A job's data as its worker reads it: the queue's fields, anything else dropped (a job queued by
 * an older release may still carry more; it is never used).
 */
export function jobData<Q extends JobQueueKey>(queue: Q, data: unknown): JobData<Q> {
  return (JOB_QUEUES[queue].data as z.ZodObject).strip().parse(data) as JobData<Q>;
}

/** pg-boss's IDatabase over a migration session: parameterised statements via query, scripts via exec. */
const sessionDb = (session: SqlSession) => ({
  async executeSql(text: string, values?: unknown[]) {
    if (values?.length) return { rows: await session.query(text, values) };
    // Scripts (no parameters) may hold several statements: run them as a script.
    const rows = await session.query(text).catch(async (error: unknown) => {
      if (/cannot insert multiple commands/i.test(String((error as Error).message))) {
        await session.exec(text);
        return [];
      }
      throw error;
    });
    return { rows };
  },
});

/** Installs or upgrades pg-boss's schema and creates the queues. Idempotent. */
export async function installJobQueue(session: SqlSession): Promise<void> {
  const boss = new PgBoss({
    db: sessionDb(session),
    schema: JOB_QUEUE_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on("error", () => undefined); // start() rejects on failure; the emitter must not throw too
  await boss.start();
  try {
    for (const queue of Object.values(JOB_QUEUES)) {
      // Existing queues take the current policy (retention included) on every migration run.
      const existing = await boss.getQueue(queue.name);
      if (existing) await boss.updateQueue(queue.name, queue.options);
      else await boss.createQueue(queue.name, queue.options);
    }
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

export const jobQueueGrantsSql = () => `
GRANT USAGE ON SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE}, ${PLATFORM_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE}, ${PLATFORM_ROLE};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE}, ${PLATFORM_ROLE};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE}, ${PLATFORM_ROLE};
`;
