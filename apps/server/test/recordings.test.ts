// Voicemail playback: GET /media/recordings/:callId checks the session, then streams the
// recording from a fake Twilio on 127.0.0.1 with basic auth, passing Range through.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createTestDatabase, defaultEngine, type TestDatabase } from "@servicepro/db/testing";
import { Hono } from "hono";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRow, createTenant, signedInUser } from "../../../packages/api/test/telephony-fixtures.ts";
import type { HonoEnv } from "../src/app.ts";
import { recordingRoutes } from "../src/recordings.ts";
import type { TwilioCredentials } from "../src/twilio-media.ts";

const CREDENTIALS: TwilioCredentials = { accountSid: `AC${"a".repeat(32)}`, authToken: "test-auth-token-123456" };
const AUDIO = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

let db: TestDatabase;
let twilio: Server;
let twilioOrigin: string;
const seen: { path: string; auth?: string; range?: string }[] = [];
let alphaCookie: string;
let bravoCookie: string;
let voicemailId: string;
let noRecordingId: string;
let elsewhereId: string;

function fakeTwilio(): Promise<Server> {
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", auth: req.headers.authorization, range: req.headers.range });
    const expected = `Basic ${Buffer.from(`${CREDENTIALS.accountSid}:${CREDENTIALS.authToken}`).toString("base64")}`;
    if (req.headers.authorization !== expected) return void res.writeHead(401).end();
    if (req.url !== "/Recordings/RE1.mp3") return void res.writeHead(404).end();
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
    if (range) {
      const [start, end] = [Number(range[1]), Number(range[2])];
      res.writeHead(206, {
        "content-type": "audio/mpeg",
        "content-range": `bytes ${start}-${end}/${AUDIO.length}`,
        "accept-ranges": "bytes",
      });
      return void res.end(AUDIO.subarray(start, end + 1));
    }
    res.writeHead(200, {
      "content-type": "audio/mpeg",
      "content-length": String(AUDIO.length),
      "accept-ranges": "bytes",
    });
    res.end(AUDIO);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function app(credentials: TwilioCredentials | null) {
  const logger = pino({ level: "silent" });
  const hono = new Hono<HonoEnv>();
  hono.use((c, next) => (c.set("logger", logger), next()));
  hono.route(
    "/media/recordings",
    recordingRoutes({
      db,
      logger,
      cookieName: "sp_session",
      secure: false,
      credentials,
      allowedOrigins: [twilioOrigin],
    }),
  );
  return hono;
}

beforeAll(async () => {
  db = await createTestDatabase(defaultEngine());
  twilio = await fakeTwilio();
  twilioOrigin = `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`;
  await createTenant(db, "alpha");
  await createTenant(db, "bravo");
  alphaCookie = `sp_session=${(await signedInUser(db, { tenantId: "alpha" })).token}`;
  bravoCookie = `sp_session=${(await signedInUser(db, { tenantId: "bravo" })).token}`;
  voicemailId = (
    await callRow(db, "alpha", {
      from: "+15555550301",
      at: new Date(),
      outcome: "voicemail",
      recordingUrl: `${twilioOrigin}/Recordings/RE1`,
    })
  ).id;
  noRecordingId = (await callRow(db, "alpha", { from: "+15555550302", at: new Date(), outcome: "answered" })).id;
  elsewhereId = (
    await callRow(db, "alpha", {
      from: "+15555550303",
      at: new Date(),
      outcome: "voicemail",
      recordingUrl: "https://attacker.example/rec",
    })
  ).id;
});
afterAll(async () => {
  await new Promise((resolve) => twilio?.close(resolve));
  await db?.drop();
});

describe("GET /media/recordings/:callId", () => {
  it("should stream the recording to staff of the call's business with basic auth", async () => {
    const res = await app(CREDENTIALS).request(`/media/recordings/${voicemailId}`, {
      headers: { cookie: alphaCookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    expect(res.headers.get("cache-control")).toContain("private");
    expect(Buffer.from(await res.arrayBuffer()).equals(AUDIO)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ path: "/Recordings/RE1.mp3" });
  });

  it("should pass a Range request through so the player can seek", async () => {
    const res = await app(CREDENTIALS).request(`/media/recordings/${voicemailId}`, {
      headers: { cookie: alphaCookie, range: "bytes=10-19" },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe("bytes 10-19/1000");
    expect(Buffer.from(await res.arrayBuffer()).equals(AUDIO.subarray(10, 20))).toBe(true);
  });

  it("should refuse anonymous callers and hide other businesses' calls", async () => {
    const before = seen.length;
    expect((await app(CREDENTIALS).request(`/media/recordings/${voicemailId}`)).status).toBe(401);
    const foreign = await app(CREDENTIALS).request(`/media/recordings/${voicemailId}`, {
      headers: { cookie: bravoCookie },
    });
    expect(foreign.status).toBe(404);
    expect(seen.length).toBe(before);
  });

  it("should answer 404 for a call without a voicemail or a malformed id", async () => {
    expect(
      (await app(CREDENTIALS).request(`/media/recordings/${noRecordingId}`, { headers: { cookie: alphaCookie } }))
        .status,
    ).toBe(404);
    expect(
      (await app(CREDENTIALS).request(`/media/recordings/not-a-call`, { headers: { cookie: alphaCookie } })).status,
    ).toBe(404);
  });

  it("should say credentials are missing when Twilio is not configured", async () => {
    const res = await app(null).request(`/media/recordings/${voicemailId}`, { headers: { cookie: alphaCookie } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain("TWILIO_ACCOUNT_SID");
  });

  it("should never send the credentials to a host that is not Twilio", async () => {
    const res = await app(CREDENTIALS).request(`/media/recordings/${elsewhereId}`, {
      headers: { cookie: alphaCookie },
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain("not a Twilio recording");
  });
});
