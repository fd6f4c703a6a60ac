import { describe, expect, it } from "vitest";
import { describeEntry, hasLapsed, lapseDate, shortOfPointsMessage, tierFor, tiersOf, visitPoints } from "./rules.ts";

describe("visitPoints", () => {
  it("should give points for whole dollars only, plus the per-visit points", () => {
    expect(visitPoints(8599, { pointsPerDollar: 1, pointsPerVisit: 0 })).toBe(85);
    expect(visitPoints(8599, { pointsPerDollar: 2, pointsPerVisit: 10 })).toBe(180);
    expect(visitPoints(99, { pointsPerDollar: 5, pointsPerVisit: 0 })).toBe(0);
  });

  it("should give the per-visit points for a free visit and nothing for a negative charge", () => {
    expect(visitPoints(0, { pointsPerDollar: 1, pointsPerVisit: 25 })).toBe(25);
    expect(visitPoints(-5000, { pointsPerDollar: 1, pointsPerVisit: 0 })).toBe(0);
  });
});

describe("tierFor", () => {
  const tiers = [
    { name: "Gold", minPoints: 1000 },
    { name: "Silver", minPoints: 300 },
  ];

  it("should reach the highest tier whose threshold the points ever earned meet, in any stored order", () => {
    expect(tierFor(0, tiers)).toEqual({ tier: null, nextTier: { name: "Silver", pointsToGo: 300 } });
    expect(tierFor(300, tiers)).toEqual({ tier: "Silver", nextTier: { name: "Gold", pointsToGo: 700 } });
    expect(tierFor(999, tiers)).toEqual({ tier: "Silver", nextTier: { name: "Gold", pointsToGo: 1 } });
    expect(tierFor(5000, tiers)).toEqual({ tier: "Gold", nextTier: null });
  });

  it("should have no tier without tiers", () => {
    expect(tierFor(5000, [])).toEqual({ tier: null, nextTier: null });
  });
});

describe("tiersOf", () => {
  it("should keep the well-formed tiers of a stored value, ascending", () => {
    expect(
      tiersOf([{ name: "Gold", minPoints: 1000 }, { name: "Bad" }, { name: "Silver", minPoints: 300 }, null]),
    ).toEqual([
      { name: "Silver", minPoints: 300 },
      { name: "Gold", minPoints: 1000 },
    ]);
    expect(tiersOf('[{"name":"Gold","minPoints":10}]')).toEqual([{ name: "Gold", minPoints: 10 }]);
    expect(tiersOf("not json")).toEqual([]);
    expect(tiersOf({})).toEqual([]);
  });
});

describe("expiry", () => {
  const last = new Date("2026-01-31T15:00:00Z");

  it("should lapse a balance the given months after the last earning or redeeming", () => {
    expect(lapseDate(100, last, 12)?.toISOString()).toBe("2027-01-31T15:00:00.000Z");
    expect(hasLapsed(100, last, 12, new Date("2027-01-31T14:59:59Z"))).toBe(false);
    expect(hasLapsed(100, last, 12, new Date("2027-01-31T15:00:00Z"))).toBe(true);
  });

  it("should clamp to the end of a shorter month", () => {
    expect(lapseDate(100, last, 1)?.toISOString()).toBe("2026-02-28T15:00:00.000Z");
  });

  it("should never lapse without expiry, without points, or without activity", () => {
    const later = new Date("2040-01-01T00:00:00Z");
    expect(hasLapsed(100, last, null, later)).toBe(false);
    expect(hasLapsed(0, last, 1, later)).toBe(false);
    expect(hasLapsed(100, null, 1, later)).toBe(false);
    expect(lapseDate(0, last, 1)).toBeNull();
  });
});

describe("wording", () => {
  it("should say what the customer has and what the reward needs", () => {
    expect(shortOfPointsMessage(80, 100)).toBe("You have 80 points; this reward needs 100.");
    expect(shortOfPointsMessage(1, 1500)).toBe("You have 1 point; this reward needs 1,500.");
  });

  it("should describe each kind of ledger entry", () => {
    const base = {
      points: 10,
      reason: null,
      serviceName: null,
      visitAt: null,
      rewardName: null,
      expiryMonths: null,
    };
    const zone = "America/Chicago";
    expect(
      describeEntry(
        { ...base, kind: "visit", serviceName: "Full Detail", visitAt: new Date("2026-12-08T03:00:00Z") },
        zone,
      ),
    ).toBe("Full Detail on Dec 7");
    expect(describeEntry({ ...base, kind: "redeem", rewardName: "$10 off" }, zone)).toBe("Redeemed: $10 off");
    expect(describeEntry({ ...base, kind: "refund", rewardName: "$10 off" }, zone)).toBe(
      "Returned: $10 off was cancelled",
    );
    expect(describeEntry({ ...base, kind: "adjust", reason: "goodwill" }, zone)).toBe("Adjusted by staff: goodwill");
    expect(describeEntry({ ...base, kind: "review_bonus", reason: "Google review" }, zone)).toBe(
      "Review bonus: Google review",
    );
    expect(describeEntry({ ...base, kind: "expire", expiryMonths: 12 }, zone)).toBe(
      "Expired after 12 months without activity",
    );
  });
});
