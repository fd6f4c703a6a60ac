// Call webhooks with Twilio's documented parameter sets (issue 11): child legs of a forwarded call,
// status callbacks out of order, recording and transcription callbacks with and without our query
// string, caller name and forwarding, withheld caller IDs, and speech in the menu. Signed requests to
// the real routes, a real database, texts delivered to a fake Twilio on 127.0.0.1.
import { JOB_QUEUES, platformDb, tenantDb } from "@servicepro/db";
import { defaultEngine } from "@servicepro/db/testing";
import { type FakeTwilio, settledJobs, startFakeTwilio } from "@servicepro/testkit";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GREEN_LAWN_ADMIN, openAroundTheClock, startTestApp, type TestApp } from "./harness.ts";

const ROOT_NUMBER = "+15555550100";
const GREEN_NUMBER = "+15555550101";
/** Green Lawn forwards its calls to this phone (seeded). */
const GREEN_FORWARD_TO = "+15555550191";
const API_VERSION = "2010-04-01";

let sidCounter = 0;
const nextSid = (prefix: "CA" | "RE" | "TR") => `${prefix}${String(++sidCounter).padStart(32, "0")}`;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ["Say", "Gather", "Dial", "Record", "Redirect", "Hangup"].includes(name),
});
const parse = (text: string) => (xml.parse(text).Response ?? {}) as Record<string, unknown[]>;
const said = (node: unknown) =>
  typeof node === "string" ? node : String((node as { "#text"?: string } | undefined)?.["#text"] ?? "");

let t: TestApp;
let fake: FakeTwilio;
let greenCookie: string;

beforeAll(async () => {
  fake = await startFakeTwilio();
  t = await startTestApp(defaultEngine(), { fakeTwilio: fake });
  await openAroundTheClock(t.db, ["green-lawn", "root"]);
  greenCookie = await t.signIn(GREEN_LAWN_ADMIN);
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const platform = () => platformDb(t.db, { actorUserId: null, purpose: "test.calls" });
const counts = () =>
  platform().run(async (tx) => ({
    calls: await tx.call.count(),
    customers: await tx.customer.count(),
    messages: await tx.message.count(),
    unrouted: await tx.unroutedWebhook.count(),
  }));
const callsWithSid = (callSid: string) => platform().run((tx) => tx.call.findMany({ where: { callSid } }));
const greenCall = (callSid: string) =>
  tenantDb(t.db, "green-lawn").run((tx) => tx.call.findFirstOrThrow({ where: { callSid } }));
const unroutedFor = (sid: string) =>
  platform().run((tx) => tx.unroutedWebhook.findMany({ where: { sid }, select: { kind: true, reason: true } }));
const deliveriesSettled = () => settledJobs(t.db.jobQueue, { queue: JOB_QUEUES.smsSend.name });

/** Twilio's Voice request parameters for a call to one of our numbers (the documented set). */
const voiceParams = (over: Record<string, string>): Record<string, string> => ({
  AccountSid: fake.accountSid,
  ApiVersion: API_VERSION,
  Direction: "inbound",
  CallStatus: "ringing",
  Caller: over.From ?? "",
  Called: over.To ?? "",
  FromCountry: "US",
  ToCountry: "US",
  ...over,
});
const post = (path: string, params: Record<string, string>) => t.twilioWebhook(path, params);

/** A call that has reached Green Lawn (forwarding), as Twilio's first request creates it. */
async function startGreenCall(from = "+15555550160", extra: Record<string, string> = {}) {
  const CallSid = nextSid("CA");
  const res = await post("/twilio/voice/incoming", voiceParams({ CallSid, From: from, To: GREEN_NUMBER, ...extra }));
  expect(res.status).toBe(200);
  return { CallSid, twiml: parse(res.text) };
}

/** Twilio's status callback parameters (statusCallbackEvent: initiated ringing answered completed). */
const statusParams = (CallSid: string, status: string, sequence: string | null, over: Record<string, string> = {}) => ({
  ...voiceParams({ CallSid, From: "+15555550160", To: GREEN_NUMBER }),
  CallStatus: status,
  CallbackSource: "call-progress-events",
  Timestamp: "Wed, 02 Dec 2026 15:00:00 +0000",
  ...(sequence === null ? {} : { SequenceNumber: sequence }),
  ...over,
});

describe("child legs of a forwarded call", () => {
  it("belong to the parent's tenant, are stored as their own outbound-dial row, and create no customer", async () => {
    const parent = await startGreenCall();
    const number = (parent.twiml.Dial![0] as Record<string, unknown>).Number as Record<string, string>;
    expect(number).toMatchObject({ "#text": GREEN_FORWARD_TO, "@statusCallback": "/twilio/voice/status" });
    const before = await counts();
    const child = nextSid("CA");
    // The leg we dialled: its From is our number (or the caller's), its To the business's own phone.
    const legParams = (status: string, sequence: string, over: Record<string, string> = {}) =>
      statusParams(child, status, sequence, {
        From: GREEN_NUMBER,
        To: GREEN_FORWARD_TO,
        Called: GREEN_FORWARD_TO,
        Caller: GREEN_NUMBER,
        Direction: "outbound-dial",
        ParentCallSid: parent.CallSid,
        ...over,
      });
    for (const [status, sequence] of [
      ["initiated", "0"],
      ["ringing", "1"],
      ["in-progress", "2"],
    ] as const)
      expect((await post("/twilio/voice/status", legParams(status, sequence))).status).toBe(200);
    expect((await post("/twilio/voice/status", legParams("completed", "3", { CallDuration: "42" }))).status).toBe(200);
    const rows = await callsWithSid(child);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      tenantId: "green-lawn",
      direction: "outbound-dial",
      parentCallSid: parent.CallSid,
      customerId: null,
      twilioStatus: "completed",
      statusSequence: 3,
      durationSeconds: 42,
      routedByFallback: false,
    });
    const after = await counts();
    expect(after.customers).toBe(before.customers);
    expect(after.unrouted).toBe(before.unrouted);
    const dialled = await platform().run((tx) => tx.customer.count({ where: { phone: GREEN_FORWARD_TO } }));
    expect(dialled).toBe(0);
    // The log shows the caller's call, not the leg.
    const log = await t.trpc("query", "tenant.calls.list", { limit: 50 }, greenCookie);
    const ids = (log.data as { items: { id: string }[] }).items.map((c) => c.id);
    expect(ids).toContain((await greenCall(parent.CallSid)).id);
    expect(ids).not.toContain(rows[0]!.id);
  });

  it("goes to unrouted_webhooks, not to any tenant (not even the fallback), when the parent is unknown", async () => {
    const before = await counts();
    const child = nextSid("CA");
    const params = statusParams(child, "ringing", "1", {
      From: ROOT_NUMBER,
      To: "+15555550177",
      Direction: "outbound-dial",
      ParentCallSid: nextSid("CA"),
    });
    expect((await post("/twilio/voice/status", params)).status).toBe(200);
    // A child leg asking what to do gets an empty answer, and the same treatment.
    const asked = await post("/twilio/voice/incoming", { ...params, CallSid: nextSid("CA") });
    expect(asked.status).toBe(200);
    const after = await counts();
    expect(after.calls).toBe(before.calls);
    expect(after.customers).toBe(before.customers);
    expect(after.unrouted).toBe(before.unrouted + 2);
    expect((await unroutedFor(child))[0]!.reason).toMatch(/Child leg of an unknown call/);
  });

  it("a child leg's own request (a <Number url>) is answered with an empty response in the parent's tenant", async () => {
    const parent = await startGreenCall();
    const child = nextSid("CA");
    const res = await post(
      "/twilio/voice/incoming",
      voiceParams({
        CallSid: child,
        From: GREEN_NUMBER,
        To: GREEN_FORWARD_TO,
        Direction: "outbound-dial",
        ParentCallSid: parent.CallSid,
      }),
    );
    expect(res.text).toMatch(/<Response\/>|<Response><\/Response>/);
    expect(await callsWithSid(child)).toMatchObject([{ tenantId: "green-lawn", direction: "outbound-dial" }]);
  });
});

describe("status callbacks move forward only", () => {
  it("ignores late and stale callbacks by SequenceNumber, and an exact duplicate changes nothing", async () => {
    const { CallSid } = await startGreenCall();
    await post("/twilio/voice/status", statusParams(CallSid, "completed", "3", { CallDuration: "31" }));
    const done = await greenCall(CallSid);
    expect(done).toMatchObject({ twilioStatus: "completed", statusSequence: 3, durationSeconds: 31 });
    for (const [status, sequence] of [
      ["ringing", "1"],
      ["in-progress", "2"],
      ["initiated", "0"],
    ] as const)
      await post("/twilio/voice/status", statusParams(CallSid, status, sequence));
    await post("/twilio/voice/status", statusParams(CallSid, "completed", "3", { CallDuration: "31" }));
    const after = await greenCall(CallSid);
    expect(after).toMatchObject({ twilioStatus: "completed", statusSequence: 3, durationSeconds: 31 });
    // Nothing was written at all (updated_at would move).
    expect(after.updatedAt.getTime()).toBe(done.updatedAt.getTime());
    expect(after.endedAt!.getTime()).toBe(done.endedAt!.getTime());
  });

  it("without SequenceNumber, a late ringing or in-progress never reopens a completed call", async () => {
    const { CallSid } = await startGreenCall();
    await post("/twilio/voice/status", statusParams(CallSid, "completed", null, { CallDuration: "12" }));
    await post("/twilio/voice/status", statusParams(CallSid, "in-progress", null));
    await post("/twilio/voice/status", statusParams(CallSid, "ringing", null));
    expect(await greenCall(CallSid)).toMatchObject({ twilioStatus: "completed", durationSeconds: 12 });
  });

  it("a status callback is matched by CallSid, whatever its To says", async () => {
    const { CallSid } = await startGreenCall();
    await post(
      "/twilio/voice/status",
      statusParams(CallSid, "completed", "4", { To: ROOT_NUMBER, Called: ROOT_NUMBER }),
    );
    expect(await callsWithSid(CallSid)).toMatchObject([{ tenantId: "green-lawn", twilioStatus: "completed" }]);
  });
});

describe("recording and transcription callbacks", () => {
  const recordingUrl = (sid: string) =>
    `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Recordings/${sid}`;
  /** Twilio's recordingStatusCallback: no From, no To. */
  const recordingStatus = (CallSid: string, RecordingSid: string, status: string, duration: string) => ({
    AccountSid: fake.accountSid,
    CallSid,
    RecordingSid,
    RecordingUrl: recordingUrl(RecordingSid),
    RecordingStatus: status,
    RecordingDuration: duration,
    RecordingChannels: "1",
    RecordingStartTime: "Wed, 02 Dec 2026 15:00:00 +0000",
    RecordingSource: "RecordVerb",
    RecordingTrack: "both",
    ErrorCode: "0",
  });
  /** Twilio's transcribeCallback. */
  const transcription = (CallSid: string, RecordingSid: string, text: string, over: Record<string, string> = {}) => ({
    AccountSid: fake.accountSid,
    ApiVersion: API_VERSION,
    CallSid,
    RecordingSid,
    RecordingUrl: recordingUrl(RecordingSid),
    TranscriptionSid: nextSid("TR"),
    TranscriptionText: text,
    TranscriptionStatus: "completed",
    TranscriptionUrl: `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Transcriptions/TR1`,
    TranscriptionType: "fast",
    CallStatus: "completed",
    ...over,
  });

  it("stores a voicemail from the recording status callback alone, matched by CallSid, no query string", async () => {
    const { CallSid } = await startGreenCall();
    const RecordingSid = nextSid("RE");
    const res = await post("/twilio/voice/voicemail", recordingStatus(CallSid, RecordingSid, "completed", "9"));
    expect(res.status).toBe(200);
    expect(parse(res.text).Say).toBeUndefined();
    const text = "Hi, please call me back about the lawn.";
    // The transcription without ?event=transcription, and with a To that is another tenant's number.
    expect(
      (await post("/twilio/voice/voicemail", transcription(CallSid, RecordingSid, text, { To: ROOT_NUMBER }))).status,
    ).toBe(200);
    expect(await callsWithSid(CallSid)).toMatchObject([
      {
        tenantId: "green-lawn",
        outcome: "voicemail",
        recordingSid: RecordingSid,
        recordingUrl: recordingUrl(RecordingSid),
        recordingDurationSeconds: 9,
        recordingStatus: "completed",
        transcription: text,
      },
    ]);
  });

  it("absent, failed or empty recordings leave no playable voicemail but keep the status", async () => {
    for (const [status, duration] of [
      ["absent", "0"],
      ["failed", "0"],
      ["completed", "0"],
    ] as const) {
      const { CallSid } = await startGreenCall();
      await post("/twilio/voice/voicemail", recordingStatus(CallSid, nextSid("RE"), status, duration));
      const stored = await greenCall(CallSid);
      expect(stored.recordingUrl, status).toBeNull();
      expect(stored.outcome, status).not.toBe("voicemail");
      expect(stored.recordingStatus, status).toBe(status);
    }
    // The <Record action> first (as Twilio sends it), then the status callback saying absent: undone.
    const { CallSid } = await startGreenCall();
    const RecordingSid = nextSid("RE");
    const action = await post(
      "/twilio/voice/voicemail",
      voiceParams({
        CallSid,
        From: "+15555550160",
        To: GREEN_NUMBER,
        CallStatus: "in-progress",
        RecordingSid,
        RecordingUrl: recordingUrl(RecordingSid),
        RecordingDuration: "3",
        Digits: "hangup",
      }),
    );
    expect(said(parse(action.text).Say?.[0])).toMatch(/we got your message/);
    expect((await greenCall(CallSid)).outcome).toBe("voicemail");
    await post("/twilio/voice/voicemail", recordingStatus(CallSid, RecordingSid, "absent", "0"));
    expect(await greenCall(CallSid)).toMatchObject({
      recordingUrl: null,
      recordingStatus: "absent",
      outcome: "missed",
    });
  });

  it("never creates a call for an unknown CallSid: quarantined, in no tenant, whatever its To", async () => {
    const before = await counts();
    const CallSid = nextSid("CA");
    const RecordingSid = nextSid("RE");
    await post("/twilio/voice/voicemail", recordingStatus(CallSid, RecordingSid, "completed", "20"));
    await post("/twilio/voice/voicemail?event=transcription", transcription(CallSid, RecordingSid, "hello"));
    const action = await post(
      "/twilio/voice/voicemail",
      voiceParams({
        CallSid,
        From: "+15555550161",
        To: GREEN_NUMBER,
        RecordingSid,
        RecordingUrl: recordingUrl(RecordingSid),
        RecordingDuration: "20",
      }),
    );
    expect(action.status).toBe(200);
    const after = await counts();
    expect(after.calls).toBe(before.calls);
    expect(after.customers).toBe(before.customers);
    expect(after.unrouted).toBe(before.unrouted + 3);
    expect(await callsWithSid(CallSid)).toEqual([]);
  });

  it("a voicemail asking for no more texts opts the caller out (source voicemail)", async () => {
    const caller = "+15555550162";
    const { CallSid } = await startGreenCall(caller);
    const RecordingSid = nextSid("RE");
    await post("/twilio/voice/voicemail", recordingStatus(CallSid, RecordingSid, "completed", "6"));
    await post(
      "/twilio/voice/voicemail?event=transcription",
      transcription(CallSid, RecordingSid, "Hi it's Sam. Please stop texting me, thanks."),
    );
    const consent = await tenantDb(t.db, "green-lawn").run(async (tx) => ({
      state: await tx.smsConsent.findFirst({ where: { phone: caller } }),
      events: await tx.smsConsentEvent.findMany({ where: { phone: caller } }),
    }));
    expect(consent.state).toMatchObject({ state: "opted_out", source: "voicemail" });
    expect(consent.events).toHaveLength(1);
    expect(consent.events[0]!.evidence).toMatchObject({ callSid: CallSid, recordingSid: RecordingSid });
  });
});

describe("caller name, forwarding and withheld caller IDs", () => {
  it("keeps CallerName and ForwardedFrom and shows them in the calls log", async () => {
    const { CallSid } = await startGreenCall("+15555550163", {
      CallerName: "Jane Doe",
      ForwardedFrom: "+15550100000",
    });
    const stored = await greenCall(CallSid);
    expect(stored).toMatchObject({ callerName: "Jane Doe", forwardedFrom: "+15550100000" });
    const log = await t.trpc("query", "tenant.calls.list", { limit: 50 }, greenCookie);
    const item = (log.data as { items: Record<string, unknown>[] }).items.find((c) => c.id === stored.id);
    expect(item).toMatchObject({ callerName: "Jane Doe", forwardedFrom: "+15550100000", callerWithheld: false });
  });

  it.each(["+266696687", "Anonymous", "Restricted", "Unknown", "Unavailable", "Private", "", "+1234", "+10000000000"])(
    "From %j: answered normally, no customer, no missed-call text, a private number in the log",
    async (from) => {
      const before = await counts();
      const { CallSid, twiml } = await startGreenCall(from);
      // Still answered by the IVR (Green Lawn forwards).
      expect(said((twiml.Dial![0] as Record<string, unknown>).Number)).toBe(GREEN_FORWARD_TO);
      const missed = parse(
        (
          await post(
            "/twilio/voice/dial-result",
            voiceParams({
              CallSid,
              From: from,
              To: GREEN_NUMBER,
              CallStatus: "in-progress",
              DialCallStatus: "no-answer",
            }),
          )
        ).text,
      );
      expect(missed.Record).toBeDefined();
      await deliveriesSettled();
      const after = await counts();
      expect(after.customers).toBe(before.customers);
      expect(after.messages).toBe(before.messages);
      expect(fake.messages.filter((m) => m.to === from)).toHaveLength(0);
      const stored = await greenCall(CallSid);
      expect(stored).toMatchObject({ customerId: null, outcome: "missed" });
      const log = await t.trpc("query", "tenant.calls.list", { limit: 50 }, greenCookie);
      const item = (log.data as { items: Record<string, unknown>[] }).items.find((c) => c.id === stored.id);
      expect(item).toMatchObject({ callerWithheld: true, customerName: null });
    },
  );
});

describe("speech in the menu", () => {
  const menu = (CallSid: string, from: string, SpeechResult: string, attempt = 1) =>
    post(
      `/twilio/voice/menu?mode=menu&attempt=${attempt}`,
      voiceParams({
        CallSid,
        From: from,
        To: GREEN_NUMBER,
        CallStatus: "in-progress",
        SpeechResult,
        Confidence: "0.9",
      }),
    );

  it.each([
    ["talk to someone", "Dial"],
    ["hablar con alguien", "Dial"],
    ["operator", "Dial"],
    ["when are you open", "Gather"],
    ["horario", "Gather"],
    ["dirección", "Gather"],
  ] as const)("%j is understood like its digit", async (speech, verb) => {
    const { CallSid } = await startGreenCall();
    const twiml = parse((await menu(CallSid, "+15555550164", speech)).text);
    expect(twiml[verb]).toBeDefined();
    expect((await greenCall(CallSid)).menuSelection).toMatch(/^speech:(human|hours)$/);
  });

  it("an unclear answer plays the menu again", async () => {
    const { CallSid } = await startGreenCall();
    const twiml = parse((await menu(CallSid, "+15555550164", "purple monkey dishwasher")).text);
    expect((twiml.Gather![0] as Record<string, string>)["@action"]).toBe("/twilio/voice/menu?mode=menu&attempt=2");
  });

  it("a spoken request to stop texts is recorded as an opt-out (source voice_menu) and confirmed", async () => {
    const caller = "+15555550165";
    const { CallSid } = await startGreenCall(caller);
    const twiml = parse((await menu(CallSid, caller, "stop texting me")).text);
    expect(said(twiml.Say?.[0])).toMatch(/won't send you any more text messages/);
    const consent = await tenantDb(t.db, "green-lawn").run(async (tx) => ({
      state: await tx.smsConsent.findFirst({ where: { phone: caller } }),
      events: await tx.smsConsentEvent.findMany({ where: { phone: caller } }),
    }));
    expect(consent.state).toMatchObject({ state: "opted_out", source: "voice_menu" });
    expect(consent.events[0]!.evidence).toMatchObject({ callSid: CallSid, speechResult: "stop texting me" });
    // Pressing 1 afterwards no longer promises a text.
    const after = await post(
      "/twilio/voice/menu?mode=menu&attempt=1",
      voiceParams({ CallSid, From: caller, To: GREEN_NUMBER, CallStatus: "in-progress", Digits: "1" }),
    );
    expect(after.text).not.toMatch(/texted you/);
  });
});
