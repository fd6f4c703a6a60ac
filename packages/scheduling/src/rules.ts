import { timeZoneSchema } from "@servicepro/validators";
import { z } from "zod";
import { parseLocalDate } from "./local-time.ts";
import { timeRangeSchema, WEEKDAYS, type Weekday, type WeeklyHours, weeklyHoursSchema } from "./weekly-hours.ts";

/** How a business takes bookings. Times are local to `timeZone`. */
export type BookingRules = {
  /** IANA name, e.g. America/Chicago. */
  timeZone: string;
  /** The business's opening hours. */
  hours: WeeklyHours;
  /** Local "YYYY-MM-DD" dates the business is closed (holidays). */
  closedDates: string[];
  /** Starts fall on local wall-clock times that are a multiple of this many minutes after midnight. */
  slotIntervalMinutes: number;
  /** The earliest start is now + this. */
  leadTimeMinutes: number;
  /** The latest start is this many local calendar days after now (same wall time). */
  bookingWindowDays: number;
  /** After each job (travel, cleanup) the staff member stays blocked this long. */
  bufferMinutes: number;
  /** Business-wide cap on jobs at once; null = as many as there are staff members. */
  maxConcurrent: number | null;
};

/** What one service (as configured, with its duration already computed by the caller) allows. */
export type ServiceRule = {
  /** Service + add-ons + asset adjustments (priceAndDuration). */
  durationMinutes: number;
  /** Never bookable online. */
  quoteOnly: boolean;
  /** Only on these weekdays. */
  days?: Weekday[] | null;
  /** Local dates, inclusive (seasonal services). */
  dateRange?: { from?: string; to?: string } | null;
  /** Local start-time windows, both ends inclusive: [["08:00", "11:00"]] allows 08:00 up to 11:00. */
  startWindows?: [string, string][] | null;
};

export type StaffMember = {
  id: string;
  /** null = the business's hours. Either way only where the business is open too. */
  hours: WeeklyHours | null;
  timeOff: { start: Date; end: Date }[];
};

/** An existing appointment; `end` excludes the buffer (the engine adds rules.bufferMinutes). */
export type Busy = { staffId: string | null; start: Date; end: Date };

const localDateSchema = z.string().refine(
  (value) => {
    try {
      parseLocalDate(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: "Use a calendar date as YYYY-MM-DD, e.g. 2026-12-25." },
);

const minutes = (max: number) => z.int().min(0).max(max);

export const bookingRulesSchema = z.strictObject({
  timeZone: timeZoneSchema,
  hours: weeklyHoursSchema,
  closedDates: z.array(localDateSchema).max(1000),
  slotIntervalMinutes: z.int().min(1, "Starts must be at least a minute apart.").max(1440),
  leadTimeMinutes: minutes(366 * 1440),
  bookingWindowDays: z.int().min(0).max(731),
  bufferMinutes: minutes(1440),
  maxConcurrent: z.int().min(1).nullable(),
});

export const serviceRuleSchema = z.strictObject({
  durationMinutes: z.int().min(1, "A job takes at least a minute.").max(1440, "A job must fit in one day."),
  quoteOnly: z.boolean(),
  days: z.array(z.enum(WEEKDAYS)).nullable().optional(),
  dateRange: z
    .strictObject({ from: localDateSchema.optional(), to: localDateSchema.optional() })
    .refine(({ from, to }) => !from || !to || from <= to, { message: "The season must end on or after its start." })
    .nullable()
    .optional(),
  startWindows: z.array(timeRangeSchema).max(8).nullable().optional(),
});
