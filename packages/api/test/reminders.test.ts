// Appointment confirmations and reminders on a fake clock, through the real booking routers, the
// real job queue (pg-boss on the same database), the reminder job handler and the SMS outbox:
// reminders follow reschedules and die with cancellations, a job for a moved appointment sends
// nothing, opted-out numbers get nothing, quiet hours hold texts until morning (or skip them when
// morning is too late), and "C" / "R" replies confirm or point at the booking page. PGlite and
// PostgreSQL. The business is in America/Chicago (UTC-6 in December); quiet hours 21:00–08:00.
import { randomUUID } from "node:crypto";
import { type Database, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import type { Messaging } from "@servicepro/messaging";
import { handleInboundSms, type ReminderOutcome, sendReminder } from "@servicepro/sms";
import { customerSearchKeys } from "@servicepro/validators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiDeps } from "../src/context.ts";
import { type Business, bookingBusiness, NOW, staffToken } from "./booking-fixtures.ts";
import { callerWith, platform } from "./catalog-fixtures.ts";
import { optOut, quietLogger as silent, startQuietMessaging } from "./telephony-fixtures.ts";

const TENANT = "shine-reminders";
const BUSINESS_NUMBER = "+15555550170";
const at = (iso: string) => new Date(iso);

describe.each(testEngines())("appointment reminders on %s", (engine) => {
  let db: TestDatabase;
  let messaging: Messaging;
  let business: Business;
  // The one clock of the API, the job handler and the inbound pipeline.
  let clock = NOW;
  const now = () => clock;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    messaging = await startQuietMessaging(db, { publicBaseUrl: "https://app.example.test", now });
    business = await bookingBusiness(db, TENANT);
    await platform(db).run((tx) =>
      tx.tenantPhoneConfig.create({ data: { tenantId: TENANT, phoneNumber: BUSINESS_NUMBER } }),
    );
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  /** A staff caller whose session is fresh at the current clock. */
  const staff = async () => {
    const deps = createApiDeps({ db, logger: silent, messaging, now });
    return callerWith(deps, (await staffToken(db, TENANT, clock)).token).api.tenant.appointments;
  };
  const customer = async (name: string, phone: string) =>
    tenantDb(db, TENANT).run((tx) =>
      tx.customer.create({
        data: { tenantId: TENANT, name, phone, source: "staff", ...customerSearchKeys({ name, phone }) },
        select: { id: true },
      }),
    );
  const book = async (customerId: string, startsAt: string) =>
    (await staff()).create({
      customerId,
      serviceId: business.serviceId,
      startsAt,
      bookableId: business.bookableIds[0],
    });
  const reminders = (appointmentId: string) =>
    tenantDb(db, TENANT).run((tx) =>
      tx.appointmentReminder.findMany({
        where: { appointmentId },
        orderBy: [{ forStartsAt: "asc" }, { offsetMinutes: "desc" }, { kind: "asc" }],
      }),
    );
  const row = async (appointmentId: string, match: { kind: string; offsetMinutes: number; forStartsAt: Date }) =>
    (await reminders(appointmentId)).find(
      (r) =>
        r.kind === match.kind &&
        r.offsetMinutes === match.offsetMinutes &&
        r.forStartsAt.getTime() === match.forStartsAt.getTime(),
    )!;
  /** Runs the reminder's job as the worker would, at `when`. */
  const runJob = (reminderId: string, when: Date): Promise<ReminderOutcome> => {
    clock = when;
    return sendReminder(
      { db, outbox: messaging.outbox, events: messaging.events, now },
      { tenantId: TENANT, reminderId },
    );
  };
  const messageFor = (reminderId: string) =>
    tenantDb(db, TENANT).run((tx) => tx.message.findFirst({ where: { purposeKey: `reminder:${reminderId}` } }));
  const queuedJobs = async (reminderIds: string[]) => {
    const jobs = await db.prisma.$queryRawUnsafe<{ singleton_key: string; start_after: Date }[]>(
      `SELECT singleton_key, start_after FROM pgboss.job WHERE name = 'appointment.reminder'`,
    );
    return jobs.filter((job) => reminderIds.includes(job.singleton_key));
  };

  it("should plan a confirmation and a reminder per offset on booking, queue their jobs, and hold the confirmation through quiet hours", async () => {
    clock = NOW; // Monday 06:00 in Chicago: inside the quiet hours
    const dana = business.customerId;
    const appointment = await book(dana, "2026-12-08T10:00:00-06:00");
    const start = at("2026-12-08T16:00:00Z");
    const rows = await reminders(appointment.id);
    expect(rows.map((r) => [r.kind, r.offsetMinutes, r.dueAt.toISOString(), r.status])).toEqual([
      ["reminder", 1440, "2026-12-07T16:00:00.000Z", "scheduled"],
      ["reminder", 120, "2026-12-08T14:00:00.000Z", "scheduled"],
      ["confirmation", 0, NOW.toISOString(), "scheduled"],
    ]);
    const jobs = await queuedJobs(rows.map((r) => r.id));
    expect(jobs.map((j) => j.start_after.toISOString()).sort()).toEqual(rows.map((r) => r.dueAt.toISOString()).sort());

    const confirmation = await row(appointment.id, { kind: "confirmation", offsetMinutes: 0, forStartsAt: start });
    // 06:00 local: held until the quiet hours end at 08:00 local (14:00Z), nothing sent yet.
    expect(await runJob(confirmation.id, NOW)).toEqual({ outcome: "waiting", at: at("2026-12-07T14:00:00Z") });
    expect((await row(appointment.id, confirmation)).dueAt).toEqual(at("2026-12-07T14:00:00Z"));
    expect(await messageFor(confirmation.id)).toBeNull();

    const sent = await runJob(confirmation.id, at("2026-12-07T14:00:00Z"));
    expect(sent.outcome).toBe("sent");
    const message = await messageFor(confirmation.id);
    expect(message).toMatchObject({ kind: "appointment_confirmation", toNumber: "+15125550100", status: "pending" });
    expect(message!.body).toBe(
      `Shine ${TENANT}: you're booked for Express Wash on Tuesday, December 8 at 10:00 AM. Reply C to confirm, R to reschedule. Reply STOP to opt out.`,
    );
    expect(await row(appointment.id, confirmation)).toMatchObject({ status: "sent", messageId: message!.id });
    // The same job again (a retry): nothing new.
    expect(await runJob(confirmation.id, at("2026-12-07T14:01:00Z"))).toEqual({ outcome: "stale" });
  });

  it("should not send the old reminder after a reschedule, and send the new one at its time", async () => {
    clock = at("2026-12-07T14:30:00Z");
    const [appointment] = await (await staff()).list({
      from: "2026-12-08T00:00:00-06:00",
      to: "2026-12-09T00:00:00-06:00",
    });
    const oldStart = at("2026-12-08T16:00:00Z");
    const oldDayBefore = await row(appointment!.id, { kind: "reminder", offsetMinutes: 1440, forStartsAt: oldStart });

    await (await staff()).reschedule({ id: appointment!.id, startsAt: "2026-12-09T10:00:00-06:00" });
    const newStart = at("2026-12-09T16:00:00Z");
    const rows = await reminders(appointment!.id);
    expect(rows.filter((r) => r.forStartsAt.getTime() === oldStart.getTime() && r.kind === "reminder")).toEqual([
      expect.objectContaining({ status: "cancelled", statusReason: "rescheduled", offsetMinutes: 1440 }),
      expect.objectContaining({ status: "cancelled", statusReason: "rescheduled", offsetMinutes: 120 }),
    ]);
    // The confirmation went out already: no second one for the new time.
    expect(rows.filter((r) => r.kind === "confirmation")).toHaveLength(1);

    // The old job fires at its old time: nothing is sent.
    expect(await runJob(oldDayBefore.id, at("2026-12-07T16:00:00Z"))).toEqual({ outcome: "stale" });
    expect(await messageFor(oldDayBefore.id)).toBeNull();

    const newDayBefore = await row(appointment!.id, { kind: "reminder", offsetMinutes: 1440, forStartsAt: newStart });
    expect(newDayBefore).toMatchObject({ status: "scheduled", dueAt: at("2026-12-08T16:00:00Z") });
    expect((await runJob(newDayBefore.id, at("2026-12-08T16:00:00Z"))).outcome).toBe("sent");
    expect((await messageFor(newDayBefore.id))!.body).toBe(
      `Shine ${TENANT}: reminder of your Express Wash on Wednesday, December 9 at 10:00 AM. Reply C to confirm, R to reschedule.`,
    );
  });

  it("should send nothing from a reminder job whose appointment moved after the job was planned", async () => {
    const [appointment] = await tenantDb(db, TENANT).run((tx) =>
      tx.appointment.findMany({ where: { startsAt: at("2026-12-09T16:00:00Z") } }),
    );
    const twoHours = await row(appointment!.id, {
      kind: "reminder",
      offsetMinutes: 120,
      forStartsAt: at("2026-12-09T16:00:00Z"),
    });
    // Moved by a path that did not resync (an import, a bug): the job's own check still holds.
    const hour = 3_600_000;
    await tenantDb(db, TENANT).run((tx) =>
      tx.appointment.update({
        where: { tenantId_id: { tenantId: TENANT, id: appointment!.id } },
        data: {
          startsAt: new Date(appointment!.startsAt.getTime() + hour),
          endsAt: new Date(appointment!.endsAt.getTime() + hour),
          blocksUntil: new Date(appointment!.blocksUntil.getTime() + hour),
        },
      }),
    );
    expect(await runJob(twoHours.id, at("2026-12-09T14:00:00Z"))).toEqual({
      outcome: "cancelled",
      reason: "rescheduled",
    });
    expect(await messageFor(twoHours.id)).toBeNull();
  });

  it("should cancel every scheduled reminder with the appointment, and their jobs send nothing", async () => {
    clock = at("2026-12-08T15:00:00Z");
    const appointment = await book(business.customerId, "2026-12-10T10:00:00-06:00");
    const planned = (await reminders(appointment.id)).filter((r) => r.status === "scheduled");
    expect(planned.length).toBe(3);
    clock = at("2026-12-08T15:05:00Z");
    await (await staff()).cancel({ id: appointment.id, reason: "Customer called", waiveFee: true });
    const after = await reminders(appointment.id);
    expect(after.every((r) => r.status === "cancelled" && r.statusReason === "cancelled")).toBe(true);
    for (const reminder of planned) {
      expect(await runJob(reminder.id, reminder.dueAt)).toEqual({ outcome: "stale" });
      expect(await messageFor(reminder.id)).toBeNull();
    }
  });

  it("should skip an opted-out customer's reminders with the reason, sending nothing", async () => {
    clock = at("2026-12-08T15:00:00Z");
    const phone = "+15125550111";
    const riley = await customer("Riley Stop", phone);
    await optOut(db, TENANT, phone, at("2026-12-01T12:00:00Z"));
    const appointment = await book(riley.id, "2026-12-11T10:00:00-06:00");
    const confirmation = (await reminders(appointment.id)).find((r) => r.kind === "confirmation")!;
    expect(await runJob(confirmation.id, at("2026-12-08T15:00:00Z"))).toEqual({
      outcome: "skipped",
      reason: "opted_out",
    });
    expect(await row(appointment.id, confirmation)).toMatchObject({ status: "skipped", statusReason: "opted_out" });
    expect(await messageFor(confirmation.id)).toBeNull();
  });

  it("should text about an online booking only with express consent on record (the unticked box means none)", async () => {
    clock = at("2026-12-08T15:00:00Z");
    const phone = "+15125550112";
    const casey = await customer("Casey Online", phone);
    const appointment = await book(casey.id, "2026-12-11T13:00:00-06:00");
    // As the booking page records it: booked by the customer, and no opt-in because the box was left unticked.
    await tenantDb(db, TENANT).run((tx) =>
      tx.appointment.update({
        where: { tenantId_id: { tenantId: TENANT, id: appointment.id } },
        data: { bookedBy: "customer" },
      }),
    );
    const confirmation = (await reminders(appointment.id)).find((r) => r.kind === "confirmation")!;
    expect(await runJob(confirmation.id, at("2026-12-08T15:00:00Z"))).toEqual({
      outcome: "skipped",
      reason: "no_consent",
    });
    expect(await messageFor(confirmation.id)).toBeNull();

    // With the box ticked (an opt-in on record) the same kind of booking is texted.
    const later = await book(casey.id, "2026-12-11T15:00:00-06:00");
    await tenantDb(db, TENANT).run(async (tx) => {
      await tx.appointment.update({
        where: { tenantId_id: { tenantId: TENANT, id: later.id } },
        data: { bookedBy: "customer" },
      });
      await tx.smsConsent.create({ data: { tenantId: TENANT, phone, state: "opted_in", source: "booking_page" } });
    });
    const second = (await reminders(later.id)).find((r) => r.kind === "confirmation")!;
    expect((await runJob(second.id, at("2026-12-08T15:00:00Z"))).outcome).toBe("sent");
    expect(await messageFor(second.id)).not.toBeNull();
  });

  it("should skip a reminder whose quiet hours last until the appointment starts", async () => {
    clock = at("2026-12-08T15:00:00Z");
    const morgan = await customer("Morgan Early", "+15125550122");
    // Saturday 08:00 local: the two-hour reminder falls at 06:00, inside the quiet hours, which end at the start.
    const appointment = await book(morgan.id, "2026-12-12T08:00:00-06:00");
    const early = await row(appointment.id, {
      kind: "reminder",
      offsetMinutes: 120,
      forStartsAt: at("2026-12-12T14:00:00Z"),
    });
    expect(await runJob(early.id, early.dueAt)).toEqual({ outcome: "skipped", reason: "quiet_hours" });
    expect(await messageFor(early.id)).toBeNull();
  });

  describe("replies", () => {
    let appointmentId: string;
    const phone = "+15125550133";
    const reply = (body: string, when: Date) => {
      clock = when;
      return handleInboundSms(messaging.intake, {
        MessageSid: `SM${randomUUID().replaceAll("-", "")}`,
        From: phone,
        To: BUSINESS_NUMBER,
        Body: body,
      });
    };
    const outbound = (kind: string) =>
      tenantDb(db, TENANT).run((tx) =>
        tx.message.findMany({ where: { kind, toNumber: phone }, orderBy: { createdAt: "asc" } }),
      );

    beforeAll(async () => {
      clock = at("2026-12-08T15:00:00Z");
      const casey = await customer("Casey Reply", phone);
      const appointment = await book(casey.id, "2026-12-14T10:00:00-06:00");
      appointmentId = appointment.id;
      const confirmation = (await reminders(appointmentId)).find((r) => r.kind === "confirmation")!;
      expect((await runJob(confirmation.id, at("2026-12-08T15:00:00Z"))).outcome).toBe("sent");
    });

    it("should leave other texts to the inbox", async () => {
      const result = await reply("Can I bring my dog?", at("2026-12-08T15:10:00Z"));
      expect(result).toMatchObject({ outcome: "stored", appointment: null });
      expect(await outbound("appointment_reply")).toEqual([]);
    });

    it("should answer R with the booking page and leave the appointment as it is", async () => {
      const result = await reply(" r ", at("2026-12-08T15:20:00Z"));
      expect(result).toMatchObject({ outcome: "stored", appointment: "reschedule" });
      const [answer] = await outbound("appointment_reply");
      expect(answer!.body).toContain(`https://app.example.test/book/${TENANT}`);
      const appointment = await appointmentOf(db, appointmentId);
      expect(appointment.status).toBe("booked");
    });

    it("should confirm the reminded appointment on C, as the customer, and say so", async () => {
      const result = await reply("C", at("2026-12-08T15:30:00Z"));
      expect(result).toMatchObject({ outcome: "stored", appointment: "confirmed" });
      const appointment = await appointmentOf(db, appointmentId);
      expect(appointment.status).toBe("confirmed");
      expect(appointment.events.at(-1)).toMatchObject({ kind: "confirmed", actor: "customer" });
      const answers = await outbound("appointment_reply");
      expect(answers.at(-1)!.body).toBe(
        `Shine ${TENANT}: thanks, your Express Wash on Monday, December 14 at 10:00 AM is confirmed. See you then!`,
      );
    });

    it("should still treat STOP as an opt-out, not a reply", async () => {
      const result = await reply("STOP", at("2026-12-08T15:40:00Z"));
      expect(result).toMatchObject({ outcome: "stored", consent: "opt_out", appointment: null });
    });
  });
});

const appointmentOf = (db: Database, id: string) =>
  tenantDb(db, TENANT).run((tx) =>
    tx.appointment.findFirstOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: "asc" } } } }),
  );
