// The business's calendar (tenant.appointments.*) on real databases: booking, moving, cancelling
// and closing out appointments with their history; refusals (off the grid, past, outside hours,
// closed, unknown or another business's service) that name the reason, offer the nearest times
// and write nothing; the database's own refusal of an overlap; recurring series. PGlite and PostgreSQL.
import { isDoubleBooking } from "@servicepro/booking";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/context.ts";
import {
  api,
  type Business,
  bookingBusiness,
  bookingCounts,
  chicago,
  failure,
  fieldMessages,
  fieldPaths,
  fixedDeps,
  NOW,
  refusalOf,
  staffToken,
} from "./booking-fixtures.ts";
import { platform } from "./catalog-fixtures.ts";

describe.each(testEngines())("tenant.appointments on %s", (engine) => {
  let db: TestDatabase;
  let alpha: Business;
  let bravo: Business;
  let deps: ApiDeps;
  let token = "";
  let bravoToken = "";
  const staff = () => api(deps, token).tenant.appointments;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    alpha = await bookingBusiness(db, "alpha-shine");
    bravo = await bookingBusiness(db, "bravo-shine");
    deps = fixedDeps(db);
    token = (await staffToken(db, alpha.id)).token;
    bravoToken = (await staffToken(db, bravo.id)).token;
  });
  afterAll(() => db?.drop());

  it("should book a free time, show it on the calendar with its history, and take it out of the open times", async () => {
    const before = await staff().availability({
      serviceId: alpha.serviceId,
      from: chicago(8, "08:00"),
      to: chicago(8, "17:00"),
    });
    expect(before.timeZone).toBe("America/Chicago");
    expect(before.slots[0]).toEqual({ startsAt: chicago(8, "08:00"), bookableIds: alpha.bookableIds });

    const booked = await staff().create({
      customerId: alpha.customerId,
      serviceId: alpha.serviceId,
      addOnIds: [alpha.addOnId],
      startsAt: chicago(8, "09:00"),
      bookableId: alpha.bookableIds[0],
      customerNotes: "Dog hair in the back",
    });
    expect(booked).toMatchObject({
      status: "booked",
      startsAt: chicago(8, "09:00"),
      endsAt: chicago(8, "10:30"),
      durationMinutes: 90,
      priceCents: 7000,
      priceLabel: "$70",
      customer: { id: alpha.customerId, name: "Dana Driver" },
      service: { name: "Express Wash" },
      bookable: { id: alpha.bookableIds[0], name: "Crew 1" },
      bookedBy: "staff",
    });

    const after = await staff().availability({
      serviceId: alpha.serviceId,
      from: chicago(8, "08:00"),
      to: chicago(8, "17:00"),
    });
    const nine = after.slots.find((s) => s.startsAt === chicago(8, "09:00"));
    expect(nine?.bookableIds).toEqual([alpha.bookableIds[1]]);

    const calendar = await staff().list({ from: chicago(8, "00:00"), to: chicago(9, "00:00") });
    expect(calendar.map((a) => a.id)).toEqual([booked.id]);
    const detail = await staff().get({ id: booked.id });
    expect(detail.addOns).toEqual([{ id: alpha.addOnId, name: "Pet Hair Removal" }]);
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0]).toMatchObject({ kind: "created", actor: "staff" });
    expect(detail.actions).toEqual({ reschedule: true, cancel: true, complete: false, noShow: false, confirm: true });
  });

  it("should move an appointment, free its old time and record from and to", async () => {
    const booked = await staff().create({
      customerId: alpha.customerId,
      serviceId: alpha.serviceId,
      startsAt: chicago(9, "10:00"),
      bookableId: alpha.bookableIds[0],
    });
    const moved = await staff().reschedule({ id: booked.id, startsAt: chicago(9, "13:00") });
    expect(moved).toMatchObject({ startsAt: chicago(9, "13:00"), endsAt: chicago(9, "14:00"), status: "booked" });
    // It keeps its team member when they are free at the new time.
    expect(moved.bookable.id).toBe(alpha.bookableIds[0]);
    const detail = await staff().get({ id: booked.id });
    expect(detail.events.map((e) => e.kind)).toEqual(["created", "rescheduled"]);
    expect(detail.events[1]!.details).toMatchObject({
      from: { startsAt: chicago(9, "10:00") },
      to: { startsAt: chicago(9, "13:00") },
    });
    const open = await staff().availability({
      serviceId: alpha.serviceId,
      from: chicago(9, "10:00"),
      to: chicago(9, "10:30"),
      bookableId: alpha.bookableIds[0],
    });
    expect(open.slots.map((s) => s.startsAt)).toEqual([chicago(9, "10:00")]);
  });

  it("should record the late-cancellation fee inside the window, and none outside it", async () => {
    const soon = await staff().create({
      customerId: alpha.customerId,
      serviceId: alpha.serviceId,
      startsAt: chicago(7, "14:00"),
    });
    const late = await staff().cancel({ id: soon.id, reason: "Car broke down" });
    expect(late.status).toBe("cancelled");
    const lateDetail = await staff().get({ id: soon.id });
    expect(lateDetail).toMatchObject({ cancellationFeeCents: 2500, cancelReason: "Car broke down" });
    expect(lateDetail.events.at(-1)).toMatchObject({ kind: "cancelled", details: { feeCents: 2500, late: true } });

    const later = await staff().create({
      customerId: alpha.customerId,
      serviceId: alpha.serviceId,
      startsAt: chicago(12, "14:00"),
    });
    await staff().cancel({ id: later.id });
    expect((await staff().get({ id: later.id })).cancellationFeeCents).toBe(0);

    const again = await failure(staff().cancel({ id: later.id }));
    expect(again.code).toBe("BAD_REQUEST");
    expect(again.message).toMatch(/cancelled, so it can't be cancelled/);
  });

  it("should complete a started job, add it to the customer's figures, and refuse to move it afterwards", async () => {
    const later = new Date("2026-12-10T20:00:00Z");
    const lateDeps = fixedDeps(db, () => later);
    const booked = await staff().create({
      customerId: alpha.customerId,
      serviceId: alpha.sizedServiceId,
      startsAt: chicago(10, "08:00"),
    });
    const early = await failure(staff().complete({ id: booked.id }));
    expect(early.message).toMatch(/hasn't started yet/);

    const lateToken = (await staffToken(db, alpha.id, later)).token;
    const done = await api(lateDeps, lateToken).tenant.appointments.complete({ id: booked.id, chargedCents: 16000 });
    expect(done).toMatchObject({ status: "completed", priceCents: 16000 });
    const customer = await tenantDb(db, alpha.id).run((tx) =>
      tx.customer.findFirstOrThrow({ where: { id: alpha.customerId } }),
    );
    expect(customer).toMatchObject({ visitCount: 1, lifetimeSpendCents: 16000 });
    expect(customer.lastVisitAt?.toISOString()).toBe(chicago(10, "08:00"));

    const move = await failure(
      api(lateDeps, lateToken).tenant.appointments.reschedule({ id: booked.id, startsAt: chicago(11, "08:00") }),
    );
    expect(move.code).toBe("BAD_REQUEST");
    expect(move.message).toBe("This appointment is completed, so it can't be moved. Book a new appointment instead.");
  });

  it("should confirm once and mark a missed visit as a no-show", async () => {
    const booked = await staff().create({
      customerId: alpha.customerId,
      serviceId: alpha.serviceId,
      startsAt: chicago(7, "09:00"),
      bookableId: alpha.bookableIds[1],
    });
    await staff().confirm({ id: booked.id });
    const twice = await staff().confirm({ id: booked.id });
    expect(twice.status).toBe("confirmed");
    const later = new Date(chicago(7, "11:00"));
    const lateDeps = fixedDeps(db, () => later);
    const lateToken = (await staffToken(db, alpha.id, later)).token;
    const missed = await api(lateDeps, lateToken).tenant.appointments.noShow({ id: booked.id, note: "Not home" });
    expect(missed.status).toBe("no_show");
    const detail = await staff().get({ id: booked.id });
    expect(detail.events.map((e) => e.kind)).toEqual(["created", "confirmed", "no_show"]);
  });

  it.each([
    ["off the grid", chicago(14, "09:10"), "off_grid"],
    ["in the past", chicago(7, "05:00"), "past"],
    ["outside hours", chicago(14, "18:00"), "outside_hours"],
    ["on a closed date", chicago(25, "10:00"), "closed"],
  ])(
    "should refuse a start %s with the reason and the nearest times, writing nothing",
    async (_name, startsAt, reason) => {
      const before = await bookingCounts(db);
      const error = await failure(
        staff().create({ customerId: alpha.customerId, serviceId: alpha.serviceId, startsAt }),
      );
      expect(error.code).toBe("BAD_REQUEST");
      const refusal = refusalOf(error).reason!;
      expect(refusal).toMatchObject({ code: "SLOT_UNAVAILABLE", reason });
      expect(refusal.alternatives.length).toBeGreaterThan(0);
      expect(error.message).toMatch(/The nearest open times: /);
      expect(fieldPaths(error)).toEqual(["startsAt"]);
      // The alternatives offered can really be booked.
      const open = await staff().availability({
        serviceId: alpha.serviceId,
        from: refusal.alternatives[0]!,
        to: new Date(new Date(refusal.alternatives[0]!).getTime() + 60_000).toISOString(),
      });
      expect(open.slots.map((s) => s.startsAt)).toEqual([refusal.alternatives[0]]);
      expect(await bookingCounts(db)).toEqual(before);
    },
  );

  it("should answer 409 with the nearest times when the team member already has that time", async () => {
    await staff().create({
      customerId: alpha.customerId,
      serviceId: alpha.serviceId,
      startsAt: chicago(15, "09:00"),
      bookableId: alpha.bookableIds[0],
    });
    const before = await bookingCounts(db);
    const error = await failure(
      staff().create({
        customerId: alpha.customerId,
        serviceId: alpha.serviceId,
        startsAt: chicago(15, "09:30"),
        bookableId: alpha.bookableIds[0],
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(refusalOf(error).reason).toMatchObject({ code: "SLOT_TAKEN", reason: "taken" });
    expect(await bookingCounts(db)).toEqual(before);
  });

  it("should answer 404 for an unknown service, another business's service, customer or appointment", async () => {
    const before = await bookingCounts(db);
    const unknown = await failure(
      staff().create({
        customerId: alpha.customerId,
        serviceId: "00000000-0000-4000-8000-000000000000",
        startsAt: chicago(16, "09:00"),
      }),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.message).toMatch(/couldn't find that service/);
    const theirs = await failure(
      staff().create({ customerId: alpha.customerId, serviceId: bravo.serviceId, startsAt: chicago(16, "09:00") }),
    );
    expect(theirs.code).toBe("NOT_FOUND");
    const theirCustomer = await failure(
      staff().create({ customerId: bravo.customerId, serviceId: alpha.serviceId, startsAt: chicago(16, "09:00") }),
    );
    expect(theirCustomer.code).toBe("NOT_FOUND");
    const availability = await failure(
      staff().availability({ serviceId: bravo.serviceId, from: chicago(16, "08:00"), to: chicago(16, "17:00") }),
    );
    expect(availability.code).toBe("NOT_FOUND");
    const mine = await staff().create({
      customerId: alpha.customerId,
      serviceId: alpha.serviceId,
      startsAt: chicago(16, "09:00"),
    });
    const bravoStaff = api(deps, bravoToken).tenant.appointments;
    expect((await failure(bravoStaff.get({ id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await failure(bravoStaff.cancel({ id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await failure(bravoStaff.reschedule({ id: mine.id, startsAt: chicago(16, "11:00") }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await bravoStaff.list({ from: chicago(16, "00:00"), to: chicago(17, "00:00") })).toEqual([]);
    expect((await bookingCounts(db)).appointments).toBe(before.appointments + 1);
  });

  it("should refuse an end before the start, a negative price or duration as field errors", async () => {
    const before = await bookingCounts(db);
    const base = { customerId: alpha.customerId, serviceId: alpha.serviceId, startsAt: chicago(17, "09:00") };
    const endFirst = await failure(staff().create({ ...base, endsAt: chicago(17, "08:00") }));
    expect(endFirst.code).toBe("BAD_REQUEST");
    expect(fieldPaths(endFirst)).toEqual(["endsAt"]);
    expect(fieldMessages(endFirst)).toEqual(["The end must be after the start."]);
    const price = await failure(staff().create({ ...base, priceCents: -100 }));
    expect(fieldPaths(price)).toEqual(["priceCents"]);
    expect(fieldMessages(price)).toEqual(["A price can't be negative."]);
    const duration = await failure(staff().create({ ...base, durationMinutes: -30 }));
    expect(fieldPaths(duration)).toEqual(["durationMinutes"]);
    const range = await failure(staff().list({ from: chicago(17, "09:00"), to: chicago(16, "09:00") }));
    expect(fieldPaths(range)).toEqual(["to"]);
    expect(await bookingCounts(db)).toEqual(before);

    const custom = await staff().create({ ...base, endsAt: chicago(17, "11:00"), priceCents: 9900 });
    expect(custom).toMatchObject({ durationMinutes: 120, priceCents: 9900, endsAt: chicago(17, "11:00") });
  });

  it("should have the database refuse an overlapping booking of the same team member (23P01)", async () => {
    const booked = await staff().create({
      customerId: alpha.customerId,
      serviceId: alpha.serviceId,
      startsAt: chicago(18, "09:00"),
      bookableId: alpha.bookableIds[0],
    });
    const error = await tenantDb(db, alpha.id)
      .run(
        (tx) => tx.$executeRaw`
          INSERT INTO appointments (tenant_id, id, customer_id, service_id, bookable_id, starts_at, ends_at, blocks_until,
                                    duration_minutes, booked_by, updated_at)
          VALUES (${alpha.id}, gen_random_uuid(), ${alpha.customerId}::uuid, ${alpha.serviceId}::uuid,
                  ${alpha.bookableIds[0]}::uuid, ${chicago(18, "09:30")}::timestamptz, ${chicago(18, "10:30")}::timestamptz,
                  ${chicago(18, "10:30")}::timestamptz, 60, 'staff', now())`,
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    expect(isDoubleBooking(error)).toBe(true);
    // A cancelled appointment does not hold its time.
    await staff().cancel({ id: booked.id });
    const rebooked = await tenantDb(db, alpha.id).run(
      (tx) => tx.$executeRaw`
        INSERT INTO appointments (tenant_id, id, customer_id, service_id, bookable_id, starts_at, ends_at, blocks_until,
                                  duration_minutes, booked_by, updated_at)
        VALUES (${alpha.id}, gen_random_uuid(), ${alpha.customerId}::uuid, ${alpha.serviceId}::uuid,
                ${alpha.bookableIds[0]}::uuid, ${chicago(18, "09:30")}::timestamptz, ${chicago(18, "10:30")}::timestamptz,
                ${chicago(18, "10:30")}::timestamptz, 60, 'staff', now())`,
    );
    expect(rebooked).toBe(1);
  });

  it("should book a weekly series to the booking window, skip a visit that clashes, and cancel the rest", async () => {
    // Both crews busy on Tuesday 2026-12-29 at 10:00: that visit cannot be booked.
    for (const bookableId of alpha.bookableIds)
      await staff().create({
        customerId: alpha.customerId,
        serviceId: alpha.serviceId,
        startsAt: chicago(29, "10:00"),
        bookableId,
      });
    const series = await staff().createSeries({
      customerId: alpha.customerId,
      serviceId: alpha.serviceId,
      firstStartsAt: chicago(22, "10:00"),
      intervalWeeks: 1,
      untilDate: "2027-01-19",
    });
    // 2026-12-22, 12-29 (clash), 2027-01-05, 01-12, 01-19: same local time every week.
    expect(series.created.map((a) => a.startsAt)).toEqual([
      chicago(22, "10:00"),
      "2027-01-05T16:00:00.000Z",
      "2027-01-12T16:00:00.000Z",
      "2027-01-19T16:00:00.000Z",
    ]);
    expect(series.skipped).toEqual([{ startsAt: chicago(29, "10:00"), reason: "taken", message: expect.any(String) }]);
    expect(new Set(series.created.map((a) => a.seriesId))).toEqual(new Set([series.seriesId]));

    const cancelled = await staff().cancelSeries({
      seriesId: series.seriesId,
      from: "2027-01-10T00:00:00Z",
      reason: "Moving away",
    });
    expect(cancelled).toEqual({ seriesId: series.seriesId, cancelled: 2 });
    const left = await staff().list({ from: chicago(22, "00:00"), to: "2027-01-20T06:00:00Z" });
    expect(left.filter((a) => a.seriesId === series.seriesId).map((a) => a.startsAt)).toEqual([
      chicago(22, "10:00"),
      "2027-01-05T16:00:00.000Z",
    ]);
    const seriesRow = await platform(db).run((tx) =>
      tx.appointmentSeries.findFirstOrThrow({ where: { id: series.seriesId } }),
    );
    expect(seriesRow.endedAt?.toISOString()).toBe(NOW.toISOString());
  });
});
