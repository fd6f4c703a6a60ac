// The public booking page (booking.*) on real databases: what a business shows, booking as a
// customer (found by phone or added with source booking_page, asset described, SMS opt-in only when
// ticked), refusals (unknown slug, booking switched off, quote-only, bad phone) that write nothing,
// rate limits, and 30 people taking the same last slot at once: exactly one booking, 29 × 409.
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
  fieldPaths,
  fixedDeps,
  refusalOf,
} from "./booking-fixtures.ts";
import { platform } from "./catalog-fixtures.ts";

describe.each(testEngines())("booking.* on %s", (engine) => {
  let db: TestDatabase;
  let shop: Business;
  let solo: Business;
  let deps: ApiDeps;
  let ipCount = 0;
  /** A caller from an address of its own, so only the test about limits meets them. */
  const visitor = () => api(deps, undefined, `203.0.113.${(ipCount++ % 250) + 1}`).booking;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    shop = await bookingBusiness(db, "shine-shop");
    solo = await bookingBusiness(db, "solo-shine", { bookables: 1 });
    deps = fixedDeps(db);
  });
  afterAll(() => db?.drop());

  it("should show the business, its services with prices, sizes and add-ons, and its policies", async () => {
    const page = await visitor().page({ slug: "Shine-Shop" });
    expect(page.business).toEqual({ name: "Shine shine-shop", slug: "shine-shop", timeZone: "America/Chicago" });
    expect(page.onlineBookingEnabled).toBe(true);
    expect(page.services.map((s) => [s.name, s.priceLabel, s.quoteOnly])).toEqual([
      ["Express Wash", "$50", false],
      ["Full Detail", "$150", false],
      ["Paint Correction", "Quoted per job", true],
    ]);
    expect(page.services[1]).toMatchObject({
      assetKind: "vehicle",
      sizeClasses: [{ sizeClass: "suv", durationMinutes: 30, priceCents: 4000 }],
    });
    expect(page.services[0]!.addOns).toEqual([
      expect.objectContaining({ name: "Pet Hair Removal", priceLabel: "$20" }),
    ]);
    expect(page.policies).toEqual({
      depositCents: 0,
      cancellationWindowHours: 24,
      cancellationFeeCents: 2500,
      leadTimeMinutes: 60,
      bookingWindowDays: 60,
    });
    expect(page.smsConsentText).toMatch(/Shine shine-shop.*Msg & data rates may apply.*STOP.*HELP/);

    const missing = await failure(visitor().page({ slug: "no-such-shop" }));
    expect(missing.code).toBe("NOT_FOUND");
  });

  it("should offer the public open times: lead time applied, size adding to the duration", async () => {
    const open = await visitor().availability({
      slug: "shine-shop",
      serviceId: shop.sizedServiceId,
      sizeClass: "suv",
      from: chicago(7, "00:00"),
      to: chicago(8, "00:00"),
    });
    expect(open.durationMinutes).toBe(150);
    // Now is 06:00; one hour's lead; a 2.5 h job must end by 17:00.
    expect(open.starts[0]).toBe(chicago(7, "08:00"));
    expect(open.starts.at(-1)).toBe(chicago(7, "14:30"));
    const badSize = await failure(
      visitor().availability({
        slug: "shine-shop",
        serviceId: shop.sizedServiceId,
        sizeClass: "bus",
        from: chicago(7, "00:00"),
        to: chicago(8, "00:00"),
      }),
    );
    expect(fieldPaths(badSize)).toEqual(["sizeClass"]);
  });

  it("should book as a new customer with their vehicle, and record no opt-in when the box was not ticked", async () => {
    const booked = await visitor().create({
      slug: "shine-shop",
      serviceId: shop.sizedServiceId,
      startsAt: chicago(9, "09:00"),
      name: "Riley Rivera",
      phone: "(512) 555-0171",
      email: "Riley@Example.com",
      assetDescription: "2021 Toyota RAV4, blue",
      sizeClass: "suv",
      notes: "Gate code 1234",
    });
    expect(booked).toMatchObject({
      status: "booked",
      startsAt: chicago(9, "09:00"),
      endsAt: chicago(9, "11:30"),
      priceCents: 19000,
      priceLabel: "$190",
      serviceName: "Full Detail",
      businessName: "Shine shine-shop",
      textsEnabled: false,
    });
    const { customer, appointment, asset, consent } = await tenantDb(db, shop.id).run(async (tx) => {
      const customer = await tx.customer.findFirstOrThrow({ where: { phone: "+15125550171" } });
      const appointment = await tx.appointment.findFirstOrThrow({ where: { id: booked.appointmentId } });
      const asset = await tx.asset.findFirstOrThrow({ where: { customerId: customer.id } });
      const consent = await tx.smsConsentEvent.count({ where: { phone: "+15125550171" } });
      return { customer, appointment, asset, consent };
    });
    expect(customer).toMatchObject({
      name: "Riley Rivera",
      email: "riley@example.com",
      source: "booking_page",
      sortName: "riley rivera",
      searchText: "riley rivera riley@example.com 15125550171",
    });
    expect(asset).toMatchObject({ kind: "vehicle", label: "2021 Toyota RAV4, blue", sizeClass: "suv" });
    expect(appointment).toMatchObject({
      bookedBy: "customer",
      assetId: asset.id,
      customerNotes: "Gate code 1234",
      customerId: customer.id,
    });
    expect(consent).toBe(0);
    const events = await tenantDb(db, shop.id).run((tx) =>
      tx.appointmentEvent.findMany({ where: { appointmentId: booked.appointmentId } }),
    );
    expect(events.map((e) => [e.kind, e.actor])).toEqual([["created", "customer"]]);
  });

  it("should record an opt-in only when ticked, and never opt back in someone who opted out without it", async () => {
    const phone = "+15125550172";
    await tenantDb(db, shop.id).run((tx) =>
      tx.smsConsent.create({ data: { tenantId: shop.id, phone, state: "opted_out", source: "keyword" } }),
    );
    const unticked = await visitor().create({
      slug: "shine-shop",
      serviceId: shop.serviceId,
      startsAt: chicago(9, "13:00"),
      name: "Opted Out",
      phone,
    });
    expect(unticked.textsEnabled).toBe(false);
    const stillOut = await tenantDb(db, shop.id).run((tx) => tx.smsConsent.findFirstOrThrow({ where: { phone } }));
    expect(stillOut.state).toBe("opted_out");

    const ticked = await visitor().create({
      slug: "shine-shop",
      serviceId: shop.serviceId,
      startsAt: chicago(9, "15:00"),
      name: "Opted Out",
      phone,
      smsConsent: true,
    });
    expect(ticked.textsEnabled).toBe(true);
    const ledger = await tenantDb(db, shop.id).run((tx) =>
      tx.smsConsentEvent.findMany({ where: { phone }, orderBy: { createdAt: "asc" } }),
    );
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ state: "opted_in", source: "booking_page" });
    expect(ledger[0]!.evidence).toMatchObject({ via: "booking_page", text: expect.stringMatching(/Reply STOP/) });
  });

  it("should keep the name a returning customer already has", async () => {
    await visitor().create({
      slug: "shine-shop",
      serviceId: shop.serviceId,
      startsAt: chicago(10, "09:00"),
      name: "D",
      phone: "512-555-0100",
    });
    const customers = await tenantDb(db, shop.id).run((tx) =>
      tx.customer.findMany({ where: { phone: "+15125550100" } }),
    );
    expect(customers).toHaveLength(1);
    expect(customers[0]!.name).toBe("Dana Driver");
  });

  it("should refuse a bad phone, a quote-only service and a closed business, writing nothing", async () => {
    const before = await bookingCounts(db);
    const base = { slug: "shine-shop", serviceId: shop.serviceId, startsAt: chicago(11, "09:00"), name: "Pat" };
    const phone = await failure(visitor().create({ ...base, phone: "555-CALL-NOW" }));
    expect(phone.code).toBe("BAD_REQUEST");
    expect(fieldPaths(phone)).toEqual(["phone"]);

    const quote = await failure(
      visitor().create({ ...base, serviceId: shop.quoteServiceId, phone: "+15125550173", assetDescription: "Truck" }),
    );
    expect(quote.code).toBe("BAD_REQUEST");
    expect(refusalOf(quote).reason).toMatchObject({ code: "SLOT_UNAVAILABLE", reason: "quote_only", alternatives: [] });

    const tooSoon = await failure(visitor().create({ ...base, startsAt: chicago(7, "06:30"), phone: "+15125550173" }));
    expect(refusalOf(tooSoon).reason).toMatchObject({ reason: "too_soon" });

    const theirs = await failure(visitor().create({ ...base, serviceId: solo.serviceId, phone: "+15125550173" }));
    expect(theirs.code).toBe("NOT_FOUND");
    expect(await bookingCounts(db)).toEqual(before);

    await platform(db).run((tx) =>
      tx.bookingSettings.update({ where: { tenantId: shop.id }, data: { onlineBookingEnabled: false } }),
    );
    try {
      const closed = await failure(visitor().create({ ...base, phone: "+15125550173" }));
      expect(closed.code).toBe("FORBIDDEN");
      expect(closed.message).toMatch(/isn't taking bookings online/);
      const closedTimes = await failure(
        visitor().availability({
          slug: "shine-shop",
          serviceId: shop.serviceId,
          from: chicago(8, "00:00"),
          to: chicago(9, "00:00"),
        }),
      );
      expect(closedTimes.code).toBe("FORBIDDEN");
      expect((await visitor().page({ slug: "shine-shop" })).onlineBookingEnabled).toBe(false);
    } finally {
      await platform(db).run((tx) =>
        tx.bookingSettings.update({ where: { tenantId: shop.id }, data: { onlineBookingEnabled: true } }),
      );
    }
    expect(await bookingCounts(db)).toEqual(before);
  });

  it("should limit booking attempts per phone number and per address", async () => {
    const limited = fixedDeps(db);
    const from = (ip: string) => api(limited, undefined, ip).booking;
    const attempt = (ip: string, phone: string) =>
      from(ip).create({
        slug: "shine-shop",
        serviceId: "00000000-0000-4000-8000-000000000000",
        startsAt: chicago(12, "09:00"),
        name: "Pat",
        phone,
      });
    // Each attempt counts, found or not: ten per phone per hour, the eleventh is refused.
    for (let i = 0; i < 10; i++)
      expect((await failure(attempt(`198.51.100.${i + 1}`, "+15125550174"))).code).toBe("NOT_FOUND");
    const perPhone = await failure(attempt("198.51.100.99", "+15125550174"));
    expect(perPhone.code).toBe("TOO_MANY_REQUESTS");
    expect(perPhone.message).toMatch(/Too many bookings for this phone number/);
    for (let i = 0; i < 20; i++) await failure(attempt("198.51.100.200", `+1512555${String(1000 + i)}`));
    const perAddress = await failure(attempt("198.51.100.200", "+15125552000"));
    expect(perAddress.code).toBe("TOO_MANY_REQUESTS");
    expect(perAddress.message).toMatch(/from this connection/);
  });

  it("should give exactly one of 30 simultaneous bookings of the last slot, and 409 with the nearest times to the rest", async () => {
    const before = await bookingCounts(db);
    const startsAt = chicago(14, "10:00");
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        api(deps, undefined, `192.0.2.${i + 1}`).booking.create({
          slug: "solo-shine",
          serviceId: solo.serviceId,
          startsAt,
          name: `Racer ${i + 1}`,
          phone: `+1512555${String(3000 + i)}`,
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) =>
      r.status === "rejected" ? [r.reason as Awaited<ReturnType<typeof failure>>] : [],
    );
    expect(won).toHaveLength(1);
    expect(lost.map((e) => e.code)).toEqual(Array(29).fill("CONFLICT"));
    for (const error of lost) {
      const refusal = refusalOf(error).reason!;
      expect(refusal).toMatchObject({ code: "SLOT_TAKEN", reason: "taken" });
      expect(refusal.alternatives.length).toBeGreaterThan(0);
      expect(refusal.alternatives).not.toContain(new Date(startsAt).toISOString());
    }
    const after = await bookingCounts(db);
    // One appointment, its one event, and only the winner's customer: the losers' rows rolled back.
    expect(after.appointments - before.appointments).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(after.customers - before.customers).toBe(1);
  });
});
