import type { Database } from "@servicepro/db";
import { createDevSender, createTwilioSender, startMessaging, type Messaging } from "@servicepro/messaging";
import type { Env } from "./env.ts";
import type { AppLogger } from "./logger.ts";

/** The SMS outbox, worker and webhook intake, configured from the environment. */
export function startMessagingFromEnv(opts: { db: Database; env: Env; logger: AppLogger; now?: () => Date }): Promise<Messaging> {
  const { env, logger } = opts;
  const sender =
    env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
      ? createTwilioSender({ accountSid: env.TWILIO_ACCOUNT_SID, authToken: env.TWILIO_AUTH_TOKEN, apiBaseUrl: env.TWILIO_API_BASE_URL })
      : createDevSender(logger.child({ component: "dev-sms" }));
  if (sender.kind === "dev") logger.warn("Twilio is not configured: texts are recorded and logged, not sent; Twilio webhooks answer 503");
  return startMessaging({
    db: opts.db,
    sender,
    logger: logger.child({ component: "messaging" }),
    publicBaseUrl: env.PUBLIC_BASE_URL,
    unroutedPolicy: env.TWILIO_UNROUTED_POLICY,
    runWorker: env.SMS_WORKER === "true",
    superviseIntervalSeconds: env.JOB_SUPERVISE_INTERVAL_SECONDS,
    ...(opts.now ? { now: opts.now } : {}),
  });
}
