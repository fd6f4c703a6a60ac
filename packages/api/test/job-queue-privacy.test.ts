// The job queue holds references only, and finished jobs go (issue 11 §4, ADR 0013). pgboss.job has
// no row-level security: the app role reads every tenant's jobs. So after a full concierge set-up
// (number set-up and onboarding link by text and email, run by real workers), a staff text, a
// booked appointment's reminders and the SMS agent's answer to a customer's text, every job's data, output and singleton key is scanned for phone
// numbers, email addresses, names and tokens, and must hold none. The link the worker minted works
// once. Then the retention sweep (pg-boss's own, with our per-queue deleteAfterSeconds) leaves
// young finished jobs alone and deletes them once they are past it. PGlite and PostgreSQL.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { JOB_QUEUES, type JobQueueKey, type Prisma, platformDb, tenantDb } from "@servicepro/db";
import { testEngines } from "@servicepro/db/testing";
import { storeUpload } from "@servicepro/imports";
import { getPack } from "@servicepro/industry-packs";
import { type Messaging, startMessaging } from "@servicepro/messaging";
import { applyInboundTexts, createDevSender } from "@servicepro/sms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProvisionResult } from "../src/concierge/execute.ts";
import { createApiDeps, defaultFilesDir } from "../src/context.ts";
import { NOW as BOOKING_NOW, bookingBusiness, staffToken } from "./booking-fixtures.ts";
import { callerWith } from "./catalog-fixtures.ts";
import { type ConciergeHarness, PUBLIC_BASE_URL, startConciergeHarness } from "./concierge-harness.ts";

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, child: () => silent };
const OWNER = { name: "Marisol Quintero-Vance", email: "marisol.qv@privacy-lawn.example", phone: "(720) 555-0187" };
const BUSINESS = { name: "Quintero Privacy Lawns", slug: "privacy-lawns", number: "+15125550160" };
const REMINDER_TENANT = "privacy-reminders";

/** The email transport, recording (this package does not depend on @servicepro/notifications). */
function recordingEmail() {
  const sent: { to: string; subject: string; text: string }[] = [];
  return { kind: "dev" as const, sent, send: async (email: (typeof sent)[number]) => void sent.push(email) };
}

type JobRow = { name: string; state: string; data: string; output: string | null; singleton_key: string | null };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** What must never be in a job: the patterns of personal data and secrets (ids removed first). */
const FORBIDDEN: [string, RegExp][] = [
  ["an email address", /[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i],
  ["a phone number", /\+?\d[\d\s().-]{6,}\d/],
  ["a link or token", /token=|https?:\/\/|[A-Za-z0-9_-]{40,}/],
];

describe.each(testEngines())("job queue privacy on %s", (engine) => {
  let h: ConciergeHarness;
  let worker: Messaging | undefined;
  const email = recordingEmail();
  const sms = createDevSender(silent);
  const names: string[] = [];
  let result: ProvisionResult;

  /** Waits until a queue has at least `atLeast` jobs and none is waiting, retrying or running. */
  const settled = async (queue: string, atLeast: number) => {
    const until = Date.now() + 30_000;
    for (;;) {
      const states = (await jobRows()).filter((r) => r.name === queue).map((r) => r.state);
      if (states.length >= atLeast && states.every((s) => ["completed", "failed", "cancelled"].includes(s))) return;
      if (Date.now() > until) throw new Error(`${queue} did not settle: ${states.join(", ")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const jobRows = () =>
    h.db.prisma.$queryRawUnsafe<JobRow[]>(
      `SELECT name, state::text AS state, data::text AS data, output::text AS output, singleton_key FROM pgboss.job ORDER BY name, id`,
    );

  beforeAll(async () => {
    h = await startConciergeHarness(engine, { numberPool: [BUSINESS.number] });
    // The harness queues without working; these workers run every queue, as the server does.
    worker = await startMessaging({
      db: h.db,
      sender: sms,
      email,
      platformSmsFrom: "+15555550100",
      logger: silent,
      publicBaseUrl: PUBLIC_BASE_URL,
      unroutedPolicy: "fallback-to-root",
      pollingIntervalSeconds: 1,
    });
    const owner = await h.signInOwner();

    // 1. A full concierge set-up: a number and the onboarding link by text and email.
    const answer = await h.call(
      "mutation",
      "admin.concierge.provision",
      {
        idempotencyKey: randomUUID(),
        businessName: BUSINESS.name,
        slug: BUSINESS.slug,
        timezone: "America/Denver",
        owner: OWNER,
        packId: "lawn-care",
        planTier: "pro",
        phoneNumber: BUSINESS.number,
      },
      owner.token,
    );
    expect(answer.status, JSON.stringify(answer.error)).toBe(200);
    result = answer.data as ProvisionResult;
    await settled(JOB_QUEUES.numberSetup.name, 1);
    await settled(JOB_QUEUES.onboardingNotice.name, 2);

    // 2. A staff text to a customer, delivered by the SMS worker.
    const business = await bookingBusiness(h.db, REMINDER_TENANT);
    await platformDb(h.db, { actorUserId: null, purpose: "test" }).run((tx) =>
      tx.tenantPhoneConfig.create({ data: { tenantId: REMINDER_TENANT, phoneNumber: "+15555550171" } }),
    );
    const customer = await tenantDb(h.db, REMINDER_TENANT).run(async (tx) => {
      const row = await tx.customer.findUniqueOrThrow({
        where: { tenantId_id: { tenantId: REMINDER_TENANT, id: business.customerId } },
      });
      const conversation = await tx.conversation.create({
        data: { tenantId: REMINDER_TENANT, customerId: row.id, tenantNumber: "+15555550171" },
      });
      const queued = await worker!.outbox.queueSms(tx, {
        conversationId: conversation.id,
        body: `Hi ${row.name}, your quote is ready: call us on +15555550171`,
        kind: "staff_reply",
        purposeKey: `privacy:${randomUUID()}`,
      });
      expect(queued.status).toBe("queued");
      return row;
    });
    names.push(customer.name ?? "", OWNER.name, BUSINESS.name, `Shine ${REMINDER_TENANT}`);
    await settled(JOB_QUEUES.smsSend.name, 1);

    // 3. A booked appointment: its confirmation and reminders are queued for their due times.
    const deps = createApiDeps({ db: h.db, logger: silent, messaging: h.messaging, now: () => BOOKING_NOW });
    const staff = callerWith(deps, (await staffToken(h.db, REMINDER_TENANT, BOOKING_NOW)).token);
    const booked = await staff.api.tenant.appointments.create({
      customerId: business.customerId,
      serviceId: business.serviceId,
      startsAt: "2026-12-09T10:00:00-06:00",
      bookableId: business.bookableIds[0],
    });
    // …and once it is done, its review request is queued for later (review requests on, with a link).
    // …and a rebook reminder for its next visit (rebook reminders on; the service is the detailing
    // pack's "complete-detail", which has a reminder cadence).
    const detailing = getPack("auto-detailing")!;
    await tenantDb(h.db, REMINDER_TENANT).run(async (tx) => {
      await tx.automationSettings.create({
        data: {
          tenantId: REMINDER_TENANT,
          reviewRequestsEnabled: true,
          reviewLink: "https://g.page/r/privacy/review",
          rebookRemindersEnabled: true,
        },
      });
      await tx.packInstall.create({
        data: {
          tenantId: REMINDER_TENANT,
          packId: detailing.id,
          version: detailing.version,
          snapshot: structuredClone(detailing) as unknown as Prisma.InputJsonValue,
        },
      });
      await tx.service.update({
        where: { tenantId_id: { tenantId: REMINDER_TENANT, id: business.serviceId } },
        data: { packItemId: "complete-detail" },
      });
    });
    const DONE_AT = new Date("2026-12-09T17:00:00Z");
    const later = callerWith(
      createApiDeps({ db: h.db, logger: silent, messaging: h.messaging, now: () => DONE_AT }),
      (await staffToken(h.db, REMINDER_TENANT, DONE_AT)).token,
    );
    await later.api.tenant.appointments.complete({ id: booked.id });

    // 4. The customer texts back: the SMS agent's job (a pro plan runs the agent) answers it.
    await applyInboundTexts(worker!.intake, REMINDER_TENANT, [
      {
        params: {
          MessageSid: `SM${randomUUID().replaceAll("-", "")}`,
          From: customer.phone,
          To: "+15555550171",
          Body: `This is ${customer.name}, can I move it? Call me on ${customer.phone}`,
        },
        route: { phoneNumber: "+15555550171", routedByFallback: false },
      },
    ]);
    await settled(JOB_QUEUES.agentReply.name, 1);

    // 5. A campaign scheduled for tomorrow morning: its drain job waits for that time.
    await tenantDb(h.db, REMINDER_TENANT).run((tx) =>
      tx.marketingConsent.create({
        data: { tenantId: REMINDER_TENANT, phone: customer.phone, state: "opted_in", source: "staff" },
      }),
    );
    const marketer = callerWith(
      createApiDeps({
        db: h.db,
        logger: silent,
        messaging: h.messaging,
        now: () => DONE_AT,
        publicBaseUrl: "https://app.example.com",
      }),
      (await staffToken(h.db, REMINDER_TENANT, DONE_AT, "tenant_admin")).token,
    );
    const draft = await marketer.api.tenant.campaigns.create({
      name: `Offers for ${customer.name}`,
      body: "Hi {first_name}, 20% off this week: {booking_link}",
      audience: {},
    });
    await marketer.api.tenant.campaigns.schedule({ id: draft.id, sendAt: "2026-12-10T16:00:00Z" });

    // 6. A data export: the job names the export; its download token is never in the queue.
    await marketer.api.tenant.exports.create();
    await settled(JOB_QUEUES.dataExport.name, 1);
    // 7. A CSV import of customers (names, phones, emails in the file): its job names the import only.
    const upload = await marketer.api.tenant.imports.create({ kind: "customers", fileName: "clients.csv" });
    await storeUpload(
      { db: h.db, filesDir: defaultFilesDir(), withTenant: (fn) => tenantDb(h.db, REMINDER_TENANT).run(fn) },
      REMINDER_TENANT,
      upload.id,
      Readable.from([`Name,Phone,Email\n${customer.name},${customer.phone},imported@example.com\n`]),
      1024 * 1024,
    );
    await marketer.api.tenant.imports.run({ id: upload.id });
    await settled(JOB_QUEUES.dataImport.name, 1);
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  it("should have sent the onboarding link by email and text, each link working once", async () => {
    expect(email.sent.map((m) => m.to)).toEqual([OWNER.email]);
    const texts = sms.sent.filter((m) => m.from === "+15555550100");
    expect(texts.map((m) => m.to)).toEqual(["+17205550187"]);
    const emailed = new URL(/https:\/\/\S+/.exec(email.sent[0]!.text)![0]).searchParams.get("token")!;
    const complete = (token: string) =>
      h.call("mutation", "onboarding.complete", { token, password: "a-long-new-password-42" }, undefined);
    expect((await complete(emailed)).status).toBe(200);
    expect((await complete(emailed)).status).toBe(409);
    // Using one link spends the owner's others: the texted one and the one shown at set-up.
    const texted = new URL(/https:\/\/\S+/.exec(texts[0]!.body)![0]).searchParams.get("token")!;
    expect((await complete(texted)).status).toBe(409);
    const shown = new URL(result.onboardingLink!).searchParams.get("token")!;
    expect((await complete(shown)).status).toBe(409);
  });

  it("should hold no phone number, email, name or token in any job of any queue", async () => {
    const rows = await jobRows();
    const queues = new Set(rows.map((r) => r.name));
    for (const queue of Object.values(JOB_QUEUES)) expect(queues, `no ${queue.name} job made`).toContain(queue.name);
    const findings: string[] = [];
    for (const row of rows) {
      const text = [row.data, row.output ?? "", row.singleton_key ?? ""].join(" ");
      const withoutIds = text.replace(UUID, "<id>");
      for (const [what, pattern] of FORBIDDEN)
        if (pattern.test(withoutIds)) findings.push(`${row.name} (${row.state}) holds ${what}: ${text}`);
      for (const name of names.filter(Boolean))
        if (text.toLowerCase().includes(name.toLowerCase()))
          findings.push(`${row.name} (${row.state}) holds the name ${name}`);
    }
    expect(findings).toEqual([]);
  });

  it("should keep who a notice goes to away from the app role (only the platform path reads it)", async () => {
    await expect(h.db.prisma.$queryRawUnsafe("SELECT * FROM onboarding_notices")).rejects.toThrow(/permission denied/);
  });

  it("should refuse to queue a job that carries more than ids", async () => {
    const { queueJob } = await import("@servicepro/db");
    const send = () => Promise.reject(new Error("must not be sent"));
    const withBody = { tenantId: REMINDER_TENANT, messageId: randomUUID(), body: "hello" };
    expect(() => queueJob({ send }, "smsSend", withBody as never)).toThrow(/body/);
    expect(() =>
      queueJob({ send }, "onboardingNotice", { tenantId: "x1", noticeId: "link", channel: "sms" }),
    ).toThrow();
  });

  it("should keep finished jobs until their queue's retention has passed, then delete them", async () => {
    const finished = async () =>
      (await jobRows()).filter((r) => ["completed", "failed", "cancelled"].includes(r.state)).map((r) => r.name);
    const policy = await h.db.prisma.$queryRawUnsafe<{ name: string; deletion_seconds: number }[]>(
      `SELECT name, deletion_seconds FROM pgboss.queue`,
    );
    for (const key of Object.keys(JOB_QUEUES) as JobQueueKey[]) {
      const queue = JOB_QUEUES[key];
      expect(policy.find((p) => p.name === queue.name)?.deletion_seconds).toBe(queue.options.deleteAfterSeconds);
    }
    const before = await finished();
    expect(before.length).toBeGreaterThanOrEqual(4);
    // The workers stop, so only the sweep changes the queue from here on.
    await worker?.stop();
    worker = undefined;
    const unfinished = async () =>
      (await jobRows())
        .filter((r) => !["completed", "failed", "cancelled"].includes(r.state))
        .map((r) => r.data)
        .sort();
    const waiting = await unfinished();

    const sweep = async () => {
      // The sweep runs at most once per maintenance interval per queue; this makes it due now.
      await h.db.prisma.$executeRawUnsafe(`UPDATE pgboss.queue SET maintain_on = NULL`);
      await h.messaging.boss.supervise();
    };
    await sweep();
    expect(await finished()).toEqual(before);

    // Time passes (the finish times move back): each finished job is now past its queue's retention.
    await h.db.prisma.$executeRawUnsafe(
      `UPDATE pgboss.job SET completed_on = completed_on - (deletion_seconds + 60) * interval '1 second' WHERE completed_on IS NOT NULL`,
    );
    await sweep();
    expect(await finished()).toEqual([]);
    // Jobs still waiting (reminders not yet due) are not the sweep's business.
    expect(await unfinished()).toEqual(waiting);
  });
});
