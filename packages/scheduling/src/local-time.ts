import { TZDate, tzOffset } from "@date-fns/tz";
import { format } from "date-fns";
import { WEEKDAYS, type Weekday } from "./weekly-hours.ts";

const MINUTE = 60_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** [start, end) in epoch milliseconds. */
export type Interval = readonly [number, number];

/** Year, month (1–12) and day of a "YYYY-MM-DD" local date; a RangeError for anything else. */
export function parseLocalDate(date: string): [number, number, number] {
  const match = LOCAL_DATE.exec(date);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  // A calendar check, not zone arithmetic: 2026-02-30 must not roll over to March.
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (!match || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d)
    throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD).`);
  return [y, m, d];
}

/** The calendar date after `date` ("2026-12-31" → "2027-01-01"). */
export function nextLocalDate(date: string): string {
  const [y, m, d] = parseLocalDate(date);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The instants a local calendar day runs over in `timeZone`: [its first instant, the next day's first
 * instant). 23 hours on a spring-forward day, 25 on a fall-back day; a day whose midnight does not
 * exist (e.g. America/Santiago in September) starts at 01:00.
 */
export function localDayRange(date: string, timeZone: string): { start: Date; end: Date } {
  const [y, m, d] = parseLocalDate(date);
  return { start: new Date(+new TZDate(y, m - 1, d, timeZone)), end: new Date(+new TZDate(y, m - 1, d + 1, timeZone)) };
}

/** The first instant of a local calendar day in `timeZone` (localDayRange's start, as epoch ms). */
export function localDayStart(date: string, timeZone: string): number {
  const [y, m, d] = parseLocalDate(date);
  return +new TZDate(y, m - 1, d, timeZone);
}

/** The local calendar date ("YYYY-MM-DD") of `instant` in `timeZone`. */
export function localDateOf(instant: Date | number, timeZone: string): string {
  return format(new TZDate(+instant, timeZone), "yyyy-MM-dd");
}

/** The weekday of `instant` in `timeZone`. */
export function weekdayOf(instant: Date | number, timeZone: string): Weekday {
  return WEEKDAYS[(new TZDate(+instant, timeZone).getDay() + 6) % 7] as Weekday;
}

/** Minutes since local midnight shown on the wall clock at `instant` (seconds as a fraction). */
export function wallMinutes(instant: Date | number, timeZone: string): number {
  const t = new TZDate(+instant, timeZone);
  return t.getHours() * 60 + t.getMinutes() + t.getSeconds() / 60 + t.getMilliseconds() / MINUTE;
}

export type LocalFormat = "date" | "time" | "dateTime" | "isoDate" | "iso";

const PATTERNS: Record<LocalFormat, string> = {
  date: "EEEE, MMMM d", // Sunday, December 6
  time: "h:mm a", // 9:00 AM
  dateTime: "EEEE, MMMM d 'at' h:mm a", // Sunday, December 6 at 9:00 AM
  isoDate: "yyyy-MM-dd", // 2026-12-06
  iso: "yyyy-MM-dd'T'HH:mm:ssXXX", // 2026-12-06T09:00:00-06:00
};

/** `instant` as a person in `timeZone` reads it (or as local ISO text for "isoDate" and "iso"). */
export function formatLocal(instant: Date | number, timeZone: string, style: LocalFormat = "dateTime"): string {
  return format(new TZDate(+instant, timeZone), PATTERNS[style]);
}

/** A stretch of a local day with one UTC offset: its wall clock moves with elapsed time. */
export type Segment = { start: number; end: number; wallStart: number };

/**
 * The local day [dayStart, dayEnd) cut where the zone's offset changes (daylight saving), so that
 * inside each segment wall time = wallStart + elapsed minutes. One segment on almost every day; the
 * change itself is found by bisection over the library's offsets, only on days that have one.
 */
export function daySegments(dayStart: number, dayEnd: number, timeZone: string): Segment[] {
  const offset = (t: number) => tzOffset(timeZone, new Date(t));
  const segments: Segment[] = [];
  let start = dayStart;
  while (start < dayEnd) {
    const here = offset(start);
    let end = dayEnd;
    if (offset(dayEnd - 1) !== here) {
      let lo = start; // offset(lo) === here
      let hi = dayEnd - 1; // offset(hi) !== here
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (offset(mid) === here) lo = mid;
        else hi = mid;
      }
      end = hi;
    }
    segments.push({ start, end, wallStart: wallMinutes(start, timeZone) });
    start = end;
  }
  return segments;
}

/**
 * The instants of a local day whose wall clock reads within [open, close) minutes, merged into
 * contiguous intervals. On a fall-back day a range covering 01:00–02:00 holds that hour twice.
 */
export function wallRangeIntervals(segments: readonly Segment[], open: number, close: number): Interval[] {
  const out: Interval[] = [];
  for (const seg of segments) {
    const wallEnd = seg.wallStart + (seg.end - seg.start) / MINUTE;
    const lo = Math.max(open, seg.wallStart);
    const hi = Math.min(close, wallEnd);
    if (lo < hi)
      out.push([
        seg.start + Math.round((lo - seg.wallStart) * MINUTE),
        seg.start + Math.round((hi - seg.wallStart) * MINUTE),
      ]);
  }
  return mergeIntervals(out);
}

/** Sorted, with overlapping or touching intervals joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Where both sets of (merged) intervals are open. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [as, ae] = a[i] as Interval;
    const [bs, be] = b[j] as Interval;
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (s < e) out.push([s, e]);
    if (ae < be) i++;
    else j++;
  }
  return out;
}
