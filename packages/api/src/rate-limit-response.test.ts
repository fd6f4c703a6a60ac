// Every rate-limit refusal, whoever throws it (sign-in, onboarding links, the booking page, the
// portal), tells the client when to come back: the HTTP layer reads the wait off the errors.
import { AppError, rateLimited } from "@servicepro/errors";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { rateLimitResponseMeta } from "./trpc.ts";

/** As the appErrors middleware hands an AppError to tRPC. */
const wrapped = (error: AppError) => new TRPCError({ code: "TOO_MANY_REQUESTS", message: error.message, cause: error });

describe("rateLimitResponseMeta", () => {
  it("should answer a rate-limit refusal with Retry-After in whole seconds", () => {
    expect(rateLimitResponseMeta([wrapped(rateLimited("Too many sign-in attempts.", 899.4))])).toEqual({
      headers: { "Retry-After": "900" },
    });
  });

  it("should read the wait of any AppError whose reason is RATE_LIMITED, not only rateLimited()'s", () => {
    const portal = new AppError("TOO_MANY_REQUESTS", "Too many codes.", {
      reason: { code: "RATE_LIMITED", retryAfterSeconds: 60 },
    });
    expect(rateLimitResponseMeta([wrapped(portal)])).toEqual({ headers: { "Retry-After": "60" } });
  });

  it("should give a batch the longest wait among its refusals", () => {
    const errors = [
      wrapped(rateLimited("Slow down.", 30)),
      new TRPCError({ code: "UNAUTHORIZED", message: "Email or password is incorrect." }),
      wrapped(rateLimited("Slow down more.", 600)),
    ];
    expect(rateLimitResponseMeta(errors)).toEqual({ headers: { "Retry-After": "600" } });
  });

  it("should add nothing to answers without a rate-limit refusal", () => {
    expect(rateLimitResponseMeta([])).toEqual({});
    const plain429 = new AppError("TOO_MANY_REQUESTS", "Busy.");
    const unexpected = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("boom") });
    expect(rateLimitResponseMeta([wrapped(plain429), unexpected])).toEqual({});
  });
});
