// Twilio's webhooks as Twilio sends them: signed for the public URL, from our account, a new SID each.
import { randomBytes } from "node:crypto";
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, signedTwilioRequest } from "@servicepro/testkit";

/** Texts come from this many customers per called number, so conversations repeat as they do in life. */
const SENDERS_PER_NUMBER = 2_000;

/** Hex SIDs unique to this run: "SM" or "CA", a run tag and a counter (34 characters, like Twilio's). */
function sids(prefix: "SM" | "CA") {
  const tag = randomBytes(6).toString("hex");
  let n = 0;
  return () => `${prefix}${tag}${(++n).toString(16).padStart(20, "0")}`;
}

type Signed = { body: string; headers: Record<string, string>; sid: string };

function presigned(sign: () => Signed): { next(): Signed; prepare(count: number): void } {
  const ready: Signed[] = [];
  return {
    next: () => ready.pop() ?? sign(),
    prepare(count) {
      while (ready.length < count) ready.push(sign());
    },
  };
}

/**
 * Inbound texts spread over several tenants' numbers (round robin), each from one of a few thousand
 * senders. Each body carries its SID (the end-to-end figure counts them in the database).
 */
export function inboundTexts(publicBaseUrl: string, numbers: readonly string[]) {
  const nextSid = sids("SM");
  let n = 0;
  return presigned(() => {
    const sid = nextSid();
    n++;
    const to = numbers[n % numbers.length]!;
    const sender = Math.floor(n / numbers.length) % SENDERS_PER_NUMBER;
    const { init } = signedTwilioRequest({
      publicBaseUrl,
      path: "/twilio/sms/incoming",
      params: {
        MessageSid: sid,
        SmsSid: sid,
        AccountSid: FAKE_ACCOUNT_SID,
        From: `+1512${String(n % numbers.length).padStart(3, "0")}${String(sender).padStart(4, "0")}`,
        To: to,
        Body: "Do you have an opening Saturday morning?",
        NumMedia: "0",
        NumSegments: "1",
        SmsStatus: "received",
        ApiVersion: "2010-04-01",
      },
      authToken: FAKE_AUTH_TOKEN,
    });
    return { body: String(init.body), headers: init.headers as Record<string, string>, sid };
  });
}

/** A new inbound call to `to` per request, as Twilio's first voice webhook. */
export function incomingCalls(publicBaseUrl: string, to: string) {
  const nextSid = sids("CA");
  let n = 0;
  return presigned(() => {
    const sid = nextSid();
    n++;
    const { init } = signedTwilioRequest({
      publicBaseUrl,
      path: "/twilio/voice/incoming",
      params: {
        CallSid: sid,
        AccountSid: FAKE_ACCOUNT_SID,
        From: `+1737555${String(n % 10_000).padStart(4, "0")}`,
        To: to,
        CallStatus: "ringing",
        Direction: "inbound",
        ApiVersion: "2010-04-01",
      },
      authToken: FAKE_AUTH_TOKEN,
    });
    return { body: String(init.body), headers: init.headers as Record<string, string>, sid };
  });
}
