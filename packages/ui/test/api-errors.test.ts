import { describe, expect, it } from "vitest";
import {
  apiErrorCode,
  apiErrorMessage,
  apiFieldErrors,
  GENERIC_ERROR_MESSAGE,
  NETWORK_ERROR_MESSAGE,
  shouldRetryApiCall,
  signInErrorFeedback,
} from "../src/api-errors.ts";

/** Mimics @trpc/client's TRPCClientError: name, message and the server's `data`. */
function trpcError(message: string, data?: Record<string, unknown>): Error {
  const error = new Error(message) as Error & { data?: unknown };
  error.name = "TRPCClientError";
  error.data = data;
  return error;
}

const unauthorized = trpcError("Email or password is incorrect.", { code: "UNAUTHORIZED", httpStatus: 401 });
const badRequest = trpcError("Enter a valid email address. Enter your password.", {
  code: "BAD_REQUEST",
  issues: [
    { path: ["email"], message: "Enter a valid email address." },
    { path: ["password"], message: "Enter your password." },
  ],
});
const network = trpcError("Failed to fetch");

describe("apiErrorCode / apiErrorMessage", () => {
  it("reads the code and shows the server's message for people", () => {
    expect(apiErrorCode(unauthorized)).toBe("UNAUTHORIZED");
    expect(apiErrorMessage(unauthorized)).toBe("Email or password is incorrect.");
    const limited = trpcError("Too many attempts. Try again in 15 minutes.", { code: "TOO_MANY_REQUESTS" });
    expect(apiErrorMessage(limited)).toBe("Too many attempts. Try again in 15 minutes.");
  });

  it("explains network failures and hides unknown internals", () => {
    expect(apiErrorCode(network)).toBeUndefined();
    expect(apiErrorMessage(network)).toBe(NETWORK_ERROR_MESSAGE);
    expect(apiErrorMessage(new TypeError("x is undefined"))).toBe(GENERIC_ERROR_MESSAGE);
    expect(apiErrorMessage(trpcError("Unexpected token <", { code: "PARSE_ERROR" }))).toBe(GENERIC_ERROR_MESSAGE);
    expect(apiErrorMessage("not even an error")).toBe(GENERIC_ERROR_MESSAGE);
  });
});

describe("shouldRetryApiCall", () => {
  it("never retries errors a retry cannot fix", () => {
    expect(shouldRetryApiCall(0, unauthorized)).toBe(false);
    expect(shouldRetryApiCall(0, trpcError("nope", { code: "NOT_FOUND" }))).toBe(false);
  });

  it("retries network and server errors twice", () => {
    expect(shouldRetryApiCall(0, network)).toBe(true);
    expect(shouldRetryApiCall(1, trpcError("busy", { code: "SERVICE_UNAVAILABLE" }))).toBe(true);
    expect(shouldRetryApiCall(2, network)).toBe(false);
  });
});

describe("sign-in feedback", () => {
  it("puts validation issues next to their fields", () => {
    expect(apiFieldErrors(badRequest)).toEqual({
      email: "Enter a valid email address.",
      password: "Enter your password.",
    });
    expect(signInErrorFeedback(badRequest)).toEqual({
      message: "Check the highlighted fields and try again.",
      fields: { email: "Enter a valid email address.", password: "Enter your password." },
    });
  });

  it("shows other failures as a form-level message", () => {
    expect(signInErrorFeedback(unauthorized)).toEqual({ message: "Email or password is incorrect.", fields: {} });
    const strict = trpcError('Unrecognized key: "remember"', {
      code: "BAD_REQUEST",
      issues: [{ path: [], message: 'Unrecognized key: "remember"' }],
    });
    expect(signInErrorFeedback(strict)).toEqual({ message: 'Unrecognized key: "remember"', fields: {} });
    expect(apiFieldErrors(unauthorized)).toEqual({});
  });
});
