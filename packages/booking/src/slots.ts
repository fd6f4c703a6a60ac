// Availability and the check of one start, over the tenant's live appointments, and the refusals
// a caller sees when a start cannot be booked.
import type { TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import {
  type AvailableStart,
  availableStarts,
  type BookingRules,
  type Busy,
  checkStart,
  formatLocal,
  type ServiceRule,
  type StartCheck,
} from "@servicepro/scheduling";
import type { ActorKind, SlotReason, SlotRefusal } from "@servicepro/validators";
import {
  type BookingContext,
  fullCheckSpan,
  isOnline,
  loadBookingContext,
  loadBookingContextWithBusy,
  loadBusy,
  rulesFor,
} from "./context.ts";
import { type JobRequest, loadJob } from "./job.ts";

const DAY = 86_400_000;

export type AvailabilityRequest = JobRequest & {
  from: Date;
  to: Date;
  bookableId?: string | null | undefined;
  actor: ActorKind;
  now: Date;
  /** Moving this appointment: its own time does not count as taken. */
  exceptId?: string | undefined;
};

export type Availability = {
  timeZone: string;
  durationMinutes: number;
  slots: AvailableStart[];
};

export const bookableNotFound = () =>
  new AppError("NOT_FOUND", "We couldn't find that team member or resource, or they are no longer bookable.");

/** Bookable starts in [from, to) for a job, with the bookables free for each (one query for the busy list). */
export async function getAvailability(
  tx: TenantTx,
  request: AvailabilityRequest,
  context?: BookingContext,
): Promise<Availability> {
  const online = isOnline(request.actor);
  const job = await loadJob(tx, request, { online });
  // Without a context from the caller, the context and the busy list come in one statement (unless
  // one appointment is left out of the busy list: then the list is loaded on its own).
  const busyTo = new Date(request.to.getTime() + DAY);
  const loaded =
    context || request.exceptId
      ? null
      : await loadBookingContextWithBusy(tx, request.now, { from: request.from, to: busyTo });
  if (!context && request.exceptId) context = await loadBookingContext(tx, request.now);
  const ctx = context ?? loaded!.context;
  if (request.bookableId && !ctx.bookables.some((b) => b.id === request.bookableId)) throw bookableNotFound();
  const rules = rulesFor(ctx, request.actor);
  const busy =
    loaded?.busy ??
    (await loadBusy(
      tx,
      {
        from: request.from,
        to: new Date(busyTo.getTime() + rules.bufferMinutes * 60_000),
        bufferMinutes: rules.bufferMinutes,
      },
      request.exceptId,
    ));
  const slots = availableStarts({
    rules,
    service: job.rule,
    staff: ctx.staff,
    busy,
    now: request.now,
    from: request.from,
    to: request.to,
    staffId: request.bookableId ?? null,
  });
  return { timeZone: ctx.tenant.timeZone, durationMinutes: job.priced.durationMinutes, slots };
}

/** How far either side of a start the first check loads appointments (most alternatives are within days). */
const NEAR_SPAN = 15 * DAY;
const NEAR_TRUST = 13 * DAY;

/**
 * `checkStart` for one start over the live appointments. The busy list is loaded for a month around
 * the start first; only when the nearest alternatives are further away than that is the whole
 * booking window loaded and the check repeated, so alternatives are never offered from an
 * incomplete list.
 */
export async function checkSlot(
  tx: TenantTx,
  args: {
    rules: BookingRules;
    rule: ServiceRule;
    context: BookingContext;
    start: Date;
    now: Date;
    bookableId?: string | null;
    exceptId?: string;
    /** Appointments made earlier in this transaction that the database query cannot be trusted to include yet. */
    extraBusy?: Busy[];
  },
): Promise<StartCheck> {
  const run = (busy: Busy[]) =>
    checkStart({
      rules: args.rules,
      service: args.rule,
      staff: args.context.staff,
      busy: [...busy, ...(args.extraBusy ?? [])],
      now: args.now,
      start: args.start,
      staffId: args.bookableId ?? null,
    });
  const near = {
    from: new Date(args.start.getTime() - NEAR_SPAN),
    to: new Date(args.start.getTime() + NEAR_SPAN),
    bufferMinutes: args.rules.bufferMinutes,
  };
  const first = run(await loadBusy(tx, near, args.exceptId));
  const trusted =
    first.ok ||
    (first.alternatives.length === 3 &&
      first.alternatives.every((a) => Math.abs(a.getTime() - args.start.getTime()) <= NEAR_TRUST));
  if (trusted) return first;
  const span = fullCheckSpan(args.rules, args.start, args.now);
  return run(await loadBusy(tx, { ...span, bufferMinutes: args.rules.bufferMinutes }, args.exceptId));
}

const isoOf = (dates: readonly Date[]) => dates.map((d) => d.toISOString());

/** "…: Monday, December 7 at 9:00 AM, Monday, December 7 at 9:30 AM." for a message, or "" without any. */
function nearestSentence(alternatives: readonly Date[], timeZone: string): string {
  if (alternatives.length === 0) return "";
  return ` The nearest open times: ${alternatives.map((a) => formatLocal(a, timeZone, "dateTime")).join("; ")}.`;
}

/**
 * The refusal of a start the schedule says no to: 400 with the reason and the nearest starts, or
 * 409 when the reason is that someone else has the time.
 */
export function slotRefusal(
  check: Extract<StartCheck, { ok: false }>,
  timeZone: string,
  field = "startsAt",
): AppError<SlotRefusal> {
  const message = `${check.message}${nearestSentence(check.alternatives, timeZone)}`;
  const reason: SlotRefusal = {
    code: check.reason === "taken" ? "SLOT_TAKEN" : "SLOT_UNAVAILABLE",
    reason: check.reason as SlotReason,
    alternatives: isoOf(check.alternatives),
  };
  return new AppError(check.reason === "taken" ? "CONFLICT" : "BAD_REQUEST", message, {
    reason,
    issues: [{ path: [field], message }],
  });
}

/** The 409 for a start another booking took between our check and our insert (the database refused it). */
export function justTaken(alternatives: readonly Date[], timeZone: string, field = "startsAt"): AppError<SlotRefusal> {
  const message = `That time was just taken by another booking.${nearestSentence(alternatives, timeZone)}`;
  return new AppError("CONFLICT", message, {
    reason: { code: "SLOT_TAKEN", reason: "taken", alternatives: isoOf(alternatives) },
    issues: [{ path: [field], message }],
  });
}

/** Whether `error` is PostgreSQL refusing an overlapping booking (exclusion constraint, SQLSTATE 23P01). */
export function isDoubleBooking(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message, originalCode, meta } = current as {
      code?: unknown;
      message?: unknown;
      originalCode?: unknown;
      meta?: unknown;
    };
    if (code === "23P01" || originalCode === "23P01") return true;
    if (typeof message === "string" && message.includes("appointments_no_double_booking")) return true;
    if (meta && typeof meta === "object" && JSON.stringify(meta).includes("23P01")) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
