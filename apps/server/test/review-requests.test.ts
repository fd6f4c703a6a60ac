// Review requests (issue 15, item 4) on a fake clock, through the real booking router, the real job
// queue (pg-boss), the review-request job handler, the SMS outbox and the /r short link: completing
// an appointment queues one request (completing again and a retried job send one text); opted-out
// numbers, complaints in the thread, and review requests turned off or without a link are skipped
// with their reason; quiet hours postpone to their end; a click is counted and redirected. PGlite
// and PostgreSQL. The business is in America/Chicago (UTC-6 in December); quiet hours 21:00–08:00.
import { randomUUID } from "node:crypto";
import { createApiDeps } from "@servicepro/api";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import type { Messaging } from "@servicepro/messaging";
import { type ReviewRequestOutcome, sendReviewRequest } from "@servicepro/sms";
import { customerSearchKeys } from "@servicepro/validators";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Business, bookingBusiness, NOW, staffToken } from "../../../packages/api/test/booking-fixtures.ts";
import { callerWith, platform } from "../../../packages/api/test/catalog-fixtures.ts";
import { optOut, quietLogger as silent, startQuietMessaging } from "../../../packages/api/test/telephony-fixtures.ts";
import type { HonoEnv } from "../src/app.ts";
import { reviewLinkRoutes } from "../src/review-links.ts";

const TENANT = "shine-reviews";
const OTHER = "shine-reviews-other";
const BUSINESS_NUMBER = "+15555550171";
const BASE = "https://app.example.test";
const REVIEW_LINK = "https://g.page/r/shine-reviews/review";
const at = (iso: string) => new Date(iso);

describe.each(testEngines())("review requests on %s", (engine) => {
  let db: TestDatabase;
  let messaging: Messaging;
  let business: Business;
  let clock = NOW;
  const now = () => clock;

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    messaging = await startQuietMessaging(db, { publicBaseUrl: BASE, now });
    business = await bookingBusiness(db, TENANT);
    await bookingBusiness(db, OTHER);
    await platform(db).run((tx) =>
      tx.tenantPhoneConfig.create({ data: { tenantId: TENANT, phoneNumber: BUSINESS_NUMBER } }),
    );
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  const caller = async (role: "tenant_staff" | "tenant_admin" = "tenant_staff") => {
    const deps = createApiDeps({ db, logger: silent, messaging, now, publicBaseUrl: BASE });
    return callerWith(deps, (await staffToken(db, TENANT, clock, role)).token).api.tenant;
  };
  const settings = async (input: { reviewRequestsEnabled: boolean; reviewLink: string; reviewDelayMinutes: number }) =>
    (await caller("tenant_admin")).automations.update({ ...input, rebookRemindersEnabled: false });
  const customer = async (name: string, phone: string) =>
    tenantDb(db, TENANT).run((tx) =>
      tx.customer.create({
        data: { tenantId: TENANT, name, phone, source: "staff", ...customerSearchKeys({ name, phone }) },
        select: { id: true },
      }),
    );
  /** Books at `startsAt` (an hour's notice before it), then completes it at `completedAt`. */
  const completed = async (customerId: string, startsAt: string, completedAt: string) => {
    clock = new Date(at(startsAt).getTime() - 2 * 3_600_000);
    const appointment = await (await caller()).appointments.create({
      customerId,
      serviceId: business.serviceId,
      startsAt,
      bookableId: business.bookableIds[0],
    });
    clock = at(completedAt);
    await (await caller()).appointments.complete({ id: appointment.id });
    return appointment.id;
  };
  const requestFor = (appointmentId: string) =>
    tenantDb(db, TENANT).run((tx) => tx.reviewRequest.findFirst({ where: { appointmentId } }));
  const runJob = (reviewRequestId: string, when: Date): Promise<ReviewRequestOutcome> => {
    clock = when;
    return sendReviewRequest(
      { db, outbox: messaging.outbox, events: messaging.events, publicBaseUrl: BASE, now },
      { tenantId: TENANT, reviewRequestId },
    );
  };
  const textsFor = (reviewRequestId: string) =>
    tenantDb(db, TENANT).run((tx) => tx.message.findMany({ where: { purposeKey: `review:${reviewRequestId}` } }));
  const jobsFor = async (reviewRequestId: string) =>
    (
      await db.prisma.$queryRawUnsafe<{ singleton_key: string; start_after: Date }[]>(
        `SELECT singleton_key, start_after FROM pgboss.job WHERE name = 'review.request'`,
      )
    ).filter((job) => job.singleton_key === reviewRequestId);
  const links = () => {
    const hono = new Hono<HonoEnv>();
    hono.route("/r", reviewLinkRoutes({ db, now }));
    return hono;
  };

  it("should queue nothing while review requests are off, and refuse turning them on without a link", async () => {
    const appointmentId = await completed(business.customerId, "2026-12-07T09:00:00-06:00", "2026-12-07T16:00:00Z");
    expect(await requestFor(appointmentId)).toBeNull();
    await expect(settings({ reviewRequestsEnabled: true, reviewLink: "", reviewDelayMinutes: 120 })).rejects.toThrow(
      /Add your review link/,
    );
    await expect(
      settings({ reviewRequestsEnabled: true, reviewLink: "http://example.com/review", reviewDelayMinutes: 120 }),
    ).rejects.toThrow(/https:\/\//);
    await expect(
      settings({ reviewRequestsEnabled: true, reviewLink: REVIEW_LINK, reviewDelayMinutes: 10_081 }),
    ).rejects.toThrow(/at most 10,080/);
    await expect(
      (await caller("tenant_staff")).automations.update({
        reviewRequestsEnabled: true,
        reviewLink: REVIEW_LINK,
        reviewDelayMinutes: 120,
        rebookRemindersEnabled: false,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const saved = await settings({ reviewRequestsEnabled: true, reviewLink: REVIEW_LINK, reviewDelayMinutes: 120 });
    expect(saved.settings).toMatchObject({
      reviewRequestsEnabled: true,
      reviewLink: REVIEW_LINK,
      reviewDelayMinutes: 120,
    });
    const audit = await platform(db).run((tx) =>
      tx.auditLog.findFirst({ where: { targetTenantId: TENANT, action: "automations.settings_updated" } }),
    );
    expect(audit?.details).toMatchObject({ fields: ["reviewRequestsEnabled", "reviewLink"] });
  });

  it("should queue one request on completion, send it once at completion + delay, and count clicks through the short link", async () => {
    const appointmentId = await completed(business.customerId, "2026-12-08T09:00:00-06:00", "2026-12-08T16:00:00Z");
    const request = (await requestFor(appointmentId))!;
    expect(request).toMatchObject({ status: "queued", dueAt: at("2026-12-08T18:00:00Z") });
    expect((await jobsFor(request.id)).map((job) => job.start_after.toISOString())).toEqual([
      "2026-12-08T18:00:00.000Z",
    ]);
    // An early job waits; completing again is refused and queues nothing new.
    expect(await runJob(request.id, at("2026-12-08T17:00:00Z"))).toEqual({
      outcome: "waiting",
      at: at("2026-12-08T18:00:00Z"),
    });
    await expect((await caller()).appointments.complete({ id: appointmentId })).rejects.toThrow(/completed/);

    expect((await runJob(request.id, at("2026-12-08T18:00:00Z"))).outcome).toBe("sent");
    // The same job again (a retry): nothing new.
    expect(await runJob(request.id, at("2026-12-08T18:01:00Z"))).toEqual({ outcome: "stale" });
    const texts = await textsFor(request.id);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ kind: "review_request", toNumber: "+15125550100" });
    const match = new RegExp(
      `^Thanks for choosing Shine ${TENANT}! If you have a minute, we'd love a review: ${BASE}/r/${TENANT}/([A-Za-z0-9_-]{22})$`,
    ).exec(texts[0]!.body);
    expect(match).not.toBeNull();
    const token = match![1]!;
    const sent = (await requestFor(appointmentId))!;
    expect(sent).toMatchObject({ status: "sent", messageId: texts[0]!.id, sentAt: at("2026-12-08T18:00:00Z") });
    expect(sent.tokenHash).not.toContain(token);

    clock = at("2026-12-08T19:00:00Z");
    const first = await links().request(`/r/${TENANT}/${token}`);
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe(REVIEW_LINK);
    clock = at("2026-12-08T19:05:00Z");
    expect((await links().request(`/r/${TENANT}/${token}`)).status).toBe(302);
    expect(await requestFor(appointmentId)).toMatchObject({
      clickCount: 2,
      firstClickAt: at("2026-12-08T19:00:00Z"),
    });
    // Unknown tokens, another business's scope, malformed paths: 404, nothing counted.
    expect((await links().request(`/r/${TENANT}/${"A".repeat(22)}`)).status).toBe(404);
    expect((await links().request(`/r/${OTHER}/${token}`)).status).toBe(404);
    expect((await links().request(`/r/${TENANT}/short`)).status).toBe(404);
    expect((await requestFor(appointmentId))!.clickCount).toBe(2);

    const view = await (await caller()).automations.get();
    expect(view.reviewRequests[0]).toMatchObject({ id: request.id, status: "sent", clickCount: 2 });
  });

  it("should skip an opted-out number with the reason, sending nothing", async () => {
    const phone = "+15125550131";
    const riley = await customer("Riley Stop", phone);
    await optOut(db, TENANT, phone, at("2026-12-01T12:00:00Z"));
    const request = (await requestFor(await completed(riley.id, "2026-12-09T09:00:00-06:00", "2026-12-09T16:00:00Z")))!;
    expect(await runJob(request.id, request.dueAt)).toEqual({ outcome: "skipped", reason: "opted_out" });
    expect(await textsFor(request.id)).toEqual([]);
  });

  it("should skip when the thread has a complaint: an open complaint hand-off, or a text classified as one since the visit", async () => {
    for (const [index, signal] of (["handoff", "classified"] as const).entries()) {
      const phone = `+1512555014${index}`;
      const person = await customer(`Pat Complaint ${index}`, phone);
      const appointmentId = await completed(
        person.id,
        `2026-12-1${index}T09:00:00-06:00`,
        `2026-12-1${index}T16:00:00Z`,
      );
      await tenantDb(db, TENANT).run(async (tx) => {
        const conversation = await tx.conversation.create({
          data: { tenantId: TENANT, customerId: person.id, tenantNumber: BUSINESS_NUMBER },
        });
        if (signal === "handoff")
          await tx.agentThread.create({
            data: {
              tenantId: TENANT,
              conversationId: conversation.id,
              handoffReason: "complaint",
              handoffAt: at(`2026-12-1${index}T17:00:00Z`),
            },
          });
        else
          await tx.agentRun.create({
            data: {
              tenantId: TENANT,
              conversationId: conversation.id,
              inboundMessageId: randomUUID(),
              mode: "autopilot",
              intent: "complaint",
              outcome: "handed_off",
              createdAt: at(`2026-12-1${index}T17:00:00Z`),
            },
          });
      });
      const request = (await requestFor(appointmentId))!;
      expect(await runJob(request.id, request.dueAt)).toEqual({ outcome: "skipped", reason: "complaint" });
      expect(await textsFor(request.id)).toEqual([]);
    }
  });

  it("should postpone a request that falls in the quiet hours to their end", async () => {
    const person = await customer("Quinn Evening", "+15125550150");
    // Completed 16:30 local; due two hours later would be 18:30 — make the delay reach 21:30 local.
    await settings({ reviewRequestsEnabled: true, reviewLink: REVIEW_LINK, reviewDelayMinutes: 300 });
    const request = (await requestFor(
      await completed(person.id, "2026-12-14T15:00:00-06:00", "2026-12-14T22:30:00Z"),
    ))!;
    expect(request.dueAt).toEqual(at("2026-12-15T03:30:00Z")); // 21:30 local
    expect(await runJob(request.id, request.dueAt)).toEqual({ outcome: "waiting", at: at("2026-12-15T14:00:00Z") });
    expect(await requestFor(request.appointmentId)).toMatchObject({
      status: "queued",
      dueAt: at("2026-12-15T14:00:00Z"),
    });
    expect(await textsFor(request.id)).toEqual([]);
    expect((await runJob(request.id, at("2026-12-15T14:00:00Z"))).outcome).toBe("sent");
    expect(await textsFor(request.id)).toHaveLength(1);
    await settings({ reviewRequestsEnabled: true, reviewLink: REVIEW_LINK, reviewDelayMinutes: 120 });
  });

  it("should skip a request when review requests were turned off, or the link removed, before it was due", async () => {
    const first = await customer("Drew Disabled", "+15125550160");
    const second = await customer("Lee Nolink", "+15125550161");
    const disabled = (await requestFor(
      await completed(first.id, "2026-12-16T09:00:00-06:00", "2026-12-16T16:00:00Z"),
    ))!;
    const noLink = (await requestFor(await completed(second.id, "2026-12-16T11:00:00-06:00", "2026-12-16T18:00:00Z")))!;
    await settings({ reviewRequestsEnabled: false, reviewLink: REVIEW_LINK, reviewDelayMinutes: 120 });
    expect(await runJob(disabled.id, disabled.dueAt)).toEqual({ outcome: "skipped", reason: "disabled" });
    // The form refuses "on" without a link; a link cleared by hand (support, a migration) still stops the text.
    await tenantDb(db, TENANT).run((tx) =>
      tx.automationSettings.update({
        where: { tenantId: TENANT },
        data: { reviewRequestsEnabled: true, reviewLink: null },
      }),
    );
    expect(await runJob(noLink.id, noLink.dueAt)).toEqual({ outcome: "skipped", reason: "no_link" });
    expect([...(await textsFor(disabled.id)), ...(await textsFor(noLink.id))]).toEqual([]);
    const view = await (await caller()).automations.get();
    expect(view.reviewRequests.slice(0, 2)).toEqual([
      expect.objectContaining({ id: noLink.id, status: "skipped", reason: "no_link", customerName: "Lee Nolink" }),
      expect.objectContaining({ id: disabled.id, status: "skipped", reason: "disabled" }),
    ]);
  });

  it("should keep another business's review requests out of reach", async () => {
    const theirs = await tenantDb(db, OTHER).run((tx) => tx.reviewRequest.findMany());
    expect(theirs).toEqual([]);
    const mine = await tenantDb(db, TENANT).run((tx) => tx.reviewRequest.count());
    expect(mine).toBeGreaterThan(0);
  });
});
