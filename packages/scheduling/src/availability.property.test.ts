// Random businesses, staff, appointments and clocks in zones with and without daylight saving (some
// with half-hour changes or a midnight that does not exist), checked against an oracle that reads the
// wall clock with Intl, not the package's own time code.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AvailabilityInput,
  availableStarts,
  type BookingRules,
  type Busy,
  checkStart,
  type ServiceRule,
  type StaffMember,
  WEEKDAYS,
  type WeeklyHours,
} from "./index.ts";

const MINUTE = 60_000;
const ZONES = [
  "America/Chicago",
  "America/Phoenix",
  "Europe/London",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "America/Santiago",
  "Pacific/Chatham",
  "UTC",
];
// Around the year's daylight-saving changes in the zones above, and a quiet day.
const ANCHORS = [
  "2026-03-08",
  "2026-03-29",
  "2026-04-05",
  "2026-09-06",
  "2026-10-04",
  "2026-10-25",
  "2026-11-01",
  "2026-06-15",
].map((d) => Date.parse(`${d}T00:00:00Z`));

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
/** 0–2 ranges a day, quarter-hour ends, never touching (so "one range" is unambiguous for the oracle). */
const dayRanges = fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 0, maxLength: 4 }).map((points) => {
  const sorted = points.sort((a, b) => a - b).slice(0, points.length - (points.length % 2));
  const ranges: [string, string][] = [];
  for (let i = 0; i < sorted.length; i += 2)
    ranges.push([hhmm((sorted[i] as number) * 15), hhmm((sorted[i + 1] as number) * 15)]);
  return ranges;
});
const weeklyHours: fc.Arbitrary<WeeklyHours> = fc.oneof(
  fc.constant(Object.fromEntries(WEEKDAYS.map((d) => [d, [["00:00", "24:00"]]]))),
  fc.tuple(...WEEKDAYS.map(() => dayRanges)).map((days) => Object.fromEntries(WEEKDAYS.map((d, i) => [d, days[i]]))),
);

/** A service rule most services do not have: null three times in four. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: arb, weight: 1 });

const scenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    anchor: fc.constantFrom(...ANCHORS),
    nowOffsetMinutes: fc.integer({ min: -3 * 1440, max: 1440 }),
    hours: weeklyHours,
    closedDayOffsets: fc.uniqueArray(fc.integer({ min: -1, max: 8 }), { maxLength: 3 }),
    slotIntervalMinutes: fc.constantFrom(10, 15, 20, 30, 45, 60, 90),
    leadTimeMinutes: fc.integer({ min: 0, max: 600 }),
    bookingWindowDays: fc.integer({ min: 0, max: 6 }),
    bufferMinutes: fc.integer({ min: 0, max: 60 }),
    maxConcurrent: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    duration: fc.integer({ min: 5, max: 300 }),
    days: rarely(fc.subarray([...WEEKDAYS], { minLength: 1 })),
    windows: rarely(dayRanges),
    seasonDayOffsets: rarely(fc.tuple(fc.integer({ min: -2, max: 4 }), fc.integer({ min: 0, max: 6 }))),
    quoteOnly: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    staff: fc.array(
      fc.record({
        hours: fc.option(weeklyHours, { nil: null }),
        timeOff: fc.array(fc.tuple(fc.integer({ min: -1440, max: 8 * 1440 }), fc.integer({ min: 1, max: 1440 })), {
          maxLength: 2,
        }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    busy: fc.array(
      fc.tuple(
        fc.integer({ min: -1, max: 3 }),
        fc.integer({ min: -1440, max: 8 * 1440 }),
        fc.integer({ min: 15, max: 240 }),
      ),
      { maxLength: 15 },
    ),
    onlyOne: fc.boolean(),
  })
  .map((s) => {
    const now = s.anchor + s.nowOffsetMinutes * MINUTE;
    const dateAt = (days: number) => new Date(now + days * 1440 * MINUTE).toISOString().slice(0, 10);
    const rules: BookingRules = {
      timeZone: s.zone,
      hours: s.hours,
      closedDates: s.closedDayOffsets.map(dateAt),
      slotIntervalMinutes: s.slotIntervalMinutes,
      leadTimeMinutes: s.leadTimeMinutes,
      bookingWindowDays: s.bookingWindowDays,
      bufferMinutes: s.bufferMinutes,
      maxConcurrent: s.maxConcurrent,
    };
    const service: ServiceRule = {
      durationMinutes: s.duration,
      quoteOnly: s.quoteOnly,
      days: s.days,
      startWindows: s.windows?.length ? s.windows : null,
      dateRange: s.seasonDayOffsets
        ? { from: dateAt(s.seasonDayOffsets[0]), to: dateAt(s.seasonDayOffsets[0] + s.seasonDayOffsets[1]) }
        : null,
    };
    const staff: StaffMember[] = s.staff.map((m, i) => ({
      id: `s${i}`,
      hours: m.hours,
      timeOff: m.timeOff.map(([at, len]) => ({
        start: new Date(now + at * MINUTE),
        end: new Date(now + (at + len) * MINUTE),
      })),
    }));
    const busy: Busy[] = s.busy.map(([who, at, len]) => ({
      staffId: who < 0 || who >= staff.length ? null : `s${who}`,
      start: new Date(now + at * MINUTE),
      end: new Date(now + (at + len) * MINUTE),
    }));
    const input: AvailabilityInput = {
      rules,
      service,
      staff,
      busy,
      now: new Date(now),
      staffId: s.onlyOne ? "s0" : null,
    };
    return input;
  });

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The oracle's wall clock: Intl only. */
function wall(t: number, zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: (p.weekday ?? "").slice(0, 3).toLowerCase(),
    minutes: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60 + (t % 1000) / MINUTE,
  };
}
const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));

/** Every sampled instant of [start, end) is on start's local date, inside the one range holding start. */
function fitsOneRange(hours: WeeklyHours, start: number, end: number, zone: string): boolean {
  const first = wall(start, zone);
  const range = (hours[first.weekday as keyof WeeklyHours] ?? []).find(
    ([o, c]) => first.minutes >= toMin(o) && first.minutes < toMin(c),
  );
  if (!range) return false;
  const samples = [];
  for (let t = start; t < end; t += 15 * MINUTE) samples.push(t);
  samples.push(end - MINUTE);
  const inside = samples.every((t) => {
    const w = wall(t, zone);
    return w.date === first.date && w.minutes >= toMin(range[0]) && w.minutes < toMin(range[1]);
  });
  // The job ends by the range's close on the same day (or at the day's end for 24:00).
  const last = wall(end, zone);
  const endsInTime =
    (last.date === first.date && last.minutes <= toMin(range[1])) ||
    (range[1] === "24:00" && last.date > first.date && last.minutes === 0);
  return inside && endsInTime;
}

const overlaps = (a: number, b: number, s: number, e: number) => s < b && e > a;

describe("availability properties", () => {
  let withStarts = 0;
  it("should return only starts that satisfy every rule, and checkStart agrees", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 96 }), (input, sampleShift) => {
        const { rules, service, staff, busy } = input;
        const now = +input.now;
        const from = now - 1440 * MINUTE;
        const to = now + 7 * 1440 * MINUTE;
        const starts = availableStarts({ ...input, from: new Date(from), to: new Date(to) });
        if (starts.length > 0) withStarts++;
        const zone = rules.timeZone;
        const buf = rules.bufferMinutes * MINUTE;
        const dur = service.durationMinutes * MINUTE;
        for (const { start, staffIds } of starts) {
          const t = +start;
          const w = wall(t, zone);
          expect(t).toBeGreaterThanOrEqual(Math.max(from, now + rules.leadTimeMinutes * MINUTE));
          // The window is in local calendar days: never more than an hour (one DST change) past whole days.
          expect(t).toBeLessThanOrEqual(now + (rules.bookingWindowDays * 1440 + 60) * MINUTE);
          expect(service.quoteOnly).toBe(false);
          expect(w.minutes % rules.slotIntervalMinutes).toBe(0);
          expect(rules.closedDates).not.toContain(w.date);
          expect(fitsOneRange(rules.hours, t, t + dur, zone)).toBe(true);
          if (service.days) expect(service.days).toContain(w.weekday);
          if (service.dateRange?.from) expect(w.date >= service.dateRange.from).toBe(true);
          if (service.dateRange?.to) expect(w.date <= service.dateRange.to).toBe(true);
          if (service.startWindows)
            expect(service.startWindows.some(([a, b]) => w.minutes >= toMin(a) && w.minutes <= toMin(b))).toBe(true);
          expect(staffIds.length).toBeGreaterThan(0);
          if (input.staffId) expect(staffIds).toEqual([input.staffId]);
          for (const id of staffIds) {
            const member = staff.find((m) => m.id === id);
            if (!member) throw new Error(`unknown staff ${id}`);
            if (member.hours) expect(fitsOneRange(member.hours, t, t + dur, zone)).toBe(true);
            for (const off of member.timeOff) expect(overlaps(t, t + dur + buf, +off.start, +off.end)).toBe(false);
            for (const b of busy.filter((x) => x.staffId === id))
              expect(overlaps(t, t + dur + buf, +b.start, +b.end + buf)).toBe(false);
          }
          // Brute-force peak of appointments at once over the new job's blocked time.
          const around = busy.filter((b) => overlaps(t, t + dur + buf, +b.start, +b.end + buf));
          const peak = Math.max(
            0,
            ...[t, ...around.map((b) => +b.start)]
              .filter((x) => x >= t && x < t + dur + buf)
              .map((x) => around.filter((b) => +b.start <= x && x < +b.end + buf).length),
          );
          expect(peak).toBeLessThan(rules.maxConcurrent ?? staff.length);
        }
        // Every listed start passes checkStart (a spread of up to 40 of them: each call re-indexes the input).
        const step = Math.ceil(starts.length / 40);
        for (const { start, staffIds } of starts.filter((_, i) => i % step === 0))
          expect(checkStart({ ...input, start }), formatLocalDebug(+start, zone)).toEqual({ ok: true, staffIds });
        // And the other way: starts checkStart accepts are listed (a sample of 5-minute points).
        const listed = new Set(starts.map((s) => +s.start));
        for (let t = from + 5 * MINUTE * sampleShift; t < to; t += 5 * MINUTE * 97) {
          const checked = checkStart({ ...input, start: new Date(t), alternatives: 0 });
          expect(checked.ok, formatLocalDebug(t, zone)).toBe(listed.has(t));
        }
      }),
      { numRuns: 80 },
    );
    // The properties mean something only if many businesses had starts to check.
    expect(withStarts).toBeGreaterThan(25);
  }, 60_000);

  it("should offer alternatives that are bookable and nearest", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -1440, max: 8 * 1440 }), (input, offset) => {
        const now = +input.now;
        const start = now + offset * MINUTE;
        const result = checkStart({ ...input, start: new Date(start) });
        if (result.ok) return;
        const all = availableStarts({ ...input, from: new Date(now), to: new Date(now + 9 * 1440 * MINUTE) }).map(
          (s) => +s.start,
        );
        const alternatives = result.alternatives.map(Number);
        for (const a of alternatives) expect(all).toContain(a);
        expect(alternatives).toHaveLength(Math.min(3, all.length));
        const distance = (x: number) => Math.abs(x - start);
        for (let i = 1; i < alternatives.length; i++)
          expect(distance(alternatives[i] as number)).toBeGreaterThanOrEqual(distance(alternatives[i - 1] as number));
        const farthest = Math.max(...alternatives.map(distance));
        for (const s of all) if (!alternatives.includes(s)) expect(distance(s)).toBeGreaterThanOrEqual(farthest);
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});

const formatLocalDebug = (t: number, zone: string) =>
  `${new Date(t).toISOString()} in ${zone} (${JSON.stringify(wall(t, zone))})`;
