// Appointments over a tenant transaction: create, reschedule, cancel, complete, no-show, confirm.
// Each change checks the status it starts from, writes an AppointmentEvent (who, from, to) and calls
// syncReminders in the same transaction; the caller enqueues the returned reminder ids after commit.
// Nothing is written when a check fails: every refusal is thrown before the first write, or rolls
// the transaction back.
import type { Appointment, AppointmentStatus, Prisma, TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import { accrueVisit, attachOpenRedemptions, releaseRedemptions } from "@servicepro/loyalty";
import type { ActorKind } from "@servicepro/validators";
import { type BookingContext, isOnline, loadBookingContext, rulesFor } from "./context.ts";
import { loadJob, serviceNotFound, serviceRuleOf } from "./job.ts";
import { scheduleRebookReminder } from "./rebook-reminders.ts";
import { syncReminders } from "./reminders.ts";
import { scheduleReviewRequest } from "./review-requests.ts";
import { bookableNotFound, checkSlot, isDoubleBooking, justTaken, slotRefusal } from "./slots.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type Actor = { kind: ActorKind; userId?: string | null };

/**
 * What every mutation returns: the row as it now is, and the reminder jobs (and, for a completion,
 * the review-request and rebook-reminder jobs) to enqueue after commit.
 */
export type AppointmentChange = {
  appointment: Appointment;
  reminderIds: string[];
  reviewRequestIds?: string[];
  rebookReminderIds?: string[];
};

export type CreateAppointmentArgs = {
  customerId: string;
  serviceId: string;
  addOnIds: readonly string[];
  assetId?: string | null;
  sizeClass?: string | null;
  startsAt: Date;
  bookableId?: string | null;
  /** Staff overrides: an end, or a duration, and a price. */
  endsAt?: Date;
  durationMinutes?: number;
  priceCents?: number;
  customerNotes?: string | null;
  staffNotes?: string | null;
  seriesId?: string | null;
  actor: Actor;
  now: Date;
};

export const appointmentNotFound = () =>
  new AppError("NOT_FOUND", "We couldn't find that appointment. Reload the calendar to see the current bookings.");

const LIVE: readonly AppointmentStatus[] = ["booked", "confirmed"];

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: "booked",
  confirmed: "confirmed",
  completed: "completed",
  cancelled: "cancelled",
  no_show: "marked as a no-show",
};

/** The actions each status allows (the detail screen's buttons follow the same table). */
export function allowedActions(appointment: Pick<Appointment, "status" | "startsAt">, now: Date) {
  const live = LIVE.includes(appointment.status);
  const started = appointment.startsAt.getTime() <= now.getTime();
  return {
    reschedule: live,
    cancel: live,
    complete: live && started,
    noShow: live && started,
    confirm: appointment.status === "booked",
  };
}

function refuseTransition(appointment: Appointment, action: string): AppError {
  return new AppError(
    "BAD_REQUEST",
    `This appointment is ${STATUS_WORDS[appointment.status]}, so it can't be ${action}. Book a new appointment instead.`,
    { reason: { code: "APPOINTMENT_STATUS", status: appointment.status } as { code: string } },
  );
}

async function loadAppointment(tx: TenantTx, id: string): Promise<Appointment> {
  const appointment = await tx.appointment.findFirst({ where: { id } });
  if (!appointment) throw appointmentNotFound();
  return appointment;
}

async function recordEvent(
  tx: TenantTx,
  { tenantId, id: appointmentId }: { tenantId: string; id: string },
  kind: string,
  actor: Actor,
  details: Prisma.InputJsonObject,
) {
  // createdAt is the database's clock, not the caller's `now`: the history stays in write order
  // even under an injected clock.
  await tx.appointmentEvent.create({
    data: {
      tenantId,
      appointmentId,
      kind,
      actor: actor.kind,
      actorUserId: actor.userId ?? null,
      details,
    },
  });
}

/**
 * Runs one write that the exclusion constraint may refuse, inside a savepoint, so the transaction
 * survives the refusal long enough to compute fresh alternatives; the caller then throws.
 */
async function guardedWrite<T>(tx: TenantTx, write: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
  await tx.$executeRaw`SAVEPOINT booking_write`;
  try {
    const value = await write();
    await tx.$executeRaw`RELEASE SAVEPOINT booking_write`;
    return { ok: true, value };
  } catch (error) {
    if (!isDoubleBooking(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT booking_write`;
    return { ok: false };
  }
}

const iso = (d: Date) => d.toISOString();

export async function createAppointment(
  tx: TenantTx,
  args: CreateAppointmentArgs,
  context?: BookingContext,
): Promise<AppointmentChange> {
  const ctx = context ?? (await loadBookingContext(tx, args.now));
  const online = isOnline(args.actor.kind);
  const customer = await tx.customer.findFirst({ where: { id: args.customerId }, select: { id: true } });
  if (!customer) throw new AppError("NOT_FOUND", "We couldn't find that customer. Reload and choose them again.");
  const job = await loadJob(
    tx,
    {
      serviceId: args.serviceId,
      addOnIds: args.addOnIds,
      assetId: args.assetId,
      sizeClass: args.sizeClass,
      customerId: args.customerId,
    },
    { online },
  );
  if (args.bookableId && !ctx.bookables.some((b) => b.id === args.bookableId)) throw bookableNotFound();

  const durationMinutes = args.endsAt
    ? Math.round((args.endsAt.getTime() - args.startsAt.getTime()) / MINUTE)
    : (args.durationMinutes ?? job.priced.durationMinutes);
  const rules = rulesFor(ctx, args.actor.kind);
  const rule = { ...job.rule, durationMinutes };
  const check = await checkSlot(tx, {
    rules,
    rule,
    context: ctx,
    start: args.startsAt,
    now: args.now,
    bookableId: args.bookableId,
  });
  if (!check.ok) throw slotRefusal(check, ctx.tenant.timeZone);

  const bookableId = args.bookableId ?? check.staffIds[0]!;
  const endsAt = new Date(args.startsAt.getTime() + durationMinutes * MINUTE);
  const price =
    args.priceCents === undefined
      ? job.priced
      : { priceCents: args.priceCents, priceMinCents: null, priceMaxCents: null };
  const written = await guardedWrite(tx, () =>
    tx.appointment.create({
      data: {
        tenantId: ctx.tenant.id,
        customerId: args.customerId,
        serviceId: job.service.id,
        assetId: job.asset?.id ?? null,
        bookableId,
        seriesId: args.seriesId ?? null,
        addOnIds: job.addOns.map((a) => a.id),
        startsAt: args.startsAt,
        endsAt,
        blocksUntil: new Date(endsAt.getTime() + rules.bufferMinutes * MINUTE),
        status: "booked",
        durationMinutes,
        priceCents: price.priceCents,
        priceMinCents: price.priceMinCents,
        priceMaxCents: price.priceMaxCents,
        depositCents: ctx.settings.depositCents,
        customerNotes: args.customerNotes ?? null,
        staffNotes: args.staffNotes ?? null,
        bookedBy: args.actor.kind,
        createdAt: args.now,
      },
    }),
  );
  if (!written.ok) throw await takenRefusal(tx, { rules, rule, ctx, args });
  const appointment = written.value;
  await recordEvent(tx, appointment, "created", args.actor, {
    to: { startsAt: iso(appointment.startsAt), endsAt: iso(endsAt), bookableId, status: "booked" },
    priceCents: price.priceCents,
    durationMinutes,
    ...(args.seriesId ? { seriesId: args.seriesId } : {}),
  });
  // Rewards the customer redeemed while nothing was booked are applied to their next appointment.
  await attachOpenRedemptions(tx, { customerId: args.customerId, appointmentId: appointment.id, now: args.now });
  return { appointment, reminderIds: await syncReminders(tx, appointment.id, args.now) };
}

/** The 409 after the database refused an overlap: fresh alternatives, from what is booked now. */
async function takenRefusal(
  tx: TenantTx,
  {
    rules,
    rule,
    ctx,
    args,
    exceptId,
  }: {
    rules: ReturnType<typeof rulesFor>;
    rule: ReturnType<typeof serviceRuleOf>;
    ctx: BookingContext;
    args: { startsAt: Date; now: Date; bookableId?: string | null | undefined };
    exceptId?: string;
  },
): Promise<AppError> {
  const again = await checkSlot(tx, {
    rules,
    rule,
    context: ctx,
    start: args.startsAt,
    now: args.now,
    bookableId: args.bookableId,
    ...(exceptId ? { exceptId } : {}),
  });
  return justTaken(again.ok ? [] : again.alternatives, ctx.tenant.timeZone);
}

export type RescheduleArgs = {
  id: string;
  startsAt: Date;
  bookableId?: string | null;
  actor: Actor;
  now: Date;
};

export async function rescheduleAppointment(
  tx: TenantTx,
  args: RescheduleArgs,
  context?: BookingContext,
): Promise<AppointmentChange> {
  const current = await loadAppointment(tx, args.id);
  if (!LIVE.includes(current.status)) throw refuseTransition(current, "moved");
  const ctx = context ?? (await loadBookingContext(tx, args.now));
  if (args.bookableId && !ctx.bookables.some((b) => b.id === args.bookableId)) throw bookableNotFound();
  const service = await tx.service.findFirst({ where: { id: current.serviceId } });
  if (!service) throw serviceNotFound();
  const rules = rulesFor(ctx, args.actor.kind);
  // The job keeps the duration it was booked with (its price and time were agreed then).
  const rule = serviceRuleOf(service, current.durationMinutes, isOnline(args.actor.kind));
  const check = await checkSlot(tx, {
    rules,
    rule,
    context: ctx,
    start: args.startsAt,
    now: args.now,
    bookableId: args.bookableId,
    exceptId: current.id,
  });
  if (!check.ok) throw slotRefusal(check, ctx.tenant.timeZone);
  const bookableId =
    args.bookableId ?? (check.staffIds.includes(current.bookableId) ? current.bookableId : check.staffIds[0]!);
  if (args.startsAt.getTime() === current.startsAt.getTime() && bookableId === current.bookableId)
    return { appointment: current, reminderIds: [] };
  const endsAt = new Date(args.startsAt.getTime() + current.durationMinutes * MINUTE);
  const written = await guardedWrite(tx, () =>
    tx.appointment.update({
      where: { tenantId_id: { tenantId: current.tenantId, id: current.id } },
      data: {
        startsAt: args.startsAt,
        endsAt,
        blocksUntil: new Date(endsAt.getTime() + rules.bufferMinutes * MINUTE),
        bookableId,
        // A new time has not been confirmed by the customer yet.
        status: "booked",
        confirmedAt: null,
      },
    }),
  );
  if (!written.ok) throw await takenRefusal(tx, { rules, rule, ctx, args, exceptId: current.id });
  const moved = args.startsAt.getTime() !== current.startsAt.getTime();
  await recordEvent(tx, current, moved ? "rescheduled" : "reassigned", args.actor, {
    from: {
      startsAt: iso(current.startsAt),
      endsAt: iso(current.endsAt),
      bookableId: current.bookableId,
      status: current.status,
    },
    to: { startsAt: iso(args.startsAt), endsAt: iso(endsAt), bookableId, status: "booked" },
  });
  return { appointment: written.value, reminderIds: await syncReminders(tx, current.id, args.now) };
}

export type CancelArgs = { id: string; reason?: string | null; waiveFee?: boolean; actor: Actor; now: Date };

/**
 * Cancels a booked or confirmed appointment. Inside the tenant's cancellation window (hours before
 * the start) the fee is recorded on the appointment, unless staff waive it.
 */
export async function cancelAppointment(
  tx: TenantTx,
  args: CancelArgs,
  context?: BookingContext,
): Promise<AppointmentChange> {
  const current = await loadAppointment(tx, args.id);
  if (!LIVE.includes(current.status)) throw refuseTransition(current, "cancelled");
  const ctx = context ?? (await loadBookingContext(tx, args.now));
  const { cancellationWindowHours, cancellationFeeCents } = ctx.settings;
  const hoursBefore = (current.startsAt.getTime() - args.now.getTime()) / HOUR;
  const late = hoursBefore < cancellationWindowHours;
  const waived = Boolean(args.waiveFee) && args.actor.kind === "staff";
  const feeCents = late && !waived ? cancellationFeeCents : 0;
  const appointment = await tx.appointment.update({
    where: { tenantId_id: { tenantId: current.tenantId, id: current.id } },
    data: {
      status: "cancelled",
      cancelledAt: args.now,
      cancelReason: args.reason ?? null,
      cancellationFeeCents: feeCents,
    },
  });
  await recordEvent(tx, current, "cancelled", args.actor, {
    from: { status: current.status },
    to: { status: "cancelled" },
    reason: args.reason ?? null,
    feeCents,
    late,
    ...(late && waived && cancellationFeeCents > 0 ? { feeWaivedCents: cancellationFeeCents } : {}),
  });
  // Rewards applied to it were not used: they wait for the customer's next booking.
  await releaseRedemptions(tx, { appointmentId: current.id });
  return { appointment, reminderIds: await syncReminders(tx, current.id, args.now) };
}

export type CompleteArgs = { id: string; chargedCents?: number; actor: Actor; now: Date };

/** Marks a started job done, and adds the visit and what it cost to the customer's lifetime figures. */
export async function completeAppointment(tx: TenantTx, args: CompleteArgs): Promise<AppointmentChange> {
  const current = await loadAppointment(tx, args.id);
  if (!LIVE.includes(current.status)) throw refuseTransition(current, "completed");
  if (current.startsAt.getTime() > args.now.getTime())
    throw new AppError("BAD_REQUEST", "This appointment hasn't started yet. Complete it once the work is done.");
  const chargedCents = args.chargedCents ?? current.priceCents ?? current.priceMinCents ?? 0;
  const appointment = await tx.appointment.update({
    where: { tenantId_id: { tenantId: current.tenantId, id: current.id } },
    data: {
      status: "completed",
      completedAt: args.now,
      ...(args.chargedCents === undefined
        ? {}
        : { priceCents: args.chargedCents, priceMinCents: null, priceMaxCents: null }),
    },
  });
  const customer = await tx.customer.findFirstOrThrow({
    where: { id: current.customerId },
    select: { lastVisitAt: true },
  });
  await tx.customer.update({
    where: { tenantId_id: { tenantId: current.tenantId, id: current.customerId } },
    data: {
      visitCount: { increment: 1 },
      lifetimeSpendCents: { increment: chargedCents },
      // Completing an older visit late must not move "last visit" backwards.
      ...(customer.lastVisitAt && customer.lastVisitAt > current.startsAt ? {} : { lastVisitAt: current.startsAt }),
    },
  });
  await recordEvent(tx, current, "completed", args.actor, {
    from: { status: current.status },
    to: { status: "completed" },
    chargedCents,
  });
  // Loyalty points for the visit, in the same transaction; keyed by the appointment, so they are earned once.
  await accrueVisit(tx, {
    appointmentId: current.id,
    customerId: current.customerId,
    chargedCents,
    actor: args.actor,
    now: args.now,
  });
  // The review request and the rebook reminder, once per appointment, in the same transaction (their
  // jobs are queued after commit).
  const reviewRequestIds = await scheduleReviewRequest(tx, current, args.now);
  const rebookReminderIds = await scheduleRebookReminder(tx, current);
  return {
    appointment,
    reminderIds: await syncReminders(tx, current.id, args.now),
    reviewRequestIds,
    rebookReminderIds,
  };
}

export type NoShowArgs = { id: string; note?: string | null; actor: Actor; now: Date };

export async function markNoShow(tx: TenantTx, args: NoShowArgs): Promise<AppointmentChange> {
  const current = await loadAppointment(tx, args.id);
  if (!LIVE.includes(current.status)) throw refuseTransition(current, "marked as a no-show");
  if (current.startsAt.getTime() > args.now.getTime())
    throw new AppError("BAD_REQUEST", "This appointment hasn't started yet, so the customer can't have missed it.");
  const appointment = await tx.appointment.update({
    where: { tenantId_id: { tenantId: current.tenantId, id: current.id } },
    data: { status: "no_show" },
  });
  await recordEvent(tx, current, "no_show", args.actor, {
    from: { status: current.status },
    to: { status: "no_show" },
    note: args.note ?? null,
  });
  // A missed visit did not use its rewards: they wait for the next booking.
  await releaseRedemptions(tx, { appointmentId: current.id });
  return { appointment, reminderIds: await syncReminders(tx, current.id, args.now) };
}

export type ConfirmArgs = { id: string; actor: Actor; now: Date };

/** The customer (a "C" reply, the portal) or staff confirm a booked appointment; confirming twice changes nothing. */
export async function confirmAppointment(tx: TenantTx, args: ConfirmArgs): Promise<AppointmentChange> {
  const current = await loadAppointment(tx, args.id);
  if (current.status === "confirmed") return { appointment: current, reminderIds: [] };
  if (current.status !== "booked") throw refuseTransition(current, "confirmed");
  const appointment = await tx.appointment.update({
    where: { tenantId_id: { tenantId: current.tenantId, id: current.id } },
    data: { status: "confirmed", confirmedAt: args.now },
  });
  await recordEvent(tx, current, "confirmed", args.actor, { from: { status: "booked" }, to: { status: "confirmed" } });
  return { appointment, reminderIds: await syncReminders(tx, current.id, args.now) };
}
