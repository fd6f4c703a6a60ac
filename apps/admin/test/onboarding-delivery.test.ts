import { describe, expect, it } from "vitest";
import { describeOnboardingDelivery } from "../src/concierge/onboarding-delivery.ts";

const sends = { sends: true, reason: null };
const noPlatformNumber = { sends: false, reason: "no platform number (PLATFORM_SMS_FROM) is set" };
const noEmail = { sends: false, reason: "email is not configured (SENDGRID_API_KEY is not set)" };

describe("describeOnboardingDelivery", () => {
  it("says text and email only when both go out", () => {
    expect(describeOnboardingDelivery({ email: sends, text: sends }, "done")).toBe(
      "Being sent to the owner by text and email.",
    );
    expect(describeOnboardingDelivery({ email: sends, text: sends }, "review")).toBe(
      "Sent by text and email once created.",
    );
  });

  it("says email only, and why, when the text is skipped", () => {
    expect(describeOnboardingDelivery({ email: sends, text: noPlatformNumber }, "done")).toBe(
      "Being sent to the owner by email only (no text: no platform number (PLATFORM_SMS_FROM) is set).",
    );
    expect(describeOnboardingDelivery({ email: sends, text: noPlatformNumber }, "review")).not.toMatch(
      /text and email/,
    );
  });

  it("says nothing goes out, with each reason, when neither channel is configured", () => {
    expect(describeOnboardingDelivery({ email: noEmail, text: noPlatformNumber }, "done")).toBe(
      "Not sent (no email: email is not configured (SENDGRID_API_KEY is not set); no text: no platform number (PLATFORM_SMS_FROM) is set): pass it on yourself.",
    );
    const chosen = { sends: false, reason: "you chose not to send it" };
    expect(describeOnboardingDelivery({ email: chosen, text: chosen }, "review")).toBe(
      "Not sent (you chose not to send it): shown to you once, on the next screen, to pass on.",
    );
  });
});
