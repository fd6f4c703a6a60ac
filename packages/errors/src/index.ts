// @servicepro/errors: the application's one error type (AppError), importable by domain, service and
// browser code alike: no dependencies. packages/api maps it to HTTP (docs/architecture.md, "Errors").

export {
  APP_ERROR_HTTP_STATUS,
  AppError,
  type AppErrorCode,
  type AppErrorOptions,
  type AppErrorReason,
  type FieldIssue,
  fieldErrors,
  isAppError,
  type RateLimitedReason,
  rateLimited,
  retryAfterOf,
  waitWords,
} from "./app-error.ts";
