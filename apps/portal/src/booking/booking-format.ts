// How the booking page words prices, sizes and days. Times are always the business's, never the phone's.
import { formatLocal, localDateOf, localDayRange } from "@servicepro/scheduling";

/** Whole dollars when there are no cents: 1500 → "$15", 1550 → "$15.50". */
export const formatCents = (cents: number): string =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);

/** "small_suv" → "Small SUV": size classes are keys the business's price list uses. */
export const sizeClassLabel = (sizeClass: string): string => {
  const words = sizeClass.split(/[_-]+/).map((w) => (w === "suv" ? "SUV" : w === "xl" ? "XL" : w));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export const formatDuration = (minutes: number): string => {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h > 0 ? `${h} h` : "", m > 0 ? `${m} min` : ""].filter(Boolean).join(" ");
};

/** The business's local days from today: `count` dates ("2026-12-07"), with today first. */
export function upcomingDays(now: Date, timeZone: string, count: number): string[] {
  const days = [localDateOf(now, timeZone)];
  while (days.length < count) days.push(localDateOf(localDayRange(days.at(-1)!, timeZone).end, timeZone));
  return days;
}

/** "Mon", "7": a day button's two lines, in the business's zone. */
export function dayButtonLabel(date: string, timeZone: string): { weekday: string; day: string; full: string } {
  const start = localDayRange(date, timeZone).start;
  const full = formatLocal(start, timeZone, "date");
  return { weekday: full.slice(0, 3), day: String(Number(date.slice(8, 10))), full };
}

export const timeLabel = (iso: string, timeZone: string): string => formatLocal(new Date(iso), timeZone, "time");
export const dateTimeLabel = (iso: string, timeZone: string): string =>
  formatLocal(new Date(iso), timeZone, "dateTime");
