// Recurring appointments (weekly mowing, biweekly cleaning): a series row and its visits, booked
// ahead as far as the tenant's booking window. A visit whose time is not free is skipped and
// reported, not forced; one visit is cancelled like any appointment (the series goes on), and
// `cancelSeries` cancels the rest.
import { TZDate } from "@date-fns/tz";
import type { Appointment, TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { type Busy, localDayRange } from "@servicepro/scheduling";
import type { SlotReason } from "@servicepro/validators";
import { addWeeks } from "date-fns";
import { type Actor, cancelAppointment, createAppointment } from "./appointments.ts";
import { type BookingContext, loadBookingContext, rulesFor } from "./context.ts";
import { loadJob } from "./job.ts";
import { checkSlot, slotRefusal } from "./slots.ts";

const DAY = 86_400_000;

export type CreateSeriesArgs = {
  customerId: string;
  serviceId: string;
  addOnIds: readonly string[];
  assetId?: string | null;
  firstStartsAt: Date;
  bookableId?: string | null;
  intervalWeeks: number;
  /** Last local date, inclusive; null: as far as bookings open. */
  untilDate?: string | null;
  customerNotes?: string | null;
  actor: Actor;
  now: Date;
};

export type SkippedVisit = { startsAt: Date; reason: SlotReason; message: string };

export type SeriesResult = {
  seriesId: string;
  created: Appointment[];
  skipped: SkippedVisit[];
  reminderIds: string[];
};

/**
 * The visits' starts: the first visit's local weekday and wall time, every `intervalWeeks` weeks
 * (9 a.m. stays 9 a.m. across a daylight-saving change), up to `until` (exclusive).
 */
export function seriesStarts(first: Date, intervalWeeks: number, until: Date, timeZone: string): Date[] {
  const local = new TZDate(first.getTime(), timeZone);
  const starts: Date[] = [];
  for (let k = 0; ; k++) {
    const next = new Date(addWeeks(local, k * intervalWeeks).getTime());
    if (next.getTime() >= until.getTime()) return starts;
    starts.push(next);
  }
}

export async function createSeries(
  tx: TenantTx,
  args: CreateSeriesArgs,
  context?: BookingContext,
): Promise<SeriesResult> {
  const ctx = context ?? (await loadBookingContext(tx, args.now));
  const timeZone = ctx.tenant.timeZone;
  const job = await loadJob(
    tx,
    { serviceId: args.serviceId, addOnIds: args.addOnIds, assetId: args.assetId, customerId: args.customerId },
    { online: false },
  );
  const rules = rulesFor(ctx, args.actor.kind);
  // The first visit sets the series' day, time and team member, so it must be bookable itself.
  const first = await checkSlot(tx, {
    rules,
    rule: job.rule,
    context: ctx,
    start: args.firstStartsAt,
    now: args.now,
    bookableId: args.bookableId,
  });
  if (!first.ok) throw slotRefusal(first, timeZone, "firstStartsAt");
  const bookableId = args.bookableId ?? first.staffIds[0]!;

  const windowEnd = new Date(args.now.getTime() + ctx.settings.bookingWindowDays * DAY);
  const untilEnd = args.untilDate ? localDayRange(args.untilDate, timeZone).end : null;
  if (untilEnd && untilEnd <= args.firstStartsAt)
    throw new AppError("BAD_REQUEST", "The last date must be on or after the first visit.", {
      issues: [{ path: ["untilDate"], message: "The last date must be on or after the first visit." }],
    });
  const until = untilEnd && untilEnd < windowEnd ? untilEnd : windowEnd;

  const series = await tx.appointmentSeries.create({
    data: {
      tenantId: ctx.tenant.id,
      customerId: args.customerId,
      serviceId: job.service.id,
      assetId: job.asset?.id ?? null,
      bookableId,
      addOnIds: job.addOns.map((a) => a.id),
      intervalWeeks: args.intervalWeeks,
      firstStartsAt: args.firstStartsAt,
      untilDate: args.untilDate ?? null,
    },
  });

  const created: Appointment[] = [];
  const skipped: SkippedVisit[] = [];
  const reminderIds: string[] = [];
  const bookedHere: Busy[] = [];
  for (const startsAt of seriesStarts(args.firstStartsAt, args.intervalWeeks, until, timeZone)) {
    // The same team member when free; otherwise whoever is.
    const preferred = await checkSlot(tx, {
      rules,
      rule: job.rule,
      context: ctx,
      start: startsAt,
      now: args.now,
      bookableId,
      extraBusy: bookedHere,
    });
    const check = preferred.ok
      ? preferred
      : await checkSlot(tx, {
          rules,
          rule: job.rule,
          context: ctx,
          start: startsAt,
          now: args.now,
          extraBusy: bookedHere,
        });
    if (!check.ok) {
      skipped.push({ startsAt, reason: check.reason, message: check.message });
      continue;
    }
    const change = await createAppointment(
      tx,
      {
        customerId: args.customerId,
        serviceId: job.service.id,
        addOnIds: job.addOns.map((a) => a.id),
        assetId: job.asset?.id ?? null,
        startsAt,
        bookableId: check.staffIds.includes(bookableId) ? bookableId : check.staffIds[0]!,
        customerNotes: args.customerNotes ?? null,
        seriesId: series.id,
        actor: args.actor,
        now: args.now,
      },
      ctx,
    ).catch((error: unknown) => {
      // A visit taken by a concurrent booking between the check and the insert is skipped like any clash.
      if (error instanceof AppError && error.code === "CONFLICT") return null;
      throw error;
    });
    if (!change) {
      skipped.push({ startsAt, reason: "taken", message: "That time was just taken by another booking." });
      continue;
    }
    created.push(change.appointment);
    reminderIds.push(...change.reminderIds);
    bookedHere.push({
      staffId: change.appointment.bookableId,
      start: change.appointment.startsAt,
      end: change.appointment.endsAt,
    });
  }
  return { seriesId: series.id, created, skipped, reminderIds };
}

export type CancelSeriesArgs = {
  seriesId: string;
  /** Visits starting at or after this instant; default: now. */
  from?: Date;
  reason?: string | null;
  actor: Actor;
  now: Date;
};

/** Cancels the series' live visits from `from` on and ends the series. Staff-initiated: no late fee. */
export async function cancelSeries(
  tx: TenantTx,
  args: CancelSeriesArgs,
): Promise<{ seriesId: string; cancelled: number; reminderIds: string[] }> {
  const series = await tx.appointmentSeries.findFirst({ where: { id: args.seriesId } });
  if (!series) throw new AppError("NOT_FOUND", "We couldn't find that recurring booking. Reload and try again.");
  const from = args.from ?? args.now;
  const visits = await tx.appointment.findMany({
    where: { seriesId: series.id, status: { in: ["booked", "confirmed"] }, startsAt: { gte: from } },
    select: { id: true },
    orderBy: { startsAt: "asc" },
  });
  const ctx = await loadBookingContext(tx, args.now);
  const reminderIds: string[] = [];
  for (const visit of visits) {
    const change = await cancelAppointment(
      tx,
      { id: visit.id, reason: args.reason ?? null, waiveFee: true, actor: args.actor, now: args.now },
      ctx,
    );
    reminderIds.push(...change.reminderIds);
  }
  await tx.appointmentSeries.update({
    where: { tenantId_id: { tenantId: series.tenantId, id: series.id } },
    data: { endedAt: args.now },
  });
  return { seriesId: series.id, cancelled: visits.length, reminderIds };
}
