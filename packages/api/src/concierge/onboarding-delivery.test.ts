import { describe, expect, it } from "vitest";
import { planOnboardingDelivery } from "./onboarding-delivery.ts";

const everything = { twilio: true, email: true, platformSmsFrom: "+15555550100" };
const asked = { send: true, ownerPhone: "+15555550123" };

describe("planOnboardingDelivery", () => {
  it("sends by text and email only when both are configured", () => {
    expect(planOnboardingDelivery(asked, everything)).toEqual({
      email: { sends: true, reason: null },
      text: { sends: true, reason: null },
    });
  });

  it("skips the text when there is no platform number, whatever else is set", () => {
    for (const twilio of [true, false]) {
      expect(planOnboardingDelivery(asked, { ...everything, twilio, platformSmsFrom: null }).text).toEqual({
        sends: false,
        reason: "no platform number (PLATFORM_SMS_FROM) is set",
      });
    }
  });

  it("says a text or email that would only be logged is not sent", () => {
    expect(planOnboardingDelivery(asked, { ...everything, twilio: false }).text).toEqual({
      sends: false,
      reason: "Twilio is not configured",
    });
    expect(planOnboardingDelivery(asked, { ...everything, email: false }).email).toEqual({
      sends: false,
      reason: "email is not configured (SENDGRID_API_KEY is not set)",
    });
  });

  it("sends nothing when not asked to, and no text without an owner's mobile", () => {
    const none = planOnboardingDelivery({ ...asked, send: false }, everything);
    expect([none.email.sends, none.text.sends]).toEqual([false, false]);
    expect(planOnboardingDelivery({ send: true, ownerPhone: null }, everything).text).toEqual({
      sends: false,
      reason: "the owner has no mobile number",
    });
  });
});
