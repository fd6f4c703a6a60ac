// The rebook reminder's text and its sending hours, without a database: the pack's placeholders are
// filled (every shipped pack's reminder messages render with no placeholder left, name the business
// and end with the link before the STOP line); a message without the business or a link gets them;
// an existing opt-out line is not doubled. Marketing texts wait for the later of the business's
// quiet hours and the legal 08:00–21:00 window.
import { INDUSTRY_PACKS } from "@servicepro/industry-packs";
import { describe, expect, it } from "vitest";
import { rebookLink, rebookReminderText } from "./rebook-reminder-worker.ts";
import { MARKETING_QUIET_WINDOW, resumeOutside } from "./scheduled-texts.ts";

const LINK = rebookLink("https://app.example.test/", "shine", "3f6c2a1e-8d4b-4e2a-9c1f-5b7d9e0a1c2d");
const values = { businessName: "Shine Detailing", customerName: "Dana Driver", bookingLink: LINK };

describe("rebookReminderText", () => {
  it("should link the booking page with the service chosen", () => {
    expect(LINK).toBe("https://app.example.test/book/shine?service=3f6c2a1e-8d4b-4e2a-9c1f-5b7d9e0a1c2d");
  });

  it("should fill every shipped pack's reminder messages, name the business, end with the link and add STOP", () => {
    for (const pack of INDUSTRY_PACKS)
      for (const cadence of pack.cadences.filter((c) => c.mode === "reminder")) {
        const text = rebookReminderText(cadence.message, values);
        expect(text).not.toMatch(/\{[^}]*\}/);
        expect(text).toContain("Shine Detailing");
        expect(text.endsWith(`${LINK}\nReply STOP to opt out`)).toBe(true);
      }
  });

  it("should greet by first name, or 'there' without a name", () => {
    const template = "Hi {firstName}, {businessName} misses you: {bookingLink}";
    expect(rebookReminderText(template, values)).toBe(
      `Hi Dana, Shine Detailing misses you: ${LINK}\nReply STOP to opt out`,
    );
    expect(rebookReminderText(template, { ...values, customerName: null })).toMatch(/^Hi there,/);
  });

  it("should add the business's name and the link when the message has neither, and keep an existing STOP line", () => {
    expect(rebookReminderText("Hi {firstName}, time for a wash.", values)).toBe(
      `Shine Detailing: Hi Dana, time for a wash. ${LINK}\nReply STOP to opt out`,
    );
    expect(rebookReminderText("{businessName}: book again {bookingLink} Reply STOP to opt out.", values)).toBe(
      `Shine Detailing: book again ${LINK} Reply STOP to opt out.`,
    );
  });
});

describe("resumeOutside", () => {
  const zone = "America/Chicago";
  const business = { start: "22:00", end: "07:00" };

  it("should keep the legal window even when the business's quiet hours are shorter", () => {
    // 07:30 local: outside the business's quiet hours, before 08:00.
    expect(resumeOutside(new Date("2026-12-08T13:30:00Z"), zone, [business, MARKETING_QUIET_WINDOW])).toEqual(
      new Date("2026-12-08T14:00:00Z"),
    );
    // 21:30 local: the next 08:00.
    expect(resumeOutside(new Date("2026-12-09T03:30:00Z"), zone, [business, MARKETING_QUIET_WINDOW])).toEqual(
      new Date("2026-12-09T14:00:00Z"),
    );
  });

  it("should step through both windows when leaving one lands in the other, and stay put outside them", () => {
    const late = { start: "20:00", end: "09:00" };
    // 07:00 local: the law's window ends 08:00, still inside the business's until 09:00.
    expect(resumeOutside(new Date("2026-12-08T13:00:00Z"), zone, [MARKETING_QUIET_WINDOW, late])).toEqual(
      new Date("2026-12-08T15:00:00Z"),
    );
    const noon = new Date("2026-12-08T18:00:00Z");
    expect(resumeOutside(noon, zone, [MARKETING_QUIET_WINDOW, late])).toBe(noon);
  });
});
