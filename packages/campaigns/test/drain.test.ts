// The campaign drain (issue 15, item 3, and its tests) on a simulated clock, against a recording
// SMS sender that can fail or "die" mid-send: consent is checked again at send time (no marketing
// consent, an opt-out, a STOP arriving during the campaign), nothing goes outside 08:00–21:00 in
// the business's zone (two zones, a DST change day), a crash mid-drain sends no one twice and skips
// no one, a pause stops the next claim, and every sender stays within its rate in every one-second
// window while the campaign keeps ≥ 0.95× the sum of the rates. PGlite, and PostgreSQL with
// TEST_DATABASE_URL. The clock is simulated: `sleep` advances it, and things "happen" at set
// instants (a pause, a STOP) between the drain's claims.
import { randomBytes, randomUUID } from "node:crypto";
import { type Database, JOB_QUEUE_SCHEMA, platformDb, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import {
  createMessagingEvents,
  deliverMessage,
  type MessagingEvent,
  type OutgoingSms,
  recordConsentChange,
  recordMarketingConsent,
  type SentSms,
  type SmsSender,
} from "@servicepro/sms";
import { customerSearchKeys } from "@servicepro/validators";
import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCampaignDrainQueue,
  type DrainDeps,
  type DrainResult,
  drainCampaign,
  maxInWindow,
  STALE_AFTER_MS,
  startCampaignDrainWorker,
} from "../src/index.ts";

const CHICAGO = { id: "drain-chicago", timezone: "America/Chicago" };
const COAST = { id: "drain-coast", timezone: "America/Los_Angeles" };
const SERVICE = `MG${"c".repeat(32)}`;
/** Chicago's numbers: a long code (1/s), a toll-free number (3/s), a Messaging Service of two long codes (2/s). */
const LONG = "+15125550301";
const TOLL_FREE = "+18885550302";
const POOL = ["+15125550303", "+15125550304"] as const;
const COAST_NUMBER = "+13105550305";
const BASE = "https://app.example.test";
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const at = (iso: string) => new Date(iso).getTime();

type Sent = OutgoingSms & SentSms & { at: number };
type Fault = "hang" | "accept_then_hang" | "accept_then_throw";

/**
 * A provider that records what it accepted (shared by every "process" in a test, like Twilio's own
 * log) and answers findSent from it. `die` makes the next sends never answer (the process is gone),
 * before or after the text was accepted, or answer with a network error after accepting it.
 */
function fakeProvider(clock: () => number) {
  const sent: Sent[] = [];
  const faults: Fault[] = [];
  const sender: SmsSender = {
    kind: "twilio",
    async send(sms) {
      const fault = faults.shift();
      if (fault === "hang") return new Promise<never>(() => {});
      const record = { ...sms, sid: `SM${randomBytes(16).toString("hex")}`, status: "queued", at: clock() };
      sent.push(record);
      if (fault === "accept_then_hang") return new Promise<never>(() => {});
      if (fault === "accept_then_throw") throw new Error("socket hang up");
      return { sid: record.sid, status: record.status };
    },
    async findSent({ from, to, body }) {
      const match = sent.find((s) => s.from === from && s.to === to && s.body === body);
      return match ? { sid: match.sid, status: match.status } : null;
    },
  };
  return { sender, sent, fail: (...next: Fault[]) => faults.push(...next) };
}

/** A clock that only moves when the drain sleeps; `when(at, fn)` runs fn once the clock reaches `at`. */
function simulatedClock(start: number) {
  let now = start;
  /** Sleeps left before the process "dies" (null: it lives). */
  let sleepsLeft: number | null = null;
  const scheduled: { at: number; run: () => Promise<void>; done: boolean }[] = [];
  return {
    now: () => now,
    set: (to: number) => void (now = Math.max(now, to)),
    when: (instant: number, run: () => Promise<void>) => void scheduled.push({ at: instant, run, done: false }),
    /** The process "dies" after `afterSleeps` more sleeps: whoever sleeps then never wakes. */
    kill: (afterSleeps = 0) => void (sleepsLeft = afterSleeps),
    revive: () => void (sleepsLeft = null),
    async sleep(ms: number) {
      if (sleepsLeft !== null && sleepsLeft-- <= 0) return new Promise<never>(() => {});
      now += ms;
      for (const event of scheduled)
        if (!event.done && event.at <= now) {
          event.done = true;
          await event.run();
        }
    },
  };
}

describe.each(testEngines())("campaign drain on %s", (engine) => {
  let db: TestDatabase;
  const platform = (database: Database) => platformDb(database, { actorUserId: null, purpose: "test.campaign-drain" });

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    await platform(db).run(async (tx) => {
      for (const tenant of [CHICAGO, COAST])
        await tx.tenant.create({
          data: {
            id: tenant.id,
            name: tenant === CHICAGO ? "Shine Mobile Detailing" : "Coast Pet Grooming",
            slug: tenant.id,
            planTier: "pro",
            status: "active",
            timezone: tenant.timezone,
          },
        });
      await tx.tenantPhoneConfig.createMany({
        data: [
          { tenantId: CHICAGO.id, phoneNumber: LONG },
          { tenantId: CHICAGO.id, phoneNumber: TOLL_FREE },
          ...POOL.map((phoneNumber) => ({ tenantId: CHICAGO.id, phoneNumber, messagingServiceSid: SERVICE })),
          { tenantId: COAST.id, phoneNumber: COAST_NUMBER },
        ],
      });
    });
  });
  afterAll(async () => {
    await db?.drop();
  });

  let phoneSeq = 0;
  type Customer = { id: string; phone: string; name: string };
  /** Customers with the consent given: marketing opt-in (staff, with a note), none, or only texts (START). */
  async function customers(
    tenantId: string,
    count: number,
    consent: "marketing" | "none" | "texts_only" = "marketing",
  ) {
    const made: Customer[] = [];
    for (let i = 0; i < count; i++) {
      const phone = `+1555${String(7_000_000 + phoneSeq++).padStart(7, "0")}`;
      const name = `Pat${phoneSeq} Rivera`;
      const customer = await tenantDb(db, tenantId).run(async (tx) => {
        const row = await tx.customer.create({
          data: { tenantId, phone, name, source: "staff", pointsBalance: 1250, ...customerSearchKeys({ name, phone }) },
          select: { id: true },
        });
        if (consent === "texts_only")
          await recordConsentChange(tx, tenantId, {
            phone,
            state: "opted_in",
            source: "keyword",
            evidence: { text: "START" },
          });
        if (consent === "marketing")
          await recordMarketingConsent(tx, tenantId, {
            phone,
            state: "opted_in",
            source: "staff",
            evidence: { note: "Agreed to offers at the counter" },
          });
        return row;
      });
      made.push({ id: customer.id, phone, name });
    }
    return made;
  }

  /** A campaign already started (as expandCampaign writes it): status sending, one queued row per recipient. */
  async function startedCampaign(
    tenantId: string,
    recipients: { customer: Customer; senderKey: string; fromNumber: string }[],
    body = "Hi {first_name}! 20% off a detail this week: {booking_link}",
  ) {
    const id = randomUUID();
    await tenantDb(db, tenantId).run(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO campaigns (tenant_id, id, name, body, status, started_at, recipient_count, updated_at)
        VALUES (${tenantId}, ${id}::uuid, 'Winter offer', ${body}, 'sending', now(), ${recipients.length}, now())`;
      await tx.$executeRaw`
        INSERT INTO campaign_sends (tenant_id, campaign_id, customer_id, phone, sender_key, from_number)
        SELECT ${tenantId}, ${id}::uuid, c.id, c.phone, x.sender_key, x.from_number
          FROM unnest(${recipients.map((r) => r.customer.id)}::uuid[], ${recipients.map((r) => r.senderKey)}::text[],
                      ${recipients.map((r) => r.fromNumber)}::text[]) AS x(customer_id, sender_key, from_number)
          JOIN customers c ON c.tenant_id = ${tenantId} AND c.id = x.customer_id`;
    });
    return id;
  }

  const onLongCode = (list: Customer[]) => list.map((customer) => ({ customer, senderKey: LONG, fromNumber: LONG }));

  function harness(start: number) {
    const clock = simulatedClock(start);
    const provider = fakeProvider(clock.now);
    const events = createMessagingEvents();
    const published: MessagingEvent[] = [];
    const queuedJobs: { name: string; data: object }[] = [];
    const deps = (sender: SmsSender = provider.sender): DrainDeps => ({
      db,
      sender,
      events,
      logger: quiet,
      publicBaseUrl: BASE,
      statusCallbackUrl: `${BASE}/twilio/sms/status`,
      jobs: {
        send: async (name: string, data?: object | null) => {
          queuedJobs.push({ name, data: data ?? {} });
          return randomUUID();
        },
      } as DrainDeps["jobs"],
      now: () => new Date(clock.now()),
      sleep: clock.sleep,
    });
    for (const tenant of [CHICAGO, COAST]) events.subscribe(tenant.id, (event) => published.push(event));
    /** Runs drains like the worker's chain of jobs (each next one at its nextAt) until the campaign stops. */
    async function drainUntilStopped(tenantId: string, campaignId: string, options: { budgetMs?: number } = {}) {
      const results: DrainResult[] = [];
      for (let run = 0; run < 200; run++) {
        const result = await drainCampaign(deps(), { tenantId, campaignId }, options);
        results.push(result);
        if (result.outcome !== "waiting") return results;
        clock.set(result.nextAt.getTime());
      }
      throw new Error("the campaign never stopped");
    }
    return { clock, provider, deps, published, queuedJobs, drainUntilStopped };
  }

  const rows = (tenantId: string, campaignId: string) =>
    tenantDb(db, tenantId).run((tx) =>
      tx.campaignSend.findMany({ where: { campaignId }, orderBy: { claimedAt: "asc" } }),
    );
  const campaign = (tenantId: string, campaignId: string) =>
    tenantDb(db, tenantId).run((tx) => tx.campaign.findFirstOrThrow({ where: { id: campaignId } }));
  const textsTo = (sent: Sent[], phone: string) => sent.filter((s) => s.to === phone);

  it("should text only customers with marketing consent who have not opted out, once each, as the composer previews it", async () => {
    const t = harness(at("2026-12-08T16:00:00Z")); // 10:00 in Chicago
    const [agreed] = await customers(CHICAGO.id, 1);
    const [neverAsked] = await customers(CHICAGO.id, 1, "none");
    const [textsOnly] = await customers(CHICAGO.id, 1, "texts_only");
    const [stopped, offersOff] = await customers(CHICAGO.id, 2);
    await tenantDb(db, CHICAGO.id).run(async (tx) => {
      await recordConsentChange(tx, CHICAGO.id, {
        phone: stopped!.phone,
        state: "opted_out",
        source: "keyword",
        evidence: { text: "STOP" },
      });
      await recordMarketingConsent(tx, CHICAGO.id, {
        phone: offersOff!.phone,
        state: "opted_out",
        source: "staff",
        evidence: { note: "Asked for no offers" },
      });
    });
    const id = await startedCampaign(CHICAGO.id, onLongCode([agreed!, neverAsked!, textsOnly!, stopped!, offersOff!]));

    const results = await t.drainUntilStopped(CHICAGO.id, id);
    expect(results.at(-1)?.outcome).toBe("completed");
    expect(t.provider.sent.map((s) => s.to)).toEqual([agreed!.phone]);
    const [text] = t.provider.sent;
    expect(text).toMatchObject({
      from: LONG,
      body: `Shine Mobile Detailing: Hi ${agreed!.name.split(" ")[0]}! 20% off a detail this week: ${BASE}/book/${CHICAGO.id}\nReply STOP to opt out`,
    });
    const byCustomer = new Map((await rows(CHICAGO.id, id)).map((row) => [row.customerId, row]));
    expect(byCustomer.get(agreed!.id)).toMatchObject({ status: "sent", statusReason: null });
    expect(byCustomer.get(neverAsked!.id)).toMatchObject({ status: "skipped", statusReason: "no_consent" });
    expect(byCustomer.get(textsOnly!.id)).toMatchObject({ status: "skipped", statusReason: "no_consent" });
    expect(byCustomer.get(stopped!.id)).toMatchObject({ status: "skipped", statusReason: "opted_out" });
    expect(byCustomer.get(offersOff!.id)).toMatchObject({ status: "skipped", statusReason: "no_consent" });
    // The message is in the customer's thread (opened on the sending number), marked a campaign text, live in the inbox.
    const message = await tenantDb(db, CHICAGO.id).run((tx) =>
      tx.message.findFirstOrThrow({
        where: { id: byCustomer.get(agreed!.id)!.messageId! },
        include: { conversation: true },
      }),
    );
    expect(message).toMatchObject({
      kind: "campaign",
      purposeKey: `campaign:${id}:${agreed!.id}`,
      status: "queued",
      fromNumber: LONG,
      toNumber: agreed!.phone,
      twilioSid: text!.sid,
    });
    expect(message.conversation).toMatchObject({
      customerId: agreed!.id,
      tenantNumber: LONG,
      lastDirection: "outbound",
    });
    expect(t.published).toContainEqual({
      type: "message",
      tenantId: CHICAGO.id,
      conversationId: message.conversationId,
      messageId: message.id,
    });
    expect(await campaign(CHICAGO.id, id)).toMatchObject({ status: "completed", completedAt: expect.any(Date) });
  });

  it("should send only 08:00–21:00 in each business's zone, across the spring-forward change", async () => {
    // 2027-03-14 is the US change to daylight time. 12:30Z is 07:30 CDT in Chicago and 05:30 PDT on the coast.
    // (Dates go forward through the file: a sender's pace row is shared, as it is in life.)
    const t = harness(at("2027-03-14T12:30:00Z"));
    const chicago = await startedCampaign(CHICAGO.id, onLongCode(await customers(CHICAGO.id, 2)));
    const coastList = await customers(COAST.id, 2);
    const coast = await startedCampaign(
      COAST.id,
      coastList.map((customer) => ({ customer, senderKey: COAST_NUMBER, fromNumber: COAST_NUMBER })),
    );
    const first = await drainCampaign(t.deps(), { tenantId: CHICAGO.id, campaignId: chicago });
    const firstCoast = await drainCampaign(t.deps(), { tenantId: COAST.id, campaignId: coast });
    // 08:00 CDT is 13:00Z (it was 14:00Z the day before); 08:00 PDT is 15:00Z.
    expect(first).toMatchObject({ outcome: "waiting", nextAt: new Date("2027-03-14T13:00:00Z"), sends: 0 });
    expect(firstCoast).toMatchObject({ outcome: "waiting", nextAt: new Date("2027-03-14T15:00:00Z"), sends: 0 });
    expect(t.provider.sent).toEqual([]);

    t.clock.set(at("2027-03-14T13:00:00Z"));
    expect((await t.drainUntilStopped(CHICAGO.id, chicago)).at(-1)?.outcome).toBe("completed");
    // The coast is still quiet at 13:00Z: its drain waits, then sends from 08:00 PDT.
    expect(await drainCampaign(t.deps(), { tenantId: COAST.id, campaignId: coast })).toMatchObject({
      outcome: "waiting",
      nextAt: new Date("2027-03-14T15:00:00Z"),
    });
    expect((await t.drainUntilStopped(COAST.id, coast)).at(-1)?.outcome).toBe("completed");
    const sentAt = async (tenantId: string, id: string) =>
      (await rows(tenantId, id)).map((row) => row.claimedAt!.toISOString());
    expect(await sentAt(CHICAGO.id, chicago)).toEqual(["2027-03-14T13:00:00.000Z", "2027-03-14T13:00:01.000Z"]);
    expect(await sentAt(COAST.id, coast)).toEqual(["2027-03-14T15:00:00.000Z", "2027-03-14T15:00:01.000Z"]);
    expect(t.provider.sent).toHaveLength(4);
  });

  it("should stop at 21:00 local and go on at 08:00 the next morning (the fall-back change night)", async () => {
    // 2027-11-07 01:59:58.5Z is 20:59:58.5 CDT on Nov 6; the clocks fall back that night.
    const t = harness(at("2027-11-07T01:59:58.500Z"));
    const list = await customers(CHICAGO.id, 3);
    const id = await startedCampaign(CHICAGO.id, onLongCode(list));
    const first = await drainCampaign(t.deps(), { tenantId: CHICAGO.id, campaignId: id });
    // Two texts at 20:59:58.5 and 20:59:59.5; the third's slot (21:00:00.5) is past the sending hours.
    expect(first).toMatchObject({ outcome: "waiting", nextAt: new Date("2027-11-07T14:00:00Z"), sends: 2 });
    t.clock.set(first.outcome === "waiting" ? first.nextAt.getTime() : 0);
    expect((await t.drainUntilStopped(CHICAGO.id, id)).at(-1)?.outcome).toBe("completed");
    expect((await rows(CHICAGO.id, id)).map((row) => row.claimedAt!.toISOString())).toEqual([
      "2027-11-07T01:59:58.500Z",
      "2027-11-07T01:59:59.500Z",
      "2027-11-07T14:00:00.000Z", // 08:00 CST
    ]);
  });

  it("should send no one twice and skip no one when the drain dies mid-send, whatever Twilio had seen", async () => {
    const t = harness(at("2027-12-01T16:00:00Z"));
    const list = await customers(CHICAGO.id, 6);
    const id = await startedCampaign(CHICAGO.id, onLongCode(list));
    // The first text reaches Twilio, but the process dies before it hears back.
    t.provider.fail("accept_then_hang");
    const dying = drainCampaign(t.deps(), { tenantId: CHICAGO.id, campaignId: id });
    void dying;
    t.clock.kill();
    await waitFor(async () => (await rows(CHICAGO.id, id)).some((row) => row.status === "sending"));
    await waitFor(async () => t.provider.sent.length === 1);
    // A new process, later: the row is stale; the second run's first send dies before Twilio saw it.
    t.clock.revive();
    t.clock.set(t.clock.now() + STALE_AFTER_MS + 1);
    t.provider.fail("hang");
    const dyingAgain = drainCampaign(t.deps(), { tenantId: CHICAGO.id, campaignId: id });
    void dyingAgain;
    // It takes the stale row again (one slot), then claims the next one, and dies in that send.
    t.clock.kill(1);
    await waitFor(async () => (await rows(CHICAGO.id, id)).filter((row) => row.status === "sending").length === 1);
    await waitFor(async () => (await rows(CHICAGO.id, id)).filter((row) => row.status === "sent").length === 1);
    // A third process: Twilio answers with a network error after accepting one text (the queue takes that one over).
    t.clock.revive();
    t.clock.set(t.clock.now() + STALE_AFTER_MS + 1);
    t.provider.fail("accept_then_throw");
    const results = await t.drainUntilStopped(CHICAGO.id, id);
    expect(results.at(-1)?.outcome).toBe("completed");

    const handedOver = (await rows(CHICAGO.id, id)).filter((row) => row.statusReason === "delivery_retrying");
    expect(handedOver).toHaveLength(1);
    expect(t.queuedJobs).toEqual([
      { name: "sms.send", data: { tenantId: CHICAGO.id, messageId: handedOver[0]!.messageId } },
    ]);
    // The delivery worker's retry reconciles with Twilio: it adopts the text Twilio has, sends nothing.
    await deliverMessage(
      { db, sender: t.provider.sender, events: createMessagingEvents(), logger: quiet, statusCallbackUrl: `${BASE}/s` },
      { tenantId: CHICAGO.id, messageId: handedOver[0]!.messageId! },
    );
    for (const customer of list) expect(textsTo(t.provider.sent, customer.phone)).toHaveLength(1);
    expect(t.provider.sent).toHaveLength(6);
    expect((await rows(CHICAGO.id, id)).map((row) => row.status)).toEqual(Array(6).fill("sent"));
    const messages = await tenantDb(db, CHICAGO.id).run((tx) =>
      tx.message.findMany({ where: { purposeKey: { startsWith: `campaign:${id}:` } } }),
    );
    expect(messages).toHaveLength(6);
    expect(new Set(messages.map((m) => m.twilioSid)).size).toBe(6);
  });

  it("should withhold a text left unsent by a dead drain when its number opted out meanwhile", async () => {
    const t = harness(at("2027-12-02T16:00:00Z"));
    const [customer] = await customers(CHICAGO.id, 1);
    const id = await startedCampaign(CHICAGO.id, onLongCode([customer!]));
    t.provider.fail("hang");
    void drainCampaign(t.deps(), { tenantId: CHICAGO.id, campaignId: id });
    t.clock.kill();
    await waitFor(async () => (await rows(CHICAGO.id, id))[0]?.status === "sending");
    const [row] = await rows(CHICAGO.id, id);
    // As if the process died right after the claim committed (the message never left `pending`), then a STOP came.
    const messageOf = () =>
      tenantDb(db, CHICAGO.id).run((tx) => tx.message.findFirstOrThrow({ where: { id: row!.messageId! } }));
    await waitFor(async () => (await messageOf()).status === "submitting");
    await tenantDb(db, CHICAGO.id).run(async (tx) => {
      await tx.message.update({
        where: { tenantId_id: { tenantId: CHICAGO.id, id: row!.messageId! } },
        data: { status: "pending" },
      });
      await recordConsentChange(tx, CHICAGO.id, {
        phone: customer!.phone,
        state: "opted_out",
        source: "keyword",
        evidence: { text: "STOP" },
      });
    });
    t.clock.revive();
    t.clock.set(t.clock.now() + STALE_AFTER_MS + 1);
    expect((await t.drainUntilStopped(CHICAGO.id, id)).at(-1)?.outcome).toBe("completed");
    expect(t.provider.sent).toEqual([]);
    expect((await rows(CHICAGO.id, id))[0]).toMatchObject({ status: "skipped", statusReason: "opted_out" });
    expect(await messageOf()).toMatchObject({ status: "suppressed" });
  });

  it("should stop sending at the first claim after a pause, and finish everyone once after resume", async () => {
    const start = at("2027-12-03T16:00:00Z");
    const t = harness(start);
    const list = await customers(CHICAGO.id, 24);
    const id = await startedCampaign(CHICAGO.id, spreadOverSenders(list));
    const pauseAt = start + 2_500;
    t.clock.when(pauseAt, () =>
      tenantDb(db, CHICAGO.id)
        .run((tx) =>
          tx.campaign.update({
            where: { tenantId_id: { tenantId: CHICAGO.id, id } },
            data: { status: "paused", pausedAt: new Date(pauseAt) },
          }),
        )
        .then(() => undefined),
    );
    const paused = await drainCampaign(t.deps(), { tenantId: CHICAGO.id, campaignId: id });
    expect(paused.outcome).toBe("paused");
    const claimed = (await rows(CHICAGO.id, id)).filter((row) => row.claimedAt);
    expect(claimed.length).toBeGreaterThan(0);
    // Nothing claimed at or after the pause: it takes effect at once (well within the one second the issue allows).
    expect(Math.max(...claimed.map((row) => row.claimedAt!.getTime()))).toBeLessThan(pauseAt);
    expect(t.clock.now()).toBeLessThan(pauseAt + 1_000);
    const sentBeforeResume = t.provider.sent.length;
    expect(sentBeforeResume).toBe(claimed.length);

    await tenantDb(db, CHICAGO.id).run((tx) =>
      tx.campaign.update({ where: { tenantId_id: { tenantId: CHICAGO.id, id } }, data: { status: "sending" } }),
    );
    expect((await t.drainUntilStopped(CHICAGO.id, id)).at(-1)?.outcome).toBe("completed");
    for (const customer of list) expect(textsTo(t.provider.sent, customer.phone)).toHaveLength(1);
  });

  it("should stop a number's remaining send as soon as its STOP is recorded during the campaign", async () => {
    const start = at("2027-12-06T16:00:00Z");
    const t = harness(start);
    const list = await customers(CHICAGO.id, 8);
    const id = await startedCampaign(CHICAGO.id, onLongCode(list));
    // Rows go in customer-id order at 1/s; the STOP comes from the sixth recipient 2.5 s in, before its turn.
    const order = [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    const stopper = order[5]!;
    t.clock.when(start + 2_500, () =>
      tenantDb(db, CHICAGO.id)
        .run((tx) =>
          recordConsentChange(tx, CHICAGO.id, {
            phone: stopper.phone,
            state: "opted_out",
            source: "keyword",
            evidence: { text: "STOP" },
          }),
        )
        .then(() => undefined),
    );
    expect((await t.drainUntilStopped(CHICAGO.id, id)).at(-1)?.outcome).toBe("completed");
    expect(textsTo(t.provider.sent, stopper.phone)).toEqual([]);
    expect(t.provider.sent).toHaveLength(7);
    const stopperRow = (await rows(CHICAGO.id, id)).find((row) => row.customerId === stopper.id);
    expect(stopperRow).toMatchObject({ status: "skipped", statusReason: "opted_out", messageId: null });
  });

  it("should keep every sender within its rate in every one-second window and sustain ≥ 0.95× their sum", async () => {
    const t = harness(at("2027-12-07T16:00:00Z"));
    // 1/s + 3/s + 2/s: 10 s of texts each, run in 3-second budgets (a chain of jobs) to count the hand-overs too.
    const list = await customers(CHICAGO.id, 60);
    const recipients = [
      ...list.slice(0, 10).map((customer) => ({ customer, senderKey: LONG, fromNumber: LONG })),
      ...list.slice(10, 40).map((customer) => ({ customer, senderKey: TOLL_FREE, fromNumber: TOLL_FREE })),
      ...list.slice(40).map((customer, i) => ({ customer, senderKey: SERVICE, fromNumber: POOL[i % 2]! })),
    ];
    const id = await startedCampaign(CHICAGO.id, recipients);
    const results = await t.drainUntilStopped(CHICAGO.id, id, { budgetMs: 3_000 });
    expect(results.at(-1)?.outcome).toBe("completed");
    expect(results.length).toBeGreaterThan(2);

    const sent = await rows(CHICAGO.id, id);
    expect(sent.every((row) => row.status === "sent")).toBe(true);
    const rates = { [LONG]: 1, [TOLL_FREE]: 3, [SERVICE]: 2 };
    let sustained = 0;
    for (const [sender, rate] of Object.entries(rates)) {
      const times = sent.filter((row) => row.senderKey === sender).map((row) => row.claimedAt!.getTime());
      expect(maxInWindow(times, 1000), sender).toBeLessThanOrEqual(rate);
      const span = Math.max(...times) - Math.min(...times);
      sustained += ((times.length - 1) * 1000) / span;
    }
    expect(sustained / 6).toBeGreaterThanOrEqual(0.95);
    // The service's texts go out from its numbers; every recipient got exactly one.
    for (const customer of list) expect(textsTo(t.provider.sent, customer.phone)).toHaveLength(1);
  });

  it("should start a scheduled campaign at its time with the audience as it is then, and wait when it was moved later", async () => {
    const due = at("2026-12-09T18:00:00Z"); // 10:00 in Los Angeles
    const t = harness(due - 60 * 60 * 1000);
    const [early] = await customers(COAST.id, 1);
    const id = randomUUID();
    await tenantDb(db, COAST.id).run(
      (tx) => tx.$executeRaw`
        INSERT INTO campaigns (tenant_id, id, name, body, audience, status, scheduled_at, updated_at)
        VALUES (${COAST.id}, ${id}::uuid, 'Later', 'Hi {first_name}!', '{}'::jsonb, 'scheduled', ${new Date(due)}, now())`,
    );
    // The job for an earlier time (the campaign was moved to 10:00): nothing is written, it waits.
    const before = await drainCampaign(t.deps(), { tenantId: COAST.id, campaignId: id });
    expect(before).toMatchObject({ outcome: "waiting", nextAt: new Date(due) });
    expect(await rows(COAST.id, id)).toEqual([]);
    // Someone agrees to offers before the time comes: they are in it.
    const [late] = await customers(COAST.id, 1);
    t.clock.set(due);
    await t.drainUntilStopped(COAST.id, id);
    const started = await campaign(COAST.id, id);
    expect(started.status).toBe("completed");
    expect(started.startedAt).toEqual(new Date(due));
    expect(textsTo(t.provider.sent, early!.phone)).toHaveLength(1);
    expect(textsTo(t.provider.sent, late!.phone)).toHaveLength(1);
    expect(started.recipientCount).toBe((await rows(COAST.id, id)).length);
  });

  it("should queue one drain job per campaign however often it is started, and drain it in the worker", async () => {
    const boss = new PgBoss({
      db: db.jobQueue,
      schema: JOB_QUEUE_SCHEMA,
      migrate: false,
      supervise: false,
      schedule: false,
      ...(db.engine === "pglite" ? { backend: "pglite" as const } : {}),
    });
    boss.on("error", () => undefined);
    await boss.start();
    try {
      const queue = createCampaignDrainQueue(boss);
      const [customer] = await customers(CHICAGO.id, 1);
      const id = await startedCampaign(CHICAGO.id, onLongCode([customer!]));
      const soon = new Date(Date.now() + 60_000);
      await queue.start(CHICAGO.id, id, soon);
      await queue.start(CHICAGO.id, id, soon); // a double click
      await queue.start(CHICAGO.id, id, new Date(soon.getTime() + 3_600_000)); // later: the queued one comes first
      const jobs = await boss.findJobs("campaign.drain", { key: id, queued: true });
      expect(jobs.map((job) => job.data)).toEqual([{ tenantId: CHICAGO.id, campaignId: id }]);
      // Now: a job earlier than the queued one is queued; the worker drains it (a day-time clock that runs).
      await queue.start(CHICAGO.id, id);
      const began = Date.now();
      const t = harness(at("2027-12-08T16:00:00Z"));
      const { sleep: _simulated, ...deps } = t.deps();
      const stop = await startCampaignDrainWorker(
        boss,
        { ...deps, now: () => new Date(at("2027-12-08T16:00:00Z") + Date.now() - began) },
        { pollingIntervalSeconds: 0.5 },
      );
      try {
        await waitFor(async () => (await campaign(CHICAGO.id, id)).status === "completed", 20_000);
      } finally {
        await stop();
      }
      expect(textsTo(t.provider.sent, customer!.phone)).toHaveLength(1);
    } finally {
      await boss.stop({ graceful: false, close: false });
    }
  });

  /** Long code, toll-free and the Messaging Service in turn. */
  function spreadOverSenders(list: Customer[]) {
    return list.map((customer, i) => {
      const senderKey = [LONG, TOLL_FREE, SERVICE][i % 3]!;
      return { customer, senderKey, fromNumber: senderKey === SERVICE ? POOL[0] : senderKey };
    });
  }
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
