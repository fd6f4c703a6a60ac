// The Booking settings form: what people type (minutes and hours as text, dollars, reminder hours
// as a list) converted, then checked with the very field schemas tenant.booking.updateSettings uses
// (@servicepro/scheduling's bookingSettingsFields), so the page refuses what the server would.
import {
  addTimeOffInput,
  type BookingSettingsOutput,
  bookingSettingsFields,
  updateBookableInput,
  weeklyHoursSchema,
} from "@servicepro/scheduling";
import { z } from "zod";
import { instantAt } from "../calendar/calendar-time.ts";
import { DOLLARS_HINT, dollarsText, parseDollars } from "../services/catalog-format.ts";

/** A whole number typed as text: "" and "abc" become NaN, which the field's schema refuses by name. */
const numberText = <T extends z.ZodType<number, number>>(schema: T) =>
  z
    .string()
    .transform((text) => (text.trim() === "" ? Number.NaN : Number(text.replaceAll(",", ""))))
    .pipe(schema);

const dollars = (schema: z.ZodType<number, number>) =>
  z
    .string()
    .transform((text, ctx) => {
      const cents = parseDollars(text === "" ? "0" : text);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: DOLLARS_HINT });
        return z.NEVER;
      }
      return cents;
    })
    .pipe(schema);

/** "24, 2" (hours before the start; 0.5 is half an hour) → minutes, earliest first. */
const reminderHours = z
  .string()
  .transform((text, ctx) => {
    const parts = text
      .split(/[,\s]+/)
      .map((part) => part.trim())
      .filter(Boolean);
    const minutes = parts.map((part) => Math.round(Number(part) * 60));
    if (minutes.some((m) => !Number.isFinite(m))) {
      ctx.addIssue({ code: "custom", message: "List the hours before the start, separated by commas, e.g. 24, 2." });
      return z.NEVER;
    }
    return minutes;
  })
  .pipe(bookingSettingsFields.reminderOffsetsMinutes);

export const bookingSettingsFormSchema = z
  .object({
    hours: bookingSettingsFields.hours,
    closedDates: bookingSettingsFields.closedDates,
    slotIntervalMinutes: numberText(bookingSettingsFields.slotIntervalMinutes),
    leadTimeMinutes: numberText(bookingSettingsFields.leadTimeMinutes),
    bookingWindowDays: numberText(bookingSettingsFields.bookingWindowDays),
    bufferMinutes: numberText(bookingSettingsFields.bufferMinutes),
    /** Empty: as many jobs at once as there are team members and resources. */
    maxConcurrent: z
      .string()
      .transform((text) => (text.trim() === "" ? null : Number(text)))
      .pipe(bookingSettingsFields.maxConcurrent),
    onlineBookingEnabled: bookingSettingsFields.onlineBookingEnabled,
    deposit: dollars(bookingSettingsFields.depositCents),
    cancellationWindowHours: numberText(bookingSettingsFields.cancellationWindowHours),
    cancellationFee: dollars(bookingSettingsFields.cancellationFeeCents),
    lateChangesOnline: z.boolean(),
    reminderHours,
    quietHoursStart: bookingSettingsFields.quietHoursStart,
    quietHoursEnd: bookingSettingsFields.quietHoursEnd,
  })
  .refine((form) => form.quietHoursStart !== form.quietHoursEnd, {
    message: "Quiet hours must start and end at different times.",
    path: ["quietHoursEnd"],
  })
  .transform(({ deposit, cancellationFee, reminderHours: offsets, ...rest }) => ({
    ...rest,
    depositCents: deposit,
    cancellationFeeCents: cancellationFee,
    reminderOffsetsMinutes: offsets,
  }));

export type BookingSettingsFormValues = z.input<typeof bookingSettingsFormSchema>;

/** The form's starting values from the stored settings. */
export function formValuesOf(settings: BookingSettingsOutput): BookingSettingsFormValues {
  return {
    hours: settings.hours,
    closedDates: settings.closedDates.map((d) => ({ date: d.date, reason: d.reason ?? "" })),
    slotIntervalMinutes: String(settings.slotIntervalMinutes),
    leadTimeMinutes: String(settings.leadTimeMinutes),
    bookingWindowDays: String(settings.bookingWindowDays),
    bufferMinutes: String(settings.bufferMinutes),
    maxConcurrent: settings.maxConcurrent === null ? "" : String(settings.maxConcurrent),
    onlineBookingEnabled: settings.onlineBookingEnabled,
    deposit: dollarsText(settings.depositCents),
    cancellationWindowHours: String(settings.cancellationWindowHours),
    cancellationFee: dollarsText(settings.cancellationFeeCents),
    lateChangesOnline: settings.lateChangesOnline,
    reminderHours: settings.reminderOffsetsMinutes.map((m) => String(Math.round((m / 60) * 100) / 100)).join(", "),
    quietHoursStart: settings.quietHoursStart,
    quietHoursEnd: settings.quietHoursEnd,
  };
}

/** Server issue paths → the form field that shows them. */
export const SETTINGS_FIELD: Record<string, string> = {
  depositCents: "deposit",
  cancellationFeeCents: "cancellationFee",
  reminderOffsetsMinutes: "reminderHours",
};

// ─── Team dialogs ────────────────────────────────────────────────────────────────────────────────

/** A team member's hours: their own, or (unticked) the business's; checked as tenant.team.update checks them. */
const bookableHours = updateBookableInput.pick({ hours: true });
export const bookableHoursFormSchema = z
  .object({ own: z.boolean(), hours: weeklyHoursSchema })
  .transform(({ own, hours }): z.input<typeof bookableHours> => ({ hours: own ? hours : null }))
  .pipe(bookableHours);
export type BookableHoursFormValues = z.input<typeof bookableHoursFormSchema>;

/** "2026-12-24T08:00" (a datetime-local field) as an ISO instant in the business's zone; "" stays "". */
export function businessLocalInstant(local: string, timeZone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return local;
  return instantAt(match[1]!, Number(match[2]) * 60 + Number(match[3]), timeZone).toISOString();
}

/**
 * Time off as typed: two datetime-local values on the business's wall clock (not the browser's)
 * and a reason, turned into tenant.team.addTimeOff's input and checked with its schema. The fields
 * keep the API's names, so its messages ("must end after it starts") land on the right field.
 */
export const timeOffFormSchema = (bookableId: string, timeZone: string) =>
  z
    .object({
      startsAt: z.string().min(1, "Choose when the time off starts."),
      endsAt: z.string().min(1, "Choose when the time off ends."),
      reason: z.string(),
    })
    .transform(
      ({ startsAt, endsAt, reason }): z.input<typeof addTimeOffInput> => ({
        bookableId,
        startsAt: businessLocalInstant(startsAt, timeZone),
        endsAt: businessLocalInstant(endsAt, timeZone),
        reason,
      }),
    )
    .pipe(addTimeOffInput);
export type TimeOffFormValues = z.input<ReturnType<typeof timeOffFormSchema>>;
