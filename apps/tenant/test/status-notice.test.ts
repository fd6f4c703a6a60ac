import { describe, expect, it } from "vitest";
import { statusNotice } from "../src/pages/status-notice.ts";

const starter = {
  label: "Starter",
  included: ["Data export", "Website generator"],
  notIncluded: ["AI SMS agent", "AI voice receptionist", "Dedicated phone number", "SMS campaigns"],
};
const elite = { label: "Elite", included: ["AI SMS agent", "AI voice receptionist"], notIncluded: [] };

describe("statusNotice", () => {
  it("tells a trial on a smaller plan what is not included instead of claiming everything is on", () => {
    const notice = statusNotice("trialing", starter)!;
    expect(notice.title).toBe("You're on a free trial of the Starter plan");
    expect(notice.body).toBe(
      "It includes Data export and Website generator. Not included: AI SMS agent, AI voice receptionist, Dedicated phone number and SMS campaigns (see Plan for the plans that have them).",
    );
    expect(notice.body).not.toMatch(/everything/i);
  });

  it("says every feature works only when the plan includes every feature", () => {
    expect(statusNotice("trialing", elite)?.body).toBe(
      "Your plan includes every feature, and all of it works while you try ServicePro.",
    );
  });

  it("has no note for an active account and the same notes as before for the others", () => {
    expect(statusNotice("active", starter)).toBeNull();
    expect(statusNotice("suspended", starter)).toMatchObject({ tone: "error", title: "Your account is suspended" });
    expect(statusNotice("past_due", starter)?.title).toBe("Your payment is past due");
    expect(statusNotice("cancelled", starter)?.title).toBe("Your subscription is cancelled");
  });
});
