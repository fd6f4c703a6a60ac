import { fieldErrorsFromIssues, isValidationIssueList } from "@servicepro/ui";
import { TRPCClientError } from "@trpc/client";

/** The tRPC error code of a failed call (`UNAUTHORIZED`, `NOT_FOUND`...), or undefined for network errors. */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null) return undefined;
  const code = (data as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Errors that the same request would hit again: don't retry them. */
const FINAL_CODES = new Set(["BAD_REQUEST", "PARSE_ERROR", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "TOO_MANY_REQUESTS"]);

export function shouldRetry(failureCount: number, error: unknown): boolean {
  const code = errorCode(error);
  return !(code && FINAL_CODES.has(code)) && failureCount < 2;
}

/**
 * Codes whose message the API writes for people (its error formatter replaces internal errors'
 * messages with a safe one that carries a support reference, and joins validation messages).
 */
const HUMAN_MESSAGE_CODES = new Set([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "TOO_MANY_REQUESTS",
  "INTERNAL_SERVER_ERROR",
  "SERVICE_UNAVAILABLE",
]);

/** A sentence to show for a failed call. */
export function errorMessage(error: unknown): string {
  const code = errorCode(error);
  if (code === undefined) return "We couldn't reach ServicePro. Check your connection and try again.";
  if (HUMAN_MESSAGE_CODES.has(code) && error instanceof Error && error.message) return error.message;
  return "Something went wrong on our side. Please try again in a moment.";
}

/** Per-field messages from a `BAD_REQUEST`'s `error.data.issues`, keyed by the first path segment. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError) || errorCode(error) !== "BAD_REQUEST") return {};
  const issues: unknown = (error.data as { issues?: unknown } | null)?.issues;
  return isValidationIssueList(issues) ? fieldErrorsFromIssues(issues) : {};
}

/** What the sign-in form shows for a failed `auth.login`: a form-level message and per-field messages. */
export function signInFeedback(error: unknown): { message: string; fields: { email?: string; password?: string } } {
  const { email, password, ...others } = fieldErrors(error);
  const other = others[""] ?? Object.values(others)[0];
  if (email || password) {
    return { message: other ?? "Check the highlighted fields and try again.", fields: { email, password } };
  }
  return { message: other ?? errorMessage(error), fields: {} };
}
