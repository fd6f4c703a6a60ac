import { describe, expect, it } from "vitest";
import { resolveWindow } from "./index.ts";

/** The local wall time of an instant in a zone, "YYYY-MM-DD HH:MM". */
function local(instant: Date | null | undefined, timeZone: string): string | null {
  if (!instant) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function read(text: string, nowIso: string, timeZone: string) {
  const window = resolveWindow(text, new Date(nowIso), timeZone);
  return window
    ? { from: local(window.from, timeZone), to: local(window.to, timeZone), exact: local(window.exact, timeZone) }
    : null;
}

// Thursday 5 March 2026, 10:00 in Chicago.
const CHI = "America/Chicago";
const THU = "2026-03-05T10:00:00-06:00";

describe("resolveWindow in the business's zone", () => {
  it.each([
    ["sat", "2026-03-07 00:00", "2026-03-08 00:00", null],
    ["tmrw", "2026-03-06 00:00", "2026-03-07 00:00", null],
    ["the 14th", "2026-03-14 00:00", "2026-03-15 00:00", null],
    ["the 2nd", "2026-04-02 00:00", "2026-04-03 00:00", null],
    ["dec 5", "2026-12-05 00:00", "2026-12-06 00:00", null],
    ["sat morning", "2026-03-07 00:00", "2026-03-07 12:00", null],
    ["friday afternoon", "2026-03-06 12:00", "2026-03-06 17:00", null],
    ["tomorrow evening", "2026-03-06 17:00", "2026-03-07 00:00", null],
    ["after 3", "2026-03-05 15:00", "2026-03-06 00:00", null],
    ["after 3 on monday", "2026-03-09 15:00", "2026-03-10 00:00", null],
    ["before noon tmrw", "2026-03-06 00:00", "2026-03-06 12:00", null],
    ["between 10 and 2 friday", "2026-03-06 10:00", "2026-03-06 14:00", null],
    ["next week", "2026-03-09 00:00", "2026-03-16 00:00", null],
    ["this weekend", "2026-03-07 00:00", "2026-03-09 00:00", null],
    ["in 2 weeks", "2026-03-19 00:00", "2026-03-26 00:00", null],
    ["sat at 10", "2026-03-07 00:00", "2026-03-08 00:00", "2026-03-07 10:00"],
    ["10:30am tomorrow", "2026-03-06 00:00", "2026-03-07 00:00", "2026-03-06 10:30"],
    ["tomorrow at ten a m", "2026-03-06 00:00", "2026-03-07 00:00", "2026-03-06 10:00"],
    ["tmrw at 3", "2026-03-06 00:00", "2026-03-07 00:00", "2026-03-06 15:00"],
    ["tomorrow 11am Eastern", "2026-03-06 00:00", "2026-03-07 00:00", "2026-03-06 10:00"],
    ["friday 2pm PT", "2026-03-06 00:00", "2026-03-07 00:00", "2026-03-06 16:00"],
    ["3 central", "2026-03-05 10:00", "2026-03-06 00:00", "2026-03-05 15:00"],
    ["asap", "2026-03-05 10:00", "2026-03-12 10:00", null],
    ["thursday", "2026-03-05 10:00", "2026-03-06 00:00", null],
    // Spanish
    ["mañana a las 3", "2026-03-06 00:00", "2026-03-07 00:00", "2026-03-06 15:00"],
    ["mañana", "2026-03-06 00:00", "2026-03-07 00:00", null],
    ["el sábado", "2026-03-07 00:00", "2026-03-08 00:00", null],
    ["el sábado por la mañana", "2026-03-07 00:00", "2026-03-07 12:00", null],
    ["la próxima semana", "2026-03-09 00:00", "2026-03-16 00:00", null],
    ["el lunes en la tarde", "2026-03-09 12:00", "2026-03-09 17:00", null],
    ["el 14", "2026-03-14 00:00", "2026-03-15 00:00", null],
    ["lo antes posible", "2026-03-05 10:00", "2026-03-12 10:00", null],
    ["mañana at 3pm", "2026-03-06 00:00", "2026-03-07 00:00", "2026-03-06 15:00"],
  ] as [string, string, string, string | null][])("%s", (text, from, to, exact) => {
    expect(read(text, THU, CHI)).toEqual({ from, to, exact });
  });

  it("reads nothing where there is no time", () => {
    for (const text of ["yes", "good morning!", "how much is a wash", "", "👍"])
      expect(read(text, THU, CHI)).toBeNull();
  });

  it("never gives a window in the past", () => {
    // 18:00 on Thursday: "thursday" is next week's, "this morning" is over.
    const evening = "2026-03-05T18:00:00-06:00";
    expect(read("thursday", evening, CHI)?.from).toBe("2026-03-12 00:00");
    expect(read("morning", evening, CHI)).toEqual({ from: "2026-03-06 00:00", to: "2026-03-06 12:00", exact: null });
    expect(read("at 9", evening, CHI)?.exact).toBe("2026-03-06 09:00");
    const w = resolveWindow("today at 9am", new Date(evening), CHI);
    expect(w === null || (w.exact === null && w.from.getTime() >= new Date(evening).getTime())).toBe(true);
  });

  it.each([
    ["America/New_York", "2026-03-05T10:00:00-05:00"],
    ["America/Los_Angeles", "2026-03-05T10:00:00-08:00"],
    ["America/Phoenix", "2026-03-05T10:00:00-07:00"],
    ["Pacific/Honolulu", "2026-03-05T10:00:00-10:00"],
  ])("reads the same local times in %s", (zone, now) => {
    expect(read("sat at 10", now, zone)).toEqual({
      from: "2026-03-07 00:00",
      to: "2026-03-08 00:00",
      exact: "2026-03-07 10:00",
    });
    expect(read("tomorrow afternoon", now, zone)).toEqual({
      from: "2026-03-06 12:00",
      to: "2026-03-06 17:00",
      exact: null,
    });
  });

  it("a named zone converts to the instant (Eastern from Phoenix, Pacific from Honolulu)", () => {
    expect(read("tomorrow 11am eastern", "2026-03-05T10:00:00-07:00", "America/Phoenix")?.exact).toBe(
      "2026-03-06 09:00",
    );
    expect(read("tomorrow at 9 pacific", "2026-03-05T10:00:00-10:00", "Pacific/Honolulu")?.exact).toBe(
      "2026-03-06 07:00",
    );
  });

  it("spring forward (Sunday 8 March 2026): the day is 23 hours and times after 3am are right", () => {
    const sat = "2026-03-07T12:00:00-06:00";
    const window = resolveWindow("tomorrow", new Date(sat), CHI);
    expect(window?.from.toISOString()).toBe("2026-03-08T06:00:00.000Z");
    expect(window?.to.toISOString()).toBe("2026-03-09T05:00:00.000Z");
    expect(resolveWindow("sunday at 10am", new Date(sat), CHI)?.exact?.toISOString()).toBe("2026-03-08T15:00:00.000Z");
    expect(
      resolveWindow(
        "tomorrow at 10am",
        new Date("2026-03-07T12:00:00-05:00"),
        "America/New_York",
      )?.exact?.toISOString(),
    ).toBe("2026-03-08T14:00:00.000Z");
    // Arizona keeps its clock: 10am is 17:00Z either side.
    expect(
      resolveWindow("sunday at 10am", new Date("2026-03-07T12:00:00-07:00"), "America/Phoenix")?.exact?.toISOString(),
    ).toBe("2026-03-08T17:00:00.000Z");
  });

  it("fall back (Sunday 1 November 2026): the day is 25 hours and times are right", () => {
    const sat = "2026-10-31T12:00:00-05:00";
    const window = resolveWindow("tomorrow", new Date(sat), CHI);
    expect(window?.from.toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(window?.to.toISOString()).toBe("2026-11-02T06:00:00.000Z");
    expect(resolveWindow("sunday at 10am", new Date(sat), CHI)?.exact?.toISOString()).toBe("2026-11-01T16:00:00.000Z");
    expect(
      resolveWindow(
        "sunday at 10am",
        new Date("2026-10-31T12:00:00-07:00"),
        "America/Los_Angeles",
      )?.exact?.toISOString(),
    ).toBe("2026-11-01T18:00:00.000Z");
    // "next week" from the Saturday before: Monday 2 Nov 00:00 CST to Monday 9 Nov.
    const next = resolveWindow("next week", new Date(sat), CHI);
    expect(next?.from.toISOString()).toBe("2026-11-02T06:00:00.000Z");
    expect(next?.to.toISOString()).toBe("2026-11-09T06:00:00.000Z");
  });

  it("does not throw on a bad zone or a bad clock", () => {
    expect(resolveWindow("sat at 10", new Date(THU), "Not/AZone")).toBeNull();
    expect(resolveWindow("sat at 10", new Date(Number.NaN), CHI)).toBeNull();
  });
});
