import { describe, expect, it } from "vitest";
import { deliveryStatus } from "../src/inbox/format.ts";

describe("deliveryStatus", () => {
  it("says a text the dev sender only logged was not sent, with the reason on record", () => {
    expect(deliveryStatus({ status: "not_sent", errorMessage: "Twilio is not configured" })).toEqual({
      label: "Not sent: Twilio is not configured",
      tone: "warning",
    });
    expect(deliveryStatus({ status: "not_sent", errorMessage: null }).label).toBe("Not sent");
  });

  it("says Sent only for what the provider reported as sent", () => {
    expect(deliveryStatus({ status: "sent", errorMessage: null })).toEqual({ label: "Sent", tone: "info" });
    expect(deliveryStatus({ status: "delivered", errorMessage: null }).label).toBe("Delivered");
    expect(deliveryStatus({ status: "pending", errorMessage: null }).label).toBe("Sending…");
    expect(deliveryStatus({ status: "suppressed", errorMessage: "The recipient opted out." }).label).toBe(
      "Not sent: opted out",
    );
  });
});
