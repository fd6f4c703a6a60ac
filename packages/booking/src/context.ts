// What every booking decision reads first: the tenant's zone and booking settings, and who can be
// booked. Loaded once per transaction; the busy list is loaded per range (one indexed query).
import { type BookableKind, Prisma, TENANT_SETTING, type TenantTx } from "@servicepro/db";
import { AppError } from "@servicepro/errors";
import {
  type BookingRules,
  type Busy,
  DEFAULT_BOOKING_SETTINGS,
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
  /** Customers may move or cancel online inside the window (paying the fee); false: refused online. */
  lateChangesOnline: boolean;
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

type ContextRow = {
  tenant: unknown;
  settings: unknown;
  bookables: unknown;
  time_off: unknown;
  busy: unknown;
};
type TenantJson = { id: string; name: string; slug: string; timezone: string };
type SettingsJson = {
  hours: unknown;
  closedDates: unknown;
  slotIntervalMinutes: number;
  leadTimeMinutes: number;
  bookingWindowDays: number;
  bufferMinutes: number;
  maxConcurrent: number | null;
  onlineBookingEnabled: boolean;
  depositCents: number;
  cancellationWindowHours: number;
  cancellationFeeCents: number;
  lateChangesOnline: boolean;
};
type BookableJson = { id: string; name: string; kind: BookableKind; color: string; hours: unknown };
/** [bookable id, start, end] with instants as epoch milliseconds. */
type SpanJson = [string, number, number];

/** A json column as the driver hands it over: parsed already (pg) or as text (some adapters). */
const json = <T>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/** Where the busy list of a range comes from: starts in [from − a day − the buffer, to). */
type BusyRange = { from: Date; to: Date };

/**
 * The context (and, for an availability request, the busy list of its range) in ONE statement: the
 * tenant, its settings, its bookables and their time off used to be four Prisma queries and the busy
 * list a fifth, each paying the ORM's per-query cost on the hottest booking path (issue 10's
 * availability benchmark). Row-level security scopes every sub-select; the explicit tenant filter
 * lets each use its (tenant_id, …) index. The busy sub-select reads (tenant_id, starts_at) and
 * widens its lower bound by the tenant's buffer, which only the statement itself knows.
 */
async function loadContextRow(tx: TenantTx, now: Date, busyRange: BusyRange | null): Promise<ContextRow> {
  const timeOffSince = new Date(now.getTime() - DAY);
  const busy = busyRange
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_array(a.bookable_id,
              (extract(epoch FROM a.starts_at) * 1000)::float8, (extract(epoch FROM a.ends_at) * 1000)::float8)
              ORDER BY a.starts_at), '[]'::json)
         FROM appointments a
         WHERE a.tenant_id = me.id AND a.status <> 'cancelled'
           AND a.starts_at >= ${busyRange.from}::timestamptz - interval '${Prisma.raw(String(LONGEST_JOB / HOUR))} hours'
                 - make_interval(mins => coalesce(s.buffer_minutes, 0))
           AND a.starts_at < ${busyRange.to}::timestamptz + make_interval(mins => coalesce(s.buffer_minutes, 0)))`
    : Prisma.sql`NULL::json`;
  const rows = await tx.$queryRaw<ContextRow[]>`
    SELECT json_build_object('id', me.id, 'name', me.name, 'slug', me.slug, 'timezone', me.timezone) AS tenant,
      CASE WHEN s.tenant_id IS NULL THEN NULL ELSE json_build_object(
        'hours', s.hours, 'closedDates', s.closed_dates, 'slotIntervalMinutes', s.slot_interval_minutes,
        'leadTimeMinutes', s.lead_time_minutes, 'bookingWindowDays', s.booking_window_days,
        'bufferMinutes', s.buffer_minutes, 'maxConcurrent', s.max_concurrent,
        'onlineBookingEnabled', s.online_booking_enabled, 'depositCents', s.deposit_cents,
        'cancellationWindowHours', s.cancellation_window_hours, 'cancellationFeeCents', s.cancellation_fee_cents,
        'lateChangesOnline', s.late_changes_online)
      END AS settings,
      (SELECT coalesce(json_agg(json_build_object('id', b.id, 'name', b.name, 'kind', b.kind::text,
              'color', b.color, 'hours', b.hours) ORDER BY b.position, b.created_at), '[]'::json)
         FROM bookables b WHERE b.tenant_id = me.id AND b.active) AS bookables,
      (SELECT coalesce(json_agg(json_build_array(o.bookable_id,
              (extract(epoch FROM o.starts_at) * 1000)::float8, (extract(epoch FROM o.ends_at) * 1000)::float8)), '[]'::json)
         FROM time_off o WHERE o.tenant_id = me.id AND o.ends_at > ${timeOffSince}) AS time_off,
      ${busy} AS busy
    FROM tenants me
    LEFT JOIN booking_settings s ON s.tenant_id = me.id
    WHERE me.id = current_setting('${Prisma.raw(TENANT_SETTING)}')`;
  const row = rows[0];
  // The tenant-scoped transaction always sees its own tenant; no row means the tenant was removed.
  if (!row) throw new AppError("NOT_FOUND", "This business no longer exists. Sign in again.");
  return row;
}

function contextOf(row: ContextRow, now: Date): BookingContext {
  const tenant = json<TenantJson>(row.tenant);
  const settings = row.settings === null ? null : json<SettingsJson>(row.settings);
  const bookables = json<BookableJson[]>(row.bookables);
  const timeOff = json<SpanJson[]>(row.time_off);
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
        lateChangesOnline: settings.lateChangesOnline,
      }
    : DEFAULT_BOOKING_SETTINGS;
  const offByBookable = new Map<string, { start: Date; end: Date }[]>();
  for (const [bookableId, start, end] of timeOff) {
    const list = offByBookable.get(bookableId) ?? [];
    list.push({ start: new Date(start), end: new Date(end) });
    offByBookable.set(bookableId, list);
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

export async function loadBookingContext(tx: TenantTx, now: Date): Promise<BookingContext> {
  return contextOf(await loadContextRow(tx, now, null), now);
}

/**
 * The context and the live appointments that can overlap [from, to) plus the tenant's buffer, in one
 * statement (availability's hot path). Busy entries come in start order.
 */
export async function loadBookingContextWithBusy(
  tx: TenantTx,
  now: Date,
  range: BusyRange,
): Promise<{ context: BookingContext; busy: Busy[] }> {
  const row = await loadContextRow(tx, now, range);
  const busy = json<SpanJson[]>(row.busy).map(([staffId, start, end]) => ({
    staffId,
    start: new Date(start),
    end: new Date(end),
  }));
  return { context: contextOf(row, now), busy };
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
    // In start order, so the engine indexes them without sorting.
    orderBy: { startsAt: "asc" },
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
