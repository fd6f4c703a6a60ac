import { describe, expect, it } from "vitest";
import { bookingConsentText, bookingCreateInput } from "./index.ts";

describe("bookingConsentText", () => {
  it("should name the business and carry the standard 10DLC disclosures, in order, when worded", () => {
    const text = bookingConsentText("Green Lawn Care");
    expect(text).toContain("from Green Lawn Care.");
    expect(text).toMatch(
      /Msg & data rates may apply\. Reply STOP to opt out, HELP for help\. Consent is not a condition of purchase\.$/,
    );
  });
});

describe("bookingCreateInput", () => {
  it("should record no SMS consent when the box is left out", () => {
    const parsed = bookingCreateInput.parse({
      slug: "green-lawn",
      serviceId: "0b0f3c1e-6d1a-4c6e-9f0a-2b8f1c3d4e5f",
      startsAt: "2026-12-07T09:00:00-06:00",
      name: "Ana Ruiz",
      phone: "+15125550100",
    });
    expect(parsed.smsConsent).toBe(false);
  });
});
