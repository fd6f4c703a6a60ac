// Rebook reminders (issue 15, item 5) and the JOIN keyword (item 1) on a fake clock, through the real
// booking router, the real job queue (pg-boss), the rebook-reminder job handler, the SMS outbox and
// the inbound SMS intake. The business runs the auto-detailing pack: Express Wash is its
// "complete-detail" (a reminder every 56 days), Maintenance Wash its "maintenance-wash" (a recurring
// cadence: never nudged), Hand Polish a service the business added itself (no pack item: no cadence).
// Completing a visit queues one reminder only for a cadence service and only while reminders are on
// (completing again queues nothing); a later visit of the service supersedes it; any booking after
// the visit stops it (a cancelled one doesn't); opted-out numbers, numbers without marketing consent
// and sends out of the cadence's season are skipped with their reason; quiet hours (the business's,
// and never before 08:00) postpone it; the text is the pack's message with a link that pre-fills the
// booking page's service. JOIN records marketing consent and is answered once (not by the agent);
// a JOIN from an opted-out number records nothing and sends nothing. PGlite and PostgreSQL. The
// business is in America/Chicago (UTC-6 in winter); quiet hours 21:00–08:00.
import { randomUUID } from "node:crypto";
import { createApiDeps } from "@servicepro/api";
import { type Prisma, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { getPack } from "@servicepro/industry-packs";
import type { Messaging } from "@servicepro/messaging";
import {
  handleInboundSms,
  type RebookReminderOutcome,
  recordMarketingConsent,
  sendRebookReminder,
} from "@servicepro/sms";
import { customerSearchKeys } from "@servicepro/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Business, bookingBusiness, NOW, staffToken } from "../../../packages/api/test/booking-fixtures.ts";
import { callerWith, platform } from "../../../packages/api/test/catalog-fixtures.ts";
import { optOut, quietLogger as silent, startQuietMessaging } from "../../../packages/api/test/telephony-fixtures.ts";

const TENANT = "shine-rebook";
const BUSINESS_NUMBER = "+15555550181";
const BASE = "https://app.example.test";
const REVIEW_LINK = "https://g.page/r/shine-rebook/review";
const at = (iso: string) => new Date(iso);
const DAY = 86_400_000;
const pack = getPack("auto-detailing")!;

describe.each(testEngines())("rebook reminders on %s", (engine) => {
  let db: TestDatabase;
  let messaging: Messaging;
  let business: Business;
  let maintenanceId: string;
  let polishId: string;
  let clock = NOW;
  const now = () => clock;

  /** Installs a copy of the pack (optionally changed) as the business's latest install at `installedAt`. */
  const install = (snapshot: unknown, installedAt: string) =>
    tenantDb(db, TENANT).run((tx) =>
      tx.packInstall.create({
        data: {
          tenantId: TENANT,
          packId: pack.id,
          version: pack.version,
          snapshot: snapshot as Prisma.InputJsonValue,
          installedAt: at(installedAt),
        },
      }),
    );

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    messaging = await startQuietMessaging(db, { publicBaseUrl: BASE, now });
    business = await bookingBusiness(db, TENANT);
    await platform(db).run((tx) =>
      tx.tenantPhoneConfig.create({ data: { tenantId: TENANT, phoneNumber: BUSINESS_NUMBER } }),
    );
    await install(structuredClone(pack), "2026-01-01T00:00:00Z");
    ({ maintenanceId, polishId } = await tenantDb(db, TENANT).run(async (tx) => {
      await tx.service.update({
        where: { tenantId_id: { tenantId: TENANT, id: business.serviceId } },
        data: { packItemId: "complete-detail" },
      });
      const plain = { tenantId: TENANT, description: "", durationMinutes: 60, priceCents: 4000, position: 5 };
      const maintenance = await tx.service.create({
        data: { ...plain, name: "Maintenance Wash", packItemId: "maintenance-wash" },
      });
      const polish = await tx.service.create({ data: { ...plain, name: "Hand Polish", position: 6 } });
      return { maintenanceId: maintenance.id, polishId: polish.id };
    }));
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  const caller = async (role: "tenant_staff" | "tenant_admin" = "tenant_staff") => {
    const deps = createApiDeps({ db, logger: silent, messaging, now, publicBaseUrl: BASE });
    return callerWith(deps, (await staffToken(db, TENANT, clock, role)).token).api.tenant;
  };
  const rebookOn = async (on: boolean) =>
    (await caller("tenant_admin")).automations.update({
      reviewRequestsEnabled: false,
      reviewLink: REVIEW_LINK,
      reviewDelayMinutes: 120,
      rebookRemindersEnabled: on,
    });
  const customer = async (name: string, phone: string, offers: boolean) =>
    tenantDb(db, TENANT).run(async (tx) => {
      const created = await tx.customer.create({
        data: { tenantId: TENANT, name, phone, source: "staff", ...customerSearchKeys({ name, phone }) },
        select: { id: true },
      });
      if (offers)
        await recordMarketingConsent(tx, TENANT, {
          phone,
          state: "opted_in",
          source: "staff",
          evidence: { note: "Asked for offers at the counter" },
        });
      return created;
    });
  /** Books `serviceId` at `startsAt` (two hours' notice before it). */
  const book = async (customerId: string, startsAt: string, serviceId = business.serviceId, bookable = 0) => {
    clock = new Date(at(startsAt).getTime() - 2 * 3_600_000);
    return (await caller()).appointments.create({
      customerId,
      serviceId,
      startsAt,
      bookableId: business.bookableIds[bookable],
    });
  };
  /** Books at `startsAt`, then completes it at `completedAt`. */
  const completed = async (customerId: string, startsAt: string, completedAt: string, serviceId?: string) => {
    const appointment = await book(customerId, startsAt, serviceId);
    clock = at(completedAt);
    await (await caller()).appointments.complete({ id: appointment.id });
    return appointment.id;
  };
  const reminderFor = (appointmentId: string) =>
    tenantDb(db, TENANT).run((tx) => tx.rebookReminder.findFirst({ where: { appointmentId } }));
  const runJob = (rebookReminderId: string, when: Date): Promise<RebookReminderOutcome> => {
    clock = when;
    return sendRebookReminder(
      { db, outbox: messaging.outbox, events: messaging.events, publicBaseUrl: BASE, now },
      { tenantId: TENANT, rebookReminderId },
    );
  };
  const textsFor = (rebookReminderId: string) =>
    tenantDb(db, TENANT).run((tx) => tx.message.findMany({ where: { purposeKey: `rebook:${rebookReminderId}` } }));
  const jobsFor = async (rebookReminderId: string) =>
    (
      await db.prisma.$queryRawUnsafe<{ singleton_key: string; start_after: Date }[]>(
        `SELECT singleton_key, start_after FROM pgboss.job WHERE name = 'rebook.reminder'`,
      )
    ).filter((job) => job.singleton_key === rebookReminderId);

  it("should queue nothing while rebook reminders are off, and list the services the pack gives a cadence", async () => {
    const appointmentId = await completed(business.customerId, "2026-12-07T09:00:00-06:00", "2026-12-07T16:00:00Z");
    expect(await reminderFor(appointmentId)).toBeNull();
    await expect(
      (await caller("tenant_staff")).automations.update({
        reviewRequestsEnabled: false,
        reviewLink: "",
        reviewDelayMinutes: 120,
        rebookRemindersEnabled: true,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const saved = await rebookOn(true);
    expect(saved.settings.rebookRemindersEnabled).toBe(true);
    // Only the reminder-mode cadence of a pack service: not the recurring wash, not the business's own polish.
    expect(saved.rebookCadences).toEqual([
      { serviceId: business.serviceId, serviceName: "Express Wash", intervalDays: 56, season: null },
    ]);
    const audit = await platform(db).run((tx) =>
      tx.auditLog.findFirst({
        where: { targetTenantId: TENANT, action: "automations.settings_updated" },
        orderBy: { createdAt: "desc" },
      }),
    );
    expect(audit?.details).toMatchObject({ fields: expect.arrayContaining(["rebookRemindersEnabled"]) });
  });

  it("should queue one reminder on completing a cadence service, due its interval after the visit, and none for other services", async () => {
    const appointmentId = await completed(business.customerId, "2026-12-08T09:00:00-06:00", "2026-12-08T16:00:00Z");
    const reminder = (await reminderFor(appointmentId))!;
    expect(reminder).toMatchObject({
      status: "queued",
      customerId: business.customerId,
      serviceId: business.serviceId,
      dueAt: new Date(at("2026-12-08T15:00:00Z").getTime() + 56 * DAY),
    });
    expect((await jobsFor(reminder.id)).map((job) => job.start_after.toISOString())).toEqual([
      "2027-02-02T15:00:00.000Z",
    ]);
    // Completing again is refused: still one reminder for the visit.
    await expect((await caller()).appointments.complete({ id: appointmentId })).rejects.toThrow(/completed/);
    expect(await tenantDb(db, TENANT).run((tx) => tx.rebookReminder.count({ where: { appointmentId } }))).toBe(1);

    const recurring = await completed(
      business.customerId,
      "2026-12-09T09:00:00-06:00",
      "2026-12-09T16:00:00Z",
      maintenanceId,
    );
    const custom = await completed(business.customerId, "2026-12-10T09:00:00-06:00", "2026-12-10T16:00:00Z", polishId);
    expect(await reminderFor(recurring)).toBeNull();
    expect(await reminderFor(custom)).toBeNull();
  });

  it("should send once at the due time: the pack's message, with a link that pre-fills the service", async () => {
    const ana = await customer("Ana Offers", "+15125550201", true);
    const appointmentId = await completed(ana.id, "2026-12-11T10:00:00-06:00", "2026-12-11T17:00:00Z");
    const reminder = (await reminderFor(appointmentId))!;
    expect(await runJob(reminder.id, new Date(reminder.dueAt.getTime() - 3_600_000))).toEqual({
      outcome: "waiting",
      at: reminder.dueAt,
    });
    expect((await runJob(reminder.id, reminder.dueAt)).outcome).toBe("sent");
    // The same job again (a retry): nothing new.
    expect(await runJob(reminder.id, new Date(reminder.dueAt.getTime() + 60_000))).toEqual({ outcome: "stale" });
    const texts = await textsFor(reminder.id);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ kind: "rebook_reminder", toNumber: "+15125550201", fromNumber: BUSINESS_NUMBER });
    expect(texts[0]!.body).toBe(
      `Hi Ana, it's been about 8 weeks since your detail with Shine ${TENANT}. Ready to get it looking fresh again? ` +
        `Book here: ${BASE}/book/${TENANT}?service=${business.serviceId}\nReply STOP to opt out`,
    );
    expect(await reminderFor(appointmentId)).toMatchObject({
      status: "sent",
      messageId: texts[0]!.id,
      sentAt: reminder.dueAt,
    });
    const view = await (await caller()).automations.get();
    expect(view.rebookReminders).toContainEqual(
      expect.objectContaining({
        id: reminder.id,
        status: "sent",
        customerName: "Ana Offers",
        serviceName: "Express Wash",
      }),
    );
  });

  it("should supersede the customer's queued reminder when a later visit of the service is completed", async () => {
    const ben = await customer("Ben Regular", "+15125550202", true);
    const first = (await reminderFor(await completed(ben.id, "2026-12-14T09:00:00-06:00", "2026-12-14T16:00:00Z")))!;
    const second = (await reminderFor(await completed(ben.id, "2026-12-21T09:00:00-06:00", "2026-12-21T16:00:00Z")))!;
    expect(
      await tenantDb(db, TENANT).run((tx) => tx.rebookReminder.findFirst({ where: { id: first.id } })),
    ).toMatchObject({ status: "skipped", statusReason: "superseded" });
    expect(second.status).toBe("queued");
    expect(await runJob(first.id, first.dueAt)).toEqual({ outcome: "stale" });
  });

  it("should stop at any booking made after the visit, but not at a booking that was cancelled", async () => {
    const cleo = await customer("Cleo Rebooked", "+15125550203", true);
    const dev = await customer("Dev Cancelled", "+15125550204", true);
    const booked = (await reminderFor(await completed(cleo.id, "2026-12-15T09:00:00-06:00", "2026-12-15T16:00:00Z")))!;
    const cancelled = (await reminderFor(
      await completed(dev.id, "2026-12-15T11:00:00-06:00", "2026-12-15T18:00:00Z"),
    ))!;
    // Cleo books another service three weeks later; Dev books one and cancels it.
    await book(cleo.id, "2027-01-12T10:00:00-06:00", polishId, 1);
    const dropped = await book(dev.id, "2027-01-12T13:00:00-06:00", polishId, 1);
    await (await caller()).appointments.cancel({ id: dropped.id, waiveFee: true });

    expect(await runJob(booked.id, booked.dueAt)).toEqual({ outcome: "skipped", reason: "booked" });
    expect(await textsFor(booked.id)).toEqual([]);
    expect((await runJob(cancelled.id, cancelled.dueAt)).outcome).toBe("sent");
  });

  it("should skip an opted-out number and one without marketing consent, sending nothing", async () => {
    const eli = await customer("Eli Stop", "+15125550205", true);
    const fay = await customer("Fay Transactional", "+15125550206", false);
    const stopped = (await reminderFor(await completed(eli.id, "2026-12-16T09:00:00-06:00", "2026-12-16T16:00:00Z")))!;
    const noOffers = (await reminderFor(await completed(fay.id, "2026-12-16T11:00:00-06:00", "2026-12-16T18:00:00Z")))!;
    await optOut(db, TENANT, "+15125550205", at("2026-12-20T12:00:00Z"));
    // Agreeing to appointment texts (START, the booking box) is not agreeing to offers.
    await tenantDb(db, TENANT).run((tx) =>
      tx.smsConsent.create({ data: { phone: "+15125550206", state: "opted_in", source: "booking_page" } as never }),
    );
    expect(await runJob(stopped.id, stopped.dueAt)).toEqual({ outcome: "skipped", reason: "opted_out" });
    expect(await runJob(noOffers.id, noOffers.dueAt)).toEqual({ outcome: "skipped", reason: "no_consent" });
    expect([...(await textsFor(stopped.id)), ...(await textsFor(noOffers.id))]).toEqual([]);
  });

  it("should skip a reminder due out of its cadence's season (months in the business's zone)", async () => {
    const gus = await customer("Gus Seasonal", "+15125550207", true);
    const reminder = (await reminderFor(await completed(gus.id, "2026-12-17T09:00:00-06:00", "2026-12-17T16:00:00Z")))!;
    // The business upgrades to a pack whose detail reminders run April to October only; due in February.
    const seasonal = structuredClone(pack);
    seasonal.cadences = seasonal.cadences.map((c) =>
      c.id === "rebook-detail" ? { ...c, season: { fromMonth: 4, toMonth: 10 } } : c,
    );
    await install(seasonal, "2026-01-02T00:00:00Z");
    expect((await (await caller()).automations.get()).rebookCadences[0]?.season).toEqual({ fromMonth: 4, toMonth: 10 });
    expect(await runJob(reminder.id, reminder.dueAt)).toEqual({ outcome: "skipped", reason: "out_of_season" });
    expect(await textsFor(reminder.id)).toEqual([]);
    await install(structuredClone(pack), "2026-01-03T00:00:00Z");
  });

  it("should postpone to the end of the quiet hours, and never send before 08:00 whatever the business's hours", async () => {
    const hal = await customer("Hal Evening", "+15125550208", true);
    const ivy = await customer("Ivy Early", "+15125550209", true);
    const evening = (await reminderFor(await completed(hal.id, "2026-12-18T09:00:00-06:00", "2026-12-18T16:00:00Z")))!;
    const early = (await reminderFor(await completed(ivy.id, "2026-12-18T11:00:00-06:00", "2026-12-18T18:00:00Z")))!;

    expect(evening.dueAt).toEqual(at("2027-02-12T15:00:00Z"));
    // The job ran late, at 22:30 local: it waits for 08:00 the next morning.
    expect(await runJob(evening.id, at("2027-02-13T04:30:00Z"))).toEqual({
      outcome: "waiting",
      at: at("2027-02-13T14:00:00Z"),
    });
    expect(await reminderFor(evening.appointmentId)).toMatchObject({
      status: "queued",
      dueAt: at("2027-02-13T14:00:00Z"),
    });
    expect(await textsFor(evening.id)).toEqual([]);
    expect((await runJob(evening.id, at("2027-02-13T14:00:00Z"))).outcome).toBe("sent");

    // The business's own quiet hours end at 06:00; an offer still waits for 08:00.
    await tenantDb(db, TENANT).run((tx) =>
      tx.bookingSettings.update({
        where: { tenantId: TENANT },
        data: { quietHoursStart: "23:00", quietHoursEnd: "06:00" },
      }),
    );
    // 07:00 local, the day after it was due.
    expect(await runJob(early.id, at("2027-02-13T13:00:00Z"))).toEqual({
      outcome: "waiting",
      at: at("2027-02-13T14:00:00Z"),
    });
    expect((await runJob(early.id, at("2027-02-13T14:00:00Z"))).outcome).toBe("sent");
    await tenantDb(db, TENANT).run((tx) =>
      tx.bookingSettings.update({
        where: { tenantId: TENANT },
        data: { quietHoursStart: "21:00", quietHoursEnd: "08:00" },
      }),
    );
  });

  it("should skip a reminder when rebook reminders were turned off before it was due", async () => {
    const jo = await customer("Jo Disabled", "+15125550210", true);
    const reminder = (await reminderFor(await completed(jo.id, "2026-12-22T09:00:00-06:00", "2026-12-22T16:00:00Z")))!;
    await rebookOn(false);
    expect(await runJob(reminder.id, reminder.dueAt)).toEqual({ outcome: "skipped", reason: "disabled" });
    const view = await (await caller()).automations.get();
    expect(view.rebookReminders[0]).toMatchObject({ id: reminder.id, status: "skipped", reason: "disabled" });
    await rebookOn(true);
  });

  describe("JOIN", () => {
    const text = (from: string, body: string, sid = `SM${randomUUID().replaceAll("-", "")}`) =>
      handleInboundSms(messaging.intake, { MessageSid: sid, From: from, To: BUSINESS_NUMBER, Body: body });
    const outboundTo = (phone: string) =>
      tenantDb(db, TENANT).run((tx) =>
        tx.message.findMany({ where: { direction: "outbound", toNumber: phone }, orderBy: { createdAt: "asc" } }),
      );
    const agentJobsFor = async (messageId: string) =>
      (
        await db.prisma.$queryRawUnsafe<{ data: { messageId: string } }[]>(
          `SELECT data FROM pgboss.job WHERE name = 'agent.reply'`,
        )
      ).filter((job) => job.data.messageId === messageId);
    const marketingOf = (phone: string) =>
      tenantDb(db, TENANT).run((tx) => tx.marketingConsent.findFirst({ where: { phone } }));

    it("should record marketing consent from the keyword with the text as evidence, and answer once (not the agent)", async () => {
      clock = at("2026-12-08T18:00:00Z");
      const phone = "+15125550301";
      const sid = `SM${randomUUID().replaceAll("-", "")}`;
      const first = await text(phone, " Join! ", sid);
      expect(first).toMatchObject({ outcome: "stored", consent: "none" });
      if (first.outcome !== "stored") throw new Error("not stored");
      expect(await marketingOf(phone)).toMatchObject({ state: "opted_in", source: "keyword" });
      const ledger = await tenantDb(db, TENANT).run((tx) =>
        tx.smsConsentEvent.findMany({ where: { phone, purpose: "marketing" } }),
      );
      expect(ledger).toEqual([
        expect.objectContaining({
          state: "opted_in",
          source: "keyword",
          evidence: { messageSid: sid, text: " Join! " },
        }),
      ]);
      const replies = await outboundTo(phone);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatchObject({ kind: "marketing_opt_in_confirmation" });
      for (const words of [
        `Shine ${TENANT}`,
        "recurring offers",
        "Msg frequency varies",
        "Msg & data rates may apply",
        "Reply STOP to opt out",
      ])
        expect(replies[0]!.body).toContain(words);
      expect(first.queued).toEqual([replies[0]!.id]);
      expect(await agentJobsFor(first.messageId)).toEqual([]);

      // Twilio redelivers the same text: nothing new.
      expect(await text(phone, " Join! ", sid)).toMatchObject({ outcome: "duplicate" });
      expect(await outboundTo(phone)).toHaveLength(1);
      // A plain text still goes to the agent (the check above can fail).
      const plain = await text(phone, "Do you do boats?");
      if (plain.outcome !== "stored") throw new Error("not stored");
      expect(await agentJobsFor(plain.messageId)).toHaveLength(1);
    });

    it("should record nothing and text nothing for a JOIN from a number that opted out of texts", async () => {
      clock = at("2026-12-08T18:30:00Z");
      const phone = "+15125550302";
      await text(phone, "STOP");
      const stopReplies = (await outboundTo(phone)).length;
      const join = await text(phone, "JOIN");
      if (join.outcome !== "stored") throw new Error("not stored");
      expect(await marketingOf(phone)).toBeNull();
      expect(join.queued).toEqual([]);
      expect(await outboundTo(phone)).toHaveLength(stopReplies);
      expect(await agentJobsFor(join.messageId)).toEqual([]);
      // After START, JOIN works.
      await text(phone, "START");
      await text(phone, "JOIN");
      expect(await marketingOf(phone)).toMatchObject({ state: "opted_in", source: "keyword" });
    });
  });
});
