import { TZDate } from "@date-fns/tz";
import { SLOT_REASONS } from "@servicepro/validators";
import { addDays, format } from "date-fns";
import { IntervalIndex } from "./interval-index.ts";
import {
  daySegments,
  formatLocal,
  type Interval,
  intersectIntervals,
  localDateOf,
  localDayStart,
  mergeIntervals,
  nextLocalDate,
  parseLocalDate,
  type Segment,
  wallMinutes,
  wallRangeIntervals,
} from "./local-time.ts";
import {
  type BookingRules,
  type Busy,
  bookingRulesSchema,
  type ServiceRule,
  type StaffMember,
  serviceRuleSchema,
} from "./rules.ts";
import { minutesOf, WEEKDAYS, type Weekday, type WeeklyHours } from "./weekly-hours.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Everything availability depends on; the caller loads it (no I/O here). */
export type AvailabilityInput = {
  rules: BookingRules;
  service: ServiceRule;
  /** The members who could do the job, in the order their ids are reported. */
  staff: StaffMember[];
  /** Existing appointments (any span: they are indexed once). */
  busy: Busy[];
  now: Date;
  /** Only this staff member. */
  staffId?: string | null;
};

export type AvailableStart = { start: Date; staffIds: string[] };

/** Why a start cannot be booked, in the order they are checked (one list, shared with the API's schemas). */
export const UNAVAILABLE_REASONS = SLOT_REASONS;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

export type StartCheck =
  | { ok: true; staffIds: string[] }
  | {
      ok: false;
      reason: UnavailableReason;
      /** A sentence for the person booking, e.g. "We're closed on Sunday, December 6." */
      message: string;
      /** The nearest bookable starts, before or after, closest first (ties: the earlier). */
      alternatives: Date[];
    };

type Detail = "business" | "staff" | "days" | "dateRange" | "startWindows";
type Verdict = { ok: true; staffIds: string[] } | { ok: false; reason: UnavailableReason; detail?: Detail };

type DayPlan = {
  date: string;
  weekday: Weekday;
  start: number;
  end: number;
  segments: Segment[];
  /** The business's opening ranges of the day as instants; empty when closed. */
  business: Interval[];
  closed: boolean;
  /** Per candidate staff member: where both they and the business are open. */
  working: Map<string, Interval[]>;
  /** The service's day or season rule refuses the whole day. */
  ruleRefuses: "days" | "dateRange" | null;
};

/** Every bookable start in [from, to), in order, with the staff members free for each. */
export function availableStarts(input: AvailabilityInput & { from: Date; to: Date }): AvailableStart[] {
  return new Availability(input).starts(+input.from, +input.to);
}

/** Whether `start` can be booked; if not, why (the first reason in UNAVAILABLE_REASONS) and what could be. */
export function checkStart(input: AvailabilityInput & { start: Date; alternatives?: number }): StartCheck {
  const engine = new Availability(input);
  const verdict = engine.judge(+input.start);
  if (verdict.ok) return verdict;
  return {
    ok: false,
    reason: verdict.reason,
    message: engine.message(+input.start, verdict),
    alternatives: verdict.reason === "quote_only" ? [] : engine.nearest(+input.start, input.alternatives ?? 3),
  };
}

function guard<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: Error } },
  value: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RangeError(`Invalid ${what}: ${parsed.error.message}`);
  return parsed.data;
}

const contains = (intervals: readonly Interval[] | undefined, a: number, b: number) =>
  (intervals ?? []).some(([s, e]) => s <= a && b <= e);

class Availability {
  private readonly rules: BookingRules;
  private readonly service: ServiceRule;
  private readonly tz: string;
  private readonly now: number;
  private readonly earliest: number;
  private readonly latest: number;
  private readonly durationMs: number;
  private readonly bufferMs: number;
  private readonly cap: number;
  private readonly candidates: StaffMember[];
  private readonly staffId: string | null;
  private readonly allBusy: IntervalIndex;
  private readonly staffBusy = new Map<string, IntervalIndex>();
  private readonly timeOff = new Map<string, IntervalIndex>();
  private readonly closedDates: Set<string>;
  private readonly plans = new Map<string, DayPlan>();
  private readonly dayStarts = new Map<string, number>();

  constructor(input: AvailabilityInput) {
    // The API validates first; these guards keep a programming error from answering nonsense.
    this.rules = guard(bookingRulesSchema, input.rules, "booking rules");
    this.service = guard(serviceRuleSchema, input.service, "service rule");
    if (Number.isNaN(+input.now)) throw new RangeError("Invalid now: not a date.");
    this.tz = this.rules.timeZone;
    this.now = +input.now;
    this.earliest = this.now + this.rules.leadTimeMinutes * MINUTE;
    // Calendar days in the business's zone: 30 days from 9 a.m. is 9 a.m., across a DST change too.
    this.latest = +addDays(new TZDate(this.now, this.tz), this.rules.bookingWindowDays);
    this.durationMs = this.service.durationMinutes * MINUTE;
    this.bufferMs = this.rules.bufferMinutes * MINUTE;
    this.cap = this.rules.maxConcurrent ?? input.staff.length;
    this.staffId = input.staffId ?? null;
    this.candidates = this.staffId === null ? input.staff : input.staff.filter((s) => s.id === this.staffId);
    if (this.staffId !== null && this.candidates.length === 0)
      throw new RangeError(`Unknown staff member "${this.staffId}".`);
    this.closedDates = new Set(this.rules.closedDates);

    this.allBusy = new IntervalIndex(input.busy, this.bufferMs);
    const byStaff = new Map<string, Busy[]>();
    for (const b of input.busy) {
      if (b.staffId === null) continue;
      const list = byStaff.get(b.staffId);
      if (list) list.push(b);
      else byStaff.set(b.staffId, [b]);
    }
    for (const member of this.candidates) {
      this.staffBusy.set(member.id, new IntervalIndex(byStaff.get(member.id) ?? [], this.bufferMs));
      this.timeOff.set(member.id, new IntervalIndex(member.timeOff));
    }
  }

  starts(from: number, to: number): AvailableStart[] {
    if (this.service.quoteOnly) return [];
    const lo = Math.max(from, this.earliest);
    const hi = Math.min(to, this.latest + 1);
    const out: AvailableStart[] = [];
    if (lo >= hi) return out;
    const interval = this.rules.slotIntervalMinutes;
    for (let date = localDateOf(lo, this.tz); ; date = nextLocalDate(date)) {
      const plan = this.plan(date);
      if (plan.start >= hi) break;
      if (plan.closed) continue;
      // Only grid points inside opening hours can be bookable: walk those, segment by segment, so
      // each start's wall time comes from its segment rather than a time-zone lookup per start.
      for (const [openAt, closeAt] of plan.business)
        for (const seg of plan.segments) {
          const a = Math.max(openAt, seg.start, lo);
          const b = Math.min(closeAt, seg.end, hi);
          if (a >= b) continue;
          const firstWall = Math.ceil((seg.wallStart + (a - seg.start) / MINUTE) / interval) * interval;
          for (let wall = firstWall; ; wall += interval) {
            const t = seg.start + Math.round((wall - seg.wallStart) * MINUTE);
            if (t >= b) break;
            const verdict = this.judgeOnDay(t, plan, wall);
            if (verdict.ok) out.push({ start: new Date(t), staffIds: verdict.staffIds });
          }
        }
    }
    return out.sort((x, y) => +x.start - +y.start);
  }

  judge(t: number): Verdict {
    if (this.service.quoteOnly) return { ok: false, reason: "quote_only" };
    if (Number.isNaN(t)) throw new RangeError("Invalid start: not a date.");
    if (t < this.now) return { ok: false, reason: "past" };
    if (t < this.earliest) return { ok: false, reason: "too_soon" };
    if (t > this.latest) return { ok: false, reason: "too_far" };
    const wall = wallMinutes(t, this.tz);
    if (!Number.isInteger(wall) || wall % this.rules.slotIntervalMinutes !== 0)
      return { ok: false, reason: "off_grid" };
    return this.judgeOnDay(t, this.plan(localDateOf(t, this.tz)), wall);
  }

  /** The checks from "closed" on, for a start on the grid of `plan`'s day at wall-clock minute `wall`. */
  private judgeOnDay(t: number, plan: DayPlan, wall: number): Verdict {
    if (plan.closed) return { ok: false, reason: "closed" };
    const end = t + this.durationMs;
    if (!contains(plan.business, t, end)) return { ok: false, reason: "outside_hours", detail: "business" };
    const working = this.candidates.filter((s) => contains(plan.working.get(s.id), t, end));
    if (working.length === 0) return { ok: false, reason: "outside_hours", detail: "staff" };
    if (plan.ruleRefuses) return { ok: false, reason: "rule", detail: plan.ruleRefuses };
    const windows = this.service.startWindows;
    if (windows && !windows.some(([from, until]) => wall >= minutesOf(from) && wall <= minutesOf(until)))
      return { ok: false, reason: "rule", detail: "startWindows" };
    const blockedUntil = end + this.bufferMs;
    const free = working.filter(
      (s) => !this.timeOff.get(s.id)?.overlaps(t, blockedUntil) && !this.staffBusy.get(s.id)?.overlaps(t, blockedUntil),
    );
    if (free.length === 0 || this.allBusy.peak(t, blockedUntil) >= this.cap) return { ok: false, reason: "taken" };
    return { ok: true, staffIds: free.map((s) => s.id) };
  }

  private plan(date: string): DayPlan {
    const cached = this.plans.get(date);
    if (cached) return cached;
    // A day ends where the next begins: each local midnight is resolved in the zone once, not twice.
    const start = this.dayStart(date);
    const end = this.dayStart(nextLocalDate(date));
    const segments = daySegments(start, end, this.tz);
    // The weekday is the calendar's, not the zone's: no time-zone lookup needed.
    const [y, m, d] = parseLocalDate(date);
    const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7] as Weekday;
    const dayIntervals = (hours: WeeklyHours) =>
      mergeIntervals(
        (hours[weekday] ?? []).flatMap(([open, close]) =>
          wallRangeIntervals(segments, minutesOf(open), minutesOf(close)),
        ),
      );
    const business = this.closedDates.has(date) ? [] : dayIntervals(this.rules.hours);
    const working = new Map<string, Interval[]>();
    for (const member of this.candidates)
      working.set(member.id, member.hours ? intersectIntervals(business, dayIntervals(member.hours)) : business);
    const { days, dateRange } = this.service;
    const ruleRefuses =
      days && !days.includes(weekday)
        ? "days"
        : dateRange && ((dateRange.from && date < dateRange.from) || (dateRange.to && date > dateRange.to))
          ? "dateRange"
          : null;
    const plan: DayPlan = {
      date,
      weekday,
      start,
      end,
      segments,
      business,
      closed: business.length === 0,
      working,
      ruleRefuses,
    };
    this.plans.set(date, plan);
    return plan;
  }

  private dayStart(date: string): number {
    let start = this.dayStarts.get(date);
    if (start === undefined) {
      start = localDayStart(date, this.tz);
      this.dayStarts.set(date, start);
    }
    return start;
  }

  /** Up to `count` bookable starts nearest `t`: searched in a widening radius, never past the window. */
  nearest(t: number, count: number): Date[] {
    if (count <= 0 || this.earliest > this.latest) return [];
    for (let radius = DAY; ; radius *= 2) {
      const found = this.starts(t - radius, t + radius + 1);
      const everything = t - radius <= this.earliest && t + radius >= this.latest;
      // Every start within `radius` is in `found`, so once it holds `count` the nearest are among them.
      if (found.length >= count || everything)
        return found
          .map((s) => +s.start)
          .filter((s) => s !== t)
          .sort((x, y) => Math.abs(x - t) - Math.abs(y - t) || x - y)
          .slice(0, count)
          .map((s) => new Date(s));
    }
  }

  message(t: number, verdict: Extract<Verdict, { ok: false }>): string {
    const tz = this.tz;
    const date = formatLocal(t, tz, "date");
    const time = formatLocal(t, tz, "time");
    const someone = this.staffId === null ? "No one is" : "The chosen team member is not";
    switch (verdict.reason) {
      case "quote_only":
        return "This service is priced by quote, so it can't be booked online: ask us for a quote.";
      case "past":
        return `${formatLocal(t, tz, "dateTime")} has already passed.`;
      case "too_soon":
        return `We need at least ${possessive(duration(this.rules.leadTimeMinutes))} notice before a job starts.`;
      case "too_far":
        return `We take bookings up to ${plural(this.rules.bookingWindowDays, "day")} ahead, until ${formatLocal(this.latest, tz, "dateTime")}.`;
      case "off_grid":
        return `Jobs start every ${duration(this.rules.slotIntervalMinutes)}: ${time} is not one of our start times.`;
      case "closed":
        return `We're closed on ${date}.`;
      case "outside_hours": {
        if (verdict.detail === "staff") {
          const end = formatLocal(t + this.durationMs, tz, "time");
          return `${someone} working from ${time} to ${end} on ${date}.`;
        }
        const ranges = this.rules.hours[this.plan(localDateOf(t, tz)).weekday] ?? [];
        return `We're open ${ranges.map(([o, c]) => `${clock(o)} to ${clock(c)}`).join(" and ")} on ${date}: a job of ${duration(this.service.durationMinutes)} starting at ${time} would not fit.`;
      }
      case "rule":
        return this.ruleMessage(verdict.detail);
      case "taken":
        return this.staffId === null
          ? "That time is already booked."
          : "The chosen team member is already booked at that time.";
    }
  }

  private ruleMessage(detail: Detail | undefined): string {
    const { days, dateRange, startWindows } = this.service;
    if (detail === "days" && days) {
      const names = WEEKDAYS.filter((d) => days.includes(d)).map((d) => `${WEEKDAY_LABELS[d]}s`);
      return `This service is booked only on ${list(names, "and")}.`;
    }
    if (detail === "dateRange" && dateRange) {
      const day = (d: string) => {
        const [y, m, dd] = parseLocalDate(d);
        return format(new TZDate(y, m - 1, dd, this.tz), "MMMM d, yyyy");
      };
      if (dateRange.from && dateRange.to)
        return `This service is offered only from ${day(dateRange.from)} to ${day(dateRange.to)}.`;
      return dateRange.from
        ? `This service is offered only from ${day(dateRange.from)}.`
        : `This service is offered only until ${day(dateRange.to ?? "")}.`;
    }
    const windows = (startWindows ?? []).map(([a, b]) => `between ${clock(a)} and ${clock(b)}`);
    return `This service starts only ${list(windows, "or")}.`;
  }
}

const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** 90 → "1 hour 30 minutes". */
function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? plural(h, "hour") : "", m || !h ? plural(m, "minute") : ""].filter(Boolean).join(" ");
}

/** "2 hours" → "2 hours'", "1 hour" → "1 hour's". */
const possessive = (text: string) => (text.endsWith("s") ? `${text}'` : `${text}'s`);

/** "13:30" → "1:30 PM"; "24:00" → "midnight". */
function clock(hhmm: string): string {
  if (hhmm === "24:00") return "midnight";
  const total = minutesOf(hhmm);
  const h = Math.floor(total / 60);
  return `${h % 12 === 0 ? 12 : h % 12}:${String(total % 60).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

const list = (items: string[], word: string) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`;
