// Presenting failed API calls to people. Works on the *shape* of tRPC client errors
// (`error.name === "TRPCClientError"`, `error.data.code`, `error.data.issues`), so this package
// needs no dependency on @trpc/client.
import { type SlotRefusal, slotRefusalSchema } from "@servicepro/validators";
import { fieldErrorsFromIssues, isValidationIssueList } from "./utils.ts";

type ApiErrorData = { code?: unknown; issues?: unknown };

function dataOf(error: unknown): ApiErrorData | undefined {
  if (!(error instanceof Error)) return undefined;
  const data: unknown = (error as { data?: unknown }).data;
  return typeof data === "object" && data !== null ? (data as ApiErrorData) : undefined;
}

/** The tRPC error code of a failed call (`UNAUTHORIZED`, `NOT_FOUND`...); undefined when the server gave none. */
export function apiErrorCode(error: unknown): string | undefined {
  const code = dataOf(error)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Errors that the same request would hit again: retrying only delays the message. */
const FINAL_CODES = new Set([
  "BAD_REQUEST",
  "PARSE_ERROR",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "TOO_MANY_REQUESTS",
]);

/** TanStack Query `retry` option: up to 2 retries, none for errors a retry cannot fix. */
export function shouldRetryApiCall(failureCount: number, error: unknown): boolean {
  const code = apiErrorCode(error);
  return !(code !== undefined && FINAL_CODES.has(code)) && failureCount < 2;
}

/**
 * Codes whose message the API writes for people: its error formatter replaces internal errors'
 * messages with a safe one carrying a support reference, and joins validation messages.
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

export const NETWORK_ERROR_MESSAGE = "We couldn't reach ServicePro. Check your connection and try again.";
export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again in a moment.";

/** One sentence to show for a failed call. */
export function apiErrorMessage(error: unknown): string {
  const code = apiErrorCode(error);
  if (code === undefined) {
    // A tRPC client error without a server error body: the request never got a tRPC answer.
    return error instanceof Error && error.name === "TRPCClientError" ? NETWORK_ERROR_MESSAGE : GENERIC_ERROR_MESSAGE;
  }
  if (HUMAN_MESSAGE_CODES.has(code) && error instanceof Error && error.message) return error.message;
  return GENERIC_ERROR_MESSAGE;
}

/** Per-field messages from a `BAD_REQUEST`'s `error.data.issues`, keyed by the first path segment. */
export function apiFieldErrors(error: unknown): Record<string, string> {
  if (apiErrorCode(error) !== "BAD_REQUEST") return {};
  const issues = dataOf(error)?.issues;
  return isValidationIssueList(issues) ? fieldErrorsFromIssues(issues) : {};
}

/** What `SignInForm` shows for a failed sign-in: a form-level message and per-field messages. */
export function signInErrorFeedback(error: unknown): {
  message: string;
  fields: { email?: string; password?: string };
} {
  const { email, password, ...others } = apiFieldErrors(error);
  const other = others[""] ?? Object.values(others)[0];
  if (email || password) {
    return { message: other ?? "Check the highlighted fields and try again.", fields: { email, password } };
  }
  return { message: other ?? apiErrorMessage(error), fields: {} };
}

/**
 * Why a start time was refused, with the nearest times that are free: a 400 (the schedule says no)
 * or 409 (another booking took it first) whose `data.cause` is a slot refusal; null for anything else.
 */
export function apiSlotRefusal(error: unknown): SlotRefusal | null {
  const parsed = slotRefusalSchema.safeParse((dataOf(error) as { cause?: unknown } | undefined)?.cause);
  return parsed.success ? parsed.data : null;
}
