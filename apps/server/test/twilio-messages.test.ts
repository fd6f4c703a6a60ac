// Issue 11, messages: real Twilio traffic on the text webhooks, end to end (signed requests, real
// routes, a real database; PGlite and, with TEST_DATABASE_URL, PostgreSQL):
// - MMS parts (NumMedia, MediaUrl<i>, MediaContentType<i>) stored with the text, only from Twilio's API host;
// - webhooks from any account but ours refused (403) and stored nowhere, even when signed;
// - delivery status callbacks matched by MessageSid, the query string only a hint;
// - NUL, lone surrogates and noncharacters in the raw form replaced, the text stored, 200;
// - Twilio's documented parameter set for a 3-segment unicode text stored intact.
import { randomUUID } from "node:crypto";
import { platformDb, tenantDb } from "@servicepro/db";
import { testEngines } from "@servicepro/db/testing";
import { type FakeTwilio, startFakeTwilio } from "@servicepro/testkit";
import pino from "pino";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationWith } from "../../../packages/api/test/telephony-fixtures.ts";
import { GREEN_LAWN_ADMIN, PUBLIC_BASE_URL, startTestApp, type TestApp, TWILIO_AUTH_TOKEN } from "./harness.ts";

const ROOT_NUMBER = "+15555550100";
const GREEN_NUMBER = "+15555550101";
const SUBACCOUNT = `AC${"5".repeat(32)}`;
const STRANGER = `AC${"9".repeat(32)}`;
let counter = 0;
const hex32 = () => randomUUID().replaceAll("-", "");
const nextPhone = () => `+1555555${String(3000 + ++counter).padStart(4, "0")}`;
const mediaUrl = (sid: string, i: number) =>
  `https://api.twilio.com/2010-04-01/Accounts/AC${"0".repeat(31)}1/Messages/${sid}/Media/ME${hex32()}${i}`.slice(
    0,
    200,
  );

describe.each(testEngines())("Twilio text webhooks on %s", (engine) => {
  let t: TestApp;
  let fake: FakeTwilio;
  const logs: { level: number; msg: string; [key: string]: unknown }[] = [];

  beforeAll(async () => {
    fake = await startFakeTwilio();
    const logger = pino(
      { level: "info" },
      { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) },
    );
    t = await startTestApp(engine, { fakeTwilio: fake, logger, runWorker: false, twilioSubaccountSids: [SUBACCOUNT] });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  const counts = () =>
    platformDb(t.db, { actorUserId: null, purpose: "test.counts" }).run(async (tx) => ({
      messages: await tx.message.count(),
      calls: await tx.call.count(),
      customers: await tx.customer.count(),
      unrouted: await tx.unroutedWebhook.count(),
    }));

  const inbound = (params: Record<string, string>) => {
    const full = {
      MessageSid: `MM${hex32()}`,
      AccountSid: fake.accountSid,
      From: nextPhone(),
      To: ROOT_NUMBER,
      NumMedia: "0",
      Body: "",
      ...params,
    };
    return { params: full, send: () => t.twilioWebhook("/twilio/sms/incoming", full) };
  };

  const stored = (sid: string) =>
    platformDb(t.db, { actorUserId: null, purpose: "test.read" }).run((tx) =>
      tx.message.findFirstOrThrow({ where: { twilioSid: sid }, include: { conversation: true } }),
    );

  /** A request whose raw form body is exactly `raw`, signed over the fields it decodes to (as Twilio signs). */
  async function rawWebhook(path: string, raw: string) {
    const params = Object.fromEntries(new URLSearchParams(raw));
    const url = `${PUBLIC_BASE_URL}${path}`;
    const res = await t.app.request(path, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params),
      },
      body: raw,
    });
    if (res.ok) await t.messaging.twilioIntake.drain();
    return { status: res.status, text: await res.text() };
  }

  describe("MMS", () => {
    it("should store two parts in Twilio's order with the text, and preview the words", async () => {
      const sid = `MM${hex32()}`;
      const parts = [mediaUrl(sid, 0), mediaUrl(sid, 1)];
      const res = await inbound({
        MessageSid: sid,
        Body: "Here is the broken sprinkler",
        NumMedia: "2",
        MediaUrl0: parts[0]!,
        MediaContentType0: "image/jpeg",
        MediaUrl1: parts[1]!,
        MediaContentType1: "application/PDF",
      }).send();
      expect(res.status, res.text).toBe(200);
      const row = await stored(sid);
      expect(row.media).toEqual([
        { url: parts[0], contentType: "image/jpeg" },
        { url: parts[1], contentType: "application/pdf" },
      ]);
      expect(row.conversation.lastMessagePreview).toBe("Here is the broken sprinkler");
    });

    it("should store a media-only text (empty Body) and preview it as a photo", async () => {
      const sid = `MM${hex32()}`;
      const res = await inbound({
        MessageSid: sid,
        Body: "",
        NumMedia: "1",
        MediaUrl0: mediaUrl(sid, 0),
        MediaContentType0: "image/png",
      }).send();
      expect(res.status, res.text).toBe(200);
      const row = await stored(sid);
      expect(row.body).toBe("");
      expect(row.media).toHaveLength(1);
      expect(row.conversation.lastMessagePreview).toBe("📷 Photo");

      const video = `MM${hex32()}`;
      await inbound({
        MessageSid: video,
        NumMedia: "2",
        MediaUrl0: mediaUrl(video, 0),
        MediaContentType0: "video/mp4",
        MediaUrl1: mediaUrl(video, 1),
        MediaContentType1: "image/jpeg",
      }).send();
      expect((await stored(video)).conversation.lastMessagePreview).toBe("📎 2 attachments");
    });

    it("should store all ten parts Twilio can send, and never more than ten", async () => {
      const sid = `MM${hex32()}`;
      const fields: Record<string, string> = { MessageSid: sid, NumMedia: "10", Body: "ten photos" };
      for (let i = 0; i < 12; i++) {
        fields[`MediaUrl${i}`] = mediaUrl(sid, i);
        fields[`MediaContentType${i}`] = "image/gif";
      }
      expect((await inbound(fields).send()).status).toBe(200);
      const media = (await stored(sid)).media as { url: string }[];
      expect(media.map((m) => m.url)).toEqual(Array.from({ length: 10 }, (_, i) => fields[`MediaUrl${i}`]));
    });

    it("should drop and log parts that are not https URLs on api.twilio.com, keeping the rest", async () => {
      const sid = `MM${hex32()}`;
      const good = mediaUrl(sid, 4);
      const bogus = [
        "https://evil.example/Media/ME1",
        "http://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
        "https://api.twilio.com.evil.example/Media/ME1",
        "https://user:pass@api.twilio.com/Media/ME1",
      ];
      const fields: Record<string, string> = { MessageSid: sid, NumMedia: "6", Body: "look" };
      bogus.forEach((url, i) => {
        fields[`MediaUrl${i}`] = url;
        fields[`MediaContentType${i}`] = "image/jpeg";
      });
      fields.MediaUrl4 = good;
      fields.MediaContentType4 = "not a type";
      fields.MediaUrl5 = "javascript:alert(1)";
      fields.MediaContentType5 = "text/html";
      const res = await inbound(fields).send();
      expect(res.status, res.text).toBe(200);
      expect((await stored(sid)).media).toEqual([{ url: good, contentType: "application/octet-stream" }]);
      const warning = logs.findLast((l) => l.security === "twilio_media_dropped");
      expect(warning, "a warning names the dropped parts").toBeDefined();
      expect((warning!.parts as { index: number }[]).map((p) => p.index)).toEqual([0, 1, 2, 3, 5]);
      // The warning says where, never the credentials a URL carried.
      expect(JSON.stringify(warning)).not.toContain("pass@");
    });
  });

  describe("MMS in the inbox", () => {
    it("should give the thread our media route, never Twilio's URL, and fetch through it with the account's credentials", async () => {
      const sid = `MM${hex32()}`;
      const url = mediaUrl(sid, 0);
      await inbound({
        MessageSid: sid,
        To: GREEN_NUMBER,
        NumMedia: "1",
        MediaUrl0: url,
        MediaContentType0: "image/jpeg",
      }).send();
      const row = await stored(sid);
      const cookie = await t.signIn(GREEN_LAWN_ADMIN);
      const thread = await t.trpc("query", "tenant.inbox.thread", { conversationId: row.conversationId }, cookie);
      expect(thread.status, JSON.stringify(thread.body)).toBe(200);
      const messages = (thread.data as { messages: { id: string; media: unknown[] }[] }).messages;
      expect(messages.find((m) => m.id === row.id)?.media).toEqual([
        { url: `/media/messages/${row.id}/0`, contentType: "image/jpeg", inline: true },
      ]);
      expect(JSON.stringify(thread.body)).not.toContain("api.twilio.com");
      expect((await t.app.request(`/media/messages/${row.id}/0`)).status).toBe(401);
      // The fake Twilio checks our basic auth (401 → our 502) and has no such file (404 → our 404).
      const res = await t.app.request(`/media/messages/${row.id}/0`, { headers: { cookie } });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toContain("no longer stored at Twilio");
    });
  });

  describe("AccountSid", () => {
    it("should refuse a correctly signed webhook from another account on every route and store nothing", async () => {
      const before = await counts();
      const routes = [
        "/twilio/sms/incoming",
        "/twilio/sms/status",
        "/twilio/voice/incoming",
        "/twilio/voice/menu?mode=menu&attempt=1",
        "/twilio/voice/dial-result",
        "/twilio/voice/voicemail",
        "/twilio/voice/status",
      ];
      for (const route of routes) {
        for (const accountSid of [STRANGER, undefined, ""]) {
          const params: Record<string, string> = {
            MessageSid: `SM${hex32()}`,
            CallSid: `CA${hex32()}`,
            From: "+15555550199",
            To: ROOT_NUMBER,
            Body: "STOP",
            MessageStatus: "delivered",
            CallStatus: "ringing",
            ...(accountSid === undefined ? {} : { AccountSid: accountSid }),
          };
          const res = await t.twilioWebhook(route, params);
          expect(res.status, `${route} ${accountSid}`).toBe(403);
        }
      }
      expect(await counts()).toEqual(before);
      expect(logs.some((l) => l.security === "twilio_account_mismatch" && l.accountSid === STRANGER)).toBe(true);
    });

    it("should accept the main account and a configured subaccount", async () => {
      for (const AccountSid of [fake.accountSid, SUBACCOUNT]) {
        const { params, send } = inbound({ AccountSid, Body: "hello from a subaccount number" });
        expect((await send()).status).toBe(200);
        expect((await stored(params.MessageSid)).body).toBe("hello from a subaccount number");
      }
    });
  });

  describe("status callbacks by MessageSid", () => {
    const callback = (query: string, sid: string, status: string, extra: Record<string, string> = {}) =>
      t.twilioWebhook(`/twilio/sms/status${query}`, {
        MessageSid: sid,
        SmsSid: sid,
        MessageStatus: status,
        SmsStatus: status,
        AccountSid: fake.accountSid,
        From: ROOT_NUMBER,
        To: "+15555550123",
        ApiVersion: "2010-04-01",
        ...extra,
      });

    const outbound = async (tenantId: string, status = "queued") => {
      const { messageIds } = await conversationWith(t.db, tenantId, {
        phone: nextPhone(),
        tenantNumber: tenantId === "root" ? ROOT_NUMBER : "+15555550101",
        messages: [{ direction: "outbound", body: "Your appointment is tomorrow", at: new Date(), status }],
      });
      return tenantDb(t.db, tenantId).run((tx) => tx.message.findFirstOrThrow({ where: { id: messageIds[0]! } }));
    };
    const reload = (tenantId: string, id: string) =>
      tenantDb(t.db, tenantId).run((tx) => tx.message.findFirstOrThrow({ where: { id } }));

    it("should apply a callback with no query string at all", async () => {
      const m = await outbound("root");
      expect((await callback("", m.twilioSid!, "delivered")).status).toBe(200);
      expect((await reload("root", m.id)).status).toBe("delivered");
    });

    it("should find the message by SID when the hint names another tenant, and leave that tenant alone", async () => {
      const m = await outbound("root");
      const other = await outbound("green-lawn", "sent");
      expect(
        (await callback(`?t=green-lawn&m=${other.id}`, m.twilioSid!, "failed", { ErrorCode: "30003" })).status,
      ).toBe(200);
      expect(await reload("root", m.id)).toMatchObject({ status: "failed", errorCode: 30003 });
      const untouched = await reload("green-lawn", other.id);
      expect(untouched).toMatchObject({ status: "sent", twilioSid: other.twilioSid, errorCode: null });
      expect(untouched.statusHistory).toEqual(other.statusHistory);
    });

    it("should never touch the message a stale hint names when the SID belongs to another", async () => {
      const target = await outbound("root");
      const named = await outbound("root");
      expect((await callback(`?t=root&m=${named.id}`, target.twilioSid!, "delivered")).status).toBe(200);
      expect((await reload("root", target.id)).status).toBe("delivered");
      expect(await reload("root", named.id)).toMatchObject({ status: "queued", twilioSid: named.twilioSid });
    });

    it("should keep a callback for an unknown SID for review and change nothing, hint or not", async () => {
      const named = await outbound("green-lawn");
      for (const query of ["", `?t=green-lawn&m=${named.id}`, "?t=nobody&m=not-a-uuid", "?t=%00&m=%00"]) {
        const before = await counts();
        expect((await callback(query, `SM${hex32()}`, "delivered")).status).toBe(200);
        expect(await counts()).toEqual({ ...before, unrouted: before.unrouted + 1 });
      }
      expect(await reload("green-lawn", named.id)).toMatchObject({ status: "queued", twilioSid: named.twilioSid });
    });

    it("should let a callback that beats our own write of the SID claim the message its hint names", async () => {
      const m = await outbound("root");
      await tenantDb(t.db, "root").run((tx) =>
        tx.message.update({
          where: { tenantId_id: { tenantId: "root", id: m.id } },
          data: { twilioSid: null, status: "submitting" },
        }),
      );
      const sid = `SM${hex32()}`;
      // Without the hint nothing says which message it is: kept for review.
      const before = await counts();
      expect((await callback("", sid, "sent")).status).toBe(200);
      expect((await counts()).unrouted).toBe(before.unrouted + 1);
      // With it, the message still waiting for its SID takes it.
      expect((await callback(`?t=root&m=${m.id}`, sid, "sent")).status).toBe(200);
      expect(await reload("root", m.id)).toMatchObject({ status: "sent", twilioSid: sid });
      // A message that already has its SID is never claimed by another one.
      expect((await callback(`?t=root&m=${m.id}`, `SM${hex32()}`, "failed")).status).toBe(200);
      expect(await reload("root", m.id)).toMatchObject({ status: "sent", twilioSid: sid });
    });

    it("should move the status forward only, whatever order the callbacks arrive in, without a query string", async () => {
      const m = await outbound("root");
      for (const status of ["sent", "delivered", "sending", "queued", "sent", "undelivered"])
        expect((await callback("", m.twilioSid!, status)).status).toBe(200);
      const final = await reload("root", m.id);
      expect(final.status).toBe("delivered");
      expect((final.statusHistory as { status: string }[]).map((h) => h.status).slice(-6)).toEqual([
        "sent",
        "delivered",
        "sending",
        "queued",
        "sent",
        "undelivered",
      ]);
    });

    it("should never apply a callback to a text we received", async () => {
      const { params, send } = inbound({ MessageSid: `SM${hex32()}`, Body: "inbound" });
      await send();
      expect((await callback("", params.MessageSid, "failed")).status).toBe(200);
      expect((await stored(params.MessageSid)).status).toBe("received");
    });
  });

  describe("unstorable characters in the raw form", () => {
    const form = (fields: Record<string, string>) =>
      Object.entries(fields)
        .map(([k, v]) => `${k}=${v}`)
        .join("&");

    it("should store a Body with %00, a lone surrogate and U+FFFE with U+FFFD in their place, and answer 200", async () => {
      const sid = `SM${hex32()}`;
      const raw = form({
        ToCountry: "US",
        SmsMessageSid: sid,
        NumMedia: "0",
        SmsSid: sid,
        SmsStatus: "received",
        Body: "Need%20a%20quote%00%20for%20Tuesday%20%ED%A0%BD%20%EF%BF%BE%20ok",
        To: encodeURIComponent(ROOT_NUMBER),
        NumSegments: "1",
        MessageSid: sid,
        AccountSid: fake.accountSid,
        From: encodeURIComponent(nextPhone()),
        ProfileName: "Dana%00",
        ApiVersion: "2010-04-01",
      });
      const res = await rawWebhook("/twilio/sms/incoming", raw);
      expect(res.status, res.text).toBe(200);
      const row = await stored(sid);
      expect(row.body).not.toMatch(/\u0000|\uFFFE/);
      expect(row.body.startsWith("Need a quote\uFFFD for Tuesday ")).toBe(true);
      expect(row.body.endsWith(" \uFFFD ok")).toBe(true);
    });

    it("should store a long opt-out whose 500th character is half an emoji (kept as evidence, cut whole)", async () => {
      // The consent ledger keeps the first 500 UTF-16 units as JSON; cut inside an emoji, that is a
      // lone surrogate PostgreSQL refuses in jsonb (a 500, so a 503 to Twilio) unless cut whole.
      const body = `Please stop texting me. ${"x".repeat(499 - 24)}🌱 thanks`;
      expect(body.charCodeAt(499)).toBe(0xd83c);
      const { params, send } = inbound({ MessageSid: `SM${hex32()}`, Body: body });
      const res = await send();
      expect(res.status, res.text).toBe(200);
      expect((await stored(params.MessageSid)).body).toBe(body);
    });

    it("should accept NUL in every other field of a text, and in the status callback and its query", async () => {
      const fields = ["From", "To", "ProfileName", "MediaUrl0", "MediaContentType0", "MessagingServiceSid", "FromCity"];
      for (const field of fields) {
        const sid = `SM${hex32()}`;
        const values: Record<string, string> = {
          MessageSid: sid,
          AccountSid: fake.accountSid,
          From: encodeURIComponent(nextPhone()),
          To: encodeURIComponent(ROOT_NUMBER),
          Body: "hi",
          NumMedia: "1",
          MediaUrl0: encodeURIComponent(mediaUrl(sid, 0)),
          MediaContentType0: "image/jpeg",
          ProfileName: "Sam",
          MessagingServiceSid: `MG${hex32()}`,
          FromCity: "AUSTIN",
        };
        values[field] = `${values[field]}%00`;
        const res = await rawWebhook("/twilio/sms/incoming", form(values));
        expect(res.status, `${field}: ${res.text}`).toBe(200);
        const row = await stored(sid);
        expect(JSON.stringify(row)).not.toContain("\\u0000");
      }
      const status = await rawWebhook(
        "/twilio/sms/status?t=root%00&m=%00",
        form({ MessageSid: `SM${hex32()}%00`, MessageStatus: "delivered%00", AccountSid: fake.accountSid }),
      );
      expect(status.status, status.text).toBe(200);
    });
  });

  it("should store Twilio's documented parameter set for a 3-segment unicode text intact", async () => {
    // UCS-2 (an emoji or any non-GSM-7 character): 67 characters per segment, so 3 segments.
    const body =
      "Hola 👋 ¿pueden venir el sábado? Le jardin a besoin d'être tondu — 芝生 too. " +
      "The gate code is 4821, the dog 🐕 is friendly; please text when you are 10 minutes away. Merci ✨ 🌱🌱";
    expect(body.length).toBeGreaterThan(134);
    const sid = `SM${hex32()}`;
    const from = nextPhone();
    const params = {
      ToCountry: "US",
      ToState: "TX",
      SmsMessageSid: sid,
      NumMedia: "0",
      ToCity: "AUSTIN",
      FromZip: "78701",
      SmsSid: sid,
      FromState: "TX",
      SmsStatus: "received",
      FromCity: "AUSTIN",
      Body: body,
      FromCountry: "US",
      To: ROOT_NUMBER,
      ToZip: "78701",
      NumSegments: "3",
      ReferralNumMedia: "0",
      MessageSid: sid,
      AccountSid: fake.accountSid,
      From: from,
      ApiVersion: "2010-04-01",
    };
    const res = await t.twilioWebhook("/twilio/sms/incoming", params);
    expect(res.status, res.text).toBe(200);
    const row = await stored(sid);
    expect(row.body).toBe(body);
    expect(row.fromNumber).toBe(from);
    const preview = row.conversation.lastMessagePreview;
    expect(body.startsWith(preview) && preview.length >= 159).toBe(true);
    // A 160-unit preview that would end inside an emoji drops the half.
    const split = `${"a".repeat(159)}🌱 and more`;
    const cut = inbound({ Body: split });
    await cut.send();
    expect((await stored(cut.params.MessageSid)).conversation.lastMessagePreview).toBe("a".repeat(159));
  });
});
