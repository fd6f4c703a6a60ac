// The review-request settings schema: https links only, a link required to turn them on, the delay
// within a week in whole minutes.
import { describe, expect, it } from "vitest";
import { automationSettingsInput } from "./automation.ts";

const valid = {
  reviewRequestsEnabled: true,
  reviewLink: "https://g.page/r/shine/review",
  reviewDelayMinutes: 120,
  rebookRemindersEnabled: false,
};
const messages = (input: unknown) =>
  automationSettingsInput.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? [];

describe("automationSettingsInput", () => {
  it("should accept a complete form, and off without a link", () => {
    expect(messages(valid)).toEqual([]);
    expect(messages({ ...valid, reviewRequestsEnabled: false, reviewLink: "" })).toEqual([]);
    expect(messages({ ...valid, reviewDelayMinutes: 0 })).toEqual([]);
    expect(messages({ ...valid, reviewDelayMinutes: 10_080 })).toEqual([]);
    expect(messages({ ...valid, reviewRequestsEnabled: false, reviewLink: "", rebookRemindersEnabled: true })).toEqual(
      [],
    );
  });

  it("should need the rebook switch (the form sends every field)", () => {
    const { rebookRemindersEnabled: _omitted, ...withoutRebook } = valid;
    expect(messages(withoutRebook)).toEqual([["rebookRemindersEnabled", "Choose on or off."]]);
  });

  it("should refuse on without a link, a link that is not https, and a delay out of bounds", () => {
    expect(messages({ ...valid, reviewLink: "" })).toEqual([
      ["reviewLink", "Add your review link before turning review requests on."],
    ]);
    for (const link of ["http://g.page/r/x", "javascript:alert(1)", "g.page/r/x", "https://localhost/x"])
      expect(messages({ ...valid, reviewLink: link })[0]?.[0]).toBe("reviewLink");
    expect(messages({ ...valid, reviewDelayMinutes: -1 })[0]?.[1]).toMatch(/can't be negative/);
    expect(messages({ ...valid, reviewDelayMinutes: 10_081 })[0]?.[1]).toMatch(/at most 10,080/);
    expect(messages({ ...valid, reviewDelayMinutes: 1.5 })[0]?.[1]).toBe("Use whole minutes.");
  });
});
