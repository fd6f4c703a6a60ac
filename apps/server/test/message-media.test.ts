// A text's photos and attachments: GET /media/messages/:messageId/:index checks the session and the
// tenant, then streams the part from a fake Twilio API on 127.0.0.1 with basic auth. The route takes
// a position, never a URL; what the customer sent is shown inline only when it is a plain image.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tenantDb } from "@servicepro/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@servicepro/db/testing";
import { Hono } from "hono";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationWith, createTenant, signedInUser } from "../../../packages/api/test/telephony-fixtures.ts";
import type { HonoEnv } from "../src/app.ts";
import { messageMediaRoutes } from "../src/message-media.ts";
import type { TwilioCredentials } from "../src/twilio-media.ts";

const CREDENTIALS: TwilioCredentials = { accountSid: `AC${"b".repeat(32)}`, authToken: "test-auth-token-654321" };
const PHOTO = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7) % 256));
const MEDIA_PATH = `/2010-04-01/Accounts/${CREDENTIALS.accountSid}/Messages/MM${"1".repeat(32)}/Media`;
const PART = (n: number) => `https://api.twilio.com${MEDIA_PATH}/ME${String(n).repeat(32)}`;

describe.each(testEngines())("GET /media/messages/:messageId/:index on %s", (engine) => {
  let db: TestDatabase;
  let twilio: Server;
  let apiBaseUrl: string;
  const seen: { path: string; auth?: string | undefined }[] = [];
  let alphaCookie: string;
  let bravoCookie: string;
  let mmsId: string;
  let plainId: string;
  let strayId: string;

  function fakeTwilioMedia(): Promise<Server> {
    const server = createServer((req, res) => {
      seen.push({ path: req.url ?? "", auth: req.headers.authorization });
      const expected = `Basic ${Buffer.from(`${CREDENTIALS.accountSid}:${CREDENTIALS.authToken}`).toString("base64")}`;
      if (req.headers.authorization !== expected) return void res.writeHead(401).end();
      if (req.url === new URL(PART(1)).pathname) {
        // Twilio answers media with the file's own type; ours is what intake stored.
        res.writeHead(200, { "content-type": "image/jpeg", "content-length": String(PHOTO.length) });
        return void res.end(PHOTO);
      }
      if (req.url === new URL(PART(2)).pathname || req.url === new URL(PART(3)).pathname) {
        res.writeHead(200, { "content-type": "text/html" });
        return void res.end("<script>alert(1)</script>");
      }
      res.writeHead(404).end();
    });
    return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
  }

  function app(credentials: TwilioCredentials | null) {
    const logger = pino({ level: "silent" });
    const hono = new Hono<HonoEnv>();
    hono.use((c, next) => (c.set("logger", logger), next()));
    hono.route(
      "/media/messages",
      messageMediaRoutes({ db, logger, cookieName: "sp_session", secure: false, credentials, apiBaseUrl }),
    );
    return hono;
  }
  const get = (path: string, cookie?: string, credentials: TwilioCredentials | null = CREDENTIALS) =>
    app(credentials).request(path, cookie ? { headers: { cookie } } : {});

  beforeAll(async () => {
    db = await createTestDatabase(engine);
    twilio = await fakeTwilioMedia();
    apiBaseUrl = `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`;
    await createTenant(db, "alpha");
    await createTenant(db, "bravo");
    alphaCookie = `sp_session=${(await signedInUser(db, { tenantId: "alpha" })).token}`;
    bravoCookie = `sp_session=${(await signedInUser(db, { tenantId: "bravo" })).token}`;
    const { messageIds } = await conversationWith(db, "alpha", {
      phone: "+15555550401",
      messages: [
        { direction: "inbound", body: "", at: new Date() },
        { direction: "inbound", body: "just words", at: new Date() },
        { direction: "inbound", body: "stray", at: new Date() },
      ],
    });
    [mmsId, plainId, strayId] = messageIds as [string, string, string];
    await tenantDb(db, "alpha").run(async (tx) => {
      await tx.message.update({
        where: { tenantId_id: { tenantId: "alpha", id: mmsId } },
        data: {
          media: [
            { url: PART(1), contentType: "image/jpeg" },
            { url: PART(2), contentType: "application/pdf" },
            { url: PART(3), contentType: "image/svg+xml" },
            { url: PART(4), contentType: "image/png" },
          ],
        },
      });
      // Written some other way than intake: never fetched with our credentials.
      await tx.message.update({
        where: { tenantId_id: { tenantId: "alpha", id: strayId } },
        data: { media: [{ url: `${apiBaseUrl}${MEDIA_PATH}/ME1`, contentType: "image/jpeg" }] },
      });
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => twilio?.close(resolve));
    await db?.drop();
  });

  it("should stream a photo to staff of the message's business, fetched with basic auth", async () => {
    const res = await get(`/media/messages/${mmsId}/0`, alphaCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("content-disposition")).toBe("inline");
    expect(res.headers.get("cache-control")).toContain("private");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(PHOTO)).toBe(true);
    expect(seen.at(-1)?.path).toBe(new URL(PART(1)).pathname);
  });

  it("should offer anything but a plain image as a download, never rendered (SVG and HTML included)", async () => {
    for (const index of [1, 2]) {
      const res = await get(`/media/messages/${mmsId}/${index}`, alphaCookie);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/octet-stream");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="attachment-\d\.\w+"$/);
      expect(res.headers.get("content-security-policy")).toContain("sandbox");
      await res.arrayBuffer();
    }
  });

  it("should answer 401 signed out and 404 to another business, without asking Twilio", async () => {
    const before = seen.length;
    const anonymous = await get(`/media/messages/${mmsId}/0`);
    expect(anonymous.status).toBe(401);
    const foreign = await get(`/media/messages/${mmsId}/0`, bravoCookie);
    expect(foreign.status).toBe(404);
    expect(seen.length).toBe(before);
  });

  it("should answer 404 for a part that is not there, a plain text, or a malformed id or index", async () => {
    const before = seen.length;
    for (const path of [
      `/media/messages/${mmsId}/9`,
      `/media/messages/${mmsId}/10`,
      `/media/messages/${mmsId}/-1`,
      `/media/messages/${mmsId}/x`,
      `/media/messages/${plainId}/0`,
      `/media/messages/not-a-message/0`,
    ])
      expect((await get(path, alphaCookie)).status, path).toBe(404);
    expect(seen.length).toBe(before);
  });

  it("should say when Twilio no longer has the part", async () => {
    const res = await get(`/media/messages/${mmsId}/3`, alphaCookie);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain("no longer stored");
  });

  it("should never send the credentials to a stored address that is not Twilio's API", async () => {
    const before = seen.length;
    const res = await get(`/media/messages/${strayId}/0`, alphaCookie);
    expect(res.status).toBe(404);
    expect(seen.length).toBe(before);
  });

  it("should say credentials are missing when Twilio is not configured", async () => {
    const res = await get(`/media/messages/${mmsId}/0`, alphaCookie, null);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toContain("TWILIO_ACCOUNT_SID");
  });

  it("should refuse methods other than GET", async () => {
    const res = await app(CREDENTIALS).request(`/media/messages/${mmsId}/0`, {
      method: "DELETE",
      headers: { cookie: alphaCookie },
    });
    expect(res.status).toBe(405);
  });
});
