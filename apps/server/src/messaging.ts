import { type Brain, rulesBrain } from "@servicepro/agent";
import { createModelBrainFromEnv } from "@servicepro/agent-openai";
import type { Database } from "@servicepro/db";
import { type Messaging, startMessaging } from "@servicepro/messaging";
import { createDevEmailSender, createSendGridSender } from "@servicepro/notifications";
import { createDevSender, createTwilioClient, createTwilioSender } from "@servicepro/sms";
import type { Env } from "./env.ts";
import type { AppLogger } from "./logger.ts";

/** The SMS outbox, worker and webhook intake, configured from the environment. */
export function startMessagingFromEnv(opts: {
  db: Database;
  env: Env;
  logger: AppLogger;
  now?: () => Date;
}): Promise<Messaging> {
  const { env, logger } = opts;
  const twilioOptions =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, apiBaseUrl: env.TWILIO_API_BASE_URL }
      : null;
  const sender = twilioOptions
    ? createTwilioSender(twilioOptions)
    : createDevSender(logger.child({ component: "dev-sms" }));
  const email = env.SENDGRID_API_KEY
    ? createSendGridSender({ apiKey: env.SENDGRID_API_KEY, from: env.EMAIL_FROM, baseUrl: env.SENDGRID_API_BASE_URL })
    : createDevEmailSender(logger.child({ component: "dev-email" }));
  const agentBrain = agentBrainFromEnv(env, logger);
  if (sender.kind === "dev")
    logger.warn("Twilio is not configured: texts are recorded and logged, not sent; Twilio webhooks answer 503");
  return startMessaging({
    db: opts.db,
    sender,
    twilio: twilioOptions ? createTwilioClient(twilioOptions) : null,
    numberPool: numberPool(env, logger),
    email,
    platformSmsFrom: env.PLATFORM_SMS_FROM ?? null,
    logger: logger.child({ component: "messaging" }),
    publicBaseUrl: env.PUBLIC_BASE_URL,
    unroutedPolicy: env.TWILIO_UNROUTED_POLICY,
    runWorker: env.SMS_WORKER === "true",
    superviseIntervalSeconds: env.JOB_SUPERVISE_INTERVAL_SECONDS,
    intakeLeaseSeconds: env.INTAKE_LEASE_SECONDS,
    agentBrain,
    filesDir: env.FILES_DIR,
    ...(opts.now ? { now: opts.now } : {}),
  });
}

/** Fictional numbers the embedded demo hands to new businesses when no pool is configured. */
export const DEMO_NUMBER_POOL = Array.from({ length: 10 }, (_, i) => `+1555555015${i}`);

function numberPool(env: Env, logger: AppLogger): readonly string[] {
  if (env.PHONE_NUMBER_POOL.length > 0 || !env.embedded) return env.PHONE_NUMBER_POOL;
  logger.info(
    { pool: `${DEMO_NUMBER_POOL[0]}…${DEMO_NUMBER_POOL.at(-1)}` },
    "embedded demo: new businesses get fictional numbers from a demo pool (set PHONE_NUMBER_POOL to change)",
  );
  return DEMO_NUMBER_POOL;
}

/**
 * The SMS agent's brain: the OpenAI model (falling back to the rules when it fails or times out) when
 * OPENAI_API_KEY is set, else the rules. OPENAI_BASE_URL is the API's origin (the Integrations page
 * checks `/v1/models` there); the SDK wants the versioned base.
 */
export function agentBrainFromEnv(env: Env, logger: AppLogger): Brain {
  const origin = env.OPENAI_BASE_URL?.replace(/\/+$/, "");
  const brain = createModelBrainFromEnv(
    {
      ...(env.OPENAI_API_KEY ? { OPENAI_API_KEY: env.OPENAI_API_KEY } : {}),
      ...(origin ? { OPENAI_BASE_URL: origin.endsWith("/v1") ? origin : `${origin}/v1` } : {}),
      ...(env.OPENAI_MODEL ? { OPENAI_MODEL: env.OPENAI_MODEL } : {}),
      ...(env.OPENAI_TIMEOUT_MS ? { OPENAI_TIMEOUT_MS: String(env.OPENAI_TIMEOUT_MS) } : {}),
    },
    rulesBrain,
    logger.child({ component: "agent-model" }),
  );
  return brain ?? rulesBrain;
}
