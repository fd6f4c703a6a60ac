// A spoken menu answer or a voicemail transcription the opt-out classifier is unsure about flags the
// call for staff (calls.consent_review = 'pending') and changes no consent. The classifier is pinned
// to "review" for two phrases here, so this test does not depend on where its thresholds sit.
import { tenantDb } from "@servicepro/db";
import { defaultEngine } from "@servicepro/db/testing";
import { type FakeTwilio, startFakeTwilio } from "@servicepro/testkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openAroundTheClock, startTestApp, type TestApp } from "./harness.ts";

const UNSURE = new Set(["maybe fewer texts", "not sure i want your messages"]);

// By path: the server does not depend on @servicepro/opt-out itself (packages/voice does).
vi.mock("../../../packages/opt-out/src/index.ts", async (importOriginal) => {
  const actual = await importOriginal<{ classifyConsent: (text: string, ...more: unknown[]) => unknown }>();
  return {
    ...actual,
    classifyConsent: (text: string, ...rest: unknown[]) =>
      UNSURE.has(text.trim().toLowerCase())
        ? { kind: "review", score: 0.5, language: "en", reason: "pinned by the test" }
        : actual.classifyConsent(text, ...rest),
  };
});

const GREEN_NUMBER = "+15555550101";
let sidCounter = 0;
const nextSid = (prefix: "CA" | "RE") => `${prefix}${String(++sidCounter).padStart(32, "7")}`;

let t: TestApp;
let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio();
  t = await startTestApp(defaultEngine(), { fakeTwilio: fake });
  await openAroundTheClock(t.db, ["green-lawn"]);
});
afterAll(async () => {
  await t?.close();
  await fake?.close();
});

const call = (path: string, params: Record<string, string>) =>
  t.twilioWebhook(path, { AccountSid: fake.accountSid, Direction: "inbound", CallStatus: "in-progress", ...params });
const stateOf = (CallSid: string, phone: string) =>
  tenantDb(t.db, "green-lawn").run(async (tx) => ({
    call: await tx.call.findFirstOrThrow({ where: { callSid: CallSid } }),
    consents: await tx.smsConsentEvent.count({ where: { phone } }),
  }));

describe("uncertain revocations on a call", () => {
  it("a spoken menu answer flags the call for review and records no consent change", async () => {
    const caller = "+15555550171";
    const CallSid = nextSid("CA");
    await call("/twilio/voice/incoming", { CallSid, From: caller, To: GREEN_NUMBER });
    const res = await call("/twilio/voice/menu?mode=menu&attempt=1", {
      CallSid,
      From: caller,
      To: GREEN_NUMBER,
      SpeechResult: "Maybe fewer texts",
    });
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/won't send you any more/);
    // The words are kept for staff to judge (other spoken answers are stored only as the menu's reading).
    expect(await stateOf(CallSid, caller)).toMatchObject({
      call: { consentReview: "pending", consentText: "Maybe fewer texts" },
      consents: 0,
    });
  });

  it("a voicemail transcription flags the call for review and records no consent change", async () => {
    const caller = "+15555550172";
    const CallSid = nextSid("CA");
    const RecordingSid = nextSid("RE");
    await call("/twilio/voice/incoming", { CallSid, From: caller, To: GREEN_NUMBER });
    await call("/twilio/voice/voicemail", {
      CallSid,
      RecordingSid,
      RecordingStatus: "completed",
      RecordingDuration: "5",
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Recordings/${RecordingSid}`,
    });
    await call("/twilio/voice/voicemail", {
      CallSid,
      RecordingSid,
      TranscriptionSid: "TR00000000000000000000000000000001",
      TranscriptionStatus: "completed",
      TranscriptionText: "Not sure I want your messages",
    });
    expect(await stateOf(CallSid, caller)).toMatchObject({
      call: {
        consentReview: "pending",
        transcription: "Not sure I want your messages",
        consentText: null,
        outcome: "voicemail",
      },
      consents: 0,
    });
  });
});
