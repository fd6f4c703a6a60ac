import { tmpdir } from "node:os";
import path from "node:path";
import { type Brain, rulesBrain } from "@servicepro/agent";
import type { RebookReminderQueue, ReminderQueue, ReviewRequestQueue } from "@servicepro/booking";
import { type CampaignDrainQueue, createCampaignDrainQueue, startCampaignDrainWorker } from "@servicepro/campaigns";
import {
  createDataExportQueue,
  type DataExportQueue,
  startDataExportWorker,
  sweepExpired,
} from "@servicepro/data-export";
import { type Database, JOB_QUEUE_SCHEMA, MAINTENANCE_INTERVAL_SECONDS } from "@servicepro/db";
import { createImportQueue, type ImportQueue, startImportWorker } from "@servicepro/imports";
import { startTwilioIntake, type TwilioIntake } from "@servicepro/intake";
import { createDevEmailSender, type EmailSender } from "@servicepro/notifications";
import {
  createPoolNumberProvider,
  createProvisioningJobs,
  createTwilioNumberProvider,
  type NumberProvider,
  type ProvisioningJobs,
  startProvisioningWorkers,
} from "@servicepro/provisioning";
import { type RecordingApi, startRetentionWorker } from "@servicepro/retention";
import { createRoutingSnapshot, type RoutingSnapshot } from "@servicepro/routing";
import {
  createMessagingEvents,
  createOffPathWrites,
  createOutbox,
  createRebookReminderQueue,
  createReminderQueue,
  createReviewRequestQueue,
  type IntakeDeps,
  type MessagingEvents,
  type Outbox,
  type SmsSender,
  startRebookReminderWorker,
  startReminderWorker,
  startReviewRequestWorker,
  startSmsWorker,
  type TwilioClient,
  type WorkerLogger,
} from "@servicepro/sms";
import { createAgentIntake, startAgentWorker } from "@servicepro/sms-agent";
import type { UnroutedPolicy } from "@servicepro/telephony";
import { callRecordFromStaged, recordVoiceIncoming } from "@servicepro/voice";
import { PgBoss } from "pg-boss";

export type MessagingOptions = {
  db: Database;
  sender: SmsSender;
  /** The Twilio API client when credentials are configured: numbers are searched and bought through it. */
  twilio?: TwilioClient | null;
  /** Numbers the platform owns, handed out when there is no Twilio client (PHONE_NUMBER_POOL). */
  numberPool?: readonly string[];
  /** Default: the dev transport, which logs. */
  email?: EmailSender;
  /** The platform's own number for texts to business owners (onboarding links). */
  platformSmsFrom?: string | null;
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
  /** How long an intake worker holds the events it took before another process may take them; default 30 s. */
  intakeLeaseSeconds?: number;
  /** The SMS agent's brain: the OpenAI model (with the rules as its fall back) when configured; default the rules. */
  agentBrain?: Brain;
  /** FILES_DIR: where import uploads are read from and export archives are written (the data jobs). */
  filesDir?: string;
  now?: () => Date;
};

export type Messaging = {
  outbox: Outbox;
  events: MessagingEvents;
  numbers: NumberProvider;
  provisioning: ProvisioningJobs;
  /** Appointment reminder and confirmation jobs (packages/booking decides which, packages/sms sends). */
  reminders: ReminderQueue;
  /** Review-request jobs, queued after an appointment is completed (packages/sms review-request-worker). */
  reviewRequests: ReviewRequestQueue;
  /** Rebook-reminder jobs ("time for your next visit"), queued after a completion (packages/sms rebook-reminder-worker). */
  rebookReminders: RebookReminderQueue;
  /** Campaign drain jobs: start() after a campaign is set sending (packages/campaigns drain-worker). */
  campaigns: CampaignDrainQueue;
  /** Data export jobs: start() after an export's row is committed (packages/data-export worker). */
  exports: DataExportQueue;
  /** Import jobs: start() after an import is marked queued (packages/imports worker). */
  imports: ImportQueue;
  intake: IntakeDeps;
  /** The durable webhook intake: the routes stage events through it; its worker applies them (when runWorker). */
  twilioIntake: TwilioIntake;
  /** Which tenant owns each number and what its calls are answered with, in memory (also `intake.routing`). */
  routing: RoutingSnapshot;
  boss: PgBoss;
  sender: SmsSender;
  /** The SMS agent's brain (test mode uses the same one). */
  agentBrain: Brain;
  /** Transactional email (hand-off notices, portal sign-in links). */
  email: EmailSender;
  /** Twilio's recordings API when a client is configured (a customer's erasure deletes their recordings there). */
  recordings: RecordingApi | null;
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
    // Maintenance (expiring stuck jobs so they are retried; deleting finished jobs past their
    // queue's deleteAfterSeconds, see JOB_QUEUES) runs in every process that runs workers; pg-boss
    // coordinates it with an advisory lock. The deletion sweep runs hourly (pg-boss's default is daily).
    supervise: options.runWorker ?? true,
    maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 15,
    monitorIntervalSeconds: options.superviseIntervalSeconds ?? 15,
    schedule: false,
    ...(options.db.engine === "pglite" ? { backend: "pglite" as const } : {}),
  });
  boss.on("error", (error) => options.logger.error({ err: error }, "job queue error"));
  try {
    await boss.start();
  } catch (error) {
    throw new Error(
      `The job queue could not start: ${(error as Error).message}. Run \`pnpm db:migrate\` to install or upgrade it.`,
      { cause: error },
    );
  }
  const events = createMessagingEvents();
  const outbox = createOutbox(boss);
  const reminders = createReminderQueue(boss, options.db);
  const reviewRequests = createReviewRequestQueue(boss, options.db);
  const rebookReminders = createRebookReminderQueue(boss, options.db);
  const campaigns = createCampaignDrainQueue(boss);
  const exports = createDataExportQueue(boss);
  const imports = createImportQueue(boss);
  const base = options.publicBaseUrl.replace(/\/$/, "");
  const routing = createRoutingSnapshot(options.db, { logger: options.logger });
  const offPath = createOffPathWrites();
  const agentIntake = createAgentIntake(boss);
  const email = options.email ?? createDevEmailSender(options.logger);
  const intake: IntakeDeps = {
    db: options.db,
    outbox,
    events,
    unroutedPolicy: options.unroutedPolicy,
    publicBaseUrl: base,
    reminders,
    routing,
    offPath,
    agent: agentIntake,
    ...(options.now ? { now: options.now } : {}),
  };
  const twilioIntake = startTwilioIntake(intake, options.logger, {
    run: options.runWorker ?? true,
    // A call's first webhook is answered from the routing snapshot; its row is written here.
    voiceIncoming: (event) =>
      recordVoiceIncoming(intake, event.params, {
        record: callRecordFromStaged({ tenantId: event.tenantId, route: event.route, query: event.query }),
      }),
    ...(options.intakeLeaseSeconds ? { leaseSeconds: options.intakeLeaseSeconds } : {}),
  });
  // Workers run in this process unless turned off; each gets the same polling and clock.
  const runWorker = options.runWorker ?? true;
  const polling = options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {};
  const clock = options.now ? { now: options.now } : {};
  const noWorker = async () => undefined;
  const statusCallbackUrl = `${base}/twilio/sms/status`;
  /** What the scheduled texts (reminders, review requests, rebook reminders) share. */
  const scheduled = { db: options.db, outbox, events, ...clock };
  const stopWorker = runWorker
    ? await startSmsWorker(
        boss,
        { db: options.db, sender: options.sender, events, logger: options.logger, statusCallbackUrl },
        polling,
      )
    : noWorker;
  const stopReminders = runWorker
    ? await startReminderWorker(boss, { ...scheduled, logger: options.logger }, polling)
    : noWorker;
  const stopReviewRequests = runWorker
    ? await startReviewRequestWorker(boss, { ...scheduled, publicBaseUrl: base }, polling)
    : noWorker;
  const stopRebookReminders = runWorker
    ? await startRebookReminderWorker(boss, { ...scheduled, publicBaseUrl: base }, polling)
    : noWorker;
  // Campaign texts: each campaign drained at its senders' rates, delivered through the same path as every text.
  const stopCampaigns = runWorker
    ? await startCampaignDrainWorker(
        boss,
        {
          db: options.db,
          sender: options.sender,
          events,
          logger: options.logger,
          publicBaseUrl: base,
          statusCallbackUrl,
          jobs: boss,
          ...clock,
        },
        polling,
      )
    : noWorker;
  // Data exports: each builds one business's archive in FILES_DIR, page by page.
  const filesDir = options.filesDir ?? path.join(tmpdir(), "servicepro-files");
  const exportDeps = { db: options.db, filesDir, logger: options.logger, ...clock };
  const stopExports = runWorker ? await startDataExportWorker(boss, exportDeps, polling) : noWorker;
  // The SMS agent answers texts the intake hands it; the intake wakes it when it commits new ones.
  const agentWorker = runWorker
    ? await startAgentWorker(
        boss,
        {
          db: options.db,
          outbox,
          events,
          email,
          brain: options.agentBrain ?? rulesBrain,
          logger: options.logger,
          publicBaseUrl: base,
          reminders,
          ...clock,
        },
        polling,
      )
    : null;
  if (agentWorker) agentIntake.attach(agentWorker.id);
  // CSV imports: one job per run, reading the upload from FILES_DIR and committing batches with their checkpoint.
  const stopImports = runWorker
    ? await startImportWorker(
        boss,
        {
          db: options.db,
          filesDir,
          logger: options.logger,
        },
        polling,
      )
    : noWorker;
  const stopProvisioning = runWorker
    ? await startProvisioningWorkers(boss, {
        db: options.db,
        twilio: options.twilio ?? null,
        publicBaseUrl: base,
        sms: options.sender,
        email,
        platformSmsFrom: options.platformSmsFrom ?? null,
        logger: options.logger,
        ...clock,
      })
    : noWorker;
  // Retention (issue 16): the nightly run per business (texts and recordings past its windows, a
  // cancelled business's warnings and purge), queued by a sweep on the maintenance interval.
  const stopRetention = runWorker
    ? await startRetentionWorker(
        boss,
        {
          db: options.db,
          twilio: options.twilio ?? null,
          email,
          logger: options.logger,
          ...clock,
          sweepExpiredExports: (tenantId) => sweepExpired(exportDeps, tenantId),
        },
        polling,
      )
    : noWorker;
  return {
    outbox,
    events,
    numbers: options.twilio
      ? createTwilioNumberProvider(options.twilio)
      : createPoolNumberProvider(options.db, options.numberPool ?? []),
    provisioning: createProvisioningJobs(boss),
    reminders,
    reviewRequests,
    rebookReminders,
    campaigns,
    exports,
    imports,
    intake,
    twilioIntake,
    routing,
    boss,
    sender: options.sender,
    agentBrain: options.agentBrain ?? rulesBrain,
    email,
    recordings: options.twilio ?? null,
    async stop() {
      await twilioIntake.stop();
      // Calls answered before the stop still get their rows.
      await offPath.settled();
      routing.close();
      await stopWorker();
      await stopReminders();
      await stopReviewRequests();
      await stopRebookReminders();
      await stopCampaigns();
      await stopExports();
      await stopImports();
      await agentWorker?.stop();
      await stopProvisioning();
      await stopRetention();
      await boss.stop({ graceful: true, close: false, timeout: 10_000 });
    },
  };
}
