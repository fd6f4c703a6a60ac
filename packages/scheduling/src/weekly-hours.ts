import { z } from "zod";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Opening hours per weekday: ["HH:MM", "HH:MM"] ranges in the business's time zone, "24:00" closing at
 * midnight. A missing day is closed. The same JSON the telephony package stores for business hours.
 */
export type WeeklyHours = Partial<Record<Weekday, [string, string][]>>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use 24-hour HH:MM times, e.g. 08:30.");

/** An opening (or start-time) range of one day: opens before it closes. */
export const timeRangeSchema = z.tuple([time, time]).refine(([open, close]) => open < close, {
  message: "Each opening range must close after it opens (overnight ranges: split them at midnight).",
});

/** Strict keys (the seven weekdays), at most four ranges a day. */
export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(timeRangeSchema).max(4).optional()])) as Record<
    Weekday,
    z.ZodOptional<z.ZodArray<typeof timeRangeSchema>>
  >,
);

/** Monday to Friday 8–6, Saturday 9–2: a sensible start for a service business. */
export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  mon: [["08:00", "18:00"]],
  tue: [["08:00", "18:00"]],
  wed: [["08:00", "18:00"]],
  thu: [["08:00", "18:00"]],
  fri: [["08:00", "18:00"]],
  sat: [["09:00", "14:00"]],
};

/** Minutes since midnight of an "HH:MM" time ("24:00" is 1440). */
export function minutesOf(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
}
