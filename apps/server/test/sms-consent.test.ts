// Consent on the SMS webhook (issue 11 §1): the classifier's unsure middle waits for staff, other
// languages opt out, and each keyword is answered once (Twilio's Advanced Opt-Out answers its own).
import { JOB_QUEUES, platformDb, tenantDb } from "@servicepro/db";
import { defaultEngine } from "@servicepro/db/testing";
import { hasMarketingConsent, recordMarketingConsent } from "@servicepro/sms";
import { type FakeTwilio, settledJobs, startFakeTwilio } from "@servicepro/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./harness.ts";

const ROOT_NUMBER = "+15555550100";
const GREEN_NUMBER = "+15555550101";
let sidCounter = 0;
const nextSid = () => `SM${String(++sidCounter).padStart(30, "0")}c0`;

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

const sms = (params: Partial<Record<string, string>> & { Body: string; From: string }) =>
  t.twilioWebhook("/twilio/sms/incoming", {
    MessageSid: nextSid(),
    AccountSid: fake.accountSid,
    To: ROOT_NUMBER,
    NumMedia: "0",
    ...params,
  } as Record<string, string>);

const sentTo = (phone: string) => fake.messages.filter((m) => m.to === phone);
/** Every queued text delivered or given up: a check that something was NOT sent comes after this. */
const deliveriesSettled = () => settledJobs(t.db.jobQueue, { queue: JOB_QUEUES.smsSend.name });
const consentOf = (tenantId: string, phone: string) =>
  tenantDb(t.db, tenantId).run((tx) => tx.smsConsent.findFirst({ where: { phone } }));
const messageFrom = (tenantId: string, phone: string) =>
  tenantDb(t.db, tenantId).run((tx) =>
    tx.message.findFirstOrThrow({
      where: { fromNumber: phone, direction: "inbound" },
      orderBy: { createdAt: "desc" },
      select: { consentReview: true, consentScore: true },
    }),
  );
const setAdvancedOptOut = (phoneNumber: string, on: boolean) =>
  platformDb(t.db, { actorUserId: null, purpose: "test" }).run((tx) =>
    tx.tenantPhoneConfig.update({ where: { phoneNumber }, data: { advancedOptOut: on } }),
  );

describe("SMS consent: review queue and other languages", () => {
  it("should flag an unsure text for staff: stored pending with its score, no consent change, no reply", async () => {
    const from = "+15555550301";
    await sms({ Body: "enough", From: from });
    const message = await messageFrom("root", from);
    expect(message.consentReview).toBe("pending");
    expect(message.consentScore).toBeGreaterThanOrEqual(0.5);
    expect(message.consentScore).toBeLessThan(0.8);
    expect(await consentOf("root", from)).toBeNull();
    await deliveriesSettled();
    expect(sentTo(from)).toHaveLength(0);
  });

  it("should keep the score on every inbound text, and no review flag on a clear one", async () => {
    const from = "+15555550302";
    await sms({ Body: "Can I stop by at 3?", From: from });
    const message = await messageFrom("root", from);
    expect(message).toEqual({ consentReview: null, consentScore: 0 });
  });

  it("should opt out a Spanish sentence, with exactly one confirmation", async () => {
    const from = "+15555550303";
    await sms({ Body: "Por favor no me manden más mensajes", From: from });
    await sms({ Body: "dame de baja", From: from });
    expect(await consentOf("root", from)).toMatchObject({ state: "opted_out", source: "free_text" });
    await deliveriesSettled();
    expect(sentTo(from)).toHaveLength(1);
    expect((await messageFrom("root", from)).consentScore).toBeGreaterThanOrEqual(0.8);
  });

  it("should confirm a Spanish keyword Twilio's default (English) filter does not know, once", async () => {
    const from = "+15555550304";
    await sms({ Body: "PARAR", From: from });
    expect(await consentOf("root", from)).toMatchObject({ state: "opted_out", source: "keyword" });
    await deliveriesSettled();
    expect(sentTo(from)).toHaveLength(1);
  });
});

describe("SMS consent: Twilio's Advanced Opt-Out answers its keywords, we stay silent", () => {
  it("should send no HELP reply when the webhook carries OptOutType=HELP", async () => {
    const from = "+15555550311";
    await sms({ Body: "HELP", From: from, OptOutType: "HELP" });
    await deliveriesSettled();
    expect(sentTo(from)).toHaveLength(0);
    // Without it (and without Advanced Opt-Out on the number) HELP is ours to answer.
    await sms({ Body: "HELP", From: from });
    await deliveriesSettled();
    expect(sentTo(from)).toHaveLength(1);
  });

  it("should record OptOutType=STOP and START from Twilio, whatever the words, and confirm nothing", async () => {
    const from = "+15555550312";
    // A keyword configured in Twilio's Advanced Opt-Out that our lexicons do not know.
    await sms({ Body: "NOPE", From: from, OptOutType: "STOP" });
    expect(await consentOf("root", from)).toMatchObject({ state: "opted_out", source: "keyword" });
    const ledger = await tenantDb(t.db, "root").run((tx) => tx.smsConsentEvent.findMany({ where: { phone: from } }));
    expect(ledger[0]!.evidence).toMatchObject({ optOutType: "STOP" });
    await sms({ Body: "ARRIBA", From: from, OptOutType: "START" });
    expect(await consentOf("root", from)).toMatchObject({ state: "opted_in" });
    await deliveriesSettled();
    expect(sentTo(from)).toHaveLength(0);
  });

  it("should revoke offers with a texted STOP, and bring back only appointment texts with START", async () => {
    const from = "+15555550313";
    const root = tenantDb(t.db, "root");
    await root.run((tx) =>
      recordMarketingConsent(tx, "root", {
        phone: from,
        state: "opted_in",
        source: "staff",
        evidence: { note: "Said yes at the counter" },
      }),
    );
    expect(await root.run((tx) => hasMarketingConsent(tx, from))).toBe(true);
    await sms({ Body: "STOP", From: from });
    expect(await consentOf("root", from)).toMatchObject({ state: "opted_out", source: "keyword" });
    expect(await root.run((tx) => tx.marketingConsent.findFirst({ where: { phone: from } }))).toMatchObject({
      state: "opted_out",
      source: "keyword",
    });
    await sms({ Body: "START", From: from });
    expect(await consentOf("root", from)).toMatchObject({ state: "opted_in" });
    expect(await root.run((tx) => hasMarketingConsent(tx, from))).toBe(false);
  });

  it("should leave HELP and localised keywords to Twilio on a number with advanced_opt_out, but still confirm free text", async () => {
    await setAdvancedOptOut(GREEN_NUMBER, true);
    try {
      const helper = "+15555550313";
      await sms({ Body: "AYUDA", From: helper, To: GREEN_NUMBER });
      const keyword = "+15555550314";
      await sms({ Body: "Arrêt", From: keyword, To: GREEN_NUMBER });
      expect(await consentOf("green-lawn", keyword)).toMatchObject({ state: "opted_out", source: "keyword" });
      // Free text never reaches Twilio's keyword filter: our one confirmation still goes out.
      const sentence = "+15555550315";
      await sms({ Body: "je ne veux plus recevoir de SMS", From: sentence, To: GREEN_NUMBER });
      await deliveriesSettled();
      expect(sentTo(helper)).toHaveLength(0);
      expect(sentTo(keyword)).toHaveLength(0);
      expect(sentTo(sentence)).toHaveLength(1);
    } finally {
      await setAdvancedOptOut(GREEN_NUMBER, false);
    }
  });
});
