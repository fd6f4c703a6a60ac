// What every booking decision reads first: the tenant's zone and booking settings, and who can be
// booked. Loaded once per transaction; the busy list is loaded per range (one indexed query).
import type { BookableKind, TenantTx } from "@servicepro/db";
import {
  type BookingRules,
  type Busy,
  DEFAULT_WEEKLY_HOURS,
  type StaffMember,
  type WeeklyHours,
  weeklyHoursSchema,
} from "@servicepro/scheduling";
import type { ActorKind } from "@servicepro/validators";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The tenant's booking policy, with the schema's defaults for a business that never saved one. */
export type BookingSettingsView = {
  hours: WeeklyHours;
  closedDates: { date: string; reason: string | null }[];
  slotIntervalMinutes: number;
  leadTimeMinutes: number;
  bookingWindowDays: number;
  bufferMinutes: number;
  maxConcurrent: number | null;
  onlineBookingEnabled: boolean;
  depositCents: number;
  cancellationWindowHours: number;
  cancellationFeeCents: number;
};

export type BookableView = { id: string; name: string; kind: BookableKind; color: string };

export type BookingContext = {
  tenant: { id: string; name: string; slug: string; timeZone: string };
  settings: BookingSettingsView;
  /** Active bookables in the business's order. */
  bookables: BookableView[];
  /** The same bookables as the scheduling engine sees them (hours, time off). */
  staff: StaffMember[];
  now: Date;
};

const DEFAULT_SETTINGS: Omit<BookingSettingsView, "hours"> = {
  closedDates: [],
  slotIntervalMinutes: 30,
  leadTimeMinutes: 120,
  bookingWindowDays: 60,
  bufferMinutes: 0,
  maxConcurrent: null,
  onlineBookingEnabled: true,
  depositCents: 0,
  cancellationWindowHours: 24,
  cancellationFeeCents: 0,
};

/** Stored hours are checked on the way in (settings screens); a row that no longer parses is treated as closed rather than crashing bookings. */
function hoursOf(value: unknown): WeeklyHours | null {
  const parsed = weeklyHoursSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function closedDatesOf(value: unknown): BookingSettingsView["closedDates"] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry === "string") return [{ date: entry, reason: null }];
    if (entry && typeof entry === "object" && typeof (entry as { date?: unknown }).date === "string") {
      const { date, reason } = entry as { date: string; reason?: unknown };
      return [{ date, reason: typeof reason === "string" ? reason : null }];
    }
    return [];
  });
}

export async function loadBookingContext(tx: TenantTx, now: Date): Promise<BookingContext> {
  const [tenant, settings, bookables, timeOff] = await Promise.all([
    tx.tenant.findFirstOrThrow({ select: { id: true, name: true, slug: true, timezone: true } }),
    tx.bookingSettings.findFirst(),
    tx.bookable.findMany({
      where: { active: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, name: true, kind: true, color: true, hours: true },
    }),
    // Time off that ended more than a day ago cannot touch a bookable start (starts are never in the past).
    tx.timeOff.findMany({
      where: { endsAt: { gt: new Date(now.getTime() - DAY) } },
      select: { bookableId: true, startsAt: true, endsAt: true },
    }),
  ]);
  const view: BookingSettingsView = settings
    ? {
        hours: hoursOf(settings.hours) ?? {},
        closedDates: closedDatesOf(settings.closedDates),
        slotIntervalMinutes: settings.slotIntervalMinutes,
        leadTimeMinutes: settings.leadTimeMinutes,
        bookingWindowDays: settings.bookingWindowDays,
        bufferMinutes: settings.bufferMinutes,
        maxConcurrent: settings.maxConcurrent,
        onlineBookingEnabled: settings.onlineBookingEnabled,
        depositCents: settings.depositCents,
        cancellationWindowHours: settings.cancellationWindowHours,
        cancellationFeeCents: settings.cancellationFeeCents,
      }
    : { ...DEFAULT_SETTINGS, hours: DEFAULT_WEEKLY_HOURS };
  const offByBookable = new Map<string, { start: Date; end: Date }[]>();
  for (const off of timeOff) {
    const list = offByBookable.get(off.bookableId) ?? [];
    list.push({ start: off.startsAt, end: off.endsAt });
    offByBookable.set(off.bookableId, list);
  }
  return {
    tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, timeZone: tenant.timezone },
    settings: view,
    bookables: bookables.map(({ id, name, kind, color }) => ({ id, name, kind, color })),
    staff: bookables.map((b) => ({
      id: b.id,
      hours: b.hours === null ? null : (hoursOf(b.hours) ?? {}),
      timeOff: offByBookable.get(b.id) ?? [],
    })),
    now,
  };
}

/** Online (the customer, the AI agent) or by the business (staff, an import, the system). */
export const isOnline = (actor: ActorKind): boolean => actor === "customer" || actor === "ai_agent";

// The scheduling engine's limit on how far ahead a start may be.
const STAFF_WINDOW_DAYS = 731;

/**
 * The scheduling rules for one kind of actor. Customers and the AI agent get the business's online
 * policy; the business's own staff are held to the grid, hours, closed dates and clashes but not to
 * the online lead time or window (a walk-in can be booked for now, a yearly service a year out).
 */
export function rulesFor(context: BookingContext, actor: ActorKind): BookingRules {
  const { settings } = context;
  const online = isOnline(actor);
  return {
    timeZone: context.tenant.timeZone,
    hours: settings.hours,
    closedDates: settings.closedDates.map((entry) => entry.date),
    slotIntervalMinutes: settings.slotIntervalMinutes,
    leadTimeMinutes: online ? settings.leadTimeMinutes : 0,
    bookingWindowDays: online ? settings.bookingWindowDays : Math.max(settings.bookingWindowDays, STAFF_WINDOW_DAYS),
    bufferMinutes: settings.bufferMinutes,
    maxConcurrent: settings.maxConcurrent,
  };
}

/** A job never spans more than a day (the engine's rule), so an appointment starting a day before a range cannot reach into it. */
const LONGEST_JOB = DAY;

/**
 * Live (not cancelled) appointments that can overlap [from, to): one query on (tenant_id,
 * starts_at). `exceptId` leaves one out (the appointment being moved).
 */
export async function loadBusy(
  tx: TenantTx,
  range: { from: Date; to: Date; bufferMinutes: number },
  exceptId?: string,
): Promise<Busy[]> {
  const rows = await tx.appointment.findMany({
    where: {
      status: { not: "cancelled" },
      startsAt: { gte: new Date(range.from.getTime() - LONGEST_JOB - range.bufferMinutes * 60_000), lt: range.to },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { bookableId: true, startsAt: true, endsAt: true },
  });
  return rows.map((row) => ({ staffId: row.bookableId, start: row.startsAt, end: row.endsAt }));
}

/**
 * Everything `checkStart` may look at for one start: the start and its nearest alternatives, which
 * lie between the earliest and latest bookable starts (now + lead … now + window), plus a day of
 * margin for jobs that reach across midnight.
 */
export function fullCheckSpan(rules: BookingRules, start: Date, now: Date): { from: Date; to: Date } {
  const latest = now.getTime() + (rules.bookingWindowDays + 1) * DAY;
  return {
    from: new Date(Math.min(start.getTime(), now.getTime()) - DAY),
    to: new Date(Math.max(start.getTime(), latest) + 2 * DAY),
  };
}
