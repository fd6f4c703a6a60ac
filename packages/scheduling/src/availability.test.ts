import process from "node:process";
import { describe, expect, it } from "vitest";
import {
  type AvailabilityInput,
  availableStarts,
  type BookingRules,
  checkStart,
  formatLocal,
  localDayRange,
  type ServiceRule,
  type StaffMember,
  WEEKDAYS,
  type WeeklyHours,
} from "./index.ts";

const everyDay = (ranges: [string, string][]): WeeklyHours => Object.fromEntries(WEEKDAYS.map((d) => [d, ranges]));
const ALL_DAY = everyDay([["00:00", "24:00"]]);
const EIGHT_TO_FIVE = everyDay([["08:00", "17:00"]]);
const YEAR_START = new Date("2026-01-01T00:00:00Z");
const ONE_STAFF: StaffMember[] = [{ id: "a", hours: null, timeOff: [] }];

const rulesFor = (timeZone: string, over: Partial<BookingRules> = {}): BookingRules => ({
  timeZone,
  hours: ALL_DAY,
  closedDates: [],
  slotIntervalMinutes: 60,
  leadTimeMinutes: 0,
  bookingWindowDays: 365,
  bufferMinutes: 0,
  maxConcurrent: null,
  ...over,
});
const hourJob: ServiceRule = { durationMinutes: 60, quoteOnly: false };

/** The starts of one local day, as local ISO text with offsets. */
function dayStarts(date: string, rules: BookingRules, service: ServiceRule = hourJob): string[] {
  const { start, end } = localDayRange(date, rules.timeZone);
  return availableStarts({ rules, service, staff: ONE_STAFF, busy: [], from: start, to: end, now: YEAR_START }).map(
    (s) => formatLocal(s.start, rules.timeZone, "iso"),
  );
}
const wallTimes = (isoStarts: string[]) => isoStarts.map((s) => s.slice(11, 16));

describe("daylight saving: America/Chicago", () => {
  const rules = rulesFor("America/Chicago");

  it("should skip the hour that does not exist when clocks spring forward on 2026-03-08", () => {
    const starts = dayStarts("2026-03-08", rules);
    expect(starts).toHaveLength(23);
    expect(wallTimes(starts).slice(0, 4)).toEqual(["00:00", "01:00", "03:00", "04:00"]);
    expect(starts[1]).toBe("2026-03-08T01:00:00-06:00");
    expect(starts[2]).toBe("2026-03-08T03:00:00-05:00");
  });

  it("should offer 01:00 twice when clocks fall back on 2026-11-01", () => {
    const starts = dayStarts("2026-11-01", rules);
    expect(starts).toHaveLength(25);
    expect(starts.filter((s) => s.slice(11, 16) === "01:00")).toEqual([
      "2026-11-01T01:00:00-05:00",
      "2026-11-01T01:00:00-06:00",
    ]);
  });

  it("should keep a half-hour grid on local times across the fall-back hour", () => {
    const starts = dayStarts("2026-11-01", rulesFor("America/Chicago", { slotIntervalMinutes: 30 }));
    expect(wallTimes(starts).slice(0, 7)).toEqual(["00:00", "00:30", "01:00", "01:30", "01:00", "01:30", "02:00"]);
  });

  it("should measure a job in elapsed time across the change (4 hours from midnight end at 05:00 CDT)", () => {
    const early = rulesFor("America/Chicago", { hours: everyDay([["00:00", "05:00"]]) });
    expect(wallTimes(dayStarts("2026-03-08", early, { durationMinutes: 240, quoteOnly: false }))).toEqual(["00:00"]);
    expect(wallTimes(dayStarts("2026-03-09", early, { durationMinutes: 240, quoteOnly: false }))).toEqual([
      "00:00",
      "01:00",
    ]);
  });

  for (const [week, before, after] of [
    [["2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09", "2026-03-10"], "15:00", "14:00"],
    [["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02", "2026-11-03"], "14:00", "15:00"],
  ] as const)
    it(`should put 08:00–17:00 slots at the same local times through the week of ${week[2]}`, () => {
      const nineToFive = rulesFor("America/Chicago", { hours: EIGHT_TO_FIVE });
      for (const date of week) {
        const starts = dayStarts(date, nineToFive);
        expect(wallTimes(starts)).toEqual(["08", "09", "10", "11", "12", "13", "14", "15", "16"].map((h) => `${h}:00`));
        const nine = availableStarts({
          rules: nineToFive,
          service: hourJob,
          staff: ONE_STAFF,
          busy: [],
          now: YEAR_START,
          from: localDayRange(date, "America/Chicago").start,
          to: localDayRange(date, "America/Chicago").end,
        })[1]?.start;
        // 9 a.m. local is a different UTC hour on each side of the change.
        expect(nine?.toISOString().slice(11, 16)).toBe(date < week[2] ? before : after);
      }
    });
});

describe("no daylight saving: America/Phoenix", () => {
  it("should offer 24 hourly starts and 9 a.m. at 16:00 UTC through both weeks", () => {
    const rules = rulesFor("America/Phoenix");
    for (const date of ["2026-03-07", "2026-03-08", "2026-03-09", "2026-10-31", "2026-11-01", "2026-11-02"]) {
      const starts = dayStarts(date, rules);
      expect(starts).toHaveLength(24);
      expect(starts[9]).toBe(`${date}T09:00:00-07:00`);
    }
  });
});

describe("local days", () => {
  it.each([
    ["America/Chicago", "2026-03-08", 23],
    ["America/Chicago", "2026-11-01", 25],
    ["America/Phoenix", "2026-03-08", 24],
    ["Europe/London", "2026-03-29", 23],
    ["Europe/London", "2026-10-25", 25],
    ["Australia/Sydney", "2026-04-05", 25],
    ["Australia/Sydney", "2026-10-04", 23],
    ["Australia/Lord_Howe", "2026-04-05", 24.5],
  ])("%s %s should last %s hours", (zone, date, hours) => {
    const { start, end } = localDayRange(date, zone);
    expect((+end - +start) / 3_600_000).toBe(hours);
    expect(formatLocal(start, zone, "iso").slice(0, 16)).toBe(`${date}T00:00`);
  });

  it("should refuse a date that is not on the calendar", () => {
    expect(() => localDayRange("2026-02-30", "America/Chicago")).toThrow(RangeError);
  });
});

describe("the process's own time zone plays no part", () => {
  const sydney = rulesFor("Australia/Sydney", { hours: EIGHT_TO_FIVE, slotIntervalMinutes: 30 });
  const london = rulesFor("Europe/London", { hours: EIGHT_TO_FIVE, slotIntervalMinutes: 30 });
  const week = (rules: BookingRules) =>
    availableStarts({
      rules,
      service: hourJob,
      staff: ONE_STAFF,
      busy: [],
      now: new Date("2026-03-26T00:00:00Z"),
      from: new Date("2026-03-26T00:00:00Z"),
      to: new Date("2026-04-08T00:00:00Z"),
    }).map((s) => `${s.start.toISOString()} ${formatLocal(s.start, rules.timeZone, "iso")}`);

  it("should give the same answers for a Sydney and a London business whatever TZ the process runs in", () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Kiritimati";
      const fromKiritimati = [week(sydney), week(london)];
      process.env.TZ = "America/Los_Angeles";
      const fromLosAngeles = [week(sydney), week(london)];
      expect(fromKiritimati).toEqual(fromLosAngeles);
      // Both weeks cross a change (London forward on 29 March, Sydney back on 5 April): still 8 a.m. local.
      for (const [i, rules] of [sydney, london].entries()) {
        const firsts = (fromKiritimati[i] ?? []).filter((s) => s.includes("T08:00:00"));
        expect(firsts.length).toBeGreaterThanOrEqual(12);
        expect(new Set(firsts.map((s) => s.slice(-6))).size, rules.timeZone).toBe(2);
      }
    } finally {
      process.env.TZ = saved;
    }
  });
});

// Tuesday 1 December 2026, 9:00 a.m. in Chicago.
const NOW = new Date("2026-12-01T15:00:00Z");
const TZ = "America/Chicago";
const at = (local: string) => {
  const [date = "", time = "00:00"] = local.split(" ");
  const [h, m] = time.split(":").map(Number);
  return new Date(+localDayRange(date, TZ).start + ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
};
const shop: BookingRules = {
  timeZone: TZ,
  hours: { ...everyDay([["08:00", "17:00"]]), sat: [["09:00", "12:00"]], sun: [] },
  closedDates: ["2026-12-25"],
  slotIntervalMinutes: 30,
  leadTimeMinutes: 120,
  bookingWindowDays: 30,
  bufferMinutes: 30,
  maxConcurrent: null,
};
const twoHours: ServiceRule = { durationMinutes: 120, quoteOnly: false };
const crew: StaffMember[] = [
  { id: "a", hours: null, timeOff: [] },
  { id: "b", hours: everyDay([["12:00", "17:00"]]), timeOff: [] },
];
const base: AvailabilityInput = { rules: shop, service: twoHours, staff: crew, busy: [], now: NOW };
const check = (local: string, over: Partial<AvailabilityInput> = {}) =>
  checkStart({ ...base, ...over, start: at(local) });
const local = (dates: Date[]) => dates.map((d) => formatLocal(d, TZ, "iso").slice(0, 16).replace("T", " "));

describe("checkStart: reasons and messages", () => {
  it("should accept a free start and name who is free", () => {
    expect(check("2026-12-02 12:00")).toEqual({ ok: true, staffIds: ["a", "b"] });
    expect(check("2026-12-02 09:00")).toEqual({ ok: true, staffIds: ["a"] });
  });

  it("should refuse a quote-only service with no alternatives", () => {
    const result = check("2026-12-02 09:00", { service: { ...twoHours, quoteOnly: true } });
    expect(result).toEqual({
      ok: false,
      reason: "quote_only",
      message: "This service is priced by quote, so it can't be booked online: ask us for a quote.",
      alternatives: [],
    });
  });

  it("should refuse a start in the past", () => {
    expect(check("2026-11-30 09:00")).toMatchObject({
      reason: "past",
      message: "Monday, November 30 at 9:00 AM has already passed.",
    });
  });

  it("should refuse a start inside the lead time and offer the first ones after it", () => {
    const result = check("2026-12-01 10:00");
    expect(result).toMatchObject({
      reason: "too_soon",
      message: "We need at least 2 hours' notice before a job starts.",
    });
    expect(!result.ok && local(result.alternatives)).toEqual([
      "2026-12-01 11:00",
      "2026-12-01 11:30",
      "2026-12-01 12:00",
    ]);
    expect(check("2026-12-01 10:00", { rules: { ...shop, leadTimeMinutes: 60 } })).toEqual({
      ok: true,
      staffIds: ["a"],
    });
  });

  it("should refuse a start beyond the booking window", () => {
    expect(check("2027-01-05 09:00")).toMatchObject({
      reason: "too_far",
      message: "We take bookings up to 30 days ahead, until Thursday, December 31 at 9:00 AM.",
    });
  });

  it("should refuse a start off the grid and offer the nearest, before or after", () => {
    const result = check("2026-12-02 09:10");
    expect(result).toMatchObject({
      reason: "off_grid",
      message: "Jobs start every 30 minutes: 9:10 AM is not one of our start times.",
    });
    expect(!result.ok && local(result.alternatives)).toEqual([
      "2026-12-02 09:00",
      "2026-12-02 09:30",
      "2026-12-02 08:30",
    ]);
  });

  it("should refuse a closed weekday and a holiday", () => {
    const sunday = check("2026-12-06 10:00");
    expect(sunday).toMatchObject({ reason: "closed", message: "We're closed on Sunday, December 6." });
    // Monday 8:00 is 22 hours away, Saturday's last start (10:00) 24 hours.
    expect(!sunday.ok && local(sunday.alternatives)).toEqual([
      "2026-12-07 08:00",
      "2026-12-07 08:30",
      "2026-12-07 09:00",
    ]);
    expect(check("2026-12-25 10:00")).toMatchObject({
      reason: "closed",
      message: "We're closed on Friday, December 25.",
    });
  });

  it("should refuse a job that runs past closing", () => {
    expect(check("2026-12-02 16:00")).toMatchObject({
      reason: "outside_hours",
      message:
        "We're open 8:00 AM to 5:00 PM on Wednesday, December 2: a job of 2 hours starting at 4:00 PM would not fit.",
    });
    expect(check("2026-12-05 11:00", { service: { ...twoHours, durationMinutes: 90 } })).toMatchObject({
      reason: "outside_hours",
      message:
        "We're open 9:00 AM to 12:00 PM on Saturday, December 5: a job of 1 hour 30 minutes starting at 11:00 AM would not fit.",
    });
  });

  it("should refuse a start when the chosen member is not working then", () => {
    expect(check("2026-12-02 09:00", { staffId: "b" })).toMatchObject({
      reason: "outside_hours",
      message: "The chosen team member is not working from 9:00 AM to 11:00 AM on Wednesday, December 2.",
    });
    expect(check("2026-12-02 12:00", { staffId: "b" })).toEqual({ ok: true, staffIds: ["b"] });
  });

  it("should refuse a day, season or start time the service does not allow", () => {
    expect(check("2026-12-03 09:00", { service: { ...twoHours, days: ["wed", "mon"] } })).toMatchObject({
      reason: "rule",
      message: "This service is booked only on Mondays and Wednesdays.",
    });
    expect(
      check("2026-12-03 09:00", { service: { ...twoHours, dateRange: { from: "2027-05-01", to: "2027-09-30" } } }),
    ).toMatchObject({
      reason: "rule",
      message: "This service is offered only from May 1, 2027 to September 30, 2027.",
    });
    const windows: ServiceRule = {
      ...twoHours,
      startWindows: [
        ["08:00", "10:00"],
        ["13:00", "14:00"],
      ],
    };
    expect(check("2026-12-03 11:00", { service: windows })).toMatchObject({
      reason: "rule",
      message: "This service starts only between 8:00 AM and 10:00 AM or between 1:00 PM and 2:00 PM.",
    });
    expect(check("2026-12-03 10:00", { service: windows })).toEqual({ ok: true, staffIds: ["a"] });
  });

  it("should refuse a taken start, counting the buffer after existing jobs and after the new one", () => {
    const busy = [{ staffId: "a", start: at("2026-12-02 08:00"), end: at("2026-12-02 10:00") }];
    expect(check("2026-12-02 10:00", { busy })).toMatchObject({
      reason: "taken",
      message: "That time is already booked.",
    });
    expect(check("2026-12-02 10:30", { busy })).toEqual({ ok: true, staffIds: ["a"] });
    const later = [{ staffId: "a", start: at("2026-12-02 13:00"), end: at("2026-12-02 14:00") }];
    expect(check("2026-12-02 10:30", { busy: later })).toEqual({ ok: true, staffIds: ["a"] });
    expect(check("2026-12-02 11:00", { busy: later, staffId: "a" })).toMatchObject({
      reason: "taken",
      message: "The chosen team member is already booked at that time.",
    });
  });

  it("should refuse a start during a member's time off", () => {
    const staff = [{ id: "a", hours: null, timeOff: [{ start: at("2026-12-02 00:00"), end: at("2026-12-03 00:00") }] }];
    expect(check("2026-12-02 09:00", { staff })).toMatchObject({ reason: "taken" });
    expect(check("2026-12-03 09:00", { staff })).toEqual({ ok: true, staffIds: ["a"] });
  });

  it("should cap jobs at once business-wide, unassigned ones included", () => {
    const unassigned = [
      { staffId: null, start: at("2026-12-02 08:00"), end: at("2026-12-02 09:00") },
      { staffId: null, start: at("2026-12-02 09:30"), end: at("2026-12-02 10:00") },
    ];
    // With their buffers the two run 8:00–9:30 and 9:30–10:30: never two at once.
    expect(check("2026-12-02 08:00", { busy: unassigned, rules: { ...shop, maxConcurrent: 2 } })).toMatchObject({
      ok: true,
    });
    expect(check("2026-12-02 08:00", { busy: unassigned, rules: { ...shop, maxConcurrent: 1 } })).toMatchObject({
      reason: "taken",
    });
    // null: as many as there are staff members (two).
    const overlapping = [unassigned[0], { ...unassigned[0], staffId: "b" }] as AvailabilityInput["busy"];
    expect(check("2026-12-02 08:00", { busy: overlapping })).toMatchObject({ reason: "taken" });
    expect(check("2026-12-02 08:00", { busy: overlapping.slice(0, 1) })).toMatchObject({ ok: true });
  });

  it("should check reasons in order: the past before the grid, closed before the service's rule", () => {
    expect(check("2026-11-29 09:10")).toMatchObject({ reason: "past" });
    expect(check("2026-12-06 09:10")).toMatchObject({ reason: "off_grid" });
    expect(check("2026-12-06 09:00", { service: { ...twoHours, days: ["mon"] } })).toMatchObject({ reason: "closed" });
  });

  it("should return the number of alternatives asked for, and none beyond the booking window", () => {
    const result = checkStart({ ...base, start: at("2026-12-02 09:10"), alternatives: 5 });
    expect(!result.ok && result.alternatives).toHaveLength(5);
    const lastDay = check("2026-12-31 16:00", { rules: { ...shop, bookingWindowDays: 30 } });
    expect(!lastDay.ok && local(lastDay.alternatives)).toEqual([
      "2026-12-31 09:00",
      "2026-12-31 08:30",
      "2026-12-31 08:00",
    ]);
  });
});

describe("availableStarts", () => {
  it("should list a day's starts in order with their free staff, filtered to one member on request", () => {
    const day = { from: at("2026-12-02 00:00"), to: at("2026-12-03 00:00") };
    const busy = [{ staffId: "a", start: at("2026-12-02 12:00"), end: at("2026-12-02 13:00") }];
    const starts = availableStarts({ ...base, ...day, busy });
    expect(starts.map((s) => `${local([s.start])[0]?.slice(11)} ${s.staffIds.join(",")}`)).toEqual([
      "08:00 a",
      "08:30 a",
      "09:00 a",
      "09:30 a",
      "12:00 b",
      "12:30 b",
      "13:00 b",
      "13:30 a,b",
      "14:00 a,b",
      "14:30 a,b",
      "15:00 a,b",
    ]);
    expect(availableStarts({ ...base, ...day, busy, staffId: "b" }).map((s) => s.staffIds)).toEqual(
      Array.from({ length: 7 }, () => ["b"]),
    );
  });

  it("should refuse an unknown staff member and invalid rules as programming errors", () => {
    const day = { from: at("2026-12-02 00:00"), to: at("2026-12-03 00:00") };
    expect(() => availableStarts({ ...base, ...day, staffId: "nobody" })).toThrow(RangeError);
    expect(() => availableStarts({ ...base, ...day, rules: { ...shop, timeZone: "Mars/Olympus" } })).toThrow(
      RangeError,
    );
    expect(() => availableStarts({ ...base, ...day, rules: { ...shop, slotIntervalMinutes: 0 } })).toThrow(RangeError);
  });
});
