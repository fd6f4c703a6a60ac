// What a business edits about how it takes bookings (tenant.booking.updateSettings) and who or what
// can be booked (tenant.team.*). Shared by the API and the Booking settings and Team screens, so both
// refuse the same things with the same words. Hours use the one weekly-hours schema (weekly-hours.ts).
import { instantSchema, optionalTextSchema, textSchema } from "@servicepro/validators";
import { z } from "zod";
import { parseLocalDate } from "./local-time.ts";
import { DEFAULT_WEEKLY_HOURS, weeklyHoursSchema } from "./weekly-hours.ts";

/**
 * How a business without a settings row books: the booking_settings table's own column defaults,
 * with the default weekly hours. The API's settings view and the booking service both start here.
 */
export const DEFAULT_BOOKING_SETTINGS = {
  hours: DEFAULT_WEEKLY_HOURS,
  closedDates: [] as { date: string; reason: string | null }[],
  slotIntervalMinutes: 30,
  leadTimeMinutes: 120,
  bookingWindowDays: 60,
  bufferMinutes: 0,
  maxConcurrent: null as number | null,
  onlineBookingEnabled: true,
  depositCents: 0,
  cancellationWindowHours: 24,
  cancellationFeeCents: 0,
  lateChangesOnline: true,
  reminderOffsetsMinutes: [1440, 120],
  quietHoursStart: "21:00",
  quietHoursEnd: "08:00",
};

/** At most this many reminders per appointment, each at most a week before the start. */
export const MAX_REMINDER_OFFSETS = 4;
export const MAX_REMINDER_OFFSET_MINUTES = 7 * 24 * 60;
export const MAX_CLOSED_DATES = 366;

const isLocalDate = (value: string) => {
  try {
    parseLocalDate(value);
    return true;
  } catch {
    return false;
  }
};

export const closedDateSchema = z.strictObject({
  date: z
    .string({ error: "Enter the closed date as YYYY-MM-DD, e.g. 2026-12-25." })
    .refine(isLocalDate, { message: "Enter the closed date as YYYY-MM-DD, e.g. 2026-12-25." }),
  reason: optionalTextSchema("the reason", { max: 80 }),
});
export type ClosedDateEntry = z.output<typeof closedDateSchema>;

const wholeMinutes = (what: string, min: number, max: number, hint: string) =>
  z
    .number({ error: `Enter ${what} in minutes.` })
    .int(`Enter ${what} in whole minutes.`)
    .min(min, hint)
    .max(max, hint);

/** A local "HH:MM" time (00:00–23:59) for the quiet hours. */
export const clockTimeSchema = (label: string) =>
  z
    .string({ error: `Enter ${label} as a 24-hour time, e.g. 21:00.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Enter ${label} as a 24-hour time, e.g. 21:00.`);

const cents = (what: string) =>
  z
    .number({ error: `Enter ${what} in cents.` })
    .int(`Enter ${what} in whole cents.`)
    .min(0, `${what[0]!.toUpperCase()}${what.slice(1)} can't be negative.`)
    .max(10_000_00, `${what[0]!.toUpperCase()}${what.slice(1)} can be at most $10,000.`);

export const bookingSettingsFields = {
  hours: weeklyHoursSchema,
  closedDates: z
    .array(closedDateSchema)
    .max(MAX_CLOSED_DATES, `List at most ${MAX_CLOSED_DATES} closed dates.`)
    .refine((dates) => new Set(dates.map((d) => d.date)).size === dates.length, {
      message: "Each closed date can be listed once.",
    }),
  slotIntervalMinutes: wholeMinutes(
    "the time between start times",
    5,
    240,
    "Start times can be 5 to 240 minutes apart.",
  ).refine((minutes) => 1440 % minutes === 0, {
    message: "Choose a step that divides the day evenly (5, 10, 15, 20, 30, 45, 60, 90, 120, 180 or 240 minutes).",
  }),
  leadTimeMinutes: wholeMinutes(
    "the notice you need",
    0,
    30 * 24 * 60,
    "The notice you need can be from 0 minutes to 30 days (43,200 minutes).",
  ),
  bookingWindowDays: z
    .number({ error: "Enter how many days ahead people can book." })
    .int("Enter whole days.")
    .min(1, "People must be able to book at least 1 day ahead.")
    .max(730, "Bookings can open at most 730 days (two years) ahead."),
  bufferMinutes: wholeMinutes("the break after each job", 0, 480, "The break after each job can be 0 to 480 minutes."),
  /** null: as many jobs at once as there are bookable staff and resources. */
  maxConcurrent: z
    .number({ error: "Enter how many jobs can run at once." })
    .int("Enter a whole number of jobs.")
    .min(1, "At least one job must be able to run at a time.")
    .max(100, "Use at most 100 jobs at once.")
    .nullable(),
  onlineBookingEnabled: z.boolean(),
  depositCents: cents("the deposit"),
  cancellationWindowHours: z
    .number({ error: "Enter the cancellation window in hours." })
    .int("Enter whole hours.")
    .min(0, "The cancellation window can't be negative.")
    .max(720, "The cancellation window can be at most 720 hours (30 days)."),
  cancellationFeeCents: cents("the cancellation fee"),
  /** Customers may move or cancel in the portal inside the window, paying the fee; false: they call. */
  lateChangesOnline: z.boolean().default(true),
  reminderOffsetsMinutes: z
    .array(
      wholeMinutes(
        "each reminder",
        1,
        MAX_REMINDER_OFFSET_MINUTES,
        "Send each reminder 1 minute to 7 days (10,080 minutes) before the start.",
      ),
    )
    .max(MAX_REMINDER_OFFSETS, `Send at most ${MAX_REMINDER_OFFSETS} reminders.`)
    .refine((offsets) => new Set(offsets).size === offsets.length, {
      message: "Each reminder time can be listed once.",
    })
    // Earliest reminder first: the order people read them in.
    .transform((offsets) => [...offsets].sort((a, b) => b - a)),
  quietHoursStart: clockTimeSchema("the start of the quiet hours"),
  quietHoursEnd: clockTimeSchema("the end of the quiet hours"),
};

export const bookingSettingsInput = z
  .strictObject(bookingSettingsFields)
  .refine((settings) => settings.quietHoursStart !== settings.quietHoursEnd, {
    message: "Quiet hours must start and end at different times.",
    path: ["quietHoursEnd"],
  });
export type BookingSettingsInput = z.input<typeof bookingSettingsInput>;

/** What tenant.booking.settings answers: the stored settings, and the business's time zone. */
export const bookingSettingsOutput = z.object({
  hours: weeklyHoursSchema,
  closedDates: z.array(z.object({ date: z.string(), reason: z.string().nullable() })),
  slotIntervalMinutes: z.number().int(),
  leadTimeMinutes: z.number().int(),
  bookingWindowDays: z.number().int(),
  bufferMinutes: z.number().int(),
  maxConcurrent: z.number().int().nullable(),
  onlineBookingEnabled: z.boolean(),
  depositCents: z.number().int(),
  cancellationWindowHours: z.number().int(),
  cancellationFeeCents: z.number().int(),
  lateChangesOnline: z.boolean(),
  reminderOffsetsMinutes: z.array(z.number().int()),
  quietHoursStart: z.string(),
  quietHoursEnd: z.string(),
  timeZone: z.string(),
  updatedAt: z.string().nullable(),
});
export type BookingSettingsOutput = z.infer<typeof bookingSettingsOutput>;

// ─── team: bookables and time off ──────────────────────────────────────────────────────────────

export const BOOKABLE_KINDS = ["staff", "crew", "resource"] as const;
/** Staff come from memberships; a business adds crew (no sign-in) and resources (a bay, a van). */
export const ADDABLE_BOOKABLE_KINDS = ["crew", "resource"] as const;

const uuid = (what: string) => z.uuid(`That ${what} id is not valid.`);
export const bookableColorSchema = z
  .string({ error: "Choose a colour like #2563eb." })
  .regex(/^#[0-9a-fA-F]{6}$/, "Choose a colour like #2563eb.")
  .transform((value) => value.toLowerCase());
const bookableName = textSchema("the name", { max: 80 });

export const createBookableInput = z.strictObject({
  kind: z.enum(ADDABLE_BOOKABLE_KINDS, { error: "Choose crew or resource." }),
  name: bookableName,
  /** null: the business's hours. */
  hours: weeklyHoursSchema.nullable().default(null),
  color: bookableColorSchema.default("#2563eb"),
});

export const updateBookableInput = z.strictObject({
  id: uuid("team member"),
  name: bookableName.optional(),
  hours: weeklyHoursSchema.nullable().optional(),
  color: bookableColorSchema.optional(),
  active: z.boolean().optional(),
  position: z.number().int("Use a whole number.").min(0).max(999).optional(),
});

/** Time off may be at most a year long, and a day must be a real stretch of time. */
const MAX_TIME_OFF_MS = 366 * 86_400_000;
export const addTimeOffInput = z
  .strictObject({
    bookableId: uuid("team member"),
    startsAt: instantSchema("the start of the time off"),
    endsAt: instantSchema("the end of the time off"),
    reason: optionalTextSchema("the reason", { max: 200 }),
  })
  .refine((t) => t.endsAt > t.startsAt, { message: "The time off must end after it starts.", path: ["endsAt"] })
  .refine((t) => t.endsAt.getTime() - t.startsAt.getTime() <= MAX_TIME_OFF_MS, {
    message: "Time off can be at most a year at a time.",
    path: ["endsAt"],
  });

export const removeTimeOffInput = z.strictObject({ id: uuid("time off") });

export const timeOffSchema = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string().nullable(),
});

export const bookableSchema = z.object({
  id: z.string(),
  kind: z.enum(BOOKABLE_KINDS),
  name: z.string(),
  /** The signed-in member this staff bookable is, else null. */
  membershipId: z.string().nullable(),
  hours: weeklyHoursSchema.nullable(),
  color: z.string(),
  active: z.boolean(),
  position: z.number().int(),
  /** Upcoming and current time off, earliest first. */
  timeOff: z.array(timeOffSchema),
});
export type BookableOutput = z.infer<typeof bookableSchema>;
