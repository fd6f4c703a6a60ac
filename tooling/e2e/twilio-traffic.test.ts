// Issue 11's screens on a phone (390 × 844), fed by real Twilio traffic: every text and call below
// arrives as Twilio sends it (its documented parameters, signed with X-Twilio-Signature) over HTTP
// at the running server's webhook endpoints, and a fake Twilio on 127.0.0.1 holds the MMS photos
// behind basic auth. Staff then see and act on it: photos in the thread, the opt-out review queue,
// a plain-language opt-out in Spanish, and withheld, named and forwarded callers in the calls log.
import { randomBytes } from "node:crypto";
import { crc32, deflateSync } from "node:zlib";
import { GREEN_LAWN_ADMIN, PUBLIC_BASE_URL } from "@servicepro/server/testing";
import { type FakeTwilio, signedTwilioRequest, startFakeTwilio } from "@servicepro/testkit";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signIn } from "./browser.ts";
import { startServer } from "./server.ts";

/** Green Lawn's Twilio number (seeded); it forwards calls to the business's phone. */
const GREEN_NUMBER = "+15555550101";
const WIDTH = 390;
const API_VERSION = "2010-04-01";

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let fake: FakeTwilio;

beforeAll(async () => {
  fake = await startFakeTwilio();
  [server, browser] = await Promise.all([startServer({ fakeTwilio: fake }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

const sid = (prefix: "SM" | "MM" | "CA" | "RE" | "TR") => `${prefix}${randomBytes(16).toString("hex")}`;

/** POSTs a webhook to the running server over HTTP, signed for the public URL as Twilio signs it. */
async function webhook(path: string, params: Record<string, string>): Promise<string> {
  const { init } = signedTwilioRequest({ publicBaseUrl: PUBLIC_BASE_URL, path, params, authToken: fake.authToken });
  const res = await fetch(`${server.url}${path}`, init);
  const text = await res.text();
  expect(res.status, `${path}: ${text}`).toBe(200);
  return text;
}

/**
 * An incoming text or MMS with Twilio's documented Messaging parameters; each part of `media` is
 * kept on the fake Twilio under this message's sid, and its URL sent as MediaUrl<i>.
 */
function text(from: string, body: string, media: { contentType: string; bytes: Uint8Array }[] = []) {
  const MessageSid = media.length > 0 ? sid("MM") : sid("SM");
  const params: Record<string, string> = {
    ToCountry: "US",
    ToState: "TX",
    SmsMessageSid: MessageSid,
    NumMedia: String(media.length),
    ToCity: "AUSTIN",
    FromZip: "78701",
    SmsSid: MessageSid,
    FromState: "TX",
    SmsStatus: "received",
    FromCity: "AUSTIN",
    Body: body,
    FromCountry: "US",
    To: GREEN_NUMBER,
    MessagingServiceSid: `MG${"1".repeat(32)}`,
    ToZip: "78701",
    NumSegments: "1",
    MessageSid,
    AccountSid: fake.accountSid,
    From: from,
    ApiVersion: API_VERSION,
  };
  media.forEach((part, i) => {
    params[`MediaUrl${i}`] = fake.addMedia(MessageSid, part.contentType, part.bytes);
    params[`MediaContentType${i}`] = part.contentType;
  });
  return webhook("/twilio/sms/incoming", params);
}

/** A real PNG photo, `width` × `height`, one colour. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0x3a, 0x9d, 0x23]))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Twilio's Voice request parameters for a call to Green Lawn. */
const voice = (CallSid: string, From: string, over: Record<string, string> = {}): Record<string, string> => ({
  AccountSid: fake.accountSid,
  ApiVersion: API_VERSION,
  CallSid,
  From,
  To: GREEN_NUMBER,
  Caller: From,
  Called: GREEN_NUMBER,
  Direction: "inbound",
  CallStatus: "ringing",
  FromCountry: "US",
  ToCountry: "US",
  ...over,
});

const phonePage = async (): Promise<Page> => {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
  });
  return context.newPage();
};

/** The page is no wider than the phone's screen (nothing overflows sideways). */
async function expectFits(page: Page, screen: string): Promise<void> {
  // Let late layout (images, lazily loaded chunks) settle before measuring.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${screen}: page width`).toBeLessThanOrEqual(WIDTH);
}

async function openInbox(page: Page): Promise<void> {
  await signIn(page, `${server.url}/app/inbox`, GREEN_LAWN_ADMIN);
  await page.getByRole("heading", { name: "Inbox" }).waitFor();
  await page.getByText("Live", { exact: true }).waitFor();
}

/** The conversation's entry in the list; its accessible name carries unread, opted out and needs review. */
const conversation = (page: Page, label: string | RegExp): Locator =>
  page.getByRole("navigation", { name: "Conversations" }).getByRole("button", { name: label });

/**
 * The width `img` decoded to once the browser is done with it (0 when it failed to load). It loads
 * lazily, so it is scrolled into view first.
 */
async function decodedWidth(img: Locator): Promise<number> {
  await img.scrollIntoViewIfNeeded();
  const handle = await img.elementHandle();
  await img.page().waitForFunction((el) => el instanceof HTMLImageElement && el.complete, handle);
  return img.evaluate((el) => (el as HTMLImageElement).naturalWidth);
}

describe("Twilio traffic on staff screens at 390 px", () => {
  it("should show an MMS photo and a media-only text's photo in the thread, loaded through /media/messages", async () => {
    const customer = "+15555550471";
    const photo = { contentType: "image/png", bytes: png(64, 48) };
    await text(customer, "Here's the brown patch by the fence", [photo]);
    // Media only: Twilio sends an empty Body.
    await text(customer, "", [photo]);

    const page = await phonePage();
    await openInbox(page);
    await conversation(page, /^\(555\) 555-0471, 2 unread/).click();
    const thread = page.getByRole("list", { name: "Messages with (555) 555-0471" });
    await thread.getByText("Here's the brown patch by the fence").waitFor();
    const photos = thread.getByRole("img", { name: "Photo from (555) 555-0471" });
    await expect.poll(() => photos.count()).toBe(2);
    for (const img of await photos.all()) {
      expect(await img.getAttribute("src")).toMatch(/^\/media\/messages\/[0-9a-f-]{36}\/0$/);
      expect(await decodedWidth(img)).toBe(64);
    }
    await expectFits(page, "inbox thread with photos");
    await page.context().close();
  });

  it("should flag unsure texts for review, and let staff dismiss one and opt the number out on another", async () => {
    const customer = "+15555550472";
    const who = "(555) 555-0472";
    await text(customer, "not interested");

    const page = await phonePage();
    await openInbox(page);
    const item = conversation(page, new RegExp(`^\\(555\\) 555-0472.*, needs review: `));
    await item.getByText("Needs review", { exact: true }).waitFor();
    await expectFits(page, "inbox with a text needing review");
    await item.click();
    const thread = page.getByRole("list", { name: `Messages with ${who}` });
    const banner = thread.getByRole("status").filter({ hasText: "This text may be asking to stop texts." });
    await banner.waitFor();
    await expectFits(page, "thread with the review banner");

    await banner.getByRole("button", { name: "Not an opt-out" }).click();
    await banner.waitFor({ state: "detached" });
    const plain = conversation(page, new RegExp(`^\\(555\\) 555-0472(, 1 unread)?: not interested$`));
    await plain.waitFor();
    expect(await plain.getByText("Needs review", { exact: true }).count()).toBe(0);
    expect(await thread.getByRole("button", { name: "Opt out this number" }).count()).toBe(0);

    // Another unsure text arrives while the thread is open: the live feed brings it and its banner.
    await text(customer, "why do you keep texting me");
    const again = thread.getByRole("listitem").filter({ hasText: "why do you keep texting me" });
    await again.getByText("This text may be asking to stop texts.").waitFor();
    await again.getByRole("button", { name: "Opt out this number" }).click();
    await page.getByText("This customer opted out of texts").waitFor();
    await conversation(page, /, opted out: /)
      .filter({ hasText: who })
      .getByText("Opted out", { exact: true })
      .waitFor();
    expect(await page.getByText("This text may be asking to stop texts.").count()).toBe(0);
    await expectFits(page, "thread after opting out");
    await page.context().close();
  });

  it("should opt out a customer who asks in plain Spanish", async () => {
    await text("+15555550473", "por favor ya no me manden mensajes");
    const page = await phonePage();
    await openInbox(page);
    const item = conversation(page, /^\(555\) 555-0473.*, opted out: /);
    await item.getByText("Opted out", { exact: true }).waitFor();
    await item.click();
    await page.getByText("This customer opted out of texts").waitFor();
    await page
      .getByRole("list", { name: "Messages with (555) 555-0473" })
      .getByText("por favor ya no me manden mensajes")
      .waitFor();
    expect(await page.getByText("This text may be asking to stop texts.").count()).toBe(0);
    await expectFits(page, "thread of a Spanish opt-out");
    await page.context().close();
  });

  it("should show a withheld caller's voicemail as a private number, and a caller's name and forwarding number", async () => {
    // "Anonymous" calls, nobody answers the forwarded leg, the caller leaves a voicemail; then
    // Twilio's recording status and transcription callbacks.
    const anonymous = sid("CA");
    await webhook("/twilio/voice/incoming", voice(anonymous, "Anonymous"));
    await webhook(
      "/twilio/voice/dial-result",
      voice(anonymous, "Anonymous", { CallStatus: "in-progress", DialCallStatus: "no-answer" }),
    );
    const RecordingSid = sid("RE");
    const RecordingUrl = `https://api.twilio.com/${API_VERSION}/Accounts/${fake.accountSid}/Recordings/${RecordingSid}`;
    await webhook(
      "/twilio/voice/voicemail",
      voice(anonymous, "Anonymous", {
        CallStatus: "completed",
        RecordingSid,
        RecordingUrl,
        RecordingDuration: "7",
        Digits: "hangup",
      }),
    );
    await webhook("/twilio/voice/voicemail", {
      AccountSid: fake.accountSid,
      CallSid: anonymous,
      RecordingSid,
      RecordingUrl,
      RecordingStatus: "completed",
      RecordingDuration: "7",
      RecordingChannels: "1",
      RecordingStartTime: "Wed, 02 Dec 2026 15:00:00 +0000",
      RecordingSource: "RecordVerb",
      RecordingTrack: "both",
      ErrorCode: "0",
    });
    const said = "Hi, I'd like a quote for trimming the hedges, I'll call again.";
    await webhook("/twilio/voice/voicemail", {
      AccountSid: fake.accountSid,
      ApiVersion: API_VERSION,
      CallSid: anonymous,
      RecordingSid,
      RecordingUrl,
      TranscriptionSid: sid("TR"),
      TranscriptionText: said,
      TranscriptionStatus: "completed",
      TranscriptionUrl: `https://api.twilio.com/${API_VERSION}/Accounts/${fake.accountSid}/Transcriptions/TR1`,
      TranscriptionType: "fast",
      CallStatus: "completed",
    });

    // A caller the carrier names, forwarded to Green Lawn's number from another line.
    const named = sid("CA");
    const extra = { CallerName: "Maria Callwell", ForwardedFrom: "+15550100000" };
    await webhook("/twilio/voice/incoming", voice(named, "+15555550474", extra));
    await webhook(
      "/twilio/voice/dial-result",
      voice(named, "+15555550474", { ...extra, CallStatus: "in-progress", DialCallStatus: "completed" }),
    );

    const page = await phonePage();
    await signIn(page, `${server.url}/app/calls`, GREEN_LAWN_ADMIN);
    await page.getByRole("heading", { name: "Calls" }).waitFor();
    const withheld = page.getByRole("row").filter({ hasText: `“${said}”` });
    await withheld.getByText("Private number", { exact: true }).first().waitFor();
    await withheld.getByText("Voicemail", { exact: true }).first().waitFor();
    const forwarded = page.getByRole("row").filter({ hasText: "Maria Callwell" });
    await forwarded.getByText("Maria Callwell · forwarded from (555) 010-0000", { exact: true }).waitFor();
    await forwarded.getByText("(555) 555-0474", { exact: true }).waitFor();
    await expectFits(page, "calls log");
    await page.context().close();
  });
});
