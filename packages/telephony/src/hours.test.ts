import { describe, expect, it } from "vitest";
import type { BusinessHours } from "./constants.ts";
import { businessHoursSchema, DEFAULT_BUSINESS_HOURS, describeHours, isOpen, localTime } from "./hours.ts";

const CHICAGO = "America/Chicago";
const LA = "America/Los_Angeles";
const at = (iso: string) => new Date(iso);

describe("localTime", () => {
  it("gives the weekday, 24-hour wall clock and date in the zone (midnight is 00, not 24)", () => {
    // 2026-03-09T05:00Z is Monday 00:00 in Chicago (CDT, UTC-5).
    expect(localTime(at("2026-03-09T05:00:00Z"), CHICAGO)).toEqual({ day: "mon", time: "00:00", date: "2026-03-09" });
    expect(localTime(at("2026-03-09T04:59:00Z"), CHICAGO)).toEqual({ day: "sun", time: "23:59", date: "2026-03-08" });
    expect(localTime(at("2026-03-09T14:05:00Z"), CHICAGO)).toEqual({ day: "mon", time: "09:05", date: "2026-03-09" });
    expect(localTime(at("2026-03-09T14:05:00Z"), LA)).toEqual({ day: "mon", time: "07:05", date: "2026-03-09" });
    expect(localTime(at("2026-03-09T14:05:00Z"), "UTC")).toEqual({ day: "mon", time: "14:05", date: "2026-03-09" });
  });
});

describe("isOpen", () => {
  const weekdays: BusinessHours = {
    mon: [["08:00", "18:00"]],
    tue: [["08:00", "18:00"]],
    wed: [["08:00", "18:00"]],
    thu: [["08:00", "18:00"]],
    fri: [["08:00", "18:00"]],
  };

  it("opens at the opening minute and closes at the closing minute", () => {
    // Monday 2026-03-09, Chicago on CDT (UTC-5): 08:00 local is 13:00Z.
    expect(isOpen(weekdays, at("2026-03-09T12:59:00Z"), CHICAGO)).toBe(false);
    expect(isOpen(weekdays, at("2026-03-09T13:00:00Z"), CHICAGO)).toBe(true);
    expect(isOpen(weekdays, at("2026-03-09T22:59:00Z"), CHICAGO)).toBe(true);
    expect(isOpen(weekdays, at("2026-03-09T23:00:00Z"), CHICAGO)).toBe(false);
  });

  it("the same instant is open in one zone and closed in another", () => {
    const instant = at("2026-03-09T14:30:00Z"); // 09:30 in Chicago, 07:30 in Los Angeles
    expect(isOpen(weekdays, instant, CHICAGO)).toBe(true);
    expect(isOpen(weekdays, instant, LA)).toBe(false);
  });

  it("follows daylight saving time: 07:30 CST the Monday before the change, 08:30 CDT the Monday after (same UTC time)", () => {
    // Clocks go forward on Sunday 2026-03-08 in the US.
    expect(isOpen(weekdays, at("2026-03-02T13:30:00Z"), CHICAGO)).toBe(false); // 07:30 CST
    expect(isOpen(weekdays, at("2026-03-09T13:30:00Z"), CHICAGO)).toBe(true); // 08:30 CDT
    // And back on Sunday 2026-11-01: the Monday after, 13:30Z is 07:30 CST again.
    expect(isOpen(weekdays, at("2026-10-26T13:30:00Z"), CHICAGO)).toBe(true); // 08:30 CDT
    expect(isOpen(weekdays, at("2026-11-02T13:30:00Z"), CHICAGO)).toBe(false); // 07:30 CST
  });

  it("a range inside the skipped hour never opens on the spring-forward night; the repeated hour opens twice in the fall", () => {
    const springNight: BusinessHours = { sun: [["02:00", "03:00"]] };
    // Los Angeles, 2026-03-08: 01:59 PST (09:59Z) is followed by 03:00 PDT (10:00Z).
    expect(isOpen(springNight, at("2026-03-08T09:59:00Z"), LA)).toBe(false);
    expect(isOpen(springNight, at("2026-03-08T10:00:00Z"), LA)).toBe(false);
    expect(isOpen(springNight, at("2026-03-08T10:30:00Z"), LA)).toBe(false);
    const fallNight: BusinessHours = { sun: [["01:00", "02:00"]] };
    // 2026-11-01: 01:30 PDT (08:30Z) and 01:30 PST (09:30Z) are both 01:30 on the wall clock.
    expect(isOpen(fallNight, at("2026-11-01T08:30:00Z"), LA)).toBe(true);
    expect(isOpen(fallNight, at("2026-11-01T09:30:00Z"), LA)).toBe(true);
    expect(isOpen(fallNight, at("2026-11-01T10:30:00Z"), LA)).toBe(false); // 02:30 PST
  });

  it("uses the local weekday, not the UTC one", () => {
    const mondayEvening: BusinessHours = { mon: [["20:00", "24:00"]] };
    // 2026-03-10T03:00Z is Tuesday in UTC but Monday 22:00 in Chicago and Monday 20:00 in Los Angeles.
    expect(isOpen(mondayEvening, at("2026-03-10T03:00:00Z"), CHICAGO)).toBe(true);
    expect(isOpen(mondayEvening, at("2026-03-10T03:00:00Z"), LA)).toBe(true);
    expect(isOpen(mondayEvening, at("2026-03-10T03:00:00Z"), "UTC")).toBe(false);
  });

  it("a 24:00 close stays open through 23:59 and closes at midnight", () => {
    const lateMonday: BusinessHours = { mon: [["18:00", "24:00"]] };
    expect(isOpen(lateMonday, at("2026-03-10T04:59:00Z"), CHICAGO)).toBe(true); // Mon 23:59 CDT
    expect(isOpen(lateMonday, at("2026-03-10T05:00:00Z"), CHICAGO)).toBe(false); // Tue 00:00 CDT
  });

  it("closed days and gaps between split ranges are closed", () => {
    const split: BusinessHours = {
      mon: [
        ["08:00", "12:00"],
        ["13:00", "17:00"],
      ],
    };
    expect(isOpen(split, at("2026-03-09T16:30:00Z"), CHICAGO)).toBe(true); // 11:30
    expect(isOpen(split, at("2026-03-09T17:30:00Z"), CHICAGO)).toBe(false); // 12:30, lunch
    expect(isOpen(split, at("2026-03-09T18:30:00Z"), CHICAGO)).toBe(true); // 13:30
    // Sunday is missing from the defaults: closed all day.
    for (const hour of ["05", "14", "20"])
      expect(isOpen(DEFAULT_BUSINESS_HOURS, at(`2026-03-08T${hour}:00:00Z`), CHICAGO)).toBe(false);
    expect(isOpen({ mon: [] }, at("2026-03-09T16:30:00Z"), CHICAGO)).toBe(false);
    expect(isOpen({}, at("2026-03-09T16:30:00Z"), CHICAGO)).toBe(false);
  });

  it("invalid stored hours count as open (never strand a caller)", () => {
    const sundayNight = at("2026-03-09T04:00:00Z"); // Sunday 23:00 in Chicago
    for (const stored of [
      null,
      undefined,
      "9 to 5",
      42,
      [],
      { mon: [["9", "5"]] },
      { mon: [["18:00", "08:00"]] },
      { funday: [["08:00", "18:00"]] },
      { mon: [["08:00", "25:00"]] },
    ]) {
      expect(isOpen(stored, sundayNight, CHICAGO), JSON.stringify(stored)).toBe(true);
    }
  });

  it("an unknown time zone counts as open instead of throwing", () => {
    expect(() => isOpen(DEFAULT_BUSINESS_HOURS, at("2026-03-08T12:00:00Z"), "Mars/Olympus_Mons")).not.toThrow();
    expect(isOpen(DEFAULT_BUSINESS_HOURS, at("2026-03-08T12:00:00Z"), "Mars/Olympus_Mons")).toBe(true);
  });
});

describe("isOpen with closed dates", () => {
  it("should be closed all day on a closed date, judged by the local date in the business's zone", () => {
    const weekdays: BusinessHours = { mon: [["00:00", "24:00"]], tue: [["00:00", "24:00"]] };
    const closed = [{ date: "2026-03-09", reason: "Holiday" }];
    // 2026-03-10T04:00Z is still Monday 2026-03-09 (23:00) in Chicago, but already Tuesday in UTC.
    expect(isOpen(weekdays, at("2026-03-10T04:00:00Z"), CHICAGO, closed)).toBe(false);
    expect(isOpen(weekdays, at("2026-03-10T06:00:00Z"), CHICAGO, closed)).toBe(true);
    expect(isOpen(weekdays, at("2026-03-10T04:00:00Z"), CHICAGO, [])).toBe(true);
  });
});

describe("businessHoursSchema", () => {
  it("accepts the defaults, split ranges and a 24:00 close", () => {
    expect(businessHoursSchema.safeParse(DEFAULT_BUSINESS_HOURS).success).toBe(true);
    expect(
      businessHoursSchema.safeParse({
        mon: [
          ["08:00", "12:00"],
          ["13:00", "24:00"],
        ],
        sun: [["00:00", "23:59"]],
      }).success,
    ).toBe(true);
    expect(businessHoursSchema.safeParse({}).success).toBe(true);
  });

  it.each([
    ["close equal to open", { mon: [["09:00", "09:00"]] }],
    ["close before open", { mon: [["18:00", "08:00"]] }],
    ["hour 24 other than 24:00", { mon: [["08:00", "24:30"]] }],
    ["hour 25", { mon: [["08:00", "25:00"]] }],
    ["minute 60", { mon: [["08:60", "18:00"]] }],
    ["no leading zero", { mon: [["8:00", "18:00"]] }],
    ["12-hour time", { mon: [["8am", "6pm"]] }],
    ["seconds", { mon: [["08:00:00", "18:00:00"]] }],
    ["one time only", { mon: [["08:00"]] }],
    ["open at 24:00", { mon: [["24:00", "24:00"]] }],
    ["unknown day", { funday: [["08:00", "18:00"]] }],
    [
      "more than 4 ranges",
      {
        mon: [
          ["01:00", "02:00"],
          ["03:00", "04:00"],
          ["05:00", "06:00"],
          ["07:00", "08:00"],
          ["09:00", "10:00"],
        ],
      },
    ],
  ])("rejects %s", (_label, hours) => {
    expect(businessHoursSchema.safeParse(hours).success).toBe(false);
  });

  it("says what is wrong", () => {
    const bad = businessHoursSchema.safeParse({ mon: [["18:00", "08:00"]] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/close after it opens/);
    const badTime = businessHoursSchema.safeParse({ mon: [["8:00", "18:00"]] });
    expect(badTime.error?.issues[0]?.message).toMatch(/HH:MM/);
  });
});

describe("describeHours", () => {
  it("groups consecutive days with the same hours", () => {
    expect(describeHours(DEFAULT_BUSINESS_HOURS)).toBe(
      "Monday to Friday, 8 a.m. to 6 p.m.; Saturday, 9 a.m. to 2 p.m.",
    );
  });

  it("does not group days across a gap, and groups a weekend", () => {
    expect(
      describeHours({
        mon: [["09:00", "17:00"]],
        wed: [["09:00", "17:00"]],
        sat: [["10:00", "16:00"]],
        sun: [["10:00", "16:00"]],
      }),
    ).toBe("Monday, 9 a.m. to 5 p.m.; Wednesday, 9 a.m. to 5 p.m.; Saturday to Sunday, 10 a.m. to 4 p.m.");
  });

  it("breaks a group when the hours change", () => {
    expect(
      describeHours({
        mon: [["09:00", "17:00"]],
        tue: [["09:00", "17:00"]],
        wed: [["09:00", "12:00"]],
        thu: [["09:00", "17:00"]],
      }),
    ).toBe("Monday to Tuesday, 9 a.m. to 5 p.m.; Wednesday, 9 a.m. to 12 p.m.; Thursday, 9 a.m. to 5 p.m.");
  });

  it("speaks minutes, split ranges, noon and midnight", () => {
    expect(
      describeHours({
        fri: [
          ["07:30", "11:45"],
          ["13:00", "24:00"],
        ],
      }),
    ).toBe("Friday, 7:30 a.m. to 11:45 a.m. and 1 p.m. to 12 a.m.");
    expect(describeHours({ sun: [["00:00", "12:00"]] })).toBe("Sunday, 12 a.m. to 12 p.m.");
  });

  it("says closed when no day has hours, and a safe sentence for invalid hours", () => {
    expect(describeHours({})).toBe("We are currently closed.");
    expect(describeHours({ mon: [] })).toBe("We are currently closed.");
    expect(describeHours("garbage")).toBe("Please call during the day for our hours.");
    expect(describeHours(null)).toBe("Please call during the day for our hours.");
  });
});
