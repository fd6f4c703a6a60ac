import { DEFAULT_WEEKLY_HOURS, weeklyHoursSchema } from "@servicepro/scheduling";
import { type BusinessHours, WEEKDAY_NAMES as DAY_NAMES, WEEKDAYS, type Weekday } from "./constants.ts";

/** The one definition of opening hours lives in @servicepro/scheduling; these names stay for telephony's callers. */
export const businessHoursSchema = weeklyHoursSchema;

/** Monday to Friday 8–6, Saturday 9–2: a sensible start for a service business. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = DEFAULT_WEEKLY_HOURS;

const WEEKDAY_BY_INTL: Record<string, Weekday> = {
  Mon: "mon",
  Tue: "tue",
  Wed: "wed",
  Thu: "thu",
  Fri: "fri",
  Sat: "sat",
  Sun: "sun",
};

/** A day the business is closed all day, as a local date ("2026-12-25") in its time zone. */
export type ClosedDate = { date: string; reason?: string | undefined };

/** The weekday, "HH:MM" wall-clock time and "YYYY-MM-DD" date of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { day: Weekday; time: string; date: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    day: WEEKDAY_BY_INTL[get("weekday")] ?? "mon",
    time: `${get("hour")}:${get("minute")}`,
    date: `${get("year")}-${get("month")}-${get("day")}`,
  };
}

/**
 * Whether the business is open at `at`. Unparseable stored hours count as always open (never strand
 * a caller), and so does a time zone Intl does not know (a bad stored zone must not turn the voice
 * entry into a RangeError and Twilio's "application error" message). A closed date (the business's
 * holidays, in its own zone) is closed all day whatever the weekly hours say.
 */
export function isOpen(hours: unknown, at: Date, timeZone: string, closedDates: readonly ClosedDate[] = []): boolean {
  const parsed = businessHoursSchema.safeParse(hours);
  if (!parsed.success) return true;
  let local: ReturnType<typeof localTime>;
  try {
    local = localTime(at, timeZone);
  } catch {
    return true;
  }
  const { day, time: now, date } = local;
  if (closedDates.some((closed) => closed.date === date)) return false;
  return (parsed.data[day] ?? []).some(([open, close]) => now >= open && now < close);
}

const spokenTime = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  const suffix = h >= 12 && h < 24 ? "p.m." : "a.m.";
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour} ${suffix}` : `${hour}:${String(m).padStart(2, "0")} ${suffix}`;
};

/** "Monday to Friday, 8 a.m. to 6 p.m.; Saturday, 9 a.m. to 2 p.m." (consecutive equal days grouped). */
export function describeHours(hours: unknown): string {
  const parsed = businessHoursSchema.safeParse(hours);
  if (!parsed.success) return "Please call during the day for our hours.";
  const groups: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const day of WEEKDAYS) {
    const ranges = parsed.data[day];
    if (!ranges?.length) continue;
    const text = ranges.map(([o, c]) => `${spokenTime(o)} to ${spokenTime(c)}`).join(" and ");
    const last = groups.at(-1);
    if (last && last.text === text && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, text });
  }
  if (groups.length === 0) return "We are currently closed.";
  const text = groups
    .map((g) => `${g.from === g.to ? DAY_NAMES[g.from] : `${DAY_NAMES[g.from]} to ${DAY_NAMES[g.to]}`}, ${g.text}`)
    .join("; ");
  // Every spoken time ends in "a.m." or "p.m.", which already closes the sentence (no "p.m..").
  return text.endsWith(".") ? text : `${text}.`;
}
