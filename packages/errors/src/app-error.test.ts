import { describe, expect, it } from "vitest";
import { APP_ERROR_HTTP_STATUS, AppError, fieldErrors } from "./index.ts";

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
});
