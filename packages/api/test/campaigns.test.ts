// Campaigns through tenant.campaigns.* on real databases: the audience (every filter, and consent
// that no filter can remove) counted live and expanded set-based into the outbox; the composer's
// field errors (empty, over 10 segments, unknown merge field, a past time, a time or "now" inside
// the quiet hours); an empty audience sends nothing; a sending campaign can't be edited; pause,
// resume and cancel move the state and the drain jobs; results credit bookings made within 7 days
// to the last campaign that reached the customer; a starter plan is refused on every procedure;
// another business's campaigns are not there. PGlite, and PostgreSQL with TEST_DATABASE_URL.
import type { Database } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { customerSearchKeys } from "@servicepro/validators";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ApiDeps, type ApiMessaging, createApiDeps } from "../src/context.ts";
import {
  api,
  type Business,
  bookingBusiness,
  failure,
  fieldMessages,
  fieldPaths,
  staffToken,
} from "./booking-fixtures.ts";
import { platform } from "./catalog-fixtures.ts";

/** Noon in Chicago on Monday Dec 7: inside the sending hours. */
const NOON = new Date("2026-12-07T18:00:00Z");
/** 6 AM in Chicago: before 8 AM, so nothing may be sent. */
const EARLY = new Date("2026-12-07T12:00:00Z");
const BASE_URL = "https://app.example.com";
const DAY = 24 * 60 * 60 * 1000;

type DrainCall = { tenantId: string; campaignId: string; at: Date | undefined };

function depsAt(db: Database, now: Date, drains: DrainCall[]): ApiDeps {
  const messaging = new Proxy({} as ApiMessaging, {
    get: (_target, key) => {
      if (key === "campaigns")
        return {
          start: async (tenantId: string, campaignId: string, at?: Date) => {
            drains.push({ tenantId, campaignId, at });
          },
        };
      throw new Error(`This test's messaging has no ${String(key)}.`);
    },
  });
  return createApiDeps({ db, logger: silentLogger, messaging, publicBaseUrl: BASE_URL, now: () => now });
}

const silentLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  child: () => silentLogger,
};

let phoneSeq = 300;
type Shape = {
  name?: string | null;
  marketing?: "opted_in" | "opted_out" | null;
  optedOut?: boolean;
  lastVisitDaysAgo?: number;
  tags?: string[];
  pointsEarned?: number;
  completedService?: string;
  pet?: boolean;
};

async function customer(db: Database, business: Business, shape: Shape): Promise<string> {
  const phone = `+1512556${String(phoneSeq++).padStart(4, "0")}`;
  const name = shape.name === undefined ? "Casey Campaign" : shape.name;
  return platform(db).run(async (tx) => {
    const row = await tx.customer.create({
      data: {
        tenantId: business.id,
        phone,
        name,
        source: "staff",
        tags: shape.tags ?? [],
        pointsEarned: shape.pointsEarned ?? 0,
        pointsBalance: shape.pointsEarned ?? 0,
        lastVisitAt: shape.lastVisitDaysAgo === undefined ? null : new Date(+NOON - shape.lastVisitDaysAgo * DAY),
        ...customerSearchKeys({ name, phone }),
      },
    });
    if (shape.marketing !== null)
      await tx.marketingConsent.create({
        data: { tenantId: business.id, phone, state: shape.marketing ?? "opted_in", source: "staff" },
      });
    if (shape.optedOut)
      await tx.smsConsent.create({ data: { tenantId: business.id, phone, state: "opted_out", source: "keyword" } });
    if (shape.pet)
      await tx.asset.create({ data: { tenantId: business.id, customerId: row.id, kind: "pet", label: "Biscuit" } });
    if (shape.completedService) {
      const startsAt = new Date(+NOON - 30 * DAY);
      await tx.appointment.create({
        data: {
          tenantId: business.id,
          customerId: row.id,
          serviceId: shape.completedService,
          bookableId: business.bookableIds[0]!,
          startsAt,
          endsAt: new Date(+startsAt + 60 * 60 * 1000),
          blocksUntil: new Date(+startsAt + 60 * 60 * 1000),
          durationMinutes: 60,
          priceCents: 5000,
          status: "completed",
          bookedBy: "staff",
        },
      });
    }
    return row.id;
  });
}

describe.each(testEngines())("campaigns on %s", (engine) => {
  let db: TestDatabase;
  let alpha: Business;
  let bravo: Business;
  let admin = "";
  let staff = "";
  let bravoAdmin = "";
  const drains: DrainCall[] = [];
  const at = (now: Date) => depsAt(db, now, drains);
  let adminEarly = "";
  const asAdmin = (now = NOON) => api(at(now), now === EARLY ? adminEarly : admin).tenant.campaigns;

  beforeAll(async () => {
    db = await createTestDatabase(engine, { poolSize: 8 });
    alpha = await bookingBusiness(db, "alpha-camp");
    bravo = await bookingBusiness(db, "bravo-camp");
    await platform(db).run(async (tx) => {
      for (const id of [alpha.id, bravo.id]) {
        await tx.tenant.update({ where: { id }, data: { planTier: "pro" } });
        await tx.tenantPhoneConfig.create({
          data: { tenantId: id, phoneNumber: id === alpha.id ? "+15125550990" : "+15125550991" },
        });
      }
      await tx.loyaltySettings.create({
        data: {
          tenantId: alpha.id,
          enabled: true,
          tiers: [
            { name: "Silver", minPoints: 100 },
            { name: "Gold", minPoints: 500 },
          ],
        },
      });
    });
    admin = (await staffToken(db, alpha.id, NOON, "tenant_admin")).token;
    adminEarly = (await staffToken(db, alpha.id, EARLY, "tenant_admin")).token;
    staff = (await staffToken(db, alpha.id, NOON)).token;
    bravoAdmin = (await staffToken(db, bravo.id, NOON, "tenant_admin")).token;
    // Dana Driver (the fixtures' customer) never agreed to offers: in no audience.
    await customer(db, alpha, {
      name: "Lapsed Lou",
      lastVisitDaysAgo: 90,
      tags: ["VIP"],
      completedService: alpha.serviceId,
    });
    await customer(db, alpha, { name: "Recent Rae", lastVisitDaysAgo: 10, pointsEarned: 150 });
    await customer(db, alpha, { name: "Golden Gil", lastVisitDaysAgo: 200, pointsEarned: 800, pet: true });
    await customer(db, alpha, { name: null });
    await customer(db, alpha, { name: "Stopped Stu", lastVisitDaysAgo: 90, optedOut: true });
    await customer(db, alpha, { name: "Declined Dee", lastVisitDaysAgo: 90, marketing: "opted_out" });
    await customer(db, alpha, { name: "Never Asked Ned", lastVisitDaysAgo: 90, marketing: null });
    await customer(db, bravo, { name: "Bravo Bea", lastVisitDaysAgo: 90 });
  });
  afterAll(() => db?.drop());

  const count = async (audience: object) =>
    (await api(at(NOON), staff).tenant.campaigns.audiencePreview({ audience })).count;

  it("should count only customers who agreed to offers and haven't opted out, narrowed by every filter", async () => {
    expect(await count({})).toBe(4);
    expect(await count({ lastVisitMoreThanDays: 60 })).toBe(2);
    expect(await count({ lastVisitWithinDays: 30 })).toBe(1);
    expect(await count({ lastVisitMoreThanDays: 60, lastVisitWithinDays: 120 })).toBe(1);
    expect(await count({ serviceIds: [alpha.serviceId] })).toBe(1);
    expect(await count({ serviceIds: [alpha.sizedServiceId] })).toBe(0);
    expect(await count({ assetKinds: ["pet"] })).toBe(1);
    expect(await count({ tags: ["vip"] })).toBe(1);
    expect(await count({ tiers: ["Silver"] })).toBe(1);
    expect(await count({ tiers: ["gold", "Silver"] })).toBe(2);
    // Never booked: the customer without a name (Lou has a completed visit; the others have only a last-visit date).
    expect(await count({ neverBooked: true })).toBe(3);
    expect(await (await api(at(NOON), bravoAdmin).tenant.campaigns.audiencePreview({ audience: {} })).count).toBe(1);
  });

  it("should preview each recipient's text with merge fields, the STOP line, segments and cost", async () => {
    const preview = await api(at(NOON), staff).tenant.campaigns.audiencePreview({
      audience: { tiers: ["Gold"] },
      body: "Hi {first_name}, you have {points} points. Book: {booking_link}",
    });
    expect(preview.count).toBe(1);
    expect(preview.samples[0]!.text).toBe(
      "Shine alpha-camp: Hi Golden, you have 800 points. Book: https://app.example.com/book/alpha-camp\nReply STOP to opt out",
    );
    expect(preview.message).toMatchObject({ segments: 1, encoding: "GSM-7", overLimit: false });
    expect(preview.message!.estimatedCostCents).toBe(1);
    const nameless = await api(at(NOON), staff).tenant.campaigns.audiencePreview({
      audience: { neverBooked: true, tags: ["nobody"] },
      body: "Hi {first_name}!",
    });
    expect(nameless.count).toBe(0);
  });

  it("should refuse an unknown tier, an empty message, an unknown merge field and more than 10 segments as field errors", async () => {
    const tier = await failure(count({ tiers: ["Platinum"] }));
    expect(fieldPaths(tier)).toEqual(["audience.tiers.0"]);
    const empty = await failure(asAdmin().create({ name: "Empty", body: "   ", audience: {} }));
    expect(fieldPaths(empty)).toEqual(["body"]);
    const unknown = await failure(asAdmin().create({ name: "Typo", body: "Hi {firstname}!", audience: {} }));
    expect(fieldMessages(unknown).join()).toMatch(/Unknown merge field \{firstname\}/);
    const long = await failure(asAdmin().create({ name: "Long", body: "Big sale! ".repeat(150), audience: {} }));
    expect(fieldPaths(long)).toEqual(["body"]);
    expect(fieldMessages(long).join()).toMatch(/segments.*the limit is 10/);
    const unicode = await failure(asAdmin().create({ name: "Emoji", body: "🎉 Sale! ".repeat(100), audience: {} }));
    expect(fieldMessages(unicode).join()).toMatch(/Unicode/);
  });

  it("should refuse a time in the past or inside the quiet hours, and 'now' before 8 AM, changing nothing", async () => {
    const draft = await asAdmin().create({ name: "Timing", body: "Hi {first_name}!", audience: {} });
    const past = await failure(asAdmin().schedule({ id: draft.id, sendAt: new Date(+NOON - DAY).toISOString() }));
    expect(fieldPaths(past)).toEqual(["sendAt"]);
    // 10 PM in Chicago.
    const late = await failure(asAdmin().schedule({ id: draft.id, sendAt: "2026-12-08T04:00:00Z" }));
    expect(fieldMessages(late).join()).toMatch(/10:00 PM.*next sending time is Tue, Dec 8, 8:00 AM/);
    const early = await failure(asAdmin(EARLY).schedule({ id: draft.id, sendAt: "now" }));
    expect(fieldMessages(early).join()).toMatch(/It's 6:00 AM/);
    const unchanged = await asAdmin().get({ id: draft.id });
    expect(unchanged.campaign).toMatchObject({ status: "draft", scheduledAt: null, recipientCount: 0 });
  });

  it("should refuse an audience of zero with a notice, sending nothing", async () => {
    const draft = await asAdmin().create({ name: "Nobody", body: "Hi!", audience: { tags: ["no-such-tag"] } });
    const error = await failure(asAdmin().schedule({ id: draft.id, sendAt: "now" }));
    expect(fieldPaths(error)).toEqual(["audience"]);
    expect(error.message).toMatch(/Nothing was sent/);
    expect((await asAdmin().get({ id: draft.id })).campaign.status).toBe("draft");
  });

  it("should expand the audience into the outbox at 'send now', start the drain, and refuse edits while sending", async () => {
    drains.length = 0;
    const draft = await asAdmin().create({
      name: "Lapsed",
      body: "We miss you, {first_name}! 15% off: {booking_link}",
      audience: { lastVisitMoreThanDays: 60 },
    });
    const started = await asAdmin().schedule({ id: draft.id, sendAt: "now" });
    expect(started).toMatchObject({ status: "sending", recipientCount: 2 });
    expect(started.progress).toMatchObject({ total: 2, queued: 2 });
    expect(drains).toEqual([{ tenantId: alpha.id, campaignId: draft.id, at: NOON }]);
    const sends = await platform(db).run((tx) =>
      tx.campaignSend.findMany({ where: { tenantId: alpha.id, campaignId: draft.id }, orderBy: { phone: "asc" } }),
    );
    expect(sends.map((s) => [s.status, s.fromNumber, s.senderKey])).toEqual([
      ["queued", "+15125550990", "+15125550990"],
      ["queued", "+15125550990", "+15125550990"],
    ]);
    const edit = await failure(asAdmin().update({ id: draft.id, name: "Changed", body: "Hi", audience: {} }));
    expect(edit.code).toBe("CONFLICT");
    expect(edit.message).toMatch(/is sending/);
    expect((edit.cause as { reason?: { status?: string } } | undefined)?.reason?.status ?? "sending").toBe("sending");

    // Pause, resume (a new drain job), cancel (the unsent are skipped).
    expect((await asAdmin().pause({ id: draft.id })).status).toBe("paused");
    expect((await failure(asAdmin().pause({ id: draft.id }))).code).toBe("CONFLICT");
    expect((await asAdmin().resume({ id: draft.id })).status).toBe("sending");
    expect(drains).toHaveLength(2);
    const cancelled = await asAdmin().cancel({ id: draft.id });
    expect(cancelled).toMatchObject({ status: "cancelled", progress: { queued: 0, skipped: 2 } });
    const audits = await platform(db).run((tx) =>
      tx.auditLog.findMany({ where: { objectId: draft.id }, select: { action: true }, orderBy: { createdAt: "asc" } }),
    );
    expect(audits.map((a) => a.action)).toEqual([
      "campaign.created",
      "campaign.started",
      "campaign.paused",
      "campaign.resumed",
      "campaign.cancelled",
    ]);
  });

  it("should schedule for later inside the sending hours and queue the drain for that time", async () => {
    drains.length = 0;
    const draft = await asAdmin().create({ name: "Tomorrow", body: "Hi {first_name}!", audience: {} });
    const when = "2026-12-08T16:00:00Z"; // 10 AM in Chicago
    const scheduled = await asAdmin().schedule({ id: draft.id, sendAt: when });
    expect(scheduled).toMatchObject({
      status: "scheduled",
      scheduledAt: new Date(when).toISOString(),
      recipientCount: 0,
    });
    expect(drains).toEqual([{ tenantId: alpha.id, campaignId: draft.id, at: new Date(when) }]);
    // A scheduled campaign can still be edited.
    expect(
      (await asAdmin().update({ id: draft.id, name: "Tomorrow!", body: "Hey {first_name}", audience: {} })).name,
    ).toBe("Tomorrow!");
  });

  it("should credit a booking within 7 days to the last campaign that reached the customer", async () => {
    const lou = await customer(db, alpha, { name: "Booker Bo", lastVisitDaysAgo: 400 });
    const make = async (name: string, sentAt: Date) =>
      platform(db).run(async (tx) => {
        const campaign = await tx.campaign.create({
          data: { tenantId: alpha.id, name, body: "Hi", status: "completed", recipientCount: 1 },
        });
        await tx.campaignSend.create({
          data: {
            tenantId: alpha.id,
            campaignId: campaign.id,
            customerId: lou,
            phone: "+15125569999",
            senderKey: "+15125550990",
            fromNumber: "+15125550990",
            status: "sent",
            sentAt,
          },
        });
        return campaign.id;
      });
    const first = await make("First", new Date(+NOON - 5 * DAY));
    const second = await make("Second", new Date(+NOON - 3 * DAY));
    await platform(db).run((tx) =>
      tx.appointment.create({
        data: {
          tenantId: alpha.id,
          customerId: lou,
          serviceId: alpha.serviceId,
          bookableId: alpha.bookableIds[1]!,
          startsAt: new Date(+NOON + 2 * DAY),
          endsAt: new Date(+NOON + 2 * DAY + 3_600_000),
          blocksUntil: new Date(+NOON + 2 * DAY + 3_600_000),
          durationMinutes: 60,
          priceCents: 7500,
          bookedBy: "customer",
          createdAt: new Date(+NOON - 2 * DAY),
        },
      }),
    );
    const secondResults = await api(at(NOON), staff).tenant.campaigns.results({ id: second });
    expect(secondResults.bookings).toEqual({ count: 1, revenueCents: 7500 });
    expect(secondResults.timeline.reduce((sum, day) => sum + day.bookings, 0)).toBe(1);
    expect(secondResults.timeline).toHaveLength(8);
    expect((await api(at(NOON), staff).tenant.campaigns.results({ id: first })).bookings.count).toBe(0);
  });

  it("should offer ready-made templates, the generic ones for a business without a pack", async () => {
    const templates = await api(at(NOON), staff).tenant.campaigns.templates();
    expect(templates.length).toBeGreaterThanOrEqual(3);
    expect(templates.every((t) => t.key.startsWith("generic/"))).toBe(true);
    for (const t of templates) {
      const preview = await api(at(NOON), staff).tenant.campaigns.audiencePreview({ audience: {}, body: t.body });
      expect(preview.message, t.key).toMatchObject({ encoding: "GSM-7", overLimit: false });
    }
  });

  it("should keep another business's campaigns out of sight", async () => {
    const mine = await asAdmin().create({ name: "Private", body: "Hi", audience: {} });
    const theirs = api(at(NOON), bravoAdmin).tenant.campaigns;
    expect((await failure(theirs.get({ id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await failure(theirs.cancel({ id: mine.id }))).code).toBe("NOT_FOUND");
    expect((await theirs.list({})).campaigns).toEqual([]);
  });

  it("should page the list newest first", async () => {
    const first = await api(at(NOON), staff).tenant.campaigns.list({ limit: 2 });
    expect(first.campaigns).toHaveLength(2);
    const rest = await api(at(NOON), staff).tenant.campaigns.list({ limit: 100, cursor: first.nextCursor! });
    const ids = [...first.campaigns, ...rest.campaigns].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await failure(api(at(NOON), staff).tenant.campaigns.list({ cursor: "nonsense" }))).code).toBe(
      "BAD_REQUEST",
    );
  });

  it("should refuse every campaign procedure on the starter plan, and staff who aren't admins from changes", async () => {
    expect(
      (await failure(api(at(NOON), staff).tenant.campaigns.create({ name: "x", body: "y", audience: {} }))).code,
    ).toBe("FORBIDDEN");
    await platform(db).run((tx) => tx.tenant.update({ where: { id: alpha.id }, data: { planTier: "starter" } }));
    try {
      // Sessions cache the plan; a plan change reaches them through the change feed, shortly after.
      const error = await vi.waitFor(() => failure(asAdmin().list({})), { timeout: 10_000, interval: 100 });
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toMatch(/SMS campaigns are part of the/);
    } finally {
      await platform(db).run((tx) => tx.tenant.update({ where: { id: alpha.id }, data: { planTier: "pro" } }));
    }
  });
});
