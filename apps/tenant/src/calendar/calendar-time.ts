// Calendar arithmetic in the business's time zone (never the browser's): which local day an
// appointment is on, where on the day's grid it sits, and the instant a grid position stands for.
import { formatLocal, localDateOf, localDayRange } from "@servicepro/scheduling";

export { formatLocal, localDateOf, localDayRange };

/** Minutes after local midnight on the wall clock ("09:30" → 570), read from the zone's own ISO text. */
export function wallMinutesOf(instant: Date | string, timeZone: string): number {
  const iso = formatLocal(new Date(instant), timeZone, "iso");
  return Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
}

/** The local date `days` after `date` ("2026-12-31", 1 → "2027-01-01"), through the zone's own days. */
export function addLocalDays(date: string, days: number, timeZone: string): string {
  let out = date;
  for (let i = 0; i < Math.abs(days); i++) {
    out =
      days > 0
        ? localDateOf(localDayRange(out, timeZone).end, timeZone)
        : localDateOf(localDayRange(out, timeZone).start.getTime() - 1, timeZone);
  }
  return out;
}

/** Monday of the week `date` is in. */
export function weekStart(date: string, timeZone: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addLocalDays(date, -((weekday + 6) % 7), timeZone);
}

/**
 * The instant at `minutes` after local midnight of `date`. Walks from the day's first instant and
 * corrects by the wall clock, so a time after a daylight-saving change lands on the right hour.
 */
export function instantAt(date: string, minutes: number, timeZone: string): Date {
  const start = localDayRange(date, timeZone).start.getTime();
  let guess = start + minutes * 60_000;
  const drift = wallMinutesOf(new Date(guess), timeZone) - minutes;
  if (drift !== 0 && localDateOf(guess, timeZone) === date) guess -= drift * 60_000;
  return new Date(guess);
}

export const timeText = (instant: Date | string, timeZone: string): string =>
  formatLocal(new Date(instant), timeZone, "time");
export const dateText = (date: string, timeZone: string): string =>
  formatLocal(localDayRange(date, timeZone).start, timeZone, "date");
export const dateTimeText = (instant: Date | string, timeZone: string): string =>
  formatLocal(new Date(instant), timeZone, "dateTime");
