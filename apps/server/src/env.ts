// The only module that reads process.env. Every setting is validated at start-up, with a message
// that says what to fix; README.md ("Configuration") lists them all.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { IntegrationsConfig } from "@servicepro/api";
import { E164_PATTERN } from "@servicepro/validators";
import { z } from "zod";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const envSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])).default("development"),
  HOST: optional(z.string()).default("0.0.0.0"),
  PORT: optional(z.coerce.number().int().min(0).max(65_535)).default(3000),
  PUBLIC_BASE_URL: optional(
    z.url({ protocol: /^https?$/, error: "PUBLIC_BASE_URL must be an http(s) URL such as https://app.example.com" }),
  ),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        "DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
      ),
  ),
  DATA_DIR: optional(z.string()).default(path.join(REPO_ROOT, ".data/pglite")),
  /** Where uploaded import files and built export archives are kept (one folder per business). */
  FILES_DIR: optional(z.string()).default(path.join(REPO_ROOT, ".data/files")),
  /** The largest import file accepted (bytes); larger uploads get 413 with the limit. Default 200 MB. */
  IMPORT_MAX_BYTES: optional(z.coerce.number().int().min(1024)).default(200 * 1024 * 1024),
  OWNER_EMAIL: optional(z.email("OWNER_EMAIL must be an email address")),
  OWNER_PASSWORD: optional(z.string().min(12, "OWNER_PASSWORD must be at least 12 characters")),
  SEED_DEMO_DATA: optional(z.enum(["true", "false"])),
  DEMO_TENANT_ADMIN_PASSWORD: optional(z.string().min(12, "DEMO_TENANT_ADMIN_PASSWORD must be at least 12 characters")),
  TRUST_PROXY: optional(z.enum(["true", "false"])).default("false"),
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])).default("info"),
  APPS_DIR: optional(z.string()).default(path.join(REPO_ROOT, "apps")),
  // Twilio: with both set, texts go out through Twilio and webhooks are accepted (signature-checked
  // with the token); without them, texts are recorded by the dev sender and webhooks answer 503.
  TWILIO_ACCOUNT_SID: optional(
    z.string().regex(/^AC[0-9a-fA-F]{32}$/, "TWILIO_ACCOUNT_SID looks like AC followed by 32 hex characters"),
  ),
  TWILIO_AUTH_TOKEN: optional(z.string().min(16, "TWILIO_AUTH_TOKEN looks too short")),
  /**
   * Subaccounts whose numbers also post to our webhooks: "AC…,AC…". Webhooks from any account other
   * than TWILIO_ACCOUNT_SID and these are refused (403), even when correctly signed.
   */
  TWILIO_SUBACCOUNT_SIDS: optional(
    z
      .string()
      .transform((list) =>
        list
          .split(",")
          .map((sid) => sid.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(/^AC[0-9a-fA-F]{32}$/, "TWILIO_SUBACCOUNT_SIDS must be comma-separated account SIDs (AC + 32 hex)"),
        ),
      ),
  ).default([]),
  /** Twilio's REST API origin; tests point it at a fake server on 127.0.0.1. */
  TWILIO_API_BASE_URL: optional(z.url({ protocol: /^https?$/, error: "TWILIO_API_BASE_URL must be an http(s) URL" })),
  /** Inbound traffic to a number no tenant has: give it to the root tenant, flagged, or quarantine it. */
  TWILIO_UNROUTED_POLICY: optional(z.enum(["fallback-to-root", "quarantine"])).default("fallback-to-root"),
  /** Deliver queued texts and apply staged Twilio webhooks in this process (turn off to run them in a separate worker process). */
  SMS_WORKER: optional(z.enum(["true", "false"])).default("true"),
  /** Numbers the platform already owns, handed to new businesses when Twilio is not configured: "+15555550150,+15555550151". */
  PHONE_NUMBER_POOL: optional(
    z
      .string()
      .transform((list) =>
        list
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(E164_PATTERN, "PHONE_NUMBER_POOL must be comma-separated E.164 numbers such as +15555550150"),
        ),
      ),
  ).default([]),
  /** The platform's own number that texts new business owners their onboarding link. */
  PLATFORM_SMS_FROM: optional(
    z.string().regex(E164_PATTERN, "PLATFORM_SMS_FROM must be an E.164 number such as +15555550199"),
  ),
  /** Email: SendGrid's API when the key is set; otherwise emails are logged, not sent. */
  SENDGRID_API_KEY: optional(z.string().min(20, "SENDGRID_API_KEY looks too short")),
  SENDGRID_API_BASE_URL: optional(
    z.url({ protocol: /^https?$/, error: "SENDGRID_API_BASE_URL must be an http(s) URL" }),
  ),
  EMAIL_FROM: optional(z.email("EMAIL_FROM must be an email address")).default("hello@servicepro.local"),
  /** How often jobs held by a worker that died are found and retried (seconds). */
  JOB_SUPERVISE_INTERVAL_SECONDS: optional(z.coerce.number().int().min(1).max(300)).default(15),
  /** How long an intake worker holds the Twilio events it took before another process may take them (seconds). */
  INTAKE_LEASE_SECONDS: optional(z.coerce.number().int().min(1).max(600)).default(30),
  /** The SMS agent's model brain (and the other AI phases). Unset: the agent's rules engine answers. */
  OPENAI_API_KEY: optional(z.string().min(20, "OPENAI_API_KEY looks too short")),
  /** OpenAI's API origin (a proxy or a compatible server); the Integrations page checks it. */
  OPENAI_BASE_URL: optional(z.url({ protocol: /^https?$/, error: "OPENAI_BASE_URL must be an http(s) URL" })),
  /** The model the SMS agent calls (tool calling); unset: the agent package's default. */
  OPENAI_MODEL: optional(z.string().regex(/^[\w.:/-]{1,100}$/, "OPENAI_MODEL looks like gpt-4o-mini")),
  /** How long one model call may take before the agent falls back to its rules (milliseconds). */
  OPENAI_TIMEOUT_MS: optional(z.coerce.number().int().min(500).max(120_000)),
  // Not used yet; read so the Integrations & keys page can say whether they are set.
  STRIPE_SECRET_KEY: optional(
    z.string().regex(/^(sk|rk)_(test|live)_\w{10,}$/, "STRIPE_SECRET_KEY looks like sk_live_… or sk_test_…"),
  ),
  GOOGLE_API_KEY: optional(z.string().min(20, "GOOGLE_API_KEY looks too short")),
});

/** Every variable the server reads; turbo.json must pass each one through (src/env.test.ts checks it). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export type Env = z.infer<typeof envSchema> & { PUBLIC_BASE_URL: string; embedded: boolean };

export class InvalidEnvironment extends Error {
  override name = "InvalidEnvironment";
}

/**
 * The process's environment with some settings fixed by the entry point (the worker forces
 * SMS_WORKER=true, `pnpm db:seed` forces SEED_DEMO_DATA=true), validated like loadEnv.
 */
export const loadEnvWith = (overrides: Record<string, string>): Env => loadEnv({ ...process.env, ...overrides });

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new InvalidEnvironment(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if ((env.TWILIO_ACCOUNT_SID === undefined) !== (env.TWILIO_AUTH_TOKEN === undefined)) {
    throw new InvalidEnvironment(
      "Invalid configuration:\n  - TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set together",
    );
  }
  if (env.TWILIO_SUBACCOUNT_SIDS.length > 0 && env.TWILIO_ACCOUNT_SID === undefined) {
    throw new InvalidEnvironment(
      "Invalid configuration:\n  - TWILIO_SUBACCOUNT_SIDS needs TWILIO_ACCOUNT_SID (the main account) as well",
    );
  }
  if ((env.OWNER_EMAIL === undefined) !== (env.OWNER_PASSWORD === undefined)) {
    throw new InvalidEnvironment("Invalid configuration:\n  - OWNER_EMAIL and OWNER_PASSWORD must be set together");
  }
  return {
    ...env,
    PUBLIC_BASE_URL: (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    embedded: env.DATABASE_URL === undefined,
  };
}

/** What the owner's Integrations & keys page checks (packages/api), from the validated environment. */
export function integrationsFromEnv(env: Env): IntegrationsConfig {
  return {
    twilio:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN
        ? {
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            apiBaseUrl: env.TWILIO_API_BASE_URL ?? null,
          }
        : null,
    openai: env.OPENAI_API_KEY ? { apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL ?? null } : null,
    sendgrid: env.SENDGRID_API_KEY !== undefined,
    stripe: env.STRIPE_SECRET_KEY !== undefined,
    google: env.GOOGLE_API_KEY !== undefined,
    platformSmsFrom: env.PLATFORM_SMS_FROM ?? null,
  };
}
