// The pure half of rebook reminders: which cadence a service gets (reminder mode only, the shortest
// interval when several list it, none for a custom service), what a snapshot's cadences are (the
// unreadable ones left out), seasons that wrap over New Year, and due dates in calendar days across
// a daylight-saving change. Every shipped pack's reminder cadences are checked against the rule too.
import { INDUSTRY_PACKS, type PackCadence } from "@servicepro/industry-packs";
import { describe, expect, it } from "vitest";
import { cadencesOf, inSeason, rebookCadenceFor, rebookDueAt } from "./rebook-reminders.ts";

const cadence = (id: string, over: Partial<PackCadence> = {}): PackCadence => ({
  id,
  serviceIds: ["full-detail"],
  mode: "reminder",
  intervalDays: 56,
  message: "Hi {firstName}, time for your next detail with {businessName}: {bookingLink}",
  ...over,
});

describe("rebookCadenceFor", () => {
  it("should pick the shortest reminder cadence listing the service, the first on a tie", () => {
    const yearly = cadence("yearly", { intervalDays: 365 });
    const eightWeeks = cadence("eight-weeks");
    const tie = cadence("tie");
    expect(rebookCadenceFor([yearly, eightWeeks, tie], "full-detail")).toBe(eightWeeks);
  });

  it("should ignore recurring cadences, other services and services without a pack item id", () => {
    const recurring = cadence("weekly", { mode: "recurring", intervalDays: 7 });
    const other = cadence("other", { serviceIds: ["wash"] });
    expect(rebookCadenceFor([recurring, other], "full-detail")).toBeNull();
    expect(rebookCadenceFor([cadence("any")], null)).toBeNull();
  });

  it("should give every shipped pack's reminder cadence to each service it lists", () => {
    for (const pack of INDUSTRY_PACKS)
      for (const c of pack.cadences.filter((x) => x.mode === "reminder"))
        for (const serviceId of c.serviceIds)
          expect(rebookCadenceFor(pack.cadences, serviceId)?.intervalDays).toBeLessThanOrEqual(c.intervalDays);
  });
});

describe("cadencesOf", () => {
  it("should read a snapshot's cadences and leave out what the schema refuses", () => {
    const good = cadence("good");
    expect(cadencesOf({ cadences: [good, { id: "broken", mode: "reminder" }] })).toEqual([good]);
    expect(cadencesOf({})).toEqual([]);
    expect(cadencesOf(null)).toEqual([]);
    expect(cadencesOf({ cadences: "nope" })).toEqual([]);
  });
});

describe("inSeason", () => {
  it("should include both ends, wrap over New Year, and hold all year without a season", () => {
    const spring = { fromMonth: 2, toMonth: 5 };
    expect([1, 2, 5, 6].map((m) => inSeason(spring, m))).toEqual([false, true, true, false]);
    const winter = { fromMonth: 11, toMonth: 2 };
    expect([10, 11, 12, 1, 2, 3].map((m) => inSeason(winter, m))).toEqual([false, true, true, true, true, false]);
    expect(inSeason(undefined, 7)).toBe(true);
  });
});

describe("rebookDueAt", () => {
  it("should add calendar days at the same local time, across a daylight-saving change", () => {
    // 09:00 in Chicago on 2027-02-20 (UTC-6); 56 days later is 2027-04-17, 09:00 in UTC-5.
    expect(rebookDueAt(new Date("2027-02-20T15:00:00Z"), 56, "America/Chicago")).toEqual(
      new Date("2027-04-17T14:00:00Z"),
    );
  });
});
