// The demo businesses' booking side: settings, services from their industry pack, bookables,
// customers with their vehicles or properties, and a week of appointments around today, so the
// calendar, the booking page and the customer list have something real to show on first start.
import { randomUUID } from "node:crypto";
import { addOnRow, serviceRow } from "@servicepro/concierge";
import { getPack, type IndustryPack } from "@servicepro/industry-packs";
import { customerSearchKeys } from "@servicepro/validators";
import type { Database } from "./client.ts";
import type { Prisma } from "./generated/prisma/client.ts";
import type { AppointmentStatus, AssetKind, BookableKind, CustomerSource } from "./generated/prisma/enums.ts";
import { type TenantTx, tenantDb } from "./tenant-scope.ts";

type WeeklyHours = Partial<Record<Weekday, [string, string][]>>;
type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export type DemoBooking = {
  tenantId: string;
  pack: string;
  settings: {
    hours: WeeklyHours;
    slotIntervalMinutes: number;
    leadTimeMinutes: number;
    bookingWindowDays: number;
    bufferMinutes: number;
    cancellationWindowHours: number;
    cancellationFeeCents: number;
    depositCents: number;
    reminderOffsetsMinutes: number[];
  };
  /** The pack's pricing factor whose options are the asset's size classes, smallest first. */
  sizeFactor: string;
  sizeClasses: string[];
  assetKind: AssetKind;
  /** Pack services priced on site: shown on the booking page, never booked online. */
  quoteOnly: string[];
  noAsset: string[];
  bookingRules: Record<string, Prisma.InputJsonObject>;
  bookables: { kind: BookableKind; name?: string; member?: string; color: string; hours?: WeeklyHours }[];
  customers: {
    name: string;
    phone: string;
    email: string | null;
    address: string;
    tags: string[];
    source: CustomerSource;
    notes?: string;
    assets: { label: string; details: Prisma.InputJsonObject; sizeClass: string }[];
  }[];
  appointments: {
    /** Open business days from today: 0 is today (or the next open day), -1 the open day before. */
    day: number;
    at: string;
    /** A bookable's name, or its member's email for staff. */
    bookable: string;
    customer: string;
    service: string;
    asset: number;
    addOns?: string[];
    notes?: string;
    status?: Extract<AppointmentStatus, "confirmed" | "cancelled" | "no_show">;
    cancelReason?: string;
  }[];
};

const WEEKDAYS: Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** The local calendar date ("2026-12-02") and weekday of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): { date: string; weekday: Weekday } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    weekday: "short",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    weekday: get("weekday").slice(0, 3).toLowerCase() as Weekday,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function zoneOffset(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant a local wall time ("2026-12-02", "09:30") happens in a zone. Demo times are inside
 * business hours, never in a DST gap, so correcting the offset once is exact.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - zoneOffset(new Date(guess), timeZone);
  return new Date(guess - zoneOffset(new Date(first), timeZone));
}

const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const weekdayOf = (date: string): Weekday => WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;

/** The nth weekday (0 = Sunday) of a month, e.g. Thanksgiving is the 4th Thursday of November. */
const nthWeekday = (year: number, month: number, weekday: number, n: number): string => {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const day = 1 + ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};

/** US holidays the demo businesses close for, from today through the next twelve months. */
export function demoClosedDates(today: string): { date: string; reason: string }[] {
  const year = Number(today.slice(0, 4));
  const dates = [year, year + 1].flatMap((y) => [
    { date: `${y}-01-01`, reason: "New Year's Day" },
    { date: lastMondayOfMay(y), reason: "Memorial Day" },
    { date: `${y}-07-04`, reason: "Independence Day" },
    { date: nthWeekday(y, 9, 1, 1), reason: "Labor Day" },
    { date: nthWeekday(y, 11, 4, 4), reason: "Thanksgiving" },
    { date: `${y}-12-25`, reason: "Christmas Day" },
  ]);
  const until = addDays(today, 365);
  return dates.filter((d) => d.date >= today && d.date <= until).sort((a, b) => a.date.localeCompare(b.date));
}

const lastMondayOfMay = (year: number): string => {
  const lastOfMay = new Date(Date.UTC(year, 4, 31));
  lastOfMay.setUTCDate(31 - ((lastOfMay.getUTCDay() + 6) % 7));
  return lastOfMay.toISOString().slice(0, 10);
};

/**
 * The open business days around today: `day` 0 is today when open (else the next open day), and
 * negative days count back over open days only, so a demo week never lands on a Sunday or holiday.
 */
export function openDayFinder(today: string, hours: WeeklyHours, closed: ReadonlySet<string>) {
  const isOpen = (date: string) => (hours[weekdayOf(date)]?.length ?? 0) > 0 && !closed.has(date);
  let anchor = today;
  while (!isOpen(anchor)) anchor = addDays(anchor, 1);
  return (offset: number): string => {
    let date = anchor;
    for (let left = Math.abs(offset); left > 0; ) {
      date = addDays(date, Math.sign(offset));
      if (isOpen(date)) left--;
    }
    return date;
  };
}

/**
 * The demo's price list by size: a pack service priced as a range becomes "from" its lowest price,
 * and each larger size class adds an even share of the range's spread, and a bit of time. The
 * smallest class is listed too (adding nothing), so it is one of the sizes a customer can choose.
 */
function sizeAdjustments(
  service: { durationMinutes: number; priceMinCents: number; priceMaxCents: number },
  classes: string[],
) {
  const steps = classes.length - 1;
  return classes.map((sizeClass, i) => ({
    sizeClass,
    priceCents: Math.round(((service.priceMaxCents - service.priceMinCents) * i) / steps / 500) * 500,
    durationMinutes: Math.round((service.durationMinutes * 0.15 * i) / 15) * 15,
  }));
}

/** Loads one demo business's booking side; everything it writes is keyed, so a re-run adds nothing twice. */
export async function seedBookingDemo(db: Database, data: DemoBooking, now: Date): Promise<void> {
  const pack = getPack(data.pack);
  if (!pack) throw new Error(`demo data names an unknown industry pack: ${data.pack}`);
  await tenantDb(db, data.tenantId).run(
    async (tx) => {
      const tenant = await tx.tenant.findFirstOrThrow({ select: { timezone: true } });
      const today = localDate(now, tenant.timezone).date;
      const closedDates = demoClosedDates(today);
      const settings = { ...data.settings, closedDates };
      await tx.bookingSettings.upsert({
        where: { tenantId: data.tenantId },
        create: { tenantId: data.tenantId, ...settings },
        // A business's own settings (or the migration's backfill) are never overwritten by a re-run.
        update: {},
      });
      const services = await seedCatalog(tx, data, pack);
      const bookables = await seedBookables(tx, data);
      const customers = await seedCustomers(tx, data);
      await seedMarketingConsent(tx, data);
      await seedLoyalty(tx, data, services.addOns);
      // Appointments once per business: a re-run (or a business already using its calendar) keeps its own.
      if ((await tx.appointment.count()) > 0) return;
      const visits: DemoVisit[] = [];
      const dayOf = openDayFinder(today, data.settings.hours, new Set(closedDates.map((d) => d.date)));
      for (const a of data.appointments) {
        const service = services.get(a.service);
        const bookable = bookables.get(a.bookable);
        const customer = customers.get(a.customer);
        if (!service || !bookable || !customer)
          throw new Error(`demo appointment names something missing: ${JSON.stringify(a)}`);
        const asset = customer.assets[a.asset]!;
        const addOns = (a.addOns ?? []).map((id) => {
          const addOn = services.addOns.get(id);
          if (!addOn) throw new Error(`demo appointment names an unknown add-on: ${id}`);
          return addOn;
        });
        const size = (
          service.sizeAdjustments as { sizeClass: string; priceCents: number; durationMinutes: number }[]
        ).find((s) => s.sizeClass === asset.sizeClass);
        const extraMinutes = (size?.durationMinutes ?? 0) + addOns.reduce((sum, x) => sum + x.durationMinutes, 0);
        const extraCents = (size?.priceCents ?? 0) + addOns.reduce((sum, x) => sum + x.priceCents, 0);
        const durationMinutes = service.durationMinutes + extraMinutes;
        const startsAt = zonedInstant(dayOf(a.day), a.at, tenant.timezone);
        const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
        const past = endsAt <= now;
        // The data's status is what became of the job; which of them can be true depends on "now".
        const status: AppointmentStatus =
          a.status === "cancelled"
            ? "cancelled"
            : past
              ? a.status === "no_show"
                ? "no_show"
                : "completed"
              : a.status === "confirmed"
                ? "confirmed"
                : "booked";
        const priceCents = service.priceCents === null ? null : service.priceCents + extraCents;
        const booked = new Date(Math.min(startsAt.getTime() - 3 * 86_400_000, now.getTime() - 86_400_000));
        const appointment = await tx.appointment.create({
          data: {
            tenantId: data.tenantId,
            customerId: customer.id,
            serviceId: service.id,
            assetId: asset.id,
            bookableId: bookable,
            addOnIds: addOns.map((x) => x.id),
            startsAt,
            endsAt,
            blocksUntil: new Date(endsAt.getTime() + data.settings.bufferMinutes * 60_000),
            status,
            durationMinutes,
            priceCents,
            priceMinCents: service.priceMinCents === null ? null : service.priceMinCents + extraCents,
            priceMaxCents: service.priceMaxCents === null ? null : service.priceMaxCents + extraCents,
            cancellationFeeCents: 0,
            customerNotes: a.notes ?? null,
            bookedBy: customer.source === "booking_page" ? "customer" : "staff",
            confirmedAt: status === "confirmed" ? new Date(Math.min(now.getTime(), startsAt.getTime())) : null,
            cancelledAt: status === "cancelled" ? now : null,
            cancelReason: a.cancelReason ?? null,
            completedAt: status === "completed" ? endsAt : null,
            createdAt: booked,
          },
        });
        const event = (kind: string, at: Date, details: Prisma.InputJsonObject = {}) =>
          tx.appointmentEvent.create({
            data: {
              tenantId: data.tenantId,
              appointmentId: appointment.id,
              kind,
              actor: "staff",
              details,
              createdAt: at,
            },
          });
        await event("created", booked, { startsAt: startsAt.toISOString() });
        if (status === "confirmed") await event("confirmed", appointment.confirmedAt!);
        if (status === "cancelled") await event("cancelled", now, { reason: a.cancelReason ?? null });
        if (status === "completed") await event("completed", endsAt);
        if (status === "no_show") await event("no_show", endsAt);
        if (status === "completed") {
          visits.push({
            customerId: customer.id,
            appointmentId: appointment.id,
            chargedCents: priceCents ?? service.priceMinCents ?? 0,
            at: endsAt,
          });
          await tx.customer.update({
            where: { tenantId_id: { tenantId: data.tenantId, id: customer.id } },
            data: {
              visitCount: { increment: 1 },
              lifetimeSpendCents: { increment: priceCents ?? service.priceMinCents ?? 0 },
              lastVisitAt: endsAt,
            },
          });
        }
      }
      await seedVisitPoints(tx, data.tenantId, visits);
    },
    { timeout: 60_000 },
  );
}

/** The demo's loyalty programme: on, a point per dollar plus 10 a visit, bonuses, a year's expiry, two tiers. */
const DEMO_LOYALTY = {
  enabled: true,
  pointsPerDollar: 1,
  pointsPerVisit: 10,
  reviewBonus: 50,
  referralBonus: 100,
  expiryMonths: 12,
  tiers: [
    { name: "Silver", minPoints: 300 },
    { name: "Gold", minPoints: 1000 },
  ],
};

/** Turns loyalty on with three rewards (money off, and a free add-on from the pack), once per business. */
async function seedLoyalty(tx: TenantTx, data: DemoBooking, addOns: Map<string, { id: string }>): Promise<void> {
  // A business's own programme (or one it turned off) is never overwritten by a re-run.
  await tx.loyaltySettings.upsert({
    where: { tenantId: data.tenantId },
    create: { tenantId: data.tenantId, ...DEMO_LOYALTY },
    update: {},
  });
  if ((await tx.loyaltyReward.count()) > 0) return;
  const firstAddOn = addOns.values().next().value;
  const addOn = firstAddOn
    ? await tx.addOn.findFirst({ where: { id: firstAddOn.id }, select: { id: true, name: true } })
    : null;
  const rewards = [
    { name: "$10 off your next visit", kind: "money_off" as const, pointsCost: 150, amountCents: 1000, addOnId: null },
    ...(addOn
      ? [
          {
            name: `Free ${addOn.name}`,
            kind: "free_add_on" as const,
            pointsCost: 250,
            amountCents: null,
            addOnId: addOn.id,
          },
        ]
      : []),
    { name: "$25 off your next visit", kind: "money_off" as const, pointsCost: 350, amountCents: 2500, addOnId: null },
  ];
  for (const [position, reward] of rewards.entries())
    await tx.loyaltyReward.create({ data: { tenantId: data.tenantId, ...reward, position } });
}

type DemoVisit = { customerId: string; appointmentId: string; chargedCents: number; at: Date };

/**
 * The points the demo's completed visits earned, as the ledger would have recorded them: one
 * "visit" entry each, in the order they happened, with the running balance, and the same totals
 * on the customer. The rule is @servicepro/loyalty's visitPoints (this package cannot depend on it):
 * whole dollars × points per dollar + points per visit.
 */
async function seedVisitPoints(tx: TenantTx, tenantId: string, visits: DemoVisit[]): Promise<void> {
  const balances = new Map<string, number>();
  for (const visit of [...visits].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const points =
      Math.floor(Math.max(0, visit.chargedCents) / 100) * DEMO_LOYALTY.pointsPerDollar + DEMO_LOYALTY.pointsPerVisit;
    const balance = (balances.get(visit.customerId) ?? 0) + points;
    balances.set(visit.customerId, balance);
    await tx.loyaltyEntry.create({
      data: {
        tenantId,
        customerId: visit.customerId,
        kind: "visit",
        points,
        balanceAfter: balance,
        appointmentId: visit.appointmentId,
        actorKind: "staff",
        idempotencyKey: `visit:${visit.appointmentId}`,
        createdAt: visit.at,
      },
    });
  }
  for (const [customerId, balance] of balances)
    await tx.customer.update({
      where: { tenantId_id: { tenantId, id: customerId } },
      data: { pointsBalance: balance, pointsEarned: balance },
    });
}

type SeededService = {
  id: string;
  durationMinutes: number;
  priceCents: number | null;
  priceMinCents: number | null;
  priceMaxCents: number | null;
  sizeAdjustments: Prisma.JsonValue;
};

/** The pack's services and add-ons (as set-up installs them), with the demo's sizes, quotes and rules. */
async function seedCatalog(tx: TenantTx, data: DemoBooking, pack: IndustryPack) {
  const services = new Map<string, SeededService>() as Map<string, SeededService> & {
    addOns: Map<string, { id: string; durationMinutes: number; priceCents: number }>;
  };
  for (const [position, item] of pack.services.entries()) {
    const row = serviceRow(pack, item, { tenantId: data.tenantId, id: randomUUID(), position });
    const quoteOnly = data.quoteOnly.includes(item.id);
    const bySize = item.priceDependsOn.includes(data.sizeFactor) && row.priceMinCents !== null && !quoteOnly;
    const demo = {
      quoteOnly,
      assetKind: data.noAsset.includes(item.id) ? null : data.assetKind,
      bookingRules: data.bookingRules[item.id] ?? {},
      ...(bySize
        ? {
            priceCents: row.priceMinCents,
            priceMinCents: null,
            priceMaxCents: null,
            sizeAdjustments: sizeAdjustments(
              {
                durationMinutes: row.durationMinutes,
                priceMinCents: row.priceMinCents!,
                priceMaxCents: row.priceMaxCents!,
              },
              data.sizeClasses,
            ),
          }
        : {}),
    };
    const stored = await tx.service.upsert({
      where: { tenantId_packItemId: { tenantId: data.tenantId, packItemId: item.id } },
      create: { ...row, ...demo },
      update: {},
    });
    services.set(item.id, stored);
  }
  const serviceRowIds = new Map([...services].map(([packId, s]) => [packId, s.id]));
  services.addOns = new Map();
  for (const [position, item] of pack.addOns.entries()) {
    const row = addOnRow(item, serviceRowIds, { tenantId: data.tenantId, id: randomUUID(), position });
    const stored = await tx.addOn.upsert({
      where: { tenantId_packItemId: { tenantId: data.tenantId, packItemId: item.id } },
      create: row,
      update: {},
    });
    services.addOns.set(item.id, stored);
  }
  if ((await tx.packInstall.count()) === 0) {
    await tx.packInstall.create({
      data: {
        tenantId: data.tenantId,
        packId: pack.id,
        version: pack.version,
        snapshot: pack as unknown as Prisma.InputJsonValue,
      },
    });
  }
  return services;
}

/** Bookables by the name the demo data uses (staff by their member's email); staff come from memberships. */
async function seedBookables(tx: TenantTx, data: DemoBooking): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [position, b] of data.bookables.entries()) {
    if (b.member) {
      const membership = await tx.membership.findFirstOrThrow({
        where: { user: { email: b.member } },
        select: { id: true, user: { select: { name: true } } },
      });
      const stored = await tx.bookable.upsert({
        where: { tenantId_membershipId: { tenantId: data.tenantId, membershipId: membership.id } },
        create: {
          tenantId: data.tenantId,
          kind: "staff",
          name: membership.user.name,
          membershipId: membership.id,
          color: b.color,
          position,
        },
        update: {},
      });
      ids.set(b.member, stored.id);
      continue;
    }
    const name = b.name!;
    const existing = await tx.bookable.findFirst({ where: { name, kind: b.kind }, select: { id: true } });
    const stored =
      existing ??
      (await tx.bookable.create({
        data: {
          tenantId: data.tenantId,
          kind: b.kind,
          name,
          color: b.color,
          position,
          ...(b.hours ? { hours: b.hours } : {}),
        },
      }));
    ids.set(name, stored.id);
  }
  return ids;
}

/** Customers by phone (one the inbox already has gets its CRM details), each with its assets. */
/**
 * Offers consent for the demo's regulars (not for customers tagged "new", who haven't been asked
 * yet), recorded as staff entries with a note, so the campaign composer has an audience to count.
 * A number with a marketing row of its own (a real choice made in the app) is left alone.
 */
async function seedMarketingConsent(tx: TenantTx, data: DemoBooking): Promise<void> {
  for (const c of data.customers) {
    if (c.tags.includes("new")) continue;
    if (await tx.marketingConsent.findFirst({ where: { phone: c.phone }, select: { phone: true } })) continue;
    const optedOut = await tx.smsConsent.findFirst({ where: { phone: c.phone, state: "opted_out" } });
    if (optedOut) continue;
    await tx.smsConsentEvent.create({
      data: {
        tenantId: data.tenantId,
        phone: c.phone,
        state: "opted_in",
        source: "staff",
        purpose: "marketing",
        evidence: { note: "Demo data: said yes to offers by text at the counter." },
      },
    });
    await tx.marketingConsent.create({
      data: { tenantId: data.tenantId, phone: c.phone, state: "opted_in", source: "staff" },
    });
  }
}

async function seedCustomers(tx: TenantTx, data: DemoBooking) {
  const customers = new Map<
    string,
    { id: string; source: CustomerSource; assets: { id: string; sizeClass: string }[] }
  >();
  for (const c of data.customers) {
    const fields = {
      name: c.name,
      email: c.email,
      address: c.address,
      tags: c.tags,
      notes: c.notes ?? null,
      ...customerSearchKeys({ name: c.name, email: c.email, phone: c.phone }),
    };
    const existing = await tx.customer.findFirst({
      where: { phone: c.phone },
      select: { id: true, email: true, address: true, tags: true },
    });
    // A bare record the inbox made (a phone and a name) gets the demo's details; one with details of
    // its own, edited through the app, is left as it is.
    const bare = existing && existing.email === null && existing.address === null && existing.tags.length === 0;
    const stored = existing
      ? bare
        ? await tx.customer.update({
            where: { tenantId_id: { tenantId: data.tenantId, id: existing.id } },
            data: fields,
          })
        : existing
      : await tx.customer.create({ data: { tenantId: data.tenantId, phone: c.phone, source: c.source, ...fields } });
    const assets = [];
    for (const a of c.assets) {
      const asset =
        (await tx.asset.findFirst({ where: { customerId: stored.id, label: a.label }, select: { id: true } })) ??
        (await tx.asset.create({
          data: {
            tenantId: data.tenantId,
            customerId: stored.id,
            kind: data.assetKind,
            label: a.label,
            details: a.details,
            sizeClass: a.sizeClass,
          },
        }));
      assets.push({ id: asset.id, sizeClass: a.sizeClass });
    }
    customers.set(c.phone, { id: stored.id, source: c.source, assets });
  }
  return customers;
}
