/**
 * One error for everything the application refuses on purpose. Domain and service code throw it
 * without knowing about tRPC or HTTP; the API layer maps it to HTTP in one place
 * (packages/api/src/trpc.ts). Its message is written for a person and is always shown as is.
 */

/** What went wrong, in the caller's terms. Each maps to one HTTP status (`APP_ERROR_HTTP_STATUS`). */
export type AppErrorCode =
  /** The input is wrong; `issues` names the fields to fix. */
  | "BAD_REQUEST"
  /** Not signed in, or the session has ended. */
  | "UNAUTHORIZED"
  /** Signed in, but not allowed (role, plan, impersonation, account status). */
  | "FORBIDDEN"
  | "NOT_FOUND"
  /** Clashes with what exists (a taken slug, a used link, a concurrent change). */
  | "CONFLICT"
  /** The request is fine but the record's state does not allow it yet (e.g. no number to text from). */
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  /** A provider we depend on (Twilio, SendGrid…) refused or failed. */
  | "UPSTREAM_FAILED"
  /** We cannot serve this right now (the database is down); trying again later may work. */
  | "UNAVAILABLE"
  /** Our fault, with a message that says what happened and what to do (e.g. a set-up that rolled back). */
  | "INTERNAL";

export const APP_ERROR_HTTP_STATUS: Readonly<Record<AppErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  UPSTREAM_FAILED: 502,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** A field to fix: `path` as in the input (e.g. `["owner", "email"]`), `message` for a person. Sent as `data.issues`. */
export type FieldIssue = { path: (string | number)[]; message: string };

/**
 * Why, for programs: a machine-readable refusal (`{ code: "PLAN_FEATURE_REQUIRED", feature, … }`) that
 * clients act on without parsing the message. Sent as `data.cause`.
 */
export type AppErrorReason = { readonly code: string };

export type AppErrorOptions<R extends AppErrorReason> = {
  issues?: FieldIssue[] | undefined;
  reason?: R | undefined;
  /** The underlying error, kept for logs and for recognising e.g. an unreachable database. Never sent. */
  cause?: unknown;
};

export class AppError<R extends AppErrorReason = AppErrorReason> extends Error {
  override name = "AppError";
  readonly code: AppErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly reason: R | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions<R> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues;
    this.reason = options.reason;
  }

  get httpStatus(): number {
    return APP_ERROR_HTTP_STATUS[this.code];
  }
}

/** Field errors as one 400: the message joins them, so a client without field support still shows every one. */
export function fieldErrors(issues: FieldIssue[]): AppError {
  return new AppError("BAD_REQUEST", issues.map((issue) => issue.message).join(" "), { issues });
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** What a 429 carries: the server turns `retryAfterSeconds` into the `Retry-After` header. */
export type RateLimitedReason = { readonly code: "RATE_LIMITED"; readonly retryAfterSeconds: number };

/** A refusal by a rate limit, with how long to wait (whole seconds, at least 1). */
export function rateLimited(message: string, retryAfterSeconds: number): AppError<RateLimitedReason> {
  return new AppError("TOO_MANY_REQUESTS", message, {
    reason: { code: "RATE_LIMITED", retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) },
  });
}

/**
 * The wait a rate-limit refusal asks for, in whole seconds: any AppError whose reason is
 * RATE_LIMITED, whoever built it. Null for every other error. The HTTP layer answers such an error
 * with 429 and this as `Retry-After`.
 */
export function retryAfterOf(error: unknown): number | null {
  if (!(error instanceof AppError)) return null;
  const reason = error.reason as Partial<RateLimitedReason> | undefined;
  if (reason?.code !== "RATE_LIMITED" || typeof reason.retryAfterSeconds !== "number") return null;
  return Number.isFinite(reason.retryAfterSeconds) ? Math.max(1, Math.ceil(reason.retryAfterSeconds)) : null;
}

/** "in 3 minutes", "in 40 seconds": a wait as a person reads it. */
export function waitWords(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (seconds < 90) return `in ${whole} second${whole === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
}
