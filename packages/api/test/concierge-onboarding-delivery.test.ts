// The wizard's preview and the set-up's answer say which channels really carry the owner's link,
// from the server's configuration (the same facts the onboarding-notice worker acts on): never
// "by text and email" when the text is skipped or only logged. PGlite only: no SQL of its own.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProvisionResult } from "../src/concierge/execute.ts";
import { NO_INTEGRATIONS } from "../src/context.ts";
import { type ConciergeHarness, startConciergeHarness } from "./concierge-harness.ts";

let counter = 0;
const request = () => {
  const n = ++counter;
  return {
    idempotencyKey: randomUUID(),
    businessName: `Bright Windows ${n}`,
    slug: `bright-windows-${n}`,
    timezone: "America/Denver",
    owner: { name: "Lee Park", email: `lee${n}@bright.example`, phone: "(720) 555-0199" },
    packId: "lawn-care",
    planTier: "pro",
    phoneNumber: "",
  };
};

const configured = {
  ...NO_INTEGRATIONS,
  twilio: { accountSid: "AC00000000000000000000000000000000", authToken: "token", apiBaseUrl: null },
  sendgrid: true,
  platformSmsFrom: "+15555550100",
};

describe("onboarding link channels", () => {
  let h: ConciergeHarness;
  let token: string;

  beforeAll(async () => {
    h = await startConciergeHarness("pglite");
    token = (await h.signInOwner()).token;
  });
  afterAll(() => h?.close());

  const preview = async (input: ReturnType<typeof request>) => {
    const { idempotencyKey: _, ...rest } = input;
    const answer = await h.call("query", "admin.concierge.preview", rest, token);
    expect(answer.status, JSON.stringify(answer.error)).toBe(200);
    return (answer.data as { onboarding: { delivery: ProvisionResult["onboarding"] } }).onboarding.delivery;
  };
  const provision = async (input: ReturnType<typeof request>) => {
    const answer = await h.call("mutation", "admin.concierge.provision", input, token);
    expect(answer.status, JSON.stringify(answer.error)).toBe(200);
    return (answer.data as ProvisionResult).onboarding;
  };

  it("should say neither goes out when no platform number, Twilio or email is configured", async () => {
    h.configure(NO_INTEGRATIONS);
    const input = request();
    const expected = {
      email: { sends: false, reason: "email is not configured (SENDGRID_API_KEY is not set)" },
      text: { sends: false, reason: "no platform number (PLATFORM_SMS_FROM) is set" },
    };
    expect(await preview(input)).toEqual(expected);
    expect(await provision(input)).toEqual(expected);
    // A retry answers the same, from the stored answer.
    expect(await provision(input)).toEqual(expected);
  });

  it("should say email only when the platform number is missing", async () => {
    h.configure({ ...configured, platformSmsFrom: null });
    expect(await provision(request())).toEqual({
      email: { sends: true, reason: null },
      text: { sends: false, reason: "no platform number (PLATFORM_SMS_FROM) is set" },
    });
  });

  it("should say text and email when both are configured", async () => {
    h.configure(configured);
    const input = request();
    const both = { email: { sends: true, reason: null }, text: { sends: true, reason: null } };
    expect(await preview(input)).toEqual(both);
    expect(await provision(input)).toEqual(both);
  });
});
