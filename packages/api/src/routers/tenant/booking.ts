// How the business takes bookings (`tenant.booking.*`): opening hours and closed dates (the IVR
// and the AI receptionist read the same hours), the start grid, notice, window, buffer, capacity,
// deposit and cancellation policy, reminder times and quiet hours. Staff read; admins change.
import type { Prisma } from "@servicepro/db";
import {
  type BookingSettingsOutput,
  bookingSettingsInput,
  bookingSettingsOutput,
  DEFAULT_BOOKING_SETTINGS,
  weeklyHoursSchema,
} from "@servicepro/scheduling";
import { createRouter, staffProcedure, tenantAdminProcedure } from "../../trpc.ts";

type SettingsRow = Prisma.BookingSettingsGetPayload<object>;

/** The defaults a business without a settings row books with (the table's own defaults). */
const DEFAULTS = DEFAULT_BOOKING_SETTINGS satisfies Omit<BookingSettingsOutput, "timeZone" | "updatedAt">;

function closedDatesOf(stored: unknown): BookingSettingsOutput["closedDates"] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { date, reason } = entry as { date?: unknown; reason?: unknown };
    return typeof date === "string" ? [{ date, reason: typeof reason === "string" && reason ? reason : null }] : [];
  });
}

export function toBookingSettings(row: SettingsRow | null, timeZone: string): BookingSettingsOutput {
  if (!row) return { ...DEFAULTS, timeZone, updatedAt: null };
  const hours = weeklyHoursSchema.safeParse(row.hours);
  return {
    // Hours that no longer parse are shown as the defaults; saving replaces them.
    hours: hours.success ? hours.data : DEFAULTS.hours,
    closedDates: closedDatesOf(row.closedDates),
    slotIntervalMinutes: row.slotIntervalMinutes,
    leadTimeMinutes: row.leadTimeMinutes,
    bookingWindowDays: row.bookingWindowDays,
    bufferMinutes: row.bufferMinutes,
    maxConcurrent: row.maxConcurrent,
    onlineBookingEnabled: row.onlineBookingEnabled,
    depositCents: row.depositCents,
    cancellationWindowHours: row.cancellationWindowHours,
    cancellationFeeCents: row.cancellationFeeCents,
    lateChangesOnline: row.lateChangesOnline,
    reminderOffsetsMinutes: row.reminderOffsetsMinutes,
    quietHoursStart: row.quietHoursStart,
    quietHoursEnd: row.quietHoursEnd,
    timeZone,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const tenantBookingRouter = createRouter({
  settings: staffProcedure.output(bookingSettingsOutput).query(async ({ ctx }) =>
    ctx.tenant.run(async (tx) => {
      const tenant = await tx.tenant.findFirstOrThrow({ select: { timezone: true } });
      return toBookingSettings(await tx.bookingSettings.findFirst(), tenant.timezone);
    }),
  ),

  /** Replaces the settings as a whole (the form sends every field); audited with what changed. */
  updateSettings: tenantAdminProcedure
    .input(bookingSettingsInput)
    .output(bookingSettingsOutput)
    .mutation(async ({ ctx, input }) => {
      const { before, after } = await ctx.tenant.run(async (tx) => {
        const tenant = await tx.tenant.findFirstOrThrow({ select: { timezone: true } });
        const current = await tx.bookingSettings.findFirst();
        const data = {
          ...input,
          hours: input.hours as Prisma.InputJsonObject,
          closedDates: [...input.closedDates].sort((a, b) => a.date.localeCompare(b.date)) as Prisma.InputJsonArray,
        };
        const row = await tx.bookingSettings.upsert({
          where: { tenantId: ctx.tenantId },
          create: { tenantId: ctx.tenantId, ...data },
          update: data,
        });
        return {
          before: current ? toBookingSettings(current, tenant.timezone) : null,
          after: toBookingSettings(row, tenant.timezone),
        };
      });
      const changed = (Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]).filter(
        (key) => !before || JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      if (changed.length > 0) {
        await ctx.audit({
          action: "booking.settings_updated",
          objectType: "booking_settings",
          objectId: ctx.tenantId,
          details: {
            fields: changed,
            before: before ? Object.fromEntries(changed.map((key) => [key, before[key]])) : null,
            after: Object.fromEntries(changed.map((key) => [key, after[key]])),
          } as Prisma.InputJsonObject,
        });
      }
      return after;
    }),
});
