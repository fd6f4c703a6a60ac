// Issue 11, the outside replay's unseen cases: Twilio's documented parameter sets that the other
// twilio-*.test.ts files do not send, each as a class (every optional field, senders that are not
// phones, statuses in any order, keypad and speech variants, national number formats, recording and
// transcription callbacks in every documented state and order). Signed requests to the real routes,
// a real database (PGlite and, with TEST_DATABASE_URL, PostgreSQL), texts delivered to a fake Twilio.
import { randomUUID } from "node:crypto";
import { JOB_QUEUES, platformDb, tenantDb } from "@servicepro/db";
import { testEngines } from "@servicepro/db/testing";
import { type FakeTwilio, settledJobs, startFakeTwilio } from "@servicepro/testkit";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationWith } from "../../../packages/api/test/telephony-fixtures.ts";
import { GREEN_LAWN_ADMIN, openAroundTheClock, startTestApp, type TestApp } from "./harness.ts";

const ROOT_NUMBER = "+15555550100";
const GREEN_NUMBER = "+15555550101";
const GREEN_FORWARD_TO = "+15555550191";
const API_VERSION = "2010-04-01";

const hex32 = () => randomUUID().replaceAll("-", "");
const sid = (prefix: "SM" | "MM" | "CA" | "RE" | "TR") => `${prefix}${hex32()}`;
let phoneCounter = 0;
const nextPhone = () => `+1555555${String(7000 + ++phoneCounter).padStart(4, "0")}`;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ["Say", "Gather", "Dial", "Record", "Redirect", "Hangup", "Play"].includes(name),
});
const parse = (text: string) => {
  const doc = xml.parse(text) as { Response?: Record<string, unknown[]> | "" };
  expect(doc.Response, text).toBeDefined();
  return (doc.Response || {}) as Record<string, unknown[]>;
};

describe.each(testEngines())("Twilio replay of documented traffic on %s", (engine) => {
  let t: TestApp;
  let fake: FakeTwilio;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    t = await startTestApp(engine, { fakeTwilio: fake });
    await openAroundTheClock(t.db, ["green-lawn", "root"]);
    // Missed-call texts on, so that "no text to a caller that is not a phone" can fail.
    await platform().run((tx) =>
      tx.tenantPhoneConfig.update({ where: { phoneNumber: GREEN_NUMBER }, data: { missedCallTextEnabled: true } }),
    );
    // This file replays Twilio's traffic and counts what it leaves behind; the SMS agent (its own tests:
    // packages/sms-agent, agent-sms.test.ts) would add replies at moments of its own choosing.
    for (const tenantId of ["green-lawn", "root"])
      await tenantDb(t.db, tenantId).run((tx) =>
        tx.agentSettings.upsert({ where: { tenantId }, create: { tenantId, mode: "off" }, update: { mode: "off" } }),
      );
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const platform = () => platformDb(t.db, { actorUserId: null, purpose: "test.replay" });
  const counts = () =>
    platform().run(async (tx) => ({
      calls: await tx.call.count(),
      customers: await tx.customer.count(),
      messages: await tx.message.count(),
      outbound: await tx.message.count({ where: { direction: "outbound" } }),
      unrouted: await tx.unroutedWebhook.count(),
    }));
  const deliveriesSettled = () => settledJobs(t.db.jobQueue, { queue: JOB_QUEUES.smsSend.name });
  const messageBySid = (twilioSid: string) =>
    platform().run((tx) => tx.message.findFirstOrThrow({ where: { twilioSid }, include: { conversation: true } }));
  const consentOf = (tenantId: string, phone: string) =>
    tenantDb(t.db, tenantId).run((tx) => tx.smsConsent.findFirst({ where: { phone } }));
  const callBySid = (callSid: string) => platform().run((tx) => tx.call.findFirstOrThrow({ where: { callSid } }));

  // ---------------------------------------------------------------------------------------------
  // Messaging webhook
  // ---------------------------------------------------------------------------------------------

  /** Twilio's Messaging webhook with every documented field (geographic data, segments, legacy SIDs, add-ons). */
  const smsParams = (over: Record<string, string>): Record<string, string> => {
    const messageSid = over.MessageSid ?? sid("SM");
    return {
      MessageSid: messageSid,
      SmsMessageSid: messageSid,
      SmsSid: messageSid,
      AccountSid: fake.accountSid,
      MessagingServiceSid: `MG${"1".repeat(32)}`,
      From: nextPhone(),
      To: ROOT_NUMBER,
      Body: "Hello",
      NumMedia: "0",
      NumSegments: "1",
      ReferralNumMedia: "0",
      SmsStatus: "received",
      ApiVersion: API_VERSION,
      FromCity: "SAN FRANCISCO",
      FromState: "CA",
      FromZip: "94105",
      FromCountry: "US",
      ToCity: "",
      ToState: "CA",
      ToZip: "",
      ToCountry: "US",
      AddOns: JSON.stringify({ status: "successful", message: null, code: null, results: {} }),
      ...over,
    };
  };
  const sms = (over: Record<string, string>) => t.twilioWebhook("/twilio/sms/incoming", smsParams(over));

  describe("SMS: the documented parameter set", () => {
    it("stores a text carrying every documented field once, under its MessageSid, from an E.164 customer", async () => {
      const from = nextPhone();
      const MessageSid = sid("SM");
      const res = await sms({ MessageSid, From: from, Body: "Can you come Tuesday?" });
      expect(res.status, res.text).toBe(200);
      expect(res.text).toMatch(/<Response\/>|<Response><\/Response>/);
      // Twilio retries with the same MessageSid (and I-Twilio-Idempotency-Token): stored once, answered once.
      const before = await counts();
      expect((await sms({ MessageSid, From: from, Body: "Can you come Tuesday?" })).status).toBe(200);
      expect(await counts()).toEqual(before);
      const row = await messageBySid(MessageSid);
      expect(row).toMatchObject({
        tenantId: "root",
        fromNumber: from,
        toNumber: ROOT_NUMBER,
        body: "Can you come Tuesday?",
      });
    });

    it("routes a text whose To and From are in national format like their E.164 forms", async () => {
      const MessageSid = sid("SM");
      const res = await sms({ MessageSid, From: "(555) 555-7901", To: "(555) 555-0101", MessagingServiceSid: "" });
      expect(res.status, res.text).toBe(200);
      expect(await messageBySid(MessageSid)).toMatchObject({
        tenantId: "green-lawn",
        fromNumber: "+15555557901",
        toNumber: GREEN_NUMBER,
        routedByFallback: false,
      });
    });

    it("a WhatsApp text to our number (To whatsapp:+1…) belongs to that number's tenant, and gets no SMS back", async () => {
      const MessageSid = sid("SM");
      const from = "whatsapp:+15555557993";
      const res = await sms({
        MessageSid,
        From: from,
        To: `whatsapp:${GREEN_NUMBER}`,
        MessagingServiceSid: "",
        Body: "HELP",
      });
      expect(res.status).toBe(200);
      await deliveriesSettled();
      expect(await messageBySid(MessageSid)).toMatchObject({
        tenantId: "green-lawn",
        routedByFallback: false,
        toNumber: GREEN_NUMBER,
        fromNumber: from,
      });
      expect(fake.messages.filter((m) => m.to.includes("5555557993"))).toHaveLength(0);
    });

    it.each([
      ["STOP", "STOP", "opted_out"],
      ["STOP", "PARAR", "opted_out"],
      ["STOP", "Cancelar", "opted_out"],
      ["STOP", "ARRET", "opted_out"],
      ["START", "START", "opted_in"],
      ["START", "INICIO", "opted_in"],
      ["START", "Unstop", "opted_in"],
      ["HELP", "HELP", null],
      ["HELP", "AYUDA", null],
      ["HELP", "info", null],
    ] as const)(
      "OptOutType=%s with %j: the consent Twilio recorded, and no text from us",
      async (type, body, state) => {
        const from = nextPhone();
        if (state === "opted_in") await sms({ From: from, Body: "STOP", OptOutType: "STOP" });
        const before = await counts();
        const res = await sms({ From: from, Body: body, OptOutType: type });
        expect(res.status, res.text).toBe(200);
        await deliveriesSettled();
        expect((await consentOf("root", from))?.state ?? null).toBe(state);
        expect((await counts()).outbound).toBe(before.outbound);
        expect(fake.messages.filter((m) => m.to === from)).toHaveLength(0);
      },
    );

    it.each([
      ["a short code", "12345"],
      ["a six-digit short code", "898287"],
      ["an alphanumeric sender ID", "ACMEBANK"],
      ["an alphanumeric sender ID with a space", "Acme Co"],
      ["a WhatsApp address", "whatsapp:+15555557990"],
      ["an RCS address", "rcs:+15555557991"],
      ["a Messenger address", "messenger:1234567890"],
    ])("From %s (%j): stored as sent, and never texted back, whatever it says", async (_label, from) => {
      const before = await counts();
      for (const body of ["HELP", "STOP", "stop texting me", "C", "Your code is 123456"]) {
        const MessageSid = sid("SM");
        const res = await sms({ MessageSid, From: from, Body: body });
        expect(res.status, res.text).toBe(200);
        expect((await messageBySid(MessageSid)).fromNumber).toBe(from);
      }
      await deliveriesSettled();
      const after = await counts();
      expect(after.messages - before.messages).toBe(5);
      expect(after.outbound).toBe(before.outbound);
      expect(
        fake.messages.filter((m) => m.to.replace(/\D/g, "") === from.replace(/\D/g, "") || m.to === from),
      ).toHaveLength(0);
    });
  });

  describe("SMS: Twilio redelivering one text many times at once", () => {
    it("20 concurrent deliveries of one MessageSid stage one event and store one message", async () => {
      const MessageSid = sid("SM");
      const from = nextPhone();
      const before = await counts();
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          t.twilioWebhook("/twilio/sms/incoming", smsParams({ MessageSid, From: from, Body: "Are you open Sunday?" }), {
            drain: false,
          }),
        ),
      );
      // Every copy is acknowledged (a 5xx would make Twilio send it again); the copies share one staged
      // event (keyed by SID), which this process's worker may already have applied and deleted.
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 200));
      const staged = await tenantDb(t.db, "root").run((tx) =>
        tx.twilioEvent.count({ where: { kind: "sms_incoming", dedupeKey: MessageSid } }),
      );
      expect(staged).toBeLessThanOrEqual(1);
      await t.messaging.twilioIntake.drain();
      expect(await counts()).toEqual({ ...before, customers: before.customers + 1, messages: before.messages + 1 });
      expect((await messageBySid(MessageSid)).body).toBe("Are you open Sunday?");
    });
  });

  describe("SMS: bodies at Twilio's limits", () => {
    it("stores a 10-segment unicode text (1,600 characters with emoji) intact, and a whitespace-only one", async () => {
      const long = `${"Hola 👋 ¿qué tal? ".repeat(89)}`.slice(0, 1_600);
      const MessageSid = sid("SM");
      expect((await sms({ MessageSid, Body: long, NumSegments: "10" })).status).toBe(200);
      expect((await messageBySid(MessageSid)).body).toBe(long);
      const blank = sid("SM");
      expect((await sms({ MessageSid: blank, Body: "  \n " })).status).toBe(200);
      expect((await messageBySid(blank)).body).toBe("  \n ");
    });
  });

  describe("SMS: a staff reply to a sender that is not a phone", () => {
    it.each(["12345", "ACMEBANK", "whatsapp:+15555557992"])(
      "%j: the reply is kept, marked suppressed, and never reaches Twilio",
      async (from) => {
        const MessageSid = sid("SM");
        await sms({ MessageSid, From: from, Body: "Your code is 4321", To: GREEN_NUMBER, MessagingServiceSid: "" });
        const { conversationId } = await messageBySid(MessageSid);
        const cookie = await t.signIn(GREEN_LAWN_ADMIN);
        const res = await t.trpc(
          "mutation",
          "tenant.inbox.reply",
          { conversationId, body: "Thanks!", idempotencyKey: randomUUID() },
          cookie,
        );
        expect(res.status).toBe(200);
        await deliveriesSettled();
        const reply = await tenantDb(t.db, "green-lawn").run((tx) =>
          tx.message.findFirstOrThrow({ where: { conversationId, direction: "outbound" } }),
        );
        expect(reply).toMatchObject({ status: "suppressed", twilioSid: null });
        expect(fake.messages.filter((m) => m.to === from)).toHaveLength(0);
      },
    );
  });

  // ---------------------------------------------------------------------------------------------
  // Message status callbacks
  // ---------------------------------------------------------------------------------------------

  describe("SMS status callbacks", () => {
    const outbound = async (status = "sent") => {
      const to = nextPhone();
      const { messageIds } = await conversationWith(t.db, "root", {
        phone: to,
        tenantNumber: ROOT_NUMBER,
        messages: [{ direction: "outbound", body: "Your appointment is tomorrow", at: new Date(), status }],
      });
      return tenantDb(t.db, "root").run((tx) => tx.message.findFirstOrThrow({ where: { id: messageIds[0]! } }));
    };
    const reload = (id: string) => tenantDb(t.db, "root").run((tx) => tx.message.findFirstOrThrow({ where: { id } }));
    /** The documented status callback; `legacy` sends only the deprecated SmsSid/SmsStatus pair. */
    const callback = (
      message: { twilioSid: string | null; toNumber: string },
      status: string,
      over: Record<string, string> = {},
      legacy = false,
    ) =>
      t.twilioWebhook("/twilio/sms/status", {
        AccountSid: fake.accountSid,
        ApiVersion: API_VERSION,
        From: ROOT_NUMBER,
        To: message.toNumber,
        ...(legacy
          ? { SmsSid: message.twilioSid!, SmsStatus: status }
          : { MessageSid: message.twilioSid!, SmsSid: message.twilioSid!, MessageStatus: status, SmsStatus: status }),
        ...over,
      });

    it("applies SmsSid/SmsStatus alone (no MessageSid, no MessageStatus)", async () => {
      const m = await outbound();
      expect((await callback(m, "delivered", {}, true)).status).toBe(200);
      expect((await reload(m.id)).status).toBe("delivered");
    });

    it("keeps RawDlrDoneDate callbacks, and read after delivered moves on; duplicates change the status nothing", async () => {
      const m = await outbound();
      const dlr = { RawDlrDoneDate: "2612021501" };
      for (const status of ["delivered", "delivered", "read", "delivered", "sent", "read"])
        expect((await callback(m, status, status === "delivered" ? dlr : {})).status).toBe(200);
      expect((await reload(m.id)).status).toBe("read");
    });

    it.each([
      ["30003", "undelivered"],
      ["30005", "undelivered"],
      ["30006", "undelivered"],
      ["30007", "failed"],
      ["30008", "undelivered"],
    ])("ErrorCode %s with %s: stored with the code, no opt-out", async (code, status) => {
      const m = await outbound();
      const res = await callback(m, status, { ErrorCode: code, ErrorMessage: "Unreachable destination handset" });
      expect(res.status).toBe(200);
      expect(await reload(m.id)).toMatchObject({ status, errorCode: Number(code) });
      expect(await consentOf("root", m.toNumber)).toBeNull();
    });

    it("ErrorCode 21610 opts the number out; a late delivered after a failure is only history", async () => {
      const m = await outbound();
      await callback(m, "failed", { ErrorCode: "21610" });
      expect((await consentOf("root", m.toNumber))?.state).toBe("opted_out");
      await callback(m, "sent");
      expect((await reload(m.id)).status).toBe("failed");
    });

    it.each(["partially_delivered", "canceled", "scheduled", "receiving", "received"])(
      "a documented status we do not model (%s) for our message: kept in its history, the status unchanged",
      async (status) => {
        const m = await outbound("delivered");
        const before = await counts();
        expect((await callback(m, status)).status).toBe(200);
        const after = await reload(m.id);
        expect(after.status).toBe("delivered");
        expect(JSON.stringify(after.statusHistory)).toContain(`"${status}"`);
        expect((await counts()).unrouted).toBe(before.unrouted);
      },
    );

    it("read before delivered (separate requests, any order) ends read", async () => {
      const m = await outbound();
      for (const status of ["read", "sent", "delivered"]) await callback(m, status);
      expect((await reload(m.id)).status).toBe("read");
    });

    it("a callback for an inbound text's SID changes nothing and is kept for review", async () => {
      const MessageSid = sid("SM");
      await sms({ MessageSid, Body: "hi" });
      const inbound = await messageBySid(MessageSid);
      const before = await counts();
      expect((await callback(inbound, "delivered")).status).toBe(200);
      expect((await messageBySid(MessageSid)).status).toBe("received");
      expect((await counts()).unrouted).toBe(before.unrouted + 1);
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Voice
  // ---------------------------------------------------------------------------------------------

  /** Twilio's Voice request parameters with the documented geographic and verification fields. */
  const voiceParams = (over: Record<string, string>): Record<string, string> => ({
    AccountSid: fake.accountSid,
    ApiVersion: API_VERSION,
    Direction: "inbound",
    CallStatus: "ringing",
    CallToken: "%7B%22parentCallInfoToken%22%3A%22eyJ%22%7D",
    Caller: over.From ?? "",
    Called: over.To ?? "",
    CallerCity: "OAKLAND",
    CallerState: "CA",
    CallerZip: "94612",
    CallerCountry: "US",
    FromCity: "OAKLAND",
    FromState: "CA",
    FromZip: "94612",
    FromCountry: "US",
    CalledCity: "",
    CalledState: "CA",
    CalledZip: "",
    CalledCountry: "US",
    ToCity: "",
    ToState: "CA",
    ToZip: "",
    ToCountry: "US",
    StirVerstat: "TN-Validation-Passed-A",
    StirPassportToken: "eyJhbGciOiJFUzI1NiJ9.e30.sig",
    ...over,
  });
  const post = (path: string, params: Record<string, string>) => t.twilioWebhook(path, params);
  const startGreenCall = async (from: string, extra: Record<string, string> = {}) => {
    const CallSid = sid("CA");
    const res = await post("/twilio/voice/incoming", voiceParams({ CallSid, From: from, To: GREEN_NUMBER, ...extra }));
    expect(res.status, res.text).toBe(200);
    return { CallSid, twiml: parse(res.text) };
  };
  const dialAction = (CallSid: string, from: string, over: Record<string, string>) =>
    post(
      "/twilio/voice/dial-result",
      voiceParams({ CallSid, From: from, To: GREEN_NUMBER, CallStatus: "in-progress", ...over }),
    );

  describe("voice: callers and numbers", () => {
    it.each([
      ["a SIP URI", "sip:alice@example.com"],
      ["a SIP URI with a number", "sip:+15555557950@pbx.example.com"],
      ["a client identity", "client:alice"],
      ["a very long SIP URI", `sip:${"x".repeat(80)}@example.com`],
    ])("From %s: answered, no customer, no missed-call text", async (_label, from) => {
      const before = await counts();
      const { CallSid, twiml } = await startGreenCall(from);
      expect(twiml.Dial ?? twiml.Gather ?? twiml.Say).toBeDefined();
      const missed = await dialAction(CallSid, from, { DialCallStatus: "no-answer", DialCallSid: sid("CA") });
      expect(missed.status).toBe(200);
      await deliveriesSettled();
      const after = await counts();
      expect(after.customers).toBe(before.customers);
      expect(after.outbound).toBe(before.outbound);
      expect(await callBySid(CallSid)).toMatchObject({ customerId: null, outcome: "missed" });
    });

    it.each(["(555) 010-0101", "5550100101", "+1 555 010 0101"])(
      "From %j (a number no plan has, as in Twilio's examples): answered, no customer, no text",
      async (from) => {
        const before = await counts();
        const { CallSid } = await startGreenCall(from, { Caller: from });
        await dialAction(CallSid, from, { DialCallStatus: "busy", DialCallSid: sid("CA") });
        await deliveriesSettled();
        const after = await counts();
        expect(after.customers).toBe(before.customers);
        expect(after.outbound).toBe(before.outbound);
        expect(await callBySid(CallSid)).toMatchObject({ customerId: null, tenantId: "green-lawn" });
      },
    );

    it("routes national-format To and From like E.164: the caller becomes a customer by E.164", async () => {
      const CallSid = sid("CA");
      const res = await post(
        "/twilio/voice/incoming",
        voiceParams({
          CallSid,
          From: "5555557960",
          To: "(555) 555-0101",
          Caller: "5555557960",
          Called: "(555) 555-0101",
        }),
      );
      expect(res.status).toBe(200);
      const call = await callBySid(CallSid);
      expect(call).toMatchObject({ tenantId: "green-lawn", fromNumber: "+15555557960", toNumber: GREEN_NUMBER });
      expect(call.customerId).not.toBeNull();
    });
  });

  describe("voice: retries and reports on calls we did not answer", () => {
    it("Twilio retrying the incoming request (same CallSid): one call, one customer", async () => {
      const from = nextPhone();
      const CallSid = sid("CA");
      const params = voiceParams({ CallSid, From: from, To: GREEN_NUMBER });
      const before = await counts();
      for (let i = 0; i < 3; i++) expect((await post("/twilio/voice/incoming", params)).status).toBe(200);
      const after = await counts();
      expect(after.calls).toBe(before.calls + 1);
      expect(after.customers).toBe(before.customers + 1);
    });

    it("a status callback for a call whose start we missed, to our number: one row, in that tenant", async () => {
      const CallSid = sid("CA");
      const from = nextPhone();
      const res = await post(
        "/twilio/voice/status",
        voiceParams({ CallSid, From: from, To: GREEN_NUMBER, CallStatus: "completed", CallDuration: "4" }),
      );
      expect(res.status).toBe(200);
      expect(await callBySid(CallSid)).toMatchObject({ tenantId: "green-lawn", twilioStatus: "completed" });
    });
  });

  describe("voice: the Dial action", () => {
    it("answered (DialCallStatus completed, DialBridged, DialCallDuration): forwarded, with its duration", async () => {
      const from = nextPhone();
      const { CallSid } = await startGreenCall(from);
      const res = await dialAction(CallSid, from, {
        DialCallStatus: "completed",
        DialCallSid: sid("CA"),
        DialCallDuration: "37",
        DialBridged: "true",
        CallStatus: "completed",
      });
      expect(res.status).toBe(200);
      parse(res.text);
      expect(await callBySid(CallSid)).toMatchObject({ outcome: "forwarded", durationSeconds: 37 });
    });

    it("DialCallStatus answered (documented for a bridged call) counts as forwarded: no missed-call text", async () => {
      const from = nextPhone();
      const { CallSid } = await startGreenCall(from);
      await dialAction(CallSid, from, { DialCallStatus: "answered", DialCallSid: sid("CA"), DialCallDuration: "9" });
      await deliveriesSettled();
      expect(await callBySid(CallSid)).toMatchObject({ outcome: "forwarded" });
      expect(await platform().run((tx) => tx.message.count({ where: { toNumber: from } }))).toBe(0);
    });

    it("the parent's completed status before the Dial action: the action still decides, one text when missed", async () => {
      for (const [dial, outcome, texts] of [
        ["no-answer", "missed", 1],
        ["completed", "forwarded", 0],
      ] as const) {
        const from = nextPhone();
        const { CallSid } = await startGreenCall(from);
        await post(
          "/twilio/voice/status",
          voiceParams({ CallSid, From: from, To: GREEN_NUMBER, CallStatus: "completed", CallDuration: "30" }),
        );
        await dialAction(CallSid, from, { DialCallStatus: dial, DialCallSid: sid("CA"), CallStatus: "completed" });
        await deliveriesSettled();
        expect(await callBySid(CallSid), dial).toMatchObject({ outcome, twilioStatus: "completed" });
        const sent = await platform().run((tx) => tx.message.count({ where: { toNumber: from, kind: "missed_call" } }));
        expect(sent, dial).toBe(texts);
      }
    });

    it.each(["busy", "no-answer", "failed", "canceled"])(
      "DialCallStatus %s: voicemail offered, one missed-call text even when Twilio repeats the action",
      async (status) => {
        const from = nextPhone();
        const { CallSid } = await startGreenCall(from);
        const params = { DialCallStatus: status, DialCallSid: sid("CA"), DialCallDuration: "0", DialBridged: "false" };
        const first = parse((await dialAction(CallSid, from, params)).text);
        expect(first.Record ?? first.Say).toBeDefined();
        await dialAction(CallSid, from, params);
        await deliveriesSettled();
        expect(await callBySid(CallSid)).toMatchObject({ outcome: "missed" });
        const texts = await platform().run((tx) =>
          tx.message.count({ where: { toNumber: from, kind: "missed_call" } }),
        );
        expect(texts).toBe(1);
      },
    );
  });

  describe("voice: child-leg status callbacks in any order", () => {
    const leg = (parent: string, child: string, status: string, sequence: string | null) =>
      post(
        "/twilio/voice/status",
        voiceParams({
          CallSid: child,
          ParentCallSid: parent,
          Direction: "outbound-dial",
          From: GREEN_NUMBER,
          To: GREEN_FORWARD_TO,
          Caller: GREEN_NUMBER,
          Called: GREEN_FORWARD_TO,
          CallStatus: status,
          CallbackSource: "call-progress-events",
          Timestamp: "Wed, 02 Dec 2026 15:00:00 +0000",
          ...(sequence === null ? {} : { SequenceNumber: sequence }),
          ...(status === "completed" ? { CallDuration: "5", Duration: "1" } : {}),
          ...(status === "in-progress" ? { AnsweredBy: "machine_start" } : {}),
        }),
      );

    it.each(["busy", "no-answer", "canceled", "failed", "completed"])(
      "ends %s whichever order initiated, ringing and the end arrive in, with or without SequenceNumber",
      async (end) => {
        for (const withSequence of [true, false]) {
          const { CallSid } = await startGreenCall(nextPhone());
          const child = sid("CA");
          const steps: [string, string][] = [
            [end, "3"],
            ["ringing", "1"],
            ["initiated", "0"],
            ...(end === "completed" ? ([["in-progress", "2"]] as [string, string][]) : []),
            [end, "3"],
          ];
          for (const [status, seq] of steps)
            expect((await leg(CallSid, child, status, withSequence ? seq : null)).status).toBe(200);
          const row = await callBySid(child);
          expect(row, `${end} ${withSequence}`).toMatchObject({
            tenantId: "green-lawn",
            direction: "outbound-dial",
            parentCallSid: CallSid,
            twilioStatus: end,
            customerId: null,
          });
          expect(row.outcome).toBe(end === "completed" ? "forwarded" : "missed");
        }
      },
    );

    it("AnsweredBy on the parent's status callback (machine detection) is accepted and changes nothing else", async () => {
      const { CallSid } = await startGreenCall(nextPhone());
      const res = await post(
        "/twilio/voice/status",
        voiceParams({
          CallSid,
          From: nextPhone(),
          To: GREEN_NUMBER,
          CallStatus: "in-progress",
          AnsweredBy: "machine_end_beep",
          MachineDetectionDuration: "3200",
        }),
      );
      expect(res.status).toBe(200);
      expect((await callBySid(CallSid)).twilioStatus).toBe("in-progress");
    });
  });

  describe("voice: Gather", () => {
    const menu = (CallSid: string, from: string, over: Record<string, string>) =>
      post(
        "/twilio/voice/menu?mode=menu&attempt=1",
        voiceParams({ CallSid, From: from, To: GREEN_NUMBER, CallStatus: "in-progress", ...over }),
      );

    it.each([
      ["#", { Digits: "#", FinishedOnKey: "#" }],
      ["*", { Digits: "*" }],
      ["12", { Digits: "12" }],
      ["0", { Digits: "0" }],
      ["9", { Digits: "9" }],
      ["empty (timeout)", { Digits: "" }],
      ["hangup", { Digits: "hangup" }],
      ["speech with low Confidence", { SpeechResult: "um", Confidence: "0.12" }],
      ["speech with confidence and digits", { SpeechResult: "book", Confidence: "0.9", Digits: "2" }],
      ["partial speech", { UnstableSpeechResult: "boo", Stability: "0.1" }],
    ] as const)("%s: valid TwiML, the call kept, nothing texted to nobody", async (_label, over) => {
      const from = nextPhone();
      const { CallSid } = await startGreenCall(from);
      const res = await menu(CallSid, from, over);
      expect(res.status, res.text).toBe(200);
      const twiml = parse(res.text);
      expect(Object.keys(twiml).length).toBeGreaterThan(0);
      expect((await callBySid(CallSid)).tenantId).toBe("green-lawn");
    });
  });

  // ---------------------------------------------------------------------------------------------
  // Recording and transcription callbacks
  // ---------------------------------------------------------------------------------------------

  describe("voice: recording and transcription callbacks", () => {
    const url = (RecordingSid: string) =>
      `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Recordings/${RecordingSid}`;
    const recording = (
      CallSid: string,
      RecordingSid: string,
      status: string,
      duration: string,
      over: Record<string, string> = {},
    ) =>
      post("/twilio/voice/voicemail", {
        AccountSid: fake.accountSid,
        CallSid,
        RecordingSid,
        RecordingUrl: url(RecordingSid),
        RecordingStatus: status,
        RecordingDuration: duration,
        RecordingChannels: "1",
        RecordingStartTime: "Wed, 02 Dec 2026 15:00:00 +0000",
        RecordingSource: "RecordVerb",
        RecordingTrack: "both",
        ErrorCode: "0",
        ...over,
      });
    const transcription = (CallSid: string, RecordingSid: string, text: string, status = "completed") =>
      post("/twilio/voice/voicemail", {
        AccountSid: fake.accountSid,
        ApiVersion: API_VERSION,
        CallSid,
        RecordingSid,
        RecordingUrl: url(RecordingSid),
        TranscriptionSid: sid("TR"),
        TranscriptionText: text,
        TranscriptionStatus: status,
        TranscriptionUrl: `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Transcriptions/TR1`,
        TranscriptionType: "fast",
        CallStatus: "completed",
        From: "+15555557999",
        To: GREEN_NUMBER,
      });

    it("in-progress, then completed, then completed again: one playable voicemail", async () => {
      const { CallSid } = await startGreenCall(nextPhone());
      const RecordingSid = sid("RE");
      expect((await recording(CallSid, RecordingSid, "in-progress", "0")).status).toBe(200);
      expect((await callBySid(CallSid)).recordingUrl).toBeNull();
      await recording(CallSid, RecordingSid, "completed", "14");
      const done = await callBySid(CallSid);
      await recording(CallSid, RecordingSid, "completed", "14");
      await recording(CallSid, RecordingSid, "in-progress", "0");
      const after = await callBySid(CallSid);
      expect(after).toMatchObject({
        outcome: "voicemail",
        recordingUrl: url(RecordingSid),
        recordingDurationSeconds: 14,
        recordingStatus: "completed",
      });
      expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(done.updatedAt.getTime());
    });

    it("completed with RecordingChannels=2 (dual channel) is a voicemail like any other", async () => {
      const { CallSid } = await startGreenCall(nextPhone());
      const RecordingSid = sid("RE");
      await recording(CallSid, RecordingSid, "completed", "8", { RecordingChannels: "2", RecordingTrack: "both" });
      expect(await callBySid(CallSid)).toMatchObject({ outcome: "voicemail", recordingDurationSeconds: 8 });
    });

    it("failed with an ErrorCode leaves no playable voicemail", async () => {
      const { CallSid } = await startGreenCall(nextPhone());
      await recording(CallSid, sid("RE"), "failed", "0", { ErrorCode: "13617" });
      const row = await callBySid(CallSid);
      expect(row).toMatchObject({ recordingUrl: null, recordingStatus: "failed" });
      expect(row.outcome).not.toBe("voicemail");
    });

    it("absent, then completed for the same recording: the playable one wins", async () => {
      const { CallSid } = await startGreenCall(nextPhone());
      const RecordingSid = sid("RE");
      await recording(CallSid, RecordingSid, "absent", "0");
      await recording(CallSid, RecordingSid, "completed", "6");
      expect(await callBySid(CallSid)).toMatchObject({ outcome: "voicemail", recordingStatus: "completed" });
    });

    it.each(["DialVerb", "StartCallRecordingAPI", "OutboundAPI", "Conference", "Trunking"])(
      "a call recording (RecordingSource %s) is not a voicemail",
      async (source) => {
        const { CallSid } = await startGreenCall(nextPhone());
        await recording(CallSid, sid("RE"), "completed", "60", { RecordingSource: source });
        const row = await callBySid(CallSid);
        expect(row.outcome).not.toBe("voicemail");
        expect(row.recordingUrl).toBeNull();
      },
    );

    it("a completed transcription with no text stores nothing", async () => {
      const { CallSid } = await startGreenCall(nextPhone());
      const RecordingSid = sid("RE");
      await recording(CallSid, RecordingSid, "completed", "2");
      expect((await transcription(CallSid, RecordingSid, "")).status).toBe(200);
      expect((await callBySid(CallSid)).transcription).toBeNull();
    });

    it("the recording status callback before the <Record action>: the voicemail stays", async () => {
      const from = nextPhone();
      const { CallSid } = await startGreenCall(from);
      const RecordingSid = sid("RE");
      await recording(CallSid, RecordingSid, "completed", "7");
      const action = await post(
        "/twilio/voice/voicemail",
        voiceParams({
          CallSid,
          From: from,
          To: GREEN_NUMBER,
          CallStatus: "completed",
          RecordingSid,
          RecordingUrl: url(RecordingSid),
          RecordingDuration: "7",
          Digits: "hangup",
        }),
      );
      expect(action.status).toBe(200);
      expect(await callBySid(CallSid)).toMatchObject({
        outcome: "voicemail",
        recordingUrl: url(RecordingSid),
        recordingDurationSeconds: 7,
      });
    });

    it("a failed transcription stores no text and opts nobody out", async () => {
      const from = nextPhone();
      const { CallSid } = await startGreenCall(from);
      const RecordingSid = sid("RE");
      await recording(CallSid, RecordingSid, "completed", "5");
      expect((await transcription(CallSid, RecordingSid, "stop texting me", "failed")).status).toBe(200);
      expect((await callBySid(CallSid)).transcription).toBeNull();
      expect(await consentOf("green-lawn", from)).toBeNull();
    });

    it("a transcription before the recording callback: both kept, on the one call", async () => {
      const { CallSid } = await startGreenCall(nextPhone());
      const RecordingSid = sid("RE");
      const text = "Hi, the gate code is 1234, please come Friday.";
      expect((await transcription(CallSid, RecordingSid, text)).status).toBe(200);
      await recording(CallSid, RecordingSid, "completed", "11");
      expect(await callBySid(CallSid)).toMatchObject({
        outcome: "voicemail",
        transcription: text,
        recordingSid: RecordingSid,
        recordingDurationSeconds: 11,
      });
    });
  });
  // ---------------------------------------------------------------------------------------------
  // A whole call, its callbacks interleaved in many orders
  // ---------------------------------------------------------------------------------------------

  /** A small seeded generator (mulberry32): the orders are fixed per seed, so a failure replays. */
  const seeded = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };

  describe("a missed forwarded call with a voicemail, callbacks in any order", () => {
    it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: one call, one leg, one voicemail, one text", async (seed) => {
      const from = nextPhone();
      const CallSid = sid("CA");
      const child = sid("CA");
      const RecordingSid = sid("RE");
      const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Recordings/${RecordingSid}`;
      const base = { CallSid, From: from, To: GREEN_NUMBER };
      const before = await counts();
      expect((await post("/twilio/voice/incoming", voiceParams(base))).status).toBe(200);
      // The call's own requests come in order (each answers the one before); callbacks may arrive at any time after.
      const flow: [string, Record<string, string>][] = [
        [
          "/twilio/voice/dial-result",
          voiceParams({ ...base, CallStatus: "in-progress", DialCallStatus: "no-answer", DialCallSid: child }),
        ],
        [
          "/twilio/voice/voicemail",
          voiceParams({
            ...base,
            CallStatus: "in-progress",
            RecordingSid,
            RecordingUrl: recordingUrl,
            RecordingDuration: "12",
            Digits: "hangup",
          }),
        ],
      ];
      const legBase = {
        CallSid: child,
        ParentCallSid: CallSid,
        Direction: "outbound-dial",
        From: GREEN_NUMBER,
        To: GREEN_FORWARD_TO,
      };
      const callbacks: [string, Record<string, string>][] = [
        ["/twilio/voice/status", voiceParams({ ...legBase, CallStatus: "initiated", SequenceNumber: "0" })],
        ["/twilio/voice/status", voiceParams({ ...legBase, CallStatus: "ringing", SequenceNumber: "1" })],
        ["/twilio/voice/status", voiceParams({ ...legBase, CallStatus: "no-answer", SequenceNumber: "2" })],
        ["/twilio/voice/status", voiceParams({ ...base, CallStatus: "in-progress", SequenceNumber: "1" })],
        [
          "/twilio/voice/status",
          voiceParams({ ...base, CallStatus: "completed", SequenceNumber: "2", CallDuration: "45" }),
        ],
        [
          "/twilio/voice/voicemail",
          {
            AccountSid: fake.accountSid,
            CallSid,
            RecordingSid,
            RecordingUrl: recordingUrl,
            RecordingStatus: "completed",
            RecordingDuration: "12",
            RecordingChannels: "1",
            RecordingSource: "RecordVerb",
            ErrorCode: "0",
          },
        ],
        [
          "/twilio/voice/voicemail",
          {
            AccountSid: fake.accountSid,
            CallSid,
            RecordingSid,
            RecordingUrl: recordingUrl,
            TranscriptionSid: sid("TR"),
            TranscriptionStatus: "completed",
            TranscriptionText: "Please call me back about the hedge.",
          },
        ],
      ];
      const random = seeded(seed);
      const order = [...flow];
      for (const callback of callbacks) order.splice(Math.floor(random() * (order.length + 1)), 0, callback);
      for (const [path, params] of order) {
        const res = await post(path, params);
        expect(res.status, `${path} ${params.CallStatus ?? params.RecordingStatus ?? ""}`).toBe(200);
      }
      await deliveriesSettled();
      expect(await callBySid(CallSid)).toMatchObject({
        tenantId: "green-lawn",
        outcome: "voicemail",
        twilioStatus: "completed",
        recordingUrl,
        recordingDurationSeconds: 12,
        transcription: "Please call me back about the hedge.",
      });
      expect(await callBySid(child)).toMatchObject({
        tenantId: "green-lawn",
        twilioStatus: "no-answer",
        customerId: null,
      });
      const after = await counts();
      expect(after.calls).toBe(before.calls + 2);
      expect(after.customers).toBe(before.customers + 1);
      expect(after.unrouted).toBe(before.unrouted);
      expect(await platform().run((tx) => tx.message.count({ where: { toNumber: from, kind: "missed_call" } }))).toBe(
        1,
      );
    });
  });
});
