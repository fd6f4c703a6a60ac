/**
 * A fake of Twilio's REST API (the Messages resource) on 127.0.0.1, for the real `twilio` SDK to
 * talk to in tests. It checks HTTP basic auth like Twilio, answers in Twilio's JSON shapes, keeps
 * every created message, and can be told to fail: a 4xx with a Twilio error code, a 5xx, a delay,
 * or "create the message, then drop the connection" (the worst case for exactly-once delivery).
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMessage = {
  sid: string;
  accountSid: string;
  from: string;
  to: string;
  body: string;
  statusCallback: string | null;
  status: string;
  dateCreated: Date;
};

export type FakeFailure =
  | { kind: "error"; status: number; code: number; message?: string }
  /** Twilio creates the message but the answer never arrives (the socket is destroyed). */
  | { kind: "drop_after_create" }
  | { kind: "delay"; ms: number };

/** A number on the fake account (IncomingPhoneNumbers), with the webhooks it was given. */
export type FakeIncomingNumber = {
  sid: string;
  phoneNumber: string;
  voiceUrl: string | null;
  smsUrl: string | null;
  statusCallback: string | null;
};

export type FakeTwilio = {
  /** Numbers the fake offers for purchase (AvailablePhoneNumbers/US/Local). */
  available: { phoneNumber: string; locality: string; region: string }[];
  /** Numbers bought or already on the account. */
  incoming: FakeIncomingNumber[];
  /** e.g. http://127.0.0.1:40123, for TWILIO_API_BASE_URL. */
  baseUrl: string;
  accountSid: string;
  authToken: string;
  messages: FakeMessage[];
  /** How many create requests arrived (including failed ones). */
  createRequests: number;
  /** Applies the failures in order to the next create requests. */
  failNext(...failures: FakeFailure[]): void;
  /**
   * Keeps an MMS part for GET (with basic auth, like Twilio) and returns its public URL, the
   * `MediaUrl<i>` Twilio puts in the webhook (https://api.twilio.com/…/Messages/MM…/Media/ME…).
   */
  addMedia(messageSid: string, contentType: string, body: Uint8Array): string;
  /** Call recordings on the account (RE… SIDs); DELETE /Recordings/RE….json removes one (404 if absent). */
  recordings: Set<string>;
  /** Recording SIDs deleted through the API, in order. */
  deletedRecordings: string[];
  close(): Promise<void>;
};

export const FAKE_ACCOUNT_SID = `AC${"0".repeat(31)}1`;
export const FAKE_AUTH_TOKEN = "fake-twilio-auth-token-for-tests";

const incomingJson = (n: FakeIncomingNumber) => ({
  sid: n.sid,
  phone_number: n.phoneNumber,
  friendly_name: n.phoneNumber,
  voice_url: n.voiceUrl,
  sms_url: n.smsUrl,
  status_callback: n.statusCallback,
  capabilities: { voice: true, sms: true, mms: true },
});

const toJson = (m: FakeMessage) => ({
  sid: m.sid,
  account_sid: m.accountSid,
  from: m.from,
  to: m.to,
  body: m.body,
  status: m.status,
  num_segments: "1",
  direction: "outbound-api",
  date_created: m.dateCreated.toUTCString(),
  date_updated: m.dateCreated.toUTCString(),
  date_sent: null,
  error_code: null,
  error_message: null,
  uri: `/2010-04-01/Accounts/${m.accountSid}/Messages/${m.sid}.json`,
});

export async function startFakeTwilio(options: { accountSid?: string; authToken?: string } = {}): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? FAKE_ACCOUNT_SID;
  const authToken = options.authToken ?? FAKE_AUTH_TOKEN;
  const failures: FakeFailure[] = [];
  const state: Pick<FakeTwilio, "messages" | "createRequests" | "available" | "incoming"> = {
    messages: [],
    createRequests: 0,
    available: [
      { phoneNumber: "+15125550111", locality: "Austin", region: "TX" },
      { phoneNumber: "+15125550112", locality: "Austin", region: "TX" },
      { phoneNumber: "+12145550113", locality: "Dallas", region: "TX" },
    ],
    incoming: [],
  };
  /** MMS parts by path (/2010-04-01/Accounts/AC…/Messages/MM…/Media/ME…). */
  const media = new Map<string, { contentType: string; body: Uint8Array }>();
  const recordings = new Set<string>();
  const deletedRecordings: string[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      let data = "";
      req.on("data", (chunk: Buffer) => (data += chunk.toString("utf8")));
      req.on("end", () => resolve(data));
      req.on("error", reject);
    });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.headers.authorization !== expectedAuth)
      return send(res, 401, { code: 20003, message: "Authenticate", status: 401 });
    const account = `/2010-04-01/Accounts/${accountSid}`;
    if (url.pathname.startsWith(`${account}/AvailablePhoneNumbers/US/Local.json`) && req.method === "GET") {
      const areaCode = url.searchParams.get("AreaCode");
      const list = state.available
        .filter((n) => !areaCode || n.phoneNumber.startsWith(`+1${areaCode}`))
        .filter((n) => !state.incoming.some((i) => i.phoneNumber === n.phoneNumber));
      return send(res, 200, {
        available_phone_numbers: list.map((n) => ({
          phone_number: n.phoneNumber,
          friendly_name: n.phoneNumber,
          locality: n.locality,
          region: n.region,
          iso_country: "US",
          capabilities: { voice: true, SMS: true, MMS: true },
        })),
        uri: url.pathname,
      });
    }
    if (url.pathname === `${account}/IncomingPhoneNumbers.json`) {
      if (req.method === "GET") {
        const phone = url.searchParams.get("PhoneNumber");
        const list = state.incoming.filter((n) => !phone || n.phoneNumber === phone);
        return send(res, 200, {
          incoming_phone_numbers: list.map(incomingJson),
          page: 0,
          page_size: 50,
          next_page_uri: null,
          uri: url.pathname,
          start: 0,
          end: Math.max(list.length - 1, 0),
        });
      }
      const form = new URLSearchParams(await readBody(req));
      const phoneNumber = form.get("PhoneNumber");
      if (!phoneNumber || state.incoming.some((n) => n.phoneNumber === phoneNumber))
        return send(res, 400, { code: 21422, message: "PhoneNumber is not available", status: 400 });
      const number: FakeIncomingNumber = {
        sid: `PN${randomBytes(16).toString("hex")}`,
        phoneNumber,
        voiceUrl: form.get("VoiceUrl"),
        smsUrl: form.get("SmsUrl"),
        statusCallback: form.get("StatusCallback"),
      };
      state.incoming.push(number);
      return send(res, 201, incomingJson(number));
    }
    const incomingMatch = new RegExp(`^${account}/IncomingPhoneNumbers/(PN[0-9a-f]{32})\\.json$`).exec(url.pathname);
    if (incomingMatch && req.method === "POST") {
      const number = state.incoming.find((n) => n.sid === incomingMatch[1]);
      if (!number) return send(res, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
      const form = new URLSearchParams(await readBody(req));
      number.voiceUrl = form.get("VoiceUrl") ?? number.voiceUrl;
      number.smsUrl = form.get("SmsUrl") ?? number.smsUrl;
      number.statusCallback = form.get("StatusCallback") ?? number.statusCallback;
      return send(res, 200, incomingJson(number));
    }
    const recordingMatch = new RegExp(`^${account}/Recordings/(RE[0-9a-zA-Z]+)\\.json$`).exec(url.pathname);
    if (recordingMatch?.[1] && req.method === "DELETE") {
      if (!recordings.delete(recordingMatch[1]))
        return send(res, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
      deletedRecordings.push(recordingMatch[1]);
      res.writeHead(204);
      return void res.end();
    }
    const part = media.get(url.pathname);
    if (part && req.method === "GET") {
      res.writeHead(200, { "content-type": part.contentType, "content-length": part.body.byteLength });
      return void res.end(part.body);
    }
    const collection = `${account}/Messages.json`;
    if (url.pathname !== collection)
      return send(res, 404, { code: 20404, message: "The requested resource was not found", status: 404 });

    if (req.method === "POST") {
      state.createRequests++;
      const form = new URLSearchParams(await readBody(req));
      const failure = failures.shift();
      if (failure?.kind === "delay") await new Promise((r) => setTimeout(r, failure.ms));
      if (failure?.kind === "error")
        return send(res, failure.status, {
          code: failure.code,
          message: failure.message ?? `Fake Twilio error ${failure.code}`,
          more_info: `https://www.twilio.com/docs/errors/${failure.code}`,
          status: failure.status,
        });
      const to = form.get("To");
      const from = form.get("From");
      const body = form.get("Body");
      if (!to || !from || !body)
        return send(res, 400, { code: 21604, message: "A 'To', 'From' and 'Body' are required", status: 400 });
      const message: FakeMessage = {
        sid: `SM${randomBytes(16).toString("hex")}`,
        accountSid,
        from,
        to,
        body,
        statusCallback: form.get("StatusCallback"),
        status: "queued",
        dateCreated: new Date(),
      };
      state.messages.push(message);
      if (failure?.kind === "drop_after_create") return void res.socket?.destroy();
      return send(res, 201, toJson(message));
    }
    if (req.method === "GET") {
      const to = url.searchParams.get("To");
      const from = url.searchParams.get("From");
      const list = state.messages.filter((m) => (!to || m.to === to) && (!from || m.from === from));
      return send(res, 200, {
        messages: list.map(toJson),
        page: 0,
        page_size: 50,
        first_page_uri: `${collection}?PageSize=50&Page=0`,
        next_page_uri: null,
        previous_page_uri: null,
        uri: `${collection}?PageSize=50&Page=0`,
        start: 0,
        end: Math.max(list.length - 1, 0),
      });
    }
    return send(res, 405, { code: 20004, message: "Method not allowed", status: 405 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    get messages() {
      return state.messages;
    },
    get createRequests() {
      return state.createRequests;
    },
    available: state.available,
    incoming: state.incoming,
    failNext: (...next) => void failures.push(...next),
    recordings,
    deletedRecordings,
    addMedia: (messageSid, contentType, body) => {
      const path = `/2010-04-01/Accounts/${accountSid}/Messages/${messageSid}/Media/ME${randomBytes(16).toString("hex")}`;
      media.set(path, { contentType, body });
      return `https://api.twilio.com${path}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
