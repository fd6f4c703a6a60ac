import { describe, expect, it } from "vitest";
import {
  type CampaignFormValues,
  campaignFormSchema,
  campaignFormValues,
  formFieldOf,
  instantOfLocalInput,
  localInputOf,
  toAudience,
  validAudience,
} from "./campaign-forms.ts";
import { markUnicode, messageStats } from "./message-stats.ts";

const BUSINESS = { name: "Green Lawn Co", bookingLink: "https://app.example.com/book/green-lawn" };

const form = (changes: Partial<CampaignFormValues> = {}): CampaignFormValues => ({
  ...campaignFormValues(),
  name: "Spring",
  body: "Hi {first_name}! Book: {booking_link}",
  ...changes,
});

describe("the composer's form", () => {
  it("should leave out empty filters and turn typed days into numbers", () => {
    const audience = { ...form().audience, lastVisitMoreThanDays: "1,000", tags: ["vip"], neverBooked: false };
    expect(toAudience(audience)).toEqual({ lastVisitMoreThanDays: 1000, tags: ["vip"] });
    expect(validAudience({ ...audience, lastVisitWithinDays: "abc" })).toBeNull();
  });

  it("should give the API's input, and refuse what the API refuses with its words on the form's fields", () => {
    const schema = campaignFormSchema(BUSINESS);
    expect(schema.parse(form({ templateKey: "spring-cleanup" }))).toEqual({
      name: "Spring",
      body: "Hi {first_name}! Book: {booking_link}",
      audience: {},
      templateKey: "spring-cleanup",
    });
    const refused = schema.safeParse(
      form({ body: "Hi {firstname}", audience: { ...form().audience, lastVisitWithinDays: "0" } }),
    );
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["body", expect.stringMatching(/Unknown merge field \{firstname\}/)],
      ["audience.lastVisitWithinDays", "Use at least 1 day."],
    ]);
  });

  it("should refuse a message past 10 segments, counted with a long name and the STOP line", () => {
    const result = campaignFormSchema(BUSINESS).safeParse(form({ body: "🎉 Sale! ".repeat(100) }));
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["body"], message: expect.stringMatching(/the limit is 10.*Unicode \(🎉\)/) }),
    ]);
  });

  it("should name the form's field for each of the server's paths", () => {
    expect(formFieldOf("body")).toBe("body");
    expect(formFieldOf("sendAt")).toBe("sendAt");
    expect(formFieldOf("audience.tiers.0")).toBe("audience.tiers");
    expect(formFieldOf("audience")).toBeUndefined();
  });

  it("should read a send time on the business's clock, daylight saving included", () => {
    expect(instantOfLocalInput("2026-12-08T10:00", "America/Chicago")).toBe("2026-12-08T16:00:00.000Z");
    expect(instantOfLocalInput("2026-07-08T10:00", "America/Chicago")).toBe("2026-07-08T15:00:00.000Z");
    // 2:30 AM doesn't exist on 8 March 2026 in Chicago: clocks go from 2:00 to 3:00.
    expect(instantOfLocalInput("2026-03-08T02:30", "America/Chicago")).toBe("2026-03-08T08:30:00.000Z");
    expect(instantOfLocalInput("", "America/Chicago")).toBeNull();
    expect(localInputOf("2026-12-08T16:00:00.000Z", "America/Chicago")).toBe("2026-12-08T10:00");
  });
});

describe("messageStats", () => {
  it("should count the worst case, cost it for the audience and preview it with the STOP line", () => {
    const stats = messageStats("Hi {first_name}, spring aeration is back!", BUSINESS, 250);
    expect(stats).toMatchObject({ segments: 1, encoding: "GSM-7", overLimit: false, unicode: [] });
    expect(stats.costCents).toBe(208); // 250 × 1 × 0.83¢
    expect(stats.preview).toBe("Green Lawn Co: Hi Alex, spring aeration is back!\nReply STOP to opt out");
    expect(messageStats("Hi", BUSINESS, null).costCents).toBeNull();
  });

  it("should find the characters that force Unicode and mark them in the text", () => {
    const stats = messageStats("“Spring” sale 🌱 now", BUSINESS, 10);
    expect(stats.encoding).toBe("UCS-2");
    expect(stats.unicode).toEqual(["“", "”", "🌱"]);
    expect(markUnicode("a “b” 🌱", stats.unicode)).toEqual([
      { text: "a ", unicode: false },
      { text: "“", unicode: true },
      { text: "b", unicode: false },
      { text: "”", unicode: true },
      { text: " ", unicode: false },
      { text: "🌱", unicode: true },
    ]);
  });
});
