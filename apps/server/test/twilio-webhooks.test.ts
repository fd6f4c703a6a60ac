// Twilio's webhooks end to end: signed requests built with the SDK's own signature function,
// sent to the real routes, stored in a real database, replies delivered through the real SDK to
// a fake Twilio REST server on 127.0.0.1. Figures from docs: W1–W6, W9, W11, M1–M4, M7.
import { JOB_QUEUES, platformDb, tenantDb } from "@servicepro/db";
import { defaultEngine } from "@servicepro/db/testing";
import { type FakeTwilio, settledJobs, startFakeTwilio } from "@servicepro/testkit";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OPEN_AROUND_THE_CLOCK, openAroundTheClock, PUBLIC_BASE_URL, startTestApp, type TestApp } from "./harness.ts";

const ROOT_NUMBER = "+15555550100";
const GREEN_NUMBER = "+15555550101";
let sidCounter = 0;
const nextSid = (prefix: "SM" | "CA") => `${prefix}${String(++sidCounter).padStart(32, "0")}`;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  isArray: (name) => ["Say", "Gather", "Dial", "Record", "Redirect", "Hangup"].includes(name),
});

let t: TestApp;
let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio();
  t = await startTestApp(defaultEngine(), { fakeTwilio: fake });
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

/** Row counts of every table a webhook may write, read past RLS through the platform path. */
const counts = () =>
  platformDb(t.db, { actorUserId: null, purpose: "test.counts" }).run(async (tx) => ({
    messages: await tx.message.count(),
    calls: await tx.call.count(),
    customers: await tx.customer.count(),
    conversations: await tx.conversation.count(),
    consents: await tx.smsConsentEvent.count(),
    unrouted: await tx.unroutedWebhook.count(),
  }));

const sms = (params: Partial<Record<string, string>> & { Body: string }) => {
  const full = {
    MessageSid: nextSid("SM"),
    AccountSid: fake.accountSid,
    From: "+15555550150",
    To: ROOT_NUMBER,
    NumMedia: "0",
    ...params,
  } as Record<string, string>;
  return { params: full, send: () => t.twilioWebhook("/twilio/sms/incoming", full) };
};

/** Waits until `check` passes (the worker delivers in the background). */
async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The spoken text of a <Say> node (a string, or an object with attributes and #text). */
const said = (node: unknown) =>
  typeof node === "string" ? node : String((node as { "#text"?: string } | undefined)?.["#text"] ?? "");

const sentTo = (phone: string) => fake.messages.filter((m) => m.to === phone);

/**
 * Waits until every text queued so far has been delivered or given up (its pg-boss job finished).
 * A check that something was NOT sent comes after this, so the send had its chance: no sleeping.
 */
const deliveriesSettled = () => settledJobs(t.db.jobQueue, { queue: JOB_QUEUES.smsSend.name });

describe("signature checks (W1–W4)", () => {
  it("should answer 403 and write nothing for a bad, missing or tampered signature", async () => {
    const before = await counts();
    const { params } = sms({ Body: "HELP" });
    expect(
      (await t.twilioWebhook("/twilio/sms/incoming", params, { authToken: "not-the-real-token-123456" })).status,
    ).toBe(403);
    expect((await t.twilioWebhook("/twilio/sms/incoming", params, { signature: null })).status).toBe(403);
    expect((await t.twilioWebhook("/twilio/sms/incoming", params, { signature: "bm90IGEgc2lnbmF0dXJl" })).status).toBe(
      403,
    );
    // Signed for one URL, sent to another.
    const { url, init } = (await import("@servicepro/testkit")).signedTwilioRequest({
      publicBaseUrl: PUBLIC_BASE_URL,
      path: "/twilio/sms/status",
      params,
      authToken: fake.authToken,
    });
    expect(url).toContain("/twilio/sms/status");
    expect((await t.app.request("/twilio/sms/incoming", init)).status).toBe(403);
    // Tampering: a changed body, a dropped field, an extra field, a trimmed field.
    const signature = (await import("twilio")).default.getExpectedTwilioSignature(
      fake.authToken,
      `${PUBLIC_BASE_URL}/twilio/sms/incoming`,
      params,
    );
    const tampered = [
      { ...params, Body: "STOP" },
      Object.fromEntries(Object.entries(params).filter(([k]) => k !== "NumMedia")),
      { ...params, Extra: "1" },
      { ...params, Body: ` ${params.Body} ` },
    ];
    for (const variant of tampered)
      expect((await t.twilioWebhook("/twilio/sms/incoming", variant, { signature })).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("should validate against PUBLIC_BASE_URL, never the Host or X-Forwarded-Host header", async () => {
    const { params } = sms({ Body: "hello from behind a proxy" });
    const { init } = (await import("@servicepro/testkit")).signedTwilioRequest({
      publicBaseUrl: PUBLIC_BASE_URL,
      path: "/twilio/sms/incoming",
      params,
      authToken: fake.authToken,
    });
    const spoofed = {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        host: "evil.example",
        "x-forwarded-host": "evil.example",
      },
    };
    expect((await t.app.request("http://127.0.0.1:9/twilio/sms/incoming", spoofed)).status).toBe(200);
    // Signed by an attacker for their own host: rejected.
    const forged = (await import("@servicepro/testkit")).signedTwilioRequest({
      publicBaseUrl: "https://evil.example",
      path: "/twilio/sms/incoming",
      params: { ...params, MessageSid: nextSid("SM") },
      authToken: "attacker-token-1234567890",
    });
    expect(
      (
        await t.app.request("/twilio/sms/incoming", {
          ...forged.init,
          headers: { ...(forged.init.headers as Record<string, string>), host: "evil.example" },
        })
      ).status,
    ).toBe(403);
  });

  it("should answer 405 to other methods, 413 to oversized bodies, and sit outside the CSRF guard (W9, W11)", async () => {
    expect((await t.app.request("/twilio/sms/incoming")).status).toBe(405);
    const huge = sms({ Body: "x".repeat(70 * 1024) });
    expect((await huge.send()).status).toBe(413);
    // Declared by Content-Length (as Twilio sends it) and streamed without one: both refused.
    const body = new URLSearchParams({ Body: "x".repeat(70 * 1024) }).toString();
    const declared = await t.app.request("/twilio/sms/incoming", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) },
      body,
    });
    expect(declared.status).toBe(413);
    const streamed = await t.app.request("/twilio/sms/incoming", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new Blob([body]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // A signed POST with no Origin header (Twilio sends none) is accepted: 200, not the CSRF 403.
    expect((await sms({ Body: "no origin header" }).send()).status).toBe(200);
  });
});

describe("inbound SMS", () => {
  it("should store a redelivered MessageSid once and reply once, in sequence and at once (W5)", async () => {
    const from = "+15555550160";
    const sequential = sms({ Body: "HELP", From: from });
    for (let i = 0; i < 3; i++) {
      const res = await sequential.send();
      expect(res.status).toBe(200);
      expect(res.contentType).toContain("text/xml");
    }
    const concurrent = sms({ Body: "help", From: from });
    const answers = await Promise.all([concurrent.send(), concurrent.send(), concurrent.send()]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const stored = await tenantDb(t.db, "root").run((tx) =>
      tx.message.findMany({ where: { fromNumber: from, direction: "inbound" } }),
    );
    expect(stored).toHaveLength(2);
    await eventually(() => expect(sentTo(from)).toHaveLength(2));
    await deliveriesSettled();
    expect(sentTo(from)).toHaveLength(2); // one HELP reply per distinct inbound message, never more
    expect(sentTo(from)[0]!.body).toContain("Clean Machine");
    expect(sentTo(from)[0]!.statusCallback).toMatch(
      new RegExp(`^${PUBLIC_BASE_URL}/twilio/sms/status\\?t=root&m=[0-9a-f-]{36}$`),
    );
  });

  it("should route by called number, and flag traffic to an unknown number as routed to root by fallback", async () => {
    await sms({ Body: "is my mowing on today?", From: "+15555550161", To: GREEN_NUMBER }).send();
    const green = await tenantDb(t.db, "green-lawn").run((tx) =>
      tx.message.findFirst({ where: { fromNumber: "+15555550161" } }),
    );
    expect(green).toMatchObject({ routedByFallback: false, toNumber: GREEN_NUMBER });
    await sms({ Body: "who is this?", From: "+15555550162", To: "+15555559999" }).send();
    const root = await tenantDb(t.db, "root").run((tx) =>
      tx.message.findFirst({ where: { fromNumber: "+15555550162" } }),
    );
    expect(root).toMatchObject({ routedByFallback: true });
    const inGreen = await tenantDb(t.db, "green-lawn").run((tx) =>
      tx.message.count({ where: { fromNumber: "+15555550162" } }),
    );
    expect(inGreen).toBe(0);
  });

  it("should route by Messaging Service when the number is not in the directory", async () => {
    await platformDb(t.db, { actorUserId: null, purpose: "test" }).run((tx) =>
      tx.tenantPhoneConfig.update({
        where: { phoneNumber: GREEN_NUMBER },
        data: { messagingServiceSid: "MG00000000000000000000000000000001" },
      }),
    );
    await sms({
      Body: "via service",
      From: "+15555550163",
      To: "+15555550177",
      MessagingServiceSid: "MG00000000000000000000000000000001",
    }).send();
    const green = await tenantDb(t.db, "green-lawn").run((tx) =>
      tx.message.findFirst({ where: { fromNumber: "+15555550163" } }),
    );
    expect(green).toMatchObject({ routedByFallback: false });
  });

  it("should opt out on STOP in the same request, send nothing more, and leave the other tenant alone (M1, M3, M7)", async () => {
    const from = "+15555550164";
    await sms({ Body: "  stop  ", From: from }).send();
    const consent = await tenantDb(t.db, "root").run((tx) => tx.smsConsent.findFirst({ where: { phone: from } }));
    expect(consent).toMatchObject({ state: "opted_out", source: "keyword" });
    const ledger = await tenantDb(t.db, "root").run((tx) => tx.smsConsentEvent.findMany({ where: { phone: from } }));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]!.evidence).toMatchObject({ text: "  stop  " });
    await sms({ Body: "HELP", From: from }).send();
    await deliveriesSettled();
    expect(sentTo(from)).toHaveLength(0); // Twilio confirms STOP itself; nothing automated after it
    // Another tenant is another brand: its HELP reply still goes out.
    await sms({ Body: "HELP", From: from, To: GREEN_NUMBER }).send();
    await eventually(() => expect(sentTo(from)).toHaveLength(1));
    expect(sentTo(from)[0]!.from).toBe(GREEN_NUMBER);
    // START opts back in.
    await sms({ Body: "Start", From: from }).send();
    const after = await tenantDb(t.db, "root").run((tx) => tx.smsConsent.findFirst({ where: { phone: from } }));
    expect(after?.state).toBe("opted_in");
  });

  it("should treat plain-language revocations as opt-outs with exactly one confirmation (M2, M7)", async () => {
    const from = "+15555550165";
    await sms({ Body: "Please stop texting me", From: from }).send();
    await sms({ Body: "take me off your list!!", From: from }).send();
    await eventually(() => expect(sentTo(from)).toHaveLength(1));
    expect(sentTo(from)[0]!.body).toMatch(/unsubscribed/);
    const consent = await tenantDb(t.db, "root").run((tx) => tx.smsConsent.findFirst({ where: { phone: from } }));
    expect(consent).toMatchObject({ state: "opted_out", source: "free_text" });
    // A near miss is just a message.
    await sms({ Body: "can you stop by at 3pm?", From: "+15555550166" }).send();
    const near = await tenantDb(t.db, "root").run((tx) =>
      tx.smsConsent.findFirst({ where: { phone: "+15555550166" } }),
    );
    expect(near).toBeNull();
  });

  it("should store inbound for a suspended tenant but send no automated reply", async () => {
    await platformDb(t.db, { actorUserId: null, purpose: "test" }).run((tx) =>
      tx.tenant.update({ where: { id: "green-lawn" }, data: { status: "suspended" } }),
    );
    try {
      const from = "+15555550167";
      await sms({ Body: "HELP", From: from, To: GREEN_NUMBER }).send();
      const stored = await tenantDb(t.db, "green-lawn").run((tx) => tx.message.count({ where: { fromNumber: from } }));
      expect(stored).toBe(1);
      await deliveriesSettled();
      expect(sentTo(from)).toHaveLength(0);
    } finally {
      await platformDb(t.db, { actorUserId: null, purpose: "test" }).run((tx) =>
        tx.tenant.update({ where: { id: "green-lawn" }, data: { status: "active" } }),
      );
    }
  });
});

describe("outbound delivery and status callbacks", () => {
  const statusCallback = (messageId: string, sid: string, status: string, extra: Record<string, string> = {}) =>
    t.twilioWebhook(`/twilio/sms/status?t=root&m=${messageId}`, {
      MessageSid: sid,
      MessageStatus: status,
      AccountSid: fake.accountSid,
      ...extra,
    });

  async function deliveredHelp(from: string) {
    await sms({ Body: "INFO", From: from }).send();
    await eventually(() => expect(sentTo(from)).toHaveLength(1));
    return eventually(async () => {
      const m = await tenantDb(t.db, "root").run((tx) =>
        tx.message.findFirstOrThrow({ where: { toNumber: from, direction: "outbound" } }),
      );
      expect(m.twilioSid).toBeTruthy();
      return m;
    });
  }

  it("should never let a late callback regress the status, in any order (W6)", async () => {
    const orders = [
      ["sending", "sent", "delivered"],
      ["delivered", "sent", "sending"],
      ["sent", "delivered", "sending", "sent"],
      ["sent", "undelivered"],
      ["undelivered", "sent"],
      ["failed", "sending", "sent"],
    ];
    for (const [i, order] of orders.entries()) {
      const message = await deliveredHelp(`+1555555020${i}`);
      for (const status of order)
        expect((await statusCallback(message.id, message.twilioSid!, status)).status).toBe(200);
      const final = await tenantDb(t.db, "root").run((tx) =>
        tx.message.findFirstOrThrow({ where: { id: message.id } }),
      );
      const expected = order.includes("delivered")
        ? "delivered"
        : order.includes("undelivered")
          ? "undelivered"
          : "failed";
      expect(final.status, order.join(",")).toBe(expected);
      // Every callback is kept, in arrival order.
      expect((final.statusHistory as { status: string }[]).slice(-order.length).map((h) => h.status)).toEqual(order);
    }
  });

  it("should answer 200 to a callback for a message we do not know, and keep it for review", async () => {
    const before = await counts();
    expect((await statusCallback("00000000-0000-4000-8000-000000000000", "SMunknown", "delivered")).status).toBe(200);
    expect((await counts()).unrouted).toBe(before.unrouted + 1);
  });

  it("should mark the number opted out on Twilio error 21610 and not retry (M4)", async () => {
    const from = "+15555550170";
    fake.failNext({ kind: "error", status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient" });
    const requestsBefore = fake.createRequests;
    await sms({ Body: "HELP", From: from }).send();
    const failed = await eventually(async () => {
      const m = await tenantDb(t.db, "root").run((tx) =>
        tx.message.findFirstOrThrow({ where: { toNumber: from, direction: "outbound" } }),
      );
      expect(m).toMatchObject({ status: "failed", errorCode: 21610 });
      return m;
    });
    const consent = await tenantDb(t.db, "root").run((tx) => tx.smsConsent.findFirst({ where: { phone: from } }));
    expect(consent).toMatchObject({ state: "opted_out", source: "provider_21610" });
    // The message's job finished without a retry: a retry would have been the second request.
    const jobs = await settledJobs(t.db.jobQueue, { queue: JOB_QUEUES.smsSend.name, data: { messageId: failed.id } });
    expect(jobs.map((j) => j.retryCount)).toEqual([0]);
    expect(fake.createRequests - requestsBefore).toBe(1);
  });

  it("should adopt a message Twilio created when the answer was lost, instead of sending it twice (R5)", async () => {
    const from = "+15555550171";
    fake.failNext({ kind: "drop_after_create" });
    await sms({ Body: "HELP", From: from }).send();
    await eventually(async () => {
      const m = await tenantDb(t.db, "root").run((tx) =>
        tx.message.findFirstOrThrow({ where: { toNumber: from, direction: "outbound" } }),
      );
      expect(m.twilioSid).toBe(sentTo(from)[0]?.sid);
    }, 20_000);
    expect(sentTo(from)).toHaveLength(1);
  });
});

describe("voice", () => {
  const call = (path: string, params: Record<string, string>) =>
    t.twilioWebhook(path, { AccountSid: fake.accountSid, Direction: "inbound", CallStatus: "in-progress", ...params });
  const parse = (text: string) => xml.parse(text).Response as Record<string, unknown[]>;

  it("should answer the root tenant (elite, ai-voice) with the AI receptionist, and fall back to the menu on a plan without it", async () => {
    const open = await call("/twilio/voice/incoming", {
      CallSid: nextSid("CA"),
      From: "+15555550180",
      To: ROOT_NUMBER,
    });
    expect(open.status).toBe(200);
    const twiml = parse(open.text);
    // Business hours decide between the AI receptionist and the after-hours voicemail.
    expect(twiml.Gather?.[0] ?? twiml.Record?.[0]).toBeTruthy();
    await platformDb(t.db, { actorUserId: null, purpose: "test" }).run(async (tx) => {
      await tx.tenant.update({ where: { id: "root" }, data: { planTier: "pro" } });
      await tx.bookingSettings.upsert({
        where: { tenantId: "root" },
        create: { tenantId: "root", hours: OPEN_AROUND_THE_CLOCK },
        update: { hours: OPEN_AROUND_THE_CLOCK },
      });
    });
    try {
      const pro = parse(
        (await call("/twilio/voice/incoming", { CallSid: nextSid("CA"), From: "+15555550180", To: ROOT_NUMBER })).text,
      );
      expect(said(pro.Say?.[0])).toMatch(/virtual receptionist isn't available/);
      const gather = pro.Gather![0] as Record<string, string>;
      expect(gather["@action"]).toBe("/twilio/voice/menu?mode=menu&attempt=1");
      await platformDb(t.db, { actorUserId: null, purpose: "test" }).run((tx) =>
        tx.tenant.update({ where: { id: "root" }, data: { planTier: "elite" } }),
      );
      const elite = parse(
        (await call("/twilio/voice/incoming", { CallSid: nextSid("CA"), From: "+15555550180", To: ROOT_NUMBER })).text,
      );
      const aiGather = elite.Gather![0] as Record<string, unknown>;
      expect(aiGather["@action"]).toBe("/twilio/voice/menu?mode=ai&attempt=1");
      expect(JSON.stringify(aiGather.Say)).toContain("Clean Machine");
    } finally {
      await platformDb(t.db, { actorUserId: null, purpose: "test" }).run((tx) =>
        tx.tenant.update({ where: { id: "root" }, data: { planTier: "elite" } }),
      );
    }
  });

  it("should answer a question from the tenant's FAQs and text a booking link on request", async () => {
    const CallSid = nextSid("CA");
    const caller = "+15555550181";
    await call("/twilio/voice/incoming", { CallSid, From: caller, To: ROOT_NUMBER });
    const faq = parse(
      (
        await call("/twilio/voice/menu?mode=ai&attempt=1", {
          CallSid,
          From: caller,
          To: ROOT_NUMBER,
          SpeechResult: "Do you offer ceramic coating?",
        })
      ).text,
    );
    expect(JSON.stringify(faq.Gather)).toContain("ceramic coating package");
    const booking = parse(
      (
        await call("/twilio/voice/menu?mode=ai&attempt=1", {
          CallSid,
          From: caller,
          To: ROOT_NUMBER,
          SpeechResult: "yes, text me a booking link",
        })
      ).text,
    );
    expect(said(booking.Say?.[0])).toMatch(/texted you a link/);
    await eventually(() => expect(sentTo(caller)).toHaveLength(1));
    expect(sentTo(caller)[0]!.body).toContain(`${PUBLIC_BASE_URL}/portal/clean-machine`);
    const stored = await tenantDb(t.db, "root").run((tx) => tx.call.findFirstOrThrow({ where: { callSid: CallSid } }));
    expect(stored.outcome).toBe("ai_handled");
  });

  it("should text a missed caller once per window, never an opted-out one, and take a voicemail", async () => {
    // Green Lawn forwards to the business; open around the clock for this test.
    await openAroundTheClock(t.db, ["green-lawn"]);
    const caller = "+15555550182";
    const first = nextSid("CA");
    const incoming = parse(
      (await call("/twilio/voice/incoming", { CallSid: first, From: caller, To: GREEN_NUMBER })).text,
    );
    const dial = incoming.Dial![0] as Record<string, unknown>;
    expect(dial["@action"]).toBe("/twilio/voice/dial-result");
    expect(said(dial.Number)).toBe("+15555550191");
    const missed = parse(
      (
        await call("/twilio/voice/dial-result", {
          CallSid: first,
          From: caller,
          To: GREEN_NUMBER,
          DialCallStatus: "no-answer",
        })
      ).text,
    );
    expect((missed.Record![0] as Record<string, string>)["@action"]).toBe("/twilio/voice/voicemail");
    await eventually(() => expect(sentTo(caller)).toHaveLength(1));
    expect(sentTo(caller)[0]!.body).toContain("out mowing");
    // Voicemail and its transcription land on the call.
    await call("/twilio/voice/voicemail", {
      CallSid: first,
      From: caller,
      To: GREEN_NUMBER,
      RecordingUrl: "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1",
      RecordingSid: "RE1",
      RecordingDuration: "14",
    });
    await call("/twilio/voice/voicemail?event=transcription", {
      CallSid: first,
      From: caller,
      To: GREEN_NUMBER,
      TranscriptionText: "Please call me about aeration.",
      TranscriptionStatus: "completed",
    });
    const stored = await tenantDb(t.db, "green-lawn").run((tx) =>
      tx.call.findFirstOrThrow({ where: { callSid: first } }),
    );
    expect(stored).toMatchObject({
      outcome: "voicemail",
      recordingDurationSeconds: 14,
      transcription: "Please call me about aeration.",
    });
    // A second missed call inside the window: no second text.
    const second = nextSid("CA");
    await call("/twilio/voice/incoming", { CallSid: second, From: caller, To: GREEN_NUMBER });
    await call("/twilio/voice/dial-result", {
      CallSid: second,
      From: caller,
      To: GREEN_NUMBER,
      DialCallStatus: "busy",
    });
    await deliveriesSettled();
    expect(sentTo(caller)).toHaveLength(1);
    // An opted-out caller gets no text at all.
    const optedOut = "+15555550183";
    await sms({ Body: "STOP", From: optedOut, To: GREEN_NUMBER }).send();
    const third = nextSid("CA");
    await call("/twilio/voice/incoming", { CallSid: third, From: optedOut, To: GREEN_NUMBER });
    await call("/twilio/voice/dial-result", {
      CallSid: third,
      From: optedOut,
      To: GREEN_NUMBER,
      DialCallStatus: "no-answer",
    });
    await deliveriesSettled();
    expect(sentTo(optedOut)).toHaveLength(0);
  });

  it("should settle a call's outcome from the final status callback", async () => {
    const CallSid = nextSid("CA");
    await call("/twilio/voice/incoming", { CallSid, From: "+15555550184", To: GREEN_NUMBER });
    await call("/twilio/voice/status", {
      CallSid,
      From: "+15555550184",
      To: GREEN_NUMBER,
      CallStatus: "completed",
      CallDuration: "31",
    });
    const stored = await tenantDb(t.db, "green-lawn").run((tx) =>
      tx.call.findFirstOrThrow({ where: { callSid: CallSid } }),
    );
    expect(stored).toMatchObject({ twilioStatus: "completed", outcome: "missed", durationSeconds: 31 });
    expect(stored.endedAt).toBeInstanceOf(Date);
  });
});

describe("quarantine policy", () => {
  let q: TestApp;
  beforeEach(async () => {
    q ??= await startTestApp(defaultEngine(), { fakeTwilio: fake, unroutedPolicy: "quarantine" });
  });
  afterAll(() => q?.close());

  it("should keep unknown traffic out of every inbox and list it for review", async () => {
    const params = {
      MessageSid: nextSid("SM"),
      AccountSid: fake.accountSid,
      From: "+15555550190",
      To: "+15555559998",
      Body: "hello?",
    };
    expect((await q.twilioWebhook("/twilio/sms/incoming", params)).status).toBe(200);
    const voice = await q.twilioWebhook("/twilio/voice/incoming", {
      CallSid: nextSid("CA"),
      AccountSid: fake.accountSid,
      From: "+15555550190",
      To: "+15555559998",
    });
    expect(voice.text).toMatch(/cannot take calls/);
    const rows = await platformDb(q.db, { actorUserId: null, purpose: "test" }).run((tx) =>
      tx.unroutedWebhook.findMany({ where: { toNumber: "+15555559998" } }),
    );
    expect(rows.map((r) => r.kind).sort()).toEqual(["sms", "voice"]);
    const inRoot = await tenantDb(q.db, "root").run((tx) =>
      tx.message.count({ where: { fromNumber: "+15555550190" } }),
    );
    expect(inRoot).toBe(0);
  });
});
