// The demo businesses start with a calendar that is not empty: settings, services, bookables,
// customers with their vehicles or properties, and a week of appointments around "now", all in the
// business's own time zone. Seeding twice adds nothing.
import { customerSearchKeys } from "@servicepro/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../src/seed.ts";
import { demoClosedDates, localDate, openDayFinder, zonedInstant } from "../src/seed-booking.ts";
import { tenantDb } from "../src/tenant-scope.ts";
import { createTestDatabase, defaultEngine, type TestDatabase } from "../src/testing.ts";

// A Wednesday afternoon in Dallas: some of today's jobs are done, some are still to come.
const NOW = new Date("2026-12-09T19:00:00Z");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase(defaultEngine());
  await seedDemo(db, { passwordHash: "not-a-real-hash", now: NOW });
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

const counts = (tenantId: string) =>
  tenantDb(db, tenantId).run(async (tx) => ({
    services: await tx.service.count(),
    addOns: await tx.addOn.count(),
    bookables: await tx.bookable.count(),
    customers: await tx.customer.count(),
    assets: await tx.asset.count(),
    appointments: await tx.appointment.count(),
    events: await tx.appointmentEvent.count(),
    rewards: await tx.loyaltyReward.count(),
    entries: await tx.loyaltyEntry.count(),
  }));

describe("demo booking data", () => {
  it("should give both demo businesses booking settings with holidays closed", async () => {
    for (const tenantId of ["root", "green-lawn"]) {
      const settings = await tenantDb(db, tenantId).run((tx) => tx.bookingSettings.findFirstOrThrow());
      expect(settings.closedDates).toContainEqual({ date: "2026-12-25", reason: "Christmas Day" });
      expect(Object.keys(settings.hours as object)).toContain("mon");
    }
  });

  it("should give Clean Machine crew and a bay, and Green Lawn its two members plus a crew", async () => {
    const root = await tenantDb(db, "root").run((tx) => tx.bookable.findMany({ orderBy: { position: "asc" } }));
    expect(root.map((b) => [b.kind, b.name])).toEqual([
      ["crew", "Marcus Bell"],
      ["crew", "Dee Alvarez"],
      ["resource", "Detail bay"],
    ]);
    const lawn = await tenantDb(db, "green-lawn").run((tx) =>
      tx.bookable.findMany({ orderBy: { position: "asc" }, select: { kind: true, name: true, membershipId: true } }),
    );
    expect(lawn.map((b) => [b.kind, b.name, b.membershipId !== null])).toEqual([
      ["staff", "Maya Green", true],
      ["staff", "Sam Rivera", true],
      ["crew", "Luis Ortega", false],
    ]);
  });

  it("should store every customer's search keys, the inbox's customers included", async () => {
    for (const tenantId of ["root", "green-lawn"]) {
      const customers = await tenantDb(db, tenantId).run((tx) => tx.customer.findMany());
      expect(customers.length).toBeGreaterThan(5);
      for (const c of customers) {
        expect({ sortName: c.sortName, searchText: c.searchText }).toEqual(customerSearchKeys(c));
      }
    }
  });

  it("should place a week of appointments on open days, past ones completed, with today's in the business's hours", async () => {
    const appointments = await tenantDb(db, "root").run((tx) =>
      tx.appointment.findMany({ include: { service: true }, orderBy: { startsAt: "asc" } }),
    );
    const today = localDate(NOW, "America/Chicago").date;
    const todays = appointments.filter((a) => localDate(a.startsAt, "America/Chicago").date === today);
    expect(todays.map((a) => a.startsAt.toISOString())).toEqual([
      zonedInstant(today, "08:00", "America/Chicago").toISOString(),
      zonedInstant(today, "10:30", "America/Chicago").toISOString(),
      zonedInstant(today, "13:00", "America/Chicago").toISOString(),
      zonedInstant(today, "14:30", "America/Chicago").toISOString(),
    ]);
    for (const a of appointments) {
      expect(localDate(a.startsAt, "America/Chicago").weekday).not.toBe("sun");
      if (a.endsAt <= NOW) expect(["completed", "no_show", "cancelled"]).toContain(a.status);
      else expect(["booked", "confirmed", "cancelled"]).toContain(a.status);
      expect(a.durationMinutes).toBeGreaterThanOrEqual(a.service.durationMinutes);
      if (a.service.priceCents !== null) expect(a.priceCents).toBeGreaterThanOrEqual(a.service.priceCents);
    }
    const quoted = await tenantDb(db, "root").run((tx) => tx.service.findMany({ where: { quoteOnly: true } }));
    expect(quoted.map((s) => s.name).sort()).toEqual(["Ceramic Coating (3-Year)", "Two-Step Paint Correction"]);
  });

  it("should keep the lifetime figures of customers with completed visits", async () => {
    const marcus = await tenantDb(db, "root").run((tx) =>
      tx.customer.findFirstOrThrow({ where: { phone: "+15555550131" }, include: { appointments: true } }),
    );
    const completed = marcus.appointments.filter((a) => a.status === "completed");
    expect(marcus.visitCount).toBe(completed.length);
    expect(marcus.lifetimeSpendCents).toBe(completed.reduce((sum, a) => sum + (a.priceCents ?? 0), 0));
  });

  it("should turn loyalty on with money-off and free add-on rewards, and give completed visits their points", async () => {
    for (const tenantId of ["root", "green-lawn"]) {
      const { settings, rewards, customers } = await tenantDb(db, tenantId).run(async (tx) => ({
        settings: await tx.loyaltySettings.findFirstOrThrow(),
        rewards: await tx.loyaltyReward.findMany({ orderBy: { position: "asc" } }),
        customers: await tx.customer.findMany({ include: { appointments: true, loyaltyEntries: true } }),
      }));
      expect(settings.enabled).toBe(true);
      expect(rewards.map((r) => r.kind).sort()).toEqual(["free_add_on", "money_off", "money_off"]);
      const withVisits = customers.filter((c) => c.appointments.some((a) => a.status === "completed"));
      expect(withVisits.length).toBeGreaterThan(0);
      for (const customer of customers) {
        const completed = customer.appointments.filter((a) => a.status === "completed");
        // One visit entry per completed appointment; the balance is the ledger's sum.
        expect(customer.loyaltyEntries.map((e) => e.appointmentId).sort()).toEqual(completed.map((a) => a.id).sort());
        const sum = customer.loyaltyEntries.reduce((total, e) => total + e.points, 0);
        expect(customer.pointsBalance).toBe(sum);
        expect(customer.pointsEarned).toBe(sum);
        const expected = completed.reduce((total, a) => total + Math.floor((a.priceCents ?? 0) / 100) + 10, 0);
        expect(sum).toBe(expected);
        const last = [...customer.loyaltyEntries].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
        if (last) expect(last.balanceAfter).toBe(sum);
      }
    }
  });

  it("should add nothing when seeded again", async () => {
    const before = { root: await counts("root"), lawn: await counts("green-lawn") };
    await seedDemo(db, { passwordHash: "not-a-real-hash", now: new Date(NOW.getTime() + 86_400_000) });
    expect({ root: await counts("root"), lawn: await counts("green-lawn") }).toEqual(before);
  });
});

describe("demo calendar helpers", () => {
  it("should find the instant of a local time on both sides of a DST change", () => {
    expect(zonedInstant("2026-03-07", "09:00", "America/Chicago").toISOString()).toBe("2026-03-07T15:00:00.000Z");
    expect(zonedInstant("2026-03-09", "09:00", "America/Chicago").toISOString()).toBe("2026-03-09T14:00:00.000Z");
    expect(zonedInstant("2026-07-01", "09:00", "America/Phoenix").toISOString()).toBe("2026-07-01T16:00:00.000Z");
  });

  it("should count open days only, skipping weekends and holidays", () => {
    const hours = { mon: [["08:00", "17:00"]], tue: [["08:00", "17:00"]], fri: [["08:00", "17:00"]] } as const;
    const dayOf = openDayFinder("2026-12-26", hours as never, new Set(["2026-12-29"]));
    // Saturday the 26th is closed: day 0 is Monday the 28th; Tuesday the 29th is a holiday.
    expect([dayOf(-1), dayOf(0), dayOf(1), dayOf(2)]).toEqual(["2026-12-25", "2026-12-28", "2027-01-01", "2027-01-04"]);
  });

  it("should list the next twelve months' holidays from today", () => {
    const dates = demoClosedDates("2026-12-09").map((d) => `${d.date} ${d.reason}`);
    expect(dates).toEqual([
      "2026-12-25 Christmas Day",
      "2027-01-01 New Year's Day",
      "2027-05-31 Memorial Day",
      "2027-07-04 Independence Day",
      "2027-09-06 Labor Day",
      "2027-11-25 Thanksgiving",
    ]);
  });
});
