import type { Database } from "@servicepro/db";
import { createDevEmailSender, createDevSender, createSendGridSender, createTwilioClient, createTwilioSender, startMessaging, type Messaging } from "@servicepro/messaging";
import type { Env } from "./env.ts";
import type { AppLogger } from "./logger.ts";

/** The SMS outbox, worker and webhook intake, configured from the environment. */
export function startMessagingFromEnv(opts: { db: Database; env: Env; logger: AppLogger; now?: () => Date }): Promise<Messaging> {
  const { env, logger } = opts;
  const twilioOptions =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN ? { accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, apiBaseUrl: env.TWILIO_API_BASE_URL } : null;
  const sender = twilioOptions ? createTwilioSender(twilioOptions) : createDevSender(logger.child({ component: "dev-sms" }));
  const email = env.SENDGRID_API_KEY
    ? createSendGridSender({ apiKey: env.SENDGRID_API_KEY, from: env.EMAIL_FROM, baseUrl: env.SENDGRID_API_BASE_URL })
    : createDevEmailSender(logger.child({ component: "dev-email" }));
  if (sender.kind === "dev") logger.warn("Twilio is not configured: texts are recorded and logged, not sent; Twilio webhooks answer 503");
  return startMessaging({
    db: opts.db,
    sender,
    twilio: twilioOptions ? createTwilioClient(twilioOptions) : null,
    numberPool: env.PHONE_NUMBER_POOL,
    email,
    platformSmsFrom: env.PLATFORM_SMS_FROM ?? null,
    logger: logger.child({ component: "messaging" }),
    publicBaseUrl: env.PUBLIC_BASE_URL,
    unroutedPolicy: env.TWILIO_UNROUTED_POLICY,
    runWorker: env.SMS_WORKER === "true",
    superviseIntervalSeconds: env.JOB_SUPERVISE_INTERVAL_SECONDS,
    ...(opts.now ? { now: opts.now } : {}),
  });
}
