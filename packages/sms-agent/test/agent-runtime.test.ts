// The SMS agent at work on a real database: texts go in through the SMS intake (the webhook worker's
// path), which queues the agent's job in its own transaction; the job answers with the rules brain on
// a fixed clock. Auto-pilot books and replies through the outbox; suggest mode drafts and staff send;
// a staff reply pauses it; a hand-off flags the conversation and emails the admins; an opted-out
// number, another customer's or business's appointment and a plan without the agent get nothing;
// test mode writes nothing; a job run twice answers once.
import { randomUUID } from "node:crypto";
import { type Brain, rulesBrain } from "@servicepro/agent";
import { JOB_QUEUES, platformDb, tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { createDevEmailSender } from "@servicepro/notifications";
import { applyInboundTexts } from "@servicepro/sms";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiDeps, createContext, type Logger } from "../../api/src/context.ts";
import { createSession } from "../../api/src/identity/sessions.ts";
import { appRouter } from "../../api/src/root.ts";
import { createCallerFactory } from "../../api/src/trpc.ts";
import { type Business, bookingBusiness } from "../../api/test/booking-fixtures.ts";
import { quietLogger, startQuietMessaging } from "../../api/test/telephony-fixtures.ts";
import { type AgentRuntimeDeps, answerText, createDbWorld, pauseAfterStaffReply } from "../src/index.ts";

/** Monday 2026-12-07, 10:00 in Chicago: open, outside the quiet hours; Saturday is the 12th. */
const NOW = new Date("2026-12-07T16:00:00Z");
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {}, child: () => silent };
const callerFactory = createCallerFactory(appRouter);
type Messaging = Awaited<ReturnType<typeof startQuietMessaging>>;

describe.each(testEngines())("the SMS agent at work on %s", (engine) => {
  let db: TestDatabase;
  let messaging: Messaging;
  let deps: AgentRuntimeDeps;
  const email = createDevEmailSender(quietLogger);
  let a: Business;
  let b: Business;
  let sid = 0;
  const numbers: Record<string, string> = {};

  /** A text from `from` to the business's number, through the SMS intake. Returns the stored message's id. */
  async function text(tenantId: string, from: string, body: string): Promise<string> {
    sid++;
    const [result] = await applyInboundTexts(messaging.intake, tenantId, [
      {
        params: { MessageSid: `SM${String(sid).padStart(32, "0")}`, From: from, To: numbers[tenantId]!, Body: body },
        route: { phoneNumber: numbers[tenantId]!, routedByFallback: false },
      },
    ]);
    if (result?.outcome !== "stored") throw new Error(`the text was not stored: ${result?.outcome}`);
    return result.messageId;
  }

  const agentJobs = async (messageId: string) => {
    const rows = await db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'messageId' = $2`,
      JOB_QUEUES.agentReply.name,
      messageId,
    );
    return rows[0]!.n;
  };

  const outbound = (tenantId: string, phone: string) =>
    tenantDb(db, tenantId).run((tx) =>
      tx.message.findMany({
        where: { direction: "outbound", toNumber: phone },
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, body: true, sentByUserId: true },
      }),
    );

  const appointmentsOf = (tenantId: string, phone: string) =>
    tenantDb(db, tenantId).run((tx) =>
      tx.appointment.findMany({
        where: { customer: { phone } },
        select: { id: true, status: true, bookedBy: true, startsAt: true },
      }),
    );

  const threadOf = (tenantId: string, messageId: string) =>
    tenantDb(db, tenantId).run(async (tx) => {
      const message = await tx.message.findFirstOrThrow({ where: { id: messageId }, select: { conversationId: true } });
      return {
        conversationId: message.conversationId,
        thread: await tx.agentThread.findFirst({ where: { conversationId: message.conversationId } }),
      };
    });

  async function staff(tenantId: string, role: "tenant_admin" | "tenant_staff") {
    const user = await platformDb(db, { actorUserId: null, purpose: "test.agent" }).run(async (tx) => {
      const created = await tx.user.create({
        data: { email: `${randomUUID()}@example.test`, name: "Sam Staff", passwordHash: "x" },
      });
      const membership = await tx.membership.create({ data: { tenantId, userId: created.id, role } });
      // Staff are bookable by default; the calendar's capacity stays the fixture's crews.
      await tx.bookable.updateMany({ where: { tenantId, membershipId: membership.id }, data: { active: false } });
      return created;
    });
    const { token } = await createSession(db, {
      userId: user.id,
      activeTenantId: tenantId,
      now: NOW,
      ip: undefined,
      userAgent: undefined,
    });
    const apiDeps = createApiDeps({ db, logger: silent, messaging, now: () => NOW });
    const ctx = createContext(apiDeps, {
      requestId: randomUUID(),
      ip: "127.0.0.1",
      userAgent: "vitest",
      cookies: { read: () => token, set: () => {}, clear: () => {} },
    });
    return { api: callerFactory(ctx), userId: user.id };
  }

  const setMode = (tenantId: string, mode: "off" | "suggest" | "autopilot") =>
    tenantDb(db, tenantId).run((tx) =>
      tx.agentSettings.upsert({ where: { tenantId }, create: { tenantId, mode }, update: { mode } }),
    );

  async function failure(promise: Promise<unknown>): Promise<TRPCError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    return error as TRPCError;
  }

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    messaging = await startQuietMessaging(db, { now: () => NOW });
    a = await bookingBusiness(db, "agent-a");
    b = await bookingBusiness(db, "agent-b");
    await bookingBusiness(db, "agent-starter");
    await platformDb(db, { actorUserId: null, purpose: "test.agent" }).run(async (tx) => {
      await tx.tenant.update({ where: { id: "agent-starter" }, data: { planTier: "starter" } });
      for (const [i, id] of ["agent-a", "agent-b", "agent-starter"].entries()) {
        numbers[id] = `+1555555066${i}`;
        await tx.tenantPhoneConfig.create({
          data: { tenantId: id, phoneNumber: numbers[id]!, forwardTo: "+15125550111" },
        });
      }
    });
    await setMode("agent-a", "autopilot");
    await setMode("agent-b", "autopilot");
    deps = {
      db,
      outbox: messaging.outbox,
      events: messaging.events,
      email,
      brain: rulesBrain,
      logger: quietLogger,
      publicBaseUrl: "http://localhost:3000",
      reminders: { enqueue: async () => undefined },
      now: () => NOW,
    };
  });
  afterAll(async () => {
    await messaging?.stop();
    await db?.drop();
  });

  it("auto-pilot: a text becomes a job, the reply goes to the outbox, and a yes books", async () => {
    const phone = "+15125550201";
    const first = await text("agent-a", phone, "can I get an express wash saturday morning?");
    expect(await agentJobs(first)).toBe(1);
    const offered = await answerText(deps, { tenantId: "agent-a", messageId: first });
    expect(offered.outcome).toBe("sent");
    const [offer] = await outbound("agent-a", phone);
    expect(offer).toMatchObject({ kind: "ai_reply", sentByUserId: null });
    expect(await appointmentsOf("agent-a", phone)).toEqual([]);

    const pick = await text("agent-a", phone, "the first one");
    expect((await answerText(deps, { tenantId: "agent-a", messageId: pick })).outcome).toBe("sent");
    const booked = await appointmentsOf("agent-a", phone);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({ status: "booked", bookedBy: "ai_agent" });
    // Saturday, December 12, in the morning (Chicago).
    expect(booked[0]!.startsAt.toISOString().startsWith("2026-12-12T")).toBe(true);
    expect((await outbound("agent-a", phone)).map((m) => m.kind)).toEqual(["ai_reply", "ai_reply"]);
    const runs = await tenantDb(db, "agent-a").run((tx) =>
      tx.agentRun.findMany({ where: { inboundMessageId: { in: [first, pick] } } }),
    );
    // Both runs carry the fixed clock's time: in the texts' order.
    const order = [first, pick];
    runs.sort((x, y) => order.indexOf(x.inboundMessageId) - order.indexOf(y.inboundMessageId));
    expect(runs.map((r) => [r.outcome, r.action])).toEqual([
      ["sent", "offer_slots"],
      ["sent", "book"],
    ]);
  });

  it("answers a text once, however often its job runs", async () => {
    const phone = "+15125550202";
    const messageId = await text("agent-a", phone, "what does an express wash cost?");
    const results = [
      await answerText(deps, { tenantId: "agent-a", messageId }),
      await answerText(deps, { tenantId: "agent-a", messageId }),
    ];
    expect(results.map((r) => r.outcome)).toEqual(["sent", "duplicate"]);
    expect(await outbound("agent-a", phone)).toHaveLength(1);
    const { api } = await staff("agent-a", "tenant_staff");
    const { items } = await api.tenant.agent.runs({ limit: 50 });
    expect(items.filter((run) => run.customer.phone === phone)).toEqual([
      expect.objectContaining({ inbound: "what does an express wash cost?", outcome: "sent", brain: "rules" }),
    ]);
  });

  it("double texts: the newest text's job answers them together, once", async () => {
    const phone = "+15125550208";
    const first = await text("agent-a", phone, "hi");
    const second = await text("agent-a", phone, "how much is an express wash?");
    expect(await answerText(deps, { tenantId: "agent-a", messageId: first })).toMatchObject({ reason: "newer_text" });
    expect((await answerText(deps, { tenantId: "agent-a", messageId: second })).outcome).toBe("sent");
    const replies = await outbound("agent-a", phone);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain("$50");
  });

  it("suggest: drafts without sending; staff send the draft, which books and queues the text", async () => {
    await setMode("agent-b", "suggest");
    const { api, userId } = await staff("agent-b", "tenant_staff");
    const phone = "+15125550203";
    const first = await text("agent-b", phone, "can I get an express wash saturday morning?");
    expect((await answerText(deps, { tenantId: "agent-b", messageId: first })).outcome).toBe("drafted");
    expect(await outbound("agent-b", phone)).toEqual([]);
    const { conversationId } = await threadOf("agent-b", first);
    const drafted = await api.tenant.agent.thread({ conversationId });
    expect(drafted.draft).toMatchObject({ forMessageId: first, writes: [] });
    const list = await api.tenant.inbox.conversations({ limit: 10 });
    expect(list.items.find((c) => c.id === conversationId)).toMatchObject({ agentDraft: true, agentHandoff: false });
    await api.tenant.agent.sendDraft({ conversationId });
    expect(await outbound("agent-b", phone)).toEqual([
      expect.objectContaining({ kind: "ai_reply", body: drafted.draft!.body, sentByUserId: userId }),
    ]);

    const pick = await text("agent-b", phone, "the first one");
    expect((await answerText(deps, { tenantId: "agent-b", messageId: pick })).outcome).toBe("drafted");
    // The dry run booked nothing; the draft carries the booking.
    expect(await appointmentsOf("agent-b", phone)).toEqual([]);
    const toBook = await api.tenant.agent.thread({ conversationId });
    expect(toBook.draft?.writes).toEqual([expect.objectContaining({ kind: "appointment.book" })]);
    await api.tenant.agent.sendDraft({ conversationId, body: "You're booked for Saturday. See you then!" });
    expect(await appointmentsOf("agent-b", phone)).toEqual([
      expect.objectContaining({ status: "booked", bookedBy: "ai_agent" }),
    ]);
    expect((await outbound("agent-b", phone)).at(-1)).toMatchObject({
      kind: "ai_reply",
      body: "You're booked for Saturday. See you then!",
    });
    expect((await api.tenant.agent.thread({ conversationId })).draft).toBeNull();
    // No draft left: a second send is a 404 and books nothing more.
    expect((await failure(api.tenant.agent.sendDraft({ conversationId }))).code).toBe("NOT_FOUND");
    expect(await appointmentsOf("agent-b", phone)).toHaveLength(1);
    await setMode("agent-b", "autopilot");
  });

  it("a staff reply pauses the agent on that conversation; resume lets it answer again", async () => {
    const { api } = await staff("agent-a", "tenant_staff");
    const phone = "+15125550204";
    const first = await text("agent-a", phone, "do you do express washes?");
    const { conversationId } = await threadOf("agent-a", first);
    await api.tenant.inbox.reply({ conversationId, body: "Hi, this is Sam. Yes we do!", idempotencyKey: randomUUID() });
    const { thread } = await threadOf("agent-a", first);
    expect(thread?.pausedUntil?.getTime()).toBe(NOW.getTime() + 60 * 60_000);
    expect(await answerText(deps, { tenantId: "agent-a", messageId: first })).toMatchObject({
      outcome: "skipped",
      reason: "paused",
    });
    const next = await text("agent-a", phone, "how much is it?");
    expect(await answerText(deps, { tenantId: "agent-a", messageId: next })).toMatchObject({ reason: "paused" });
    expect((await outbound("agent-a", phone)).map((m) => m.kind)).toEqual(["staff_reply"]);
    expect((await api.tenant.agent.thread({ conversationId })).pausedUntil).not.toBeNull();

    await api.tenant.agent.resume({ conversationId });
    const after = await text("agent-a", phone, "how much is an express wash?");
    expect((await answerText(deps, { tenantId: "agent-a", messageId: after })).outcome).toBe("sent");
  });

  it("a hand-off flags the conversation, emails the admins without the texts, and keeps the agent quiet", async () => {
    const { api } = await staff("agent-a", "tenant_admin");
    const phone = "+15125550205";
    const sentBefore = email.sent.length;
    const messageId = await text("agent-a", phone, "I want to talk to a real person please, my account number is 4417");
    expect((await answerText(deps, { tenantId: "agent-a", messageId })).outcome).toBe("handed_off");
    const { conversationId, thread } = await threadOf("agent-a", messageId);
    expect(thread?.handoffAt).toEqual(NOW);
    const mails = email.sent.slice(sentBefore);
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(mail.text).toContain(`/app/inbox?conversation=${conversationId}`);
      expect(mail.text).not.toContain("4417");
      expect(mail.text).not.toContain(phone);
    }
    const list = await api.tenant.inbox.conversations({ limit: 20 });
    expect(list.items.find((c) => c.id === conversationId)).toMatchObject({ agentHandoff: true });
    const later = await text("agent-a", phone, "hello?");
    expect(await answerText(deps, { tenantId: "agent-a", messageId: later })).toMatchObject({ reason: "handed_off" });
    await api.tenant.agent.resolveHandoff({ conversationId });
    expect((await api.tenant.agent.thread({ conversationId })).handoff).toBeNull();
  });

  it("an opted-out number gets nothing", async () => {
    const phone = "+15125550206";
    await text("agent-a", phone, "STOP");
    const confirmations = await outbound("agent-a", phone);
    const messageId = await text("agent-a", phone, "can I get an express wash saturday morning?");
    expect(await answerText(deps, { tenantId: "agent-a", messageId })).toMatchObject({ reason: "opted_out" });
    expect(await outbound("agent-a", phone)).toEqual(confirmations);
    expect(await appointmentsOf("agent-a", phone)).toEqual([]);
  });

  it("never touches another customer's or another business's appointment", async () => {
    // Dana (the fixture's customer) has appointments with both businesses.
    const book = (tenantId: string, business: Business) =>
      tenantDb(db, tenantId).run((tx) =>
        createDbWorld(tx, { customerId: business.customerId, now: NOW, dryRun: false }).book({
          serviceId: business.serviceId,
          addOnIds: [],
          start: new Date("2026-12-09T16:00:00Z"),
          notes: null,
        }),
      );
    const danaA = await book("agent-a", a);
    const danaB = await book("agent-b", b);
    if (!danaA.ok || !danaB.ok) throw new Error("the fixture's bookings failed");
    const stranger = await tenantDb(db, "agent-a").run((tx) =>
      tx.customer.create({ data: { tenantId: "agent-a", phone: "+15125550299" } }),
    );
    for (const [tenantId, appointmentId] of [
      ["agent-a", danaA.appointment.id],
      ["agent-a", danaB.appointment.id],
    ] as const) {
      const results = await tenantDb(db, tenantId).run(async (tx) => {
        const world = createDbWorld(tx, { customerId: stranger.id, now: NOW, dryRun: false });
        return [
          await world.cancel({ appointmentId, reason: "evil" }),
          await world.reschedule({ appointmentId, start: new Date("2026-12-10T16:00:00Z") }),
          await world.confirm({ appointmentId }),
          await world.addAddOn({ appointmentId, addOnId: a.addOnId }),
          await world.checkStart({
            serviceId: a.serviceId,
            addOnIds: [],
            start: new Date("2026-12-10T16:00:00Z"),
            ignoreAppointmentId: appointmentId,
          }),
        ];
      });
      for (const result of results) expect(result).toMatchObject({ ok: false, reason: "not_found" });
    }
    // Dana's own appointment in business B, seen from business A as Dana's customer id there: not hers here.
    const crossTenant = await tenantDb(db, "agent-a").run((tx) =>
      createDbWorld(tx, { customerId: a.customerId, now: NOW, dryRun: false }).cancel({
        appointmentId: danaB.appointment.id,
        reason: "evil",
      }),
    );
    expect(crossTenant).toMatchObject({ ok: false, reason: "not_found" });
    const statuses = await platformDb(db, { actorUserId: null, purpose: "test.agent" }).run((tx) =>
      tx.appointment.findMany({
        where: { id: { in: [danaA.appointment.id, danaB.appointment.id] } },
        select: { status: true, startsAt: true },
      }),
    );
    expect(statuses).toEqual([
      { status: "booked", startsAt: new Date("2026-12-09T16:00:00Z") },
      { status: "booked", startsAt: new Date("2026-12-09T16:00:00Z") },
    ]);
    // The owner may: one booking per text, whatever asks for a second.
    const twice = await tenantDb(db, "agent-a").run(async (tx) => {
      const world = createDbWorld(tx, { customerId: a.customerId, now: NOW, dryRun: true });
      const start = new Date("2026-12-10T16:00:00Z");
      return [
        await world.book({ serviceId: a.serviceId, addOnIds: [], start, notes: null }),
        await world.book({ serviceId: a.serviceId, addOnIds: [], start, notes: null }),
      ];
    });
    expect(twice.map((r) => r.ok)).toEqual([true, false]);
  });

  it("a plan without the agent: no job, no answer, and the mode cannot be turned on", async () => {
    const phone = "+15125550207";
    const messageId = await text("agent-starter", phone, "can I get an express wash saturday morning?");
    expect(await agentJobs(messageId)).toBe(0);
    expect(await answerText(deps, { tenantId: "agent-starter", messageId })).toMatchObject({ reason: "plan" });
    expect(await outbound("agent-starter", phone)).toEqual([]);
    const { api } = await staff("agent-starter", "tenant_admin");
    const refused = await failure(
      api.tenant.agent.settings.update({ mode: "autopilot", pauseMinutes: 60, maxRepliesPerHour: 6 }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toContain("Pro plan");
    expect(await api.tenant.agent.settings.update({ mode: "off", pauseMinutes: 30, maxRepliesPerHour: 4 })).toEqual({
      mode: "off",
      pauseMinutes: 30,
      maxRepliesPerHour: 4,
      planAllows: false,
      brain: "rules",
    });
    expect((await failure(api.tenant.agent.sandbox({ history: [], inbound: "hi" }))).code).toBe("FORBIDDEN");
  });

  it("settings: staff read them; only owners and admins change them", async () => {
    const { api: staffApi } = await staff("agent-a", "tenant_staff");
    expect(await staffApi.tenant.agent.settings.get()).toMatchObject({ mode: "autopilot", planAllows: true });
    const refused = await failure(
      staffApi.tenant.agent.settings.update({ mode: "off", pauseMinutes: 60, maxRepliesPerHour: 6 }),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  it("test mode runs the real agent on the real calendar and writes nothing", async () => {
    const { api } = await staff("agent-a", "tenant_staff");
    const counts = () =>
      platformDb(db, { actorUserId: null, purpose: "test.agent" }).run(async (tx) => ({
        appointments: await tx.appointment.count(),
        events: await tx.appointmentEvent.count(),
        messages: await tx.message.count(),
        customers: await tx.customer.count(),
        consents: await tx.smsConsentEvent.count(),
        runs: await tx.agentRun.count(),
        threads: await tx.agentThread.count(),
      }));
    const before = await counts();
    const offer = await api.tenant.agent.sandbox({
      history: [],
      inbound: "can I get an express wash saturday morning?",
    });
    expect(offer).toMatchObject({ action: "offer_slots", brain: "rules", writes: [] });
    expect(offer.proposedStarts.length).toBeGreaterThan(0);
    const pick = await api.tenant.agent.sandbox({
      history: [
        { from: "customer", text: "can I get an express wash saturday morning?" },
        { from: "agent", text: offer.reply! },
      ],
      inbound: "the first one",
    });
    expect(pick.action).toBe("book");
    expect(pick.writes).toEqual([
      expect.objectContaining({ kind: "appointment.book", start: offer.proposedStarts[0] }),
    ]);
    await api.tenant.agent.sandbox({ history: [], inbound: "STOP texting me" });
    expect(await counts()).toEqual(before);
  });

  /** The rules brain, with `during` run while it decides (the model's think time, where nothing may be held). */
  const brainWith = (during: (context: Parameters<Brain["decide"]>[0]) => Promise<void>): Brain => ({
    kind: rulesBrain.kind,
    async decide(context) {
      await during(context);
      return rulesBrain.decide(context);
    },
  });

  it("holds no transaction and no lock while the brain decides; the reply is written after", async () => {
    const phone = "+15125550211";
    const messageId = await text("agent-a", phone, "what does an express wash cost?");
    const { conversationId } = await threadOf("agent-a", messageId);
    const seen: { lockFree: boolean; openTransactions: number }[] = [];
    const brain = brainWith(async () => {
      // On PGlite (one connection) a transaction held by the runtime would make this wait forever.
      const [lock] = await tenantDb(db, "agent-a").run(
        (tx) =>
          tx.$queryRaw<{ free: boolean }[]>`
          SELECT pg_try_advisory_xact_lock(hashtext(${`agent:agent-a:${conversationId}`})) AS free`,
      );
      const [open] = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
      seen.push({ lockFree: lock!.free, openTransactions: open!.n });
      expect(await outbound("agent-a", phone)).toEqual([]);
    });
    expect((await answerText({ ...deps, brain }, { tenantId: "agent-a", messageId })).outcome).toBe("sent");
    expect(seen).toEqual([{ lockFree: true, openTransactions: 0 }]);
    expect(await outbound("agent-a", phone)).toHaveLength(1);
  });

  it("re-checks the guards at the write: a text or a staff pause that arrives while the brain decides wins", async () => {
    const phone = "+15125550212";
    const first = await text("agent-a", phone, "what does an express wash cost?");
    let second = "";
    const newer = brainWith(async () => {
      second = await text("agent-a", phone, "and a full detail?");
    });
    expect(await answerText({ ...deps, brain: newer }, { tenantId: "agent-a", messageId: first })).toMatchObject({
      outcome: "skipped",
      reason: "newer_text",
    });
    expect(await outbound("agent-a", phone)).toEqual([]);
    const runs = await tenantDb(db, "agent-a").run((tx) =>
      tx.agentRun.findMany({ where: { inboundMessageId: first }, select: { outcome: true, refusals: true } }),
    );
    expect(runs).toEqual([{ outcome: "skipped", refusals: ["newer_text"] }]);
    // A staff member replies while the agent thinks about the newest text: the agent stays quiet.
    const { conversationId } = await threadOf("agent-a", second);
    const paused = brainWith(async () => {
      await tenantDb(db, "agent-a").run((tx) =>
        pauseAfterStaffReply(tx, { tenantId: "agent-a", conversationId, now: NOW }),
      );
    });
    expect(await answerText({ ...deps, brain: paused }, { tenantId: "agent-a", messageId: second })).toMatchObject({
      outcome: "skipped",
      reason: "paused",
    });
    expect(await outbound("agent-a", phone)).toEqual([]);
    // Run again, the text is already dealt with.
    expect(await answerText(deps, { tenantId: "agent-a", messageId: second })).toEqual({ outcome: "duplicate" });
  });

  it("open times for a move leave the appointment's own time free", async () => {
    const solo = await bookingBusiness(db, "agent-move", { bookables: 1 });
    const start = new Date("2026-12-10T16:00:00Z");
    const booked = await tenantDb(db, "agent-move").run((tx) =>
      createDbWorld(tx, { customerId: solo.customerId, now: NOW, dryRun: false }).book({
        serviceId: solo.serviceId,
        addOnIds: [],
        start,
        notes: null,
      }),
    );
    if (!booked.ok) throw new Error(`not booked: ${booked.reason}`);
    const starts = (ignoreAppointmentId?: string) =>
      tenantDb(db, "agent-move").run((tx) =>
        createDbWorld(tx, { customerId: solo.customerId, now: NOW, dryRun: true }).openStarts({
          serviceId: solo.serviceId,
          addOnIds: [],
          from: new Date("2026-12-10T14:00:00Z"),
          to: new Date("2026-12-10T20:00:00Z"),
          limit: 50,
          ...(ignoreAppointmentId ? { ignoreAppointmentId } : {}),
        }),
      );
    const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
    expect(iso(await starts())).not.toContain(start.toISOString());
    expect(iso(await starts(booked.appointment.id))).toContain(start.toISOString());
    // Someone else's appointment id frees nothing and offers nothing.
    expect(await starts(a.customerId)).toEqual([]);
  });
});
