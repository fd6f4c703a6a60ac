import { describe, expect, it } from "vitest";
import { audienceSummary, progressParts, progressText, whenLabel } from "./campaign-format.ts";

const SERVICES: Record<string, string> = { "svc-1": "Weekly Mowing", "svc-2": "Aeration" };
const serviceName = (id: string) => SERVICES[id];

describe("audienceSummary", () => {
  it("should say everyone with consent when there is no filter", () => {
    expect(audienceSummary({}, serviceName)).toBe("All customers who agreed to offers by text and haven't opted out.");
  });

  it("should word every filter, lists as alternatives and filters as conditions that all apply", () => {
    expect(
      audienceSummary(
        {
          lastVisitMoreThanDays: 60,
          serviceIds: ["svc-1", "svc-2"],
          assetKinds: ["vehicle", "pet"],
          tags: ["vip", "fleet"],
          tiers: ["Gold"],
        },
        serviceName,
      ),
    ).toBe(
      "Customers who agreed to offers by text and haven't opted out, whose last visit was more than 60 days ago, who had Weekly Mowing or Aeration, with a vehicle or a pet on file, tagged “vip” or “fleet”, and in the Gold tier.",
    );
  });

  it("should word a visit window, several tiers, never booked and a service since removed", () => {
    expect(audienceSummary({ lastVisitMoreThanDays: 30, lastVisitWithinDays: 1_000 }, serviceName)).toBe(
      "Customers who agreed to offers by text and haven't opted out, whose last visit was between 30 days and 1,000 days ago.",
    );
    expect(audienceSummary({ lastVisitWithinDays: 1, tiers: ["Silver", "Gold"] }, serviceName)).toBe(
      "Customers who agreed to offers by text and haven't opted out, who visited in the last 1 day and in the Silver or Gold tiers.",
    );
    expect(audienceSummary({ neverBooked: true, serviceIds: ["gone"] }, serviceName)).toBe(
      "Customers who agreed to offers by text and haven't opted out, who had a removed service and who have never booked.",
    );
  });
});

describe("progress", () => {
  const progress = { total: 10, queued: 3, sent: 5, delivered: 4, failed: 1, skipped: 1, replied: 2, optedOut: 1 };

  it("should split the sends into parts that don't overlap and add up to the total", () => {
    const parts = progressParts(progress);
    expect(parts.map((p) => [p.key, p.value])).toEqual([
      ["delivered", 4],
      ["sent", 1],
      ["failed", 1],
      ["skipped", 1],
      ["queued", 3],
    ]);
    expect(parts.reduce((sum, p) => sum + p.value, 0)).toBe(progress.total);
  });

  it("should say the bar in words", () => {
    expect(progressText(progress)).toBe(
      "5 of 10 sent, 4 delivered, 1 failed, 1 skipped, 3 queued, 2 replied, 1 opted out",
    );
    expect(progressText({ ...progress, total: 0 })).toBe("Nothing sent yet");
  });
});

describe("whenLabel", () => {
  const base = { scheduledAt: null, startedAt: null, completedAt: null, cancelledAt: null, pausedAt: null };

  it("should give the moment that matters for the state, on the business's clock", () => {
    const at = "2026-12-08T16:00:00.000Z";
    expect(whenLabel({ ...base, status: "draft" }, "America/Chicago")).toBe("Not scheduled");
    expect(whenLabel({ ...base, status: "scheduled", scheduledAt: at }, "America/Chicago")).toBe(
      "Scheduled for Dec 8, 2026, 10:00 AM",
    );
    expect(whenLabel({ ...base, status: "sending", startedAt: at }, "America/New_York")).toBe(
      "Started Dec 8, 2026, 11:00 AM",
    );
    expect(whenLabel({ ...base, status: "completed", startedAt: at, completedAt: at }, "UTC")).toBe(
      "Completed Dec 8, 2026, 4:00 PM",
    );
  });
});
