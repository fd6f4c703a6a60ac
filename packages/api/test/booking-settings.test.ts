// How a business takes bookings (tenant.booking.*) and who can be booked (tenant.team.*): staff
// read, admins change with shared validation and an audit row; every membership is a bookable
// staff member; another tenant's ids are not found. PGlite and PostgreSQL.

import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import type { BookingSettingsInput } from "@servicepro/scheduling";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiDeps, callerWith, createBusiness, member, platform } from "./catalog-fixtures.ts";

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
};

const SETTINGS: BookingSettingsInput = {
  hours: {
    mon: [
      ["08:00", "12:00"],
      ["13:00", "17:00"],
    ],
    sat: [["09:00", "13:00"]],
  },
  closedDates: [
    { date: "2026-12-25", reason: "Christmas" },
    { date: "2026-07-04", reason: "" },
  ],
  slotIntervalMinutes: 15,
  leadTimeMinutes: 60,
  bookingWindowDays: 30,
  bufferMinutes: 10,
  maxConcurrent: 2,
  onlineBookingEnabled: true,
  depositCents: 2000,
  cancellationWindowHours: 48,
  cancellationFeeCents: 1500,
  reminderOffsetsMinutes: [120, 1440],
  quietHoursStart: "20:00",
  quietHoursEnd: "08:30",
};

describe.each(testEngines())("booking settings and team on %s", (engine) => {
  let db: TestDatabase;
  const tokens = { admin: "", staff: "", otherAdmin: "" };
  let deps: ReturnType<typeof apiDeps>;
  const admin = () => callerWith(deps, tokens.admin).api;
  const staff = () => callerWith(deps, tokens.staff).api;
  const otherAdmin = () => callerWith(deps, tokens.otherAdmin).api;
  const audits = (action: string) =>
    platform(db).run((tx) => tx.auditLog.findMany({ where: { action }, orderBy: { createdAt: "asc" } }));

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await createBusiness(db, "alpha-lawn", { timezone: "America/Denver" });
    await createBusiness(db, "bravo-lawn");
    deps = apiDeps(db);
    tokens.admin = (await member(db, "alpha-lawn", "tenant_admin")).token;
    tokens.staff = (await member(db, "alpha-lawn", "tenant_staff")).token;
    tokens.otherAdmin = (await member(db, "bravo-lawn", "tenant_admin")).token;
  });
  afterAll(() => db?.drop());

  it("should answer the defaults and the business's time zone before anything is saved", async () => {
    const settings = await staff().tenant.booking.settings();
    expect(settings).toMatchObject({
      slotIntervalMinutes: 30,
      reminderOffsetsMinutes: [1440, 120],
      quietHoursStart: "21:00",
      timeZone: "America/Denver",
      updatedAt: null,
    });
  });

  it("should save the settings, earliest reminder first, closed dates in order, and audit what changed", async () => {
    const saved = await admin().tenant.booking.updateSettings(SETTINGS);
    expect(saved).toMatchObject({
      hours: SETTINGS.hours,
      closedDates: [
        { date: "2026-07-04", reason: null },
        { date: "2026-12-25", reason: "Christmas" },
      ],
      reminderOffsetsMinutes: [1440, 120],
      maxConcurrent: 2,
      depositCents: 2000,
    });
    expect(await staff().tenant.booking.settings()).toEqual(saved);
    const [row] = await audits("booking.settings_updated");
    expect(row).toMatchObject({ targetTenantId: "alpha-lawn", objectType: "booking_settings" });
    expect((row!.details as { fields: string[] }).fields).toEqual(expect.arrayContaining(["hours", "closedDates"]));
    // Bravo's settings are its own.
    expect((await otherAdmin().tenant.booking.settings()).updatedAt).toBeNull();
  });

  it("should refuse staff changes to the settings", async () => {
    expect((await failure(staff().tenant.booking.updateSettings(SETTINGS))).code).toBe("FORBIDDEN");
  });

  it.each([
    ["a grid that does not divide the day", { slotIntervalMinutes: 25 }, "divides the day evenly"],
    ["a grid step too small", { slotIntervalMinutes: 1 }, "5 to 240 minutes"],
    ["five reminders", { reminderOffsetsMinutes: [10, 20, 30, 40, 50] }, "at most 4 reminders"],
    ["a repeated reminder", { reminderOffsetsMinutes: [120, 120] }, "listed once"],
    ["a reminder more than a week ahead", { reminderOffsetsMinutes: [10_081] }, "7 days"],
    ["a closed date that is not a date", { closedDates: [{ date: "2026-02-30" }] }, "YYYY-MM-DD"],
    ["quiet hours not HH:MM", { quietHoursStart: "9pm" }, "24-hour time"],
    ["hours that close before they open", { hours: { mon: [["17:00", "09:00"]] } }, "close after it opens"],
    ["a negative deposit", { depositCents: -1 }, "can't be negative"],
  ])("should refuse %s with a field message, changing nothing", async (_, patch, message) => {
    const before = await staff().tenant.booking.settings();
    const error = await failure(admin().tenant.booking.updateSettings({ ...SETTINGS, ...patch } as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(message);
    expect(await staff().tenant.booking.settings()).toEqual(before);
  });

  it("should list every member as bookable staff, then crew and resources an admin adds", async () => {
    const team = await staff().tenant.team.list();
    expect(team.map((b) => [b.kind, b.name])).toEqual([
      ["staff", "Alex Admin"],
      ["staff", "Sam Staff"],
    ]);
    expect(team.every((b) => b.membershipId !== null && b.hours === null)).toBe(true);
    const bay = await admin().tenant.team.create({ kind: "resource", name: "Wash bay", color: "#16A34A" });
    expect(bay).toMatchObject({ kind: "resource", name: "Wash bay", color: "#16a34a", position: 2, hours: null });
    const crew = await admin().tenant.team.create({
      kind: "crew",
      name: "Marcus",
      hours: { tue: [["07:00", "15:00"]] },
    });
    expect(crew.hours).toEqual({ tue: [["07:00", "15:00"]] });
    expect((await staff().tenant.team.list()).map((b) => b.name)).toEqual([
      "Alex Admin",
      "Sam Staff",
      "Wash bay",
      "Marcus",
    ]);
    expect(await audits("team.bookable_created")).toHaveLength(2);
    expect((await failure(staff().tenant.team.create({ kind: "crew", name: "Nope" }))).code).toBe("FORBIDDEN");
    expect((await failure(admin().tenant.team.create({ kind: "staff", name: "Nope" } as never))).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("should update a bookable's hours (null: the business's again), colour and active flag", async () => {
    const crew = (await staff().tenant.team.list()).find((b) => b.name === "Marcus")!;
    const updated = await admin().tenant.team.update({ id: crew.id, hours: null, active: false, color: "#000000" });
    expect(updated).toMatchObject({ hours: null, active: false, color: "#000000", name: "Marcus" });
    expect(await audits("team.bookable_updated")).toHaveLength(1);
    expect((await failure(otherAdmin().tenant.team.update({ id: crew.id, name: "Stolen" }))).code).toBe("NOT_FOUND");
  });

  it("should add and remove time off, shown while it has not ended", async () => {
    const [first] = await staff().tenant.team.list();
    const off = await admin().tenant.team.addTimeOff({
      bookableId: first!.id,
      startsAt: "2099-12-24T00:00:00-07:00",
      endsAt: "2099-12-27T00:00:00-07:00",
      reason: "Holidays",
    });
    expect(off).toMatchObject({ startsAt: "2099-12-24T07:00:00.000Z", reason: "Holidays" });
    expect((await staff().tenant.team.list())[0]!.timeOff).toEqual([off]);
    const backwards = await failure(
      admin().tenant.team.addTimeOff({
        bookableId: first!.id,
        startsAt: "2099-12-27T00:00:00-07:00",
        endsAt: "2099-12-24T00:00:00-07:00",
      }),
    );
    expect(backwards.message).toContain("must end after it starts");
    expect((await failure(otherAdmin().tenant.team.removeTimeOff({ id: off.id }))).code).toBe("NOT_FOUND");
    expect(await admin().tenant.team.removeTimeOff({ id: off.id })).toEqual({ removed: true });
    expect((await staff().tenant.team.list())[0]!.timeOff).toEqual([]);
    expect((await failure(admin().tenant.team.removeTimeOff({ id: off.id }))).code).toBe("NOT_FOUND");
  });
});
