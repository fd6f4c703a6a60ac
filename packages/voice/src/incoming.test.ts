import type { Database } from "@servicepro/db";
import type { IvrSnapshot, RoutingSnapshot } from "@servicepro/routing";
import type { IntakeDeps } from "@servicepro/sms";
import { answerIncomingCall } from "@servicepro/telephony";
import { describe, expect, it } from "vitest";
import { numberContextOf } from "./calls.ts";
import { answerVoiceIncoming } from "./incoming.ts";

const NUMBER = "+15555550101";
const ivr: IvrSnapshot = {
  tenant: { name: "Green Lawn", slug: "green-lawn", planTier: "pro", status: "active", timezone: "America/Chicago" },
  config: {
    ivrMode: "forward",
    forwardTo: "+15555550191",
    greeting: null,
    afterHoursMode: "voicemail",
    voicemailEnabled: true,
    bookingUrl: null,
    address: null,
    missedCallTextEnabled: false,
    missedCallText: null,
    missedCallTextWindowMinutes: 240,
  },
  hours: { mon: [["08:00", "17:00"]] },
  closedDates: [],
  faqs: [],
};

/** Deps whose database fails every use: a warm answer must not touch it. */
function deps(now: () => Date): IntakeDeps {
  const routing: RoutingSnapshot = {
    route: async (address) =>
      address.to === NUMBER
        ? { kind: "tenant", tenantId: "green-lawn", phoneNumber: NUMBER, matchedBy: "number", routedByFallback: false }
        : { kind: "quarantine", reason: "unknown" },
    ivr: async () => ivr,
    settled: async () => undefined,
    close: () => undefined,
  };
  const db = new Proxy({} as Database, {
    get: (_target, key) => {
      throw new Error(`the database was used: ${String(key)}`);
    },
  });
  return { db, routing, now, publicBaseUrl: "https://app.example", unroutedPolicy: "quarantine" } as IntakeDeps;
}

const call = (callSid: string) => ({ CallSid: callSid, From: "+15555550142", To: NUMBER, Direction: "inbound" });

describe("answerVoiceIncoming", () => {
  // Monday 2026-11-30: 10:00 and 20:00 in Chicago (16:00 and 02:00 UTC next day).
  const open = new Date("2026-11-30T16:00:00Z");
  const closed = new Date("2026-12-01T02:00:00Z");

  it("answers from the snapshot without the database, as answerIncomingCall would, open or closed", async () => {
    let now = open;
    const d = deps(() => now);
    const fresh = (at: Date) => answerIncomingCall({ ...numberContextOf(d, ivr), now: at });
    const a = await answerVoiceIncoming(d, call("CA1"));
    expect(a.twiml).toBe(fresh(open).twiml);
    expect(a.record).toEqual({
      kind: "call",
      tenantId: "green-lawn",
      phoneNumber: NUMBER,
      routedByFallback: false,
      parentCallSid: null,
      mode: "forward",
    });
    // The same snapshot entry a few hours later: the mode follows the clock, not what was answered before.
    now = closed;
    const b = await answerVoiceIncoming(d, call("CA2"));
    expect(b.twiml).toBe(fresh(closed).twiml);
    expect(b.twiml).not.toBe(a.twiml);
    expect(b.record).toMatchObject({ kind: "call", mode: "voicemail" });
    now = open;
    expect((await answerVoiceIncoming(d, call("CA3"))).twiml).toBe(a.twiml);
  });

  it("hands a call to a number nobody has to the database route (a known call keeps its tenant there)", async () => {
    const d = deps(() => open);
    await expect(answerVoiceIncoming(d, { ...call("CA4"), To: "+15555550999" })).rejects.toThrow(
      "the database was used",
    );
  });
});
