/**
 * The job queue's tables (pg-boss, in the `pgboss` schema) are part of the database's shape, so
 * they are installed and upgraded by the migration runner, as the migration (owner) user, like
 * every other table. At run time the app role only reads and writes rows there; it never runs
 * DDL and owns nothing. Queues are declared here, once, for the same reason.
 */
import { PgBoss, type QueueOptions } from "pg-boss";
import type { SqlSession } from "./migrate.ts";
import { APP_ROLE, PLATFORM_ROLE } from "./roles.ts";

export const JOB_QUEUE_SCHEMA = "pgboss";

/** Every queue the app uses, with its retry policy. */
export const JOB_QUEUES = {
  /** One job per outbound SMS (the message row is the outbox; the job delivers it). */
  smsSend: {
    name: "sms.send",
    options: {
      retryLimit: 8,
      retryDelay: 2,
      retryBackoff: true,
      retryDelayMax: 300,
      // A worker that dies mid-send leaves its job active; after this it is retried, and the
      // retry reconciles with Twilio before sending (packages/sms/src/delivery-worker.ts).
      expireInSeconds: 60,
    } satisfies QueueOptions,
  },
  /** Buys a new business's number from Twilio (if needed) and points its webhooks at us. */
  numberSetup: {
    name: "phone-number.setup",
    options: {
      retryLimit: 10,
      retryDelay: 10,
      retryBackoff: true,
      retryDelayMax: 900,
      expireInSeconds: 120,
    } satisfies QueueOptions,
  },
  /** Sends a new business owner their one-time link, one job per channel (SMS, email). */
  onboardingNotice: {
    name: "onboarding.notice",
    options: {
      retryLimit: 8,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 600,
      expireInSeconds: 60,
    } satisfies QueueOptions,
  },
  /**
   * One job per appointment reminder or confirmation, starting at its due time. The job re-reads
   * the reminder and its appointment and texts only while both still agree (packages/sms
   * reminder-worker.ts), so a job for a moved or cancelled appointment sends nothing.
   */
  appointmentReminder: {
    name: "appointment.reminder",
    options: {
      retryLimit: 6,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 900,
      expireInSeconds: 60,
    } satisfies QueueOptions,
  },
} as const;

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
