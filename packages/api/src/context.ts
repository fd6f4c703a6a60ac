import { tmpdir } from "node:os";
import path from "node:path";
import type { Brain } from "@servicepro/agent";
import type { RebookReminderQueue, ReminderQueue, ReviewRequestQueue } from "@servicepro/booking";
import type { CampaignDrainQueue } from "@servicepro/campaigns";
import type { DataExportQueue } from "@servicepro/data-export";
import type { Database } from "@servicepro/db";
import type { Principal, StaffRole } from "@servicepro/identity";
import type { ImportQueue } from "@servicepro/imports";
import type { EmailSender } from "@servicepro/notifications";
import type { NumberProvider, ProvisioningJobs } from "@servicepro/provisioning";
import type { RecordingApi } from "@servicepro/retention";
import type { MessagingEvents, Outbox } from "@servicepro/sms";
import { type BookingLimits, type BookingThrottle, createBookingThrottle } from "./booking-throttle.ts";
import { createLoginThrottle, type LoginThrottle } from "./identity/login-throttle.ts";
import { type SessionCache, sessionCacheOf } from "./identity/session-cache.ts";
import { type AuthState, resolveSession } from "./identity/sessions.ts";

/** The structured logger the API writes to (pino's Logger fits). */
export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
};

/**
 * The session cookie, as the HTTP layer exposes it. The API never sees HTTP itself: the server
 * implements this over the request's Cookie header and the response's Set-Cookie.
 */
export type SessionCookieJar = {
  read(): string | undefined;
  set(token: string, expiresAt: Date): void;
  clear(): void;
};

/** Long-lived dependencies, built once at start-up. */
export type ApiDeps = {
  db: Database;
  logger: Logger;
  /** Injectable clock, so expiry can be tested without waiting. */
  now?: () => Date;
  /** Failed sign-ins, counted in the database so every server process shares them (createApiDeps builds it). */
  loginThrottle: LoginThrottle;
  /** The public booking page's rate limits, shared by every request of one server. */
  bookingThrottle: BookingThrottle;
  /** Signed-in sessions in memory, kept fresh by the change feed: the database's own (sessionCacheOf). */
  sessions: SessionCache;
  /** The SMS outbox and live events (packages/sms, started by packages/messaging). */
  messaging: ApiMessaging;
  /** What the Integrations & keys page checks; unset: nothing configured beyond the database. */
  integrations?: IntegrationsConfig;
  /**
   * Where people reach the apps (PUBLIC_BASE_URL), for links sent to them (onboarding). Unset:
   * procedures that make such links refuse rather than send a link that goes nowhere.
   */
  publicBaseUrl?: string;
  /** FILES_DIR: where import uploads are kept (and export archives written). Unset: a folder under the OS temp dir. */
  filesDir?: string;
};

/**
 * The external services the platform uses, as configured at start-up (apps/server reads the
 * environment). Credentials stay on the server: procedures use them for live checks and report
 * only which variables are set.
 */
export type IntegrationsConfig = {
  twilio: { accountSid: string; authToken: string; apiBaseUrl: string | null } | null;
  openai: { apiKey: string; baseUrl: string | null } | null;
  sendgrid: boolean;
  stripe: boolean;
  google: boolean;
  /** PLATFORM_SMS_FROM: the number texts to business owners come from (onboarding links); null: none are sent. */
  platformSmsFrom: string | null;
};

export const NO_INTEGRATIONS: IntegrationsConfig = {
  twilio: null,
  openai: null,
  sendgrid: false,
  stripe: false,
  google: false,
  platformSmsFrom: null,
};

/** What procedures need from the phone channel (packages/sms): queue texts, publish and subscribe to live changes. */
export type ApiMessaging = {
  outbox: Outbox;
  events: MessagingEvents;
  numbers: NumberProvider;
  provisioning: ProvisioningJobs;
  /** Appointment reminder jobs, queued after a booking change commits (packages/booking enqueueReminders). */
  reminders: ReminderQueue;
  /** Review-request jobs, queued after an appointment is completed (packages/booking enqueueReviewRequests). */
  reviewRequests: ReviewRequestQueue;
  /** Rebook-reminder jobs, queued after an appointment is completed (packages/booking enqueueRebookReminders). */
  rebookReminders: RebookReminderQueue;
  /** Campaign drain jobs, queued after a campaign starts, is scheduled or resumes (packages/campaigns). */
  campaigns: CampaignDrainQueue;
  /** Data export jobs, queued after an export's row commits (packages/data-export). */
  exports: DataExportQueue;
  /** Import jobs, queued after `tenant.imports.run` marks an import queued (packages/imports). */
  imports: ImportQueue;
  /** The SMS agent's brain (test mode runs it); unset: the rules. */
  agentBrain?: Brain;
  /** Transactional email (portal sign-in links); unset: links go by text only. */
  email?: EmailSender;
  /** Twilio's recordings API when configured: an erased customer's recordings are deleted there too. */
  recordings?: RecordingApi | null;
};

/** The API's long-lived dependencies, built once per server. */
export const createApiDeps = (
  deps: Omit<ApiDeps, "loginThrottle" | "bookingThrottle" | "sessions"> & { bookingLimits?: BookingLimits },
): ApiDeps => {
  const { bookingLimits, ...rest } = deps;
  return {
    ...rest,
    loginThrottle: createLoginThrottle(deps.db),
    bookingThrottle: createBookingThrottle(bookingLimits),
    sessions: sessionCacheOf(deps.db),
  };
};

/** What the server knows about one request. */
export type RequestInfo = {
  requestId: string;
  ip: string | undefined;
  userAgent: string | undefined;
  cookies: SessionCookieJar;
  /**
   * Other cookies by name (the customer portal's, one per business). The server adds the `__Host-`
   * prefix on https and the same attributes as the session cookie. Unset: no such cookies (tests of
   * staff procedures).
   */
  namedCookies?: (name: string) => SessionCookieJar;
};

/**
 * Kept lean on purpose: nothing is read from the database until a procedure needs it. `auth()`
 * resolves the session once per request (memoised) and only when a procedure asks.
 */
export type Context = {
  db: Database;
  logger: Logger;
  now: () => Date;
  request: RequestInfo;
  loginThrottle: LoginThrottle;
  bookingThrottle: BookingThrottle;
  messaging: ApiMessaging;
  integrations: IntegrationsConfig;
  publicBaseUrl: string | null;
  filesDir: string;
  auth: () => Promise<AuthState>;
};

export function createContext(deps: ApiDeps, request: RequestInfo): Context {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger.child({ requestId: request.requestId });
  let auth: Promise<AuthState> | undefined;
  return {
    db: deps.db,
    logger,
    now,
    request,
    loginThrottle: deps.loginThrottle,
    bookingThrottle: deps.bookingThrottle,
    messaging: deps.messaging,
    integrations: deps.integrations ?? NO_INTEGRATIONS,
    publicBaseUrl: deps.publicBaseUrl?.replace(/\/+$/, "") ?? null,
    filesDir: deps.filesDir ?? defaultFilesDir(),
    auth: () =>
      (auth ??= resolveSession({
        db: deps.db,
        now,
        logger,
        cookies: request.cookies,
        request,
        sessions: deps.sessions,
      })),
  };
}

export function principalOf(auth: AuthState): Principal {
  if (!auth.user) return { kind: "anonymous" };
  if (auth.impersonation) return { kind: "impersonator", userId: auth.user.id, tenantId: auth.impersonation.tenantId };
  return { kind: "staff", userId: auth.user.id, role: auth.role as StaffRole, tenantId: auth.tenantId };
}

/** FILES_DIR when the server was given none (tests that need no files): a folder under the OS temp dir. */
export const defaultFilesDir = () => path.join(tmpdir(), "servicepro-files");
