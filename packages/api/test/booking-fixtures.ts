// Fixtures for the appointments and booking-page tests: a business in America/Chicago with known
// hours, services (one with size classes, one quote-only), an add-on, bookables and a customer,
// and callers on a fixed clock (Monday 2026-12-07, 06:00 in Chicago).
import { randomUUID } from "node:crypto";
import type { Database, Prisma } from "@servicepro/db";
import { customerSearchKeys } from "@servicepro/validators";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import type { ApiDeps } from "../src/context.ts";
import { createSession } from "../src/identity/sessions.ts";
import { apiDeps, callerWith, createBusiness, platform } from "./catalog-fixtures.ts";

export const NOW = new Date("2026-12-07T12:00:00Z");
/** Open 08:00–17:00 every day (local), 30-minute grid, 1 h lead, 60-day window, closed on Christmas. */
export const HOURS = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [["08:00", "17:00"]]]),
);

export type Business = {
  id: string;
  serviceId: string;
  sizedServiceId: string;
  quoteServiceId: string;
  addOnId: string;
  bookableIds: string[];
  customerId: string;
};

export async function bookingBusiness(
  db: Database,
  id: string,
  opts: { bookables?: number; settings?: Partial<Prisma.BookingSettingsUncheckedCreateInput> } = {},
): Promise<Business> {
  await createBusiness(db, id, { name: `Shine ${id}`, timezone: "America/Chicago" });
  return platform(db).run(async (tx) => {
    await tx.bookingSettings.create({
      data: {
        tenantId: id,
        hours: HOURS,
        closedDates: [{ date: "2026-12-25", reason: "Christmas" }],
        slotIntervalMinutes: 30,
        leadTimeMinutes: 60,
        bookingWindowDays: 60,
        bufferMinutes: 0,
        cancellationWindowHours: 24,
        cancellationFeeCents: 2500,
        depositCents: 0,
        ...opts.settings,
      },
    });
    const service = await tx.service.create({
      data: { tenantId: id, name: "Express Wash", description: "", durationMinutes: 60, priceCents: 5000 },
    });
    const sized = await tx.service.create({
      data: {
        tenantId: id,
        name: "Full Detail",
        description: "",
        durationMinutes: 120,
        priceCents: 15000,
        assetKind: "vehicle",
        sizeAdjustments: [{ sizeClass: "suv", durationMinutes: 30, priceCents: 4000 }],
        position: 1,
      },
    });
    const quote = await tx.service.create({
      data: {
        tenantId: id,
        name: "Paint Correction",
        description: "",
        durationMinutes: 240,
        quoteOnly: true,
        position: 2,
      },
    });
    const addOn = await tx.addOn.create({
      data: {
        tenantId: id,
        name: "Pet Hair Removal",
        description: "",
        durationMinutes: 30,
        priceCents: 2000,
        serviceIds: [],
        offerWhen: "",
      },
    });
    const bookableIds: string[] = [];
    for (let i = 0; i < (opts.bookables ?? 2); i++) {
      const bookable = await tx.bookable.create({
        data: { tenantId: id, kind: "crew", name: `Crew ${i + 1}`, position: i },
      });
      bookableIds.push(bookable.id);
    }
    const phone = "+15125550100";
    const customer = await tx.customer.create({
      data: {
        tenantId: id,
        phone,
        name: "Dana Driver",
        source: "staff",
        ...customerSearchKeys({ name: "Dana Driver", phone }),
      },
    });
    return {
      id,
      serviceId: service.id,
      sizedServiceId: sized.id,
      quoteServiceId: quote.id,
      addOnId: addOn.id,
      bookableIds,
      customerId: customer.id,
    };
  });
}

/** A staff member (or admin) of `tenantId` with a session that is live at `now` (sessions idle out after 30 minutes). */
export async function staffToken(
  db: Database,
  tenantId: string,
  now: Date = NOW,
  role: "tenant_staff" | "tenant_admin" = "tenant_staff",
): Promise<{ token: string; userId: string }> {
  const user = await platform(db).run(async (tx) => {
    const created = await tx.user.create({
      data: {
        email: `${randomUUID()}@example.test`,
        name: role === "tenant_admin" ? "Alex Admin" : "Sam Staff",
        passwordHash: "x",
      },
    });
    const membership = await tx.membership.create({ data: { tenantId, userId: created.id, role } });
    // Every membership is bookable (a database trigger adds its staff bookable); this caller only
    // operates the calendar, so the business's capacity stays the crews the fixture made.
    await tx.bookable.updateMany({ where: { tenantId, membershipId: membership.id }, data: { active: false } });
    return created;
  });
  const { token } = await createSession(db, {
    userId: user.id,
    activeTenantId: tenantId,
    now,
    ip: undefined,
    userAgent: undefined,
  });
  return { token, userId: user.id };
}

export const fixedDeps = (db: Database, now: () => Date = () => NOW): ApiDeps => apiDeps(db, now);
export const api = (deps: ApiDeps, token?: string, ip?: string) => callerWith(deps, token, ip).api;

/** The TRPCError a call fails with (the test fails if it succeeds). */
export async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** The refusal's machine-readable reason and field issues, as the error formatter sends them. */
export function refusalOf(error: TRPCError) {
  const cause = error.cause as
    | { reason?: unknown; issues?: { path: (string | number)[]; message: string }[] }
    | undefined;
  return {
    reason: cause?.reason as { code: string; reason: string; alternatives: string[] } | undefined,
    issues: cause?.issues ?? (error.cause as { issues?: { path: (string | number)[] }[] } | undefined)?.issues,
  };
}

/** Field paths of a 400 (zod's issues or an AppError's). */
export function fieldPaths(error: TRPCError): string[] {
  const cause = error.cause as { issues?: { path: PropertyKey[] }[] } | undefined;
  return (cause?.issues ?? []).map((issue) => issue.path.map(String).join("."));
}

/** Field messages of a 400 (zod's issues or an AppError's). */
export function fieldMessages(error: TRPCError): string[] {
  const cause = error.cause as { issues?: { message: string }[] } | undefined;
  return (cause?.issues ?? []).map((issue) => issue.message);
}

/** Row counts of everything a booking writes, to prove a refusal wrote nothing. */
export const bookingCounts = (db: Database) =>
  platform(db).run(async (tx) => ({
    appointments: await tx.appointment.count(),
    events: await tx.appointmentEvent.count(),
    customers: await tx.customer.count(),
    assets: await tx.asset.count(),
    consentEvents: await tx.smsConsentEvent.count(),
    series: await tx.appointmentSeries.count(),
  }));

/** Local Chicago wall time on a December 2026 day (UTC−6) as an ISO instant. */
export const chicago = (day: number, hhmm: string) =>
  new Date(`2026-12-${String(day).padStart(2, "0")}T${hhmm}:00-06:00`).toISOString();
