// Loyalty on real databases (tenant.loyalty.* and the booking hooks): a completed visit earns once
// however often it is completed or accrued; a redemption takes points with one guarded statement,
// so 20 at once never overdraw; rewards follow the next appointment and are released when it is
// cancelled; staff adjustments need an admin and leave an audit row; the ledger always sums to the
// balance; lapsed points lapse when next read; another business's customers and rewards are not
// there. PGlite, and PostgreSQL with TEST_DATABASE_URL.
import { type Database, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { accrueVisit, loyaltySummary } from "@servicepro/loyalty";
import { customerSearchKeys } from "@servicepro/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiDeps } from "../src/context.ts";
import {
  api,
  type Business,
  bookingBusiness,
  chicago,
  failure,
  fixedDeps,
  NOW,
  staffToken,
} from "./booking-fixtures.ts";
import { platform } from "./catalog-fixtures.ts";

/** Two days after NOW: the appointments booked for Dec 8 have happened. */
const LATER = new Date("2026-12-09T18:00:00Z");

/** An admin of `tenantId` with a session live at `now`. */
const adminToken = (db: Database, tenantId: string, now: Date) => staffToken(db, tenantId, now, "tenant_admin");

let phoneSeq = 200;
async function newCustomer(db: Database, tenantId: string, name: string): Promise<string> {
  const phone = `+1512555${String(phoneSeq++).padStart(4, "0")}`;
  const customer = await platform(db).run((tx) =>
    tx.customer.create({
      data: { tenantId, phone, name, source: "staff", ...customerSearchKeys({ name, phone }) },
    }),
  );
  return customer.id;
}

const pointsOf = (db: Database, tenantId: string, customerId: string) =>
  tenantDb(db, tenantId).run((tx) =>
    tx.customer.findFirstOrThrow({ where: { id: customerId }, select: { pointsBalance: true, pointsEarned: true } }),
  );

describe.each(testEngines())("loyalty on %s", (engine) => {
  let db: TestDatabase;
  let alpha: Business;
  let bravo: Business;
  let now: ApiDeps;
  let later: ApiDeps;
  let staff = "";
  let staffLater = "";
  let admin = "";
  let bravoStaff = "";
  let bravoAdmin = "";
  let tenDollarsOff = "";
  let freeAddOn = "";
  let slot = 0;

  /** A booking at a time of its own on Dec 8 (slots never clash). */
  const book = async (customerId: string, day = 8) => {
    const hour = 8 + (slot % 8);
    const bookable = Math.floor(slot / 8) % 2;
    const dayOffset = Math.floor(slot / 16);
    slot++;
    return api(now, staff).tenant.appointments.create({
      customerId,
      serviceId: alpha.serviceId,
      startsAt: chicago(day + dayOffset * 2, `${String(hour).padStart(2, "0")}:00`),
      bookableId: alpha.bookableIds[bookable],
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase(engine, { poolSize: 8 });
    alpha = await bookingBusiness(db, "alpha-loyal");
    bravo = await bookingBusiness(db, "bravo-loyal");
    now = fixedDeps(db);
    later = fixedDeps(db, () => LATER);
    staff = (await staffToken(db, alpha.id)).token;
    staffLater = (await staffToken(db, alpha.id, LATER)).token;
    admin = (await adminToken(db, alpha.id, NOW)).token;
    bravoStaff = (await staffToken(db, bravo.id)).token;
    bravoAdmin = (await adminToken(db, bravo.id, NOW)).token;
    const loyalty = api(now, admin).tenant.loyalty;
    await loyalty.updateSettings({
      enabled: true,
      pointsPerDollar: 1,
      pointsPerVisit: 10,
      reviewBonus: 50,
      referralBonus: 0,
      expiryMonths: 12,
      tiers: [
        { name: "Silver", minPoints: 100 },
        { name: "Gold", minPoints: 1000 },
      ],
    });
    tenDollarsOff = (
      await loyalty.createReward({
        name: "$10 off",
        kind: "money_off",
        pointsCost: 100,
        amountCents: 1000,
        addOnId: null,
      })
    ).id;
    freeAddOn = (
      await loyalty.createReward({
        name: "Free pet hair removal",
        kind: "free_add_on",
        pointsCost: 150,
        amountCents: null,
        addOnId: alpha.addOnId,
      })
    ).id;
  });
  afterAll(() => db?.drop());

  it("should save the programme and list the rewards with their add-on", async () => {
    const settings = await api(now, staff).tenant.loyalty.settings();
    expect(settings).toMatchObject({ enabled: true, pointsPerVisit: 10, expiryMonths: 12 });
    expect(settings.tiers.map((t) => t.name)).toEqual(["Silver", "Gold"]);
    const rewards = await api(now, staff).tenant.loyalty.rewards();
    expect(rewards).toEqual([
      expect.objectContaining({ id: tenDollarsOff, kind: "money_off", amountCents: 1000, addOnName: null }),
      expect.objectContaining({
        id: freeAddOn,
        kind: "free_add_on",
        addOnId: alpha.addOnId,
        addOnName: "Pet Hair Removal",
      }),
    ]);
    const refused = await failure(api(now, staff).tenant.loyalty.updateSettings({ ...settings, enabled: false }));
    expect(refused.code).toBe("FORBIDDEN");
    const bad = await failure(
      api(now, admin).tenant.loyalty.createReward({
        name: "Nothing",
        kind: "money_off",
        pointsCost: 10,
        amountCents: null,
        addOnId: null,
      }),
    );
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.message).toContain("how much the reward takes off");
  });

  it("should accrue a completed visit once, however often it is completed or accrued", async () => {
    const customerId = await newCustomer(db, alpha.id, "Casey Once");
    const appointment = await book(customerId);
    await api(later, staffLater).tenant.appointments.complete({ id: appointment.id, chargedCents: 8599 });
    // $85 → 85 points, plus 10 for the visit.
    expect(await pointsOf(db, alpha.id, customerId)).toEqual({ pointsBalance: 95, pointsEarned: 95 });

    const again = await failure(api(later, staffLater).tenant.appointments.complete({ id: appointment.id }));
    expect(again.code).toBe("BAD_REQUEST");
    // Called directly, twice in a row and five times at once: still one visit entry.
    const accrue = () =>
      tenantDb(db, alpha.id).run((tx) =>
        accrueVisit(tx, {
          appointmentId: appointment.id,
          customerId,
          chargedCents: 8599,
          actor: { kind: "system" },
          now: LATER,
        }),
      );
    expect(await accrue()).toBeNull();
    await Promise.all(Array.from({ length: 5 }, accrue));
    const entries = await platform(db).run((tx) => tx.loyaltyEntry.findMany({ where: { customerId } }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "visit", points: 95, balanceAfter: 95, appointmentId: appointment.id });
    expect(await pointsOf(db, alpha.id, customerId)).toEqual({ pointsBalance: 95, pointsEarned: 95 });

    const summary = await api(later, staffLater).tenant.loyalty.customer({ customerId });
    expect(summary).toMatchObject({
      enabled: true,
      balance: 95,
      earned: 95,
      tier: null,
      nextTier: { name: "Silver", pointsToGo: 5 },
      lapsesAt: "2027-12-09T18:00:00.000Z",
    });
    expect(summary.history.map((h) => h.description)).toEqual(["Express Wash on Dec 8"]);
    expect(summary.rewards.map((r) => [r.name, r.affordable])).toEqual([
      ["$10 off", false],
      ["Free pet hair removal", false],
    ]);
  });

  it("should refuse a redemption the balance cannot pay, and write nothing", async () => {
    const customerId = await newCustomer(db, alpha.id, "Riley Short");
    await api(now, admin).tenant.loyalty.adjust({ customerId, kind: "adjust", points: 80, reason: "Opening balance" });
    const refused = await failure(api(now, staff).tenant.loyalty.redeem({ customerId, rewardId: tenDollarsOff }));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe("You have 80 points; this reward needs 100.");
    expect(await pointsOf(db, alpha.id, customerId)).toEqual({ pointsBalance: 80, pointsEarned: 80 });
    const written = await platform(db).run(async (tx) => ({
      redemptions: await tx.loyaltyRedemption.count({ where: { customerId } }),
      entries: await tx.loyaltyEntry.count({ where: { customerId } }),
    }));
    expect(written).toEqual({ redemptions: 0, entries: 1 });
  });

  it("should let exactly floor(balance / cost) of 20 concurrent redemptions through, never below zero", async () => {
    const customerId = await newCustomer(db, alpha.id, "Morgan Many");
    await api(now, admin).tenant.loyalty.adjust({ customerId, kind: "adjust", points: 1000, reason: "Race test" });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => api(now, staff).tenant.loyalty.redeem({ customerId, rewardId: freeAddOn })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(Math.floor(1000 / 150));
    expect(lost).toHaveLength(20 - 6);
    for (const refusal of lost)
      expect((refusal.reason as Error).message).toMatch(/^You have \d+ points?; this reward needs 150\.$/);
    expect(await pointsOf(db, alpha.id, customerId)).toEqual({ pointsBalance: 100, pointsEarned: 1000 });
    const balances = won
      .map((r) => (r as PromiseFulfilledResult<{ balance: number }>).value.balance)
      .sort((a, b) => b - a);
    expect(balances).toEqual([850, 700, 550, 400, 250, 100]);
    const redemptions = await platform(db).run((tx) => tx.loyaltyRedemption.count({ where: { customerId } }));
    expect(redemptions).toBe(6);
  });

  it("should apply a reward to the next appointment, release it when that is cancelled, and attach it to the next booking", async () => {
    const customerId = await newCustomer(db, alpha.id, "Jamie Next");
    await api(now, admin).tenant.loyalty.adjust({ customerId, kind: "adjust", points: 300, reason: "Welcome" });
    // Nothing booked: the reward waits, open.
    const waiting = await api(now, staff).tenant.loyalty.redeem({ customerId, rewardId: tenDollarsOff });
    expect(waiting.redemption).toMatchObject({ status: "open", appointmentId: null, rewardName: "$10 off" });
    expect(waiting.balance).toBe(200);
    // A booking takes it.
    const first = await book(customerId, 10);
    const applied = await api(now, staff).tenant.loyalty.customer({ customerId });
    expect(applied.redemptions[0]).toMatchObject({
      status: "applied",
      appointmentId: first.id,
      appointmentStartsAt: first.startsAt,
    });
    // Redeemed with a booking on the calendar: applied to it at once.
    const second = await api(now, staff).tenant.loyalty.redeem({ customerId, rewardId: tenDollarsOff });
    expect(second.redemption).toMatchObject({ status: "applied", appointmentId: first.id });
    // Cancelling the appointment releases both; the next booking takes them again.
    await api(now, staff).tenant.appointments.cancel({ id: first.id, reason: "Sick" });
    const released = await platform(db).run((tx) => tx.loyaltyRedemption.findMany({ where: { customerId } }));
    expect(released.map((r) => [r.status, r.appointmentId])).toEqual([
      ["open", null],
      ["open", null],
    ]);
    const rebooked = await book(customerId, 11);
    const reapplied = await platform(db).run((tx) => tx.loyaltyRedemption.findMany({ where: { customerId } }));
    expect(reapplied.every((r) => r.status === "applied" && r.appointmentId === rebooked.id)).toBe(true);
    // Cancelling a reward gives its points back, once.
    const cancelled = await api(now, staff).tenant.loyalty.cancelRedemption({ redemptionId: second.redemption.id });
    expect(cancelled).toMatchObject({ balance: 200, redemption: { status: "cancelled" } });
    const twice = await failure(
      api(now, staff).tenant.loyalty.cancelRedemption({ redemptionId: second.redemption.id }),
    );
    expect(twice.message).toBe("This reward was already cancelled and its points returned.");
    const summary = await api(now, staff).tenant.loyalty.customer({ customerId });
    expect(summary.balance).toBe(200);
    expect(summary.history.map((h) => h.description)).toContain("Returned: $10 off was cancelled");
  });

  it("should refuse to cancel a reward used on a visit that has happened", async () => {
    const customerId = await newCustomer(db, alpha.id, "Pat Used");
    await api(now, admin).tenant.loyalty.adjust({ customerId, kind: "adjust", points: 100, reason: "Welcome" });
    const appointment = await book(customerId);
    const { redemption } = await api(now, staff).tenant.loyalty.redeem({ customerId, rewardId: tenDollarsOff });
    expect(redemption.appointmentId).toBe(appointment.id);
    await api(later, staffLater).tenant.appointments.complete({ id: appointment.id });
    const refused = await failure(
      api(later, staffLater).tenant.loyalty.cancelRedemption({ redemptionId: redemption.id }),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("was used on the visit of Dec 8");
  });

  it("should let only admins adjust points, with a reason, never below zero, and audit every adjustment", async () => {
    const customerId = await newCustomer(db, alpha.id, "Sam Adjusted");
    const denied = await failure(
      api(now, staff).tenant.loyalty.adjust({ customerId, kind: "adjust", points: 10, reason: "Sneaky" }),
    );
    expect(denied.code).toBe("FORBIDDEN");
    const noReason = await failure(
      api(now, admin).tenant.loyalty.adjust({ customerId, kind: "adjust", points: 10, reason: "  " }),
    );
    expect(noReason.code).toBe("BAD_REQUEST");

    const added = await api(now, admin).tenant.loyalty.adjust({
      customerId,
      kind: "adjust",
      points: 40,
      reason: "Goodwill",
    });
    expect(added).toMatchObject({ points: 40, balance: 40, earned: 40 });
    // A review bonus without points awards the programme's bonus (50).
    const bonus = await api(now, admin).tenant.loyalty.adjust({
      customerId,
      kind: "review_bonus",
      reason: "Google review",
    });
    expect(bonus).toMatchObject({ points: 50, balance: 90 });
    // The programme has no referral bonus: points must be given.
    const noBonus = await failure(
      api(now, admin).tenant.loyalty.adjust({ customerId, kind: "referral_bonus", reason: "Sent a friend" }),
    );
    expect(noBonus.message).toContain("no referral bonus");
    const tooMuch = await failure(
      api(now, admin).tenant.loyalty.adjust({ customerId, kind: "adjust", points: -91, reason: "Oops" }),
    );
    expect(tooMuch.message).toBe("This customer has 90 points, so you can take away at most 90.");
    await api(now, admin).tenant.loyalty.adjust({ customerId, kind: "adjust", points: -30, reason: "Double award" });
    expect(await pointsOf(db, alpha.id, customerId)).toEqual({ pointsBalance: 60, pointsEarned: 60 });

    const audits = await platform(db).run((tx) =>
      tx.auditLog.findMany({
        where: { action: "loyalty.points_adjusted", objectId: customerId },
        orderBy: { createdAt: "asc" },
      }),
    );
    expect(audits.map((a) => a.details)).toEqual([
      expect.objectContaining({ kind: "adjust", points: 40, reason: "Goodwill", balance: 40 }),
      expect.objectContaining({ kind: "review_bonus", points: 50, reason: "Google review", balance: 90 }),
      expect.objectContaining({ kind: "adjust", points: -30, reason: "Double award", balance: 60 }),
    ]);
    expect(audits.every((a) => a.targetTenantId === alpha.id && a.actorUserId)).toBe(true);
    const history = await api(now, staff).tenant.loyalty.customer({ customerId });
    expect(history.history.map((h) => h.description)).toEqual(
      expect.arrayContaining([
        "Adjusted by staff: Goodwill",
        "Review bonus: Google review",
        "Adjusted by staff: Double award",
      ]),
    );
  });

  it("should lapse an idle balance when it is next read, with an entry, and reach tiers by points ever earned", async () => {
    const customerId = await newCustomer(db, alpha.id, "Lee Idle");
    await api(now, admin).tenant.loyalty.adjust({ customerId, kind: "adjust", points: 1200, reason: "Migrated card" });
    const before = await tenantDb(db, alpha.id).run((tx) => loyaltySummary(tx, { customerId, now: NOW }));
    expect(before).toMatchObject({ balance: 1200, tier: "Gold", nextTier: null, lapsesAt: "2027-12-07T12:00:00.000Z" });
    const justBefore = new Date("2027-12-07T11:59:59Z");
    expect(
      (await tenantDb(db, alpha.id).run((tx) => loyaltySummary(tx, { customerId, now: justBefore }))).balance,
    ).toBe(1200);
    const after = await tenantDb(db, alpha.id).run((tx) =>
      loyaltySummary(tx, { customerId, now: new Date("2027-12-07T12:00:00Z") }),
    );
    expect(after).toMatchObject({ balance: 0, earned: 1200, tier: "Gold", lapsesAt: null });
    expect(after.history[0]).toMatchObject({ kind: "expire", points: -1200, balanceAfter: 0 });
    expect(after.history[0]!.description).toBe("Expired after 12 months without activity");
    // Reading again lapses nothing more.
    await tenantDb(db, alpha.id).run((tx) => loyaltySummary(tx, { customerId, now: new Date("2028-06-01T00:00:00Z") }));
    const expiries = await platform(db).run((tx) => tx.loyaltyEntry.count({ where: { customerId, kind: "expire" } }));
    expect(expiries).toBe(1);
  });

  it("should do nothing for a business whose programme is off, and refuse redemptions there", async () => {
    const appointment = await api(now, bravoStaff).tenant.appointments.create({
      customerId: bravo.customerId,
      serviceId: bravo.serviceId,
      startsAt: chicago(8, "09:00"),
      bookableId: bravo.bookableIds[0],
    });
    const bravoLater = (await staffToken(db, bravo.id, LATER)).token;
    await api(later, bravoLater).tenant.appointments.complete({ id: appointment.id });
    expect(await pointsOf(db, bravo.id, bravo.customerId)).toEqual({ pointsBalance: 0, pointsEarned: 0 });
    const summary = await api(now, bravoStaff).tenant.loyalty.customer({ customerId: bravo.customerId });
    expect(summary).toMatchObject({ enabled: false, balance: 0, history: [], rewards: [] });
    const reward = await api(now, bravoAdmin).tenant.loyalty.createReward({
      name: "$5 off",
      kind: "money_off",
      pointsCost: 10,
      amountCents: 500,
      addOnId: null,
    });
    const off = await failure(
      api(now, bravoStaff).tenant.loyalty.redeem({ customerId: bravo.customerId, rewardId: reward.id }),
    );
    expect(off.code).toBe("BAD_REQUEST");
    expect(off.message).toContain("loyalty programme is turned off");
    const retired = await api(now, bravoAdmin).tenant.loyalty.updateReward({
      id: reward.id,
      name: "$5 off",
      kind: "money_off",
      pointsCost: 10,
      amountCents: 500,
      addOnId: null,
      active: false,
    });
    expect(retired.active).toBe(false);
    const gone = await failure(
      api(now, bravoStaff).tenant.loyalty.redeem({ customerId: bravo.customerId, rewardId: reward.id }),
    );
    expect(gone.code).toBe("NOT_FOUND");
  });

  it("should not let another business see or touch this one's customers, rewards or redemptions", async () => {
    const customerId = await newCustomer(db, alpha.id, "Alex Private");
    await api(now, admin).tenant.loyalty.adjust({ customerId, kind: "adjust", points: 500, reason: "Private" });
    const { redemption } = await api(now, staff).tenant.loyalty.redeem({ customerId, rewardId: tenDollarsOff });
    const bravoApi = api(now, bravoAdmin).tenant.loyalty;
    const calls = [
      () => bravoApi.customer({ customerId }),
      () => bravoApi.adjust({ customerId, kind: "adjust", points: 10, reason: "Cross-tenant" }),
      () => bravoApi.redeem({ customerId: bravo.customerId, rewardId: tenDollarsOff }),
      () => bravoApi.cancelRedemption({ redemptionId: redemption.id }),
      () =>
        bravoApi.updateReward({
          id: tenDollarsOff,
          name: "Mine now",
          kind: "money_off",
          pointsCost: 1,
          amountCents: 100,
          addOnId: null,
        }),
      () =>
        bravoApi.createReward({
          name: "Their add-on",
          kind: "free_add_on",
          pointsCost: 5,
          amountCents: null,
          addOnId: alpha.addOnId,
        }),
    ];
    // One at a time: a refusal is awaited as soon as it is made.
    for (const call of calls) expect((await failure(call())).code).toBe("NOT_FOUND");
    expect(await pointsOf(db, alpha.id, customerId)).toEqual({ pointsBalance: 400, pointsEarned: 500 });
    const reward = await platform(db).run((tx) => tx.loyaltyReward.findFirstOrThrow({ where: { id: tenDollarsOff } }));
    expect(reward).toMatchObject({ name: "$10 off", pointsCost: 100 });
  });

  it("should keep every customer's balance equal to the sum of their ledger, and each entry's balance after within it", async () => {
    const mismatches = await platform(db).run(
      (tx) => tx.$queryRaw<{ id: string }[]>`
        SELECT c.id FROM customers c
        LEFT JOIN (SELECT tenant_id, customer_id, sum(points)::int AS total FROM loyalty_entries GROUP BY 1, 2) l
          ON l.tenant_id = c.tenant_id AND l.customer_id = c.id
        WHERE c.points_balance <> coalesce(l.total, 0)`,
    );
    expect(mismatches).toEqual([]);
    const customers = await platform(db).run((tx) => tx.loyaltyEntry.groupBy({ by: ["customerId"], _count: true }));
    expect(customers.length).toBeGreaterThanOrEqual(7);
  });
});
