import { describe, expect, it } from "vitest";
import { APP_ERROR_HTTP_STATUS, AppError, fieldErrors, rateLimited, retryAfterOf, waitWords } from "./index.ts";

describe("AppError", () => {
  it("should carry its code, message, field issues and machine-readable reason", () => {
    const error = new AppError("FORBIDDEN", "Your plan does not include this.", {
      reason: { code: "PLAN_FEATURE_REQUIRED", feature: "aiVoiceAgent" },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("AppError");
    expect(error.code).toBe("FORBIDDEN");
    expect(error.httpStatus).toBe(403);
    expect(error.message).toBe("Your plan does not include this.");
    expect(error.reason).toEqual({ code: "PLAN_FEATURE_REQUIRED", feature: "aiVoiceAgent" });
    expect(error.issues).toBeUndefined();
  });

  it("should keep the underlying error as its cause, and none when there is none", () => {
    const underlying = new Error("connect ECONNREFUSED");
    expect(new AppError("UNAVAILABLE", "Try again.", { cause: underlying }).cause).toBe(underlying);
    expect("cause" in new AppError("NOT_FOUND", "No such business.")).toBe(false);
  });

  it("should give every code one HTTP status", () => {
    expect(APP_ERROR_HTTP_STATUS).toEqual({
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
    });
  });

  it("should make field errors one 400 whose message names every field's problem", () => {
    const error = fieldErrors([
      { path: ["slug"], message: "green-lawn is taken by Green Lawn Co." },
      { path: ["owner", "email"], message: "That email already has an account." },
    ]);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.issues).toEqual([
      { path: ["slug"], message: "green-lawn is taken by Green Lawn Co." },
      { path: ["owner", "email"], message: "That email already has an account." },
    ]);
    expect(error.message).toBe("green-lawn is taken by Green Lawn Co. That email already has an account.");
  });

  it("should make a rate-limit refusal a 429 that says how long to wait, in whole seconds", () => {
    const error = rateLimited("Too many sign-in attempts. Try again in 15 minutes.", 899.2);
    expect(error.httpStatus).toBe(429);
    expect(error.reason).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: 900 });
    expect(retryAfterOf(error)).toBe(900);
    expect(retryAfterOf(rateLimited("Slow down.", 0))).toBe(1);
  });

  it("should find the wait of any error whose reason is RATE_LIMITED, and none in other errors", () => {
    const handMade = new AppError("FORBIDDEN", "Slow down.", {
      reason: { code: "RATE_LIMITED", retryAfterSeconds: 30 },
    });
    expect(retryAfterOf(handMade)).toBe(30);
    expect(retryAfterOf(new AppError("TOO_MANY_REQUESTS", "Slow down."))).toBeNull();
    expect(retryAfterOf(new AppError("FORBIDDEN", "No.", { reason: { code: "PLAN_FEATURE_REQUIRED" } }))).toBeNull();
    expect(retryAfterOf(new Error("RATE_LIMITED"))).toBeNull();
    expect(retryAfterOf(undefined)).toBeNull();
  });
});

describe("waitWords", () => {
  it("should say a wait in seconds under a minute and a half, and in whole minutes after", () => {
    expect(waitWords(1)).toBe("in 1 second");
    expect(waitWords(40)).toBe("in 40 seconds");
    expect(waitWords(89.5)).toBe("in 90 seconds");
    expect(waitWords(90)).toBe("in 2 minutes");
    expect(waitWords(900)).toBe("in 15 minutes");
    expect(waitWords(0)).toBe("in 1 second");
  });
});
