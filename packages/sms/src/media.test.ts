import { describe, expect, it } from "vitest";
import { isTwilioMediaUrl, mediaPreview, mimeTypeOf, parseMessageMedia, truncateText } from "./media.ts";

const URL0 = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME0";
const URL1 = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";

describe("parseMessageMedia", () => {
  it("should read parts below NumMedia only, in order", () => {
    const { media, dropped } = parseMessageMedia({
      NumMedia: "1",
      MediaUrl0: URL0,
      MediaContentType0: "image/jpeg",
      MediaUrl1: URL1,
      MediaContentType1: "image/png",
    });
    expect(media).toEqual([{ url: URL0, contentType: "image/jpeg" }]);
    expect(dropped).toEqual([]);
  });

  it("should read the parts present when NumMedia is missing or not a number, never more than ten", () => {
    const fields: Record<string, string> = { NumMedia: "lots" };
    for (let i = 0; i < 12; i++) fields[`MediaUrl${i}`] = `${URL0}${i}`;
    expect(parseMessageMedia(fields).media).toHaveLength(10);
    expect(parseMessageMedia({ MediaUrl0: URL0, MediaContentType0: "image/gif" }).media).toHaveLength(1);
    expect(parseMessageMedia({ NumMedia: "0", MediaUrl0: URL0 }).media).toEqual([]);
  });

  it("should report a part NumMedia promised but did not send", () => {
    expect(parseMessageMedia({ NumMedia: "2", MediaUrl0: URL0, MediaContentType0: "image/jpeg" }).dropped).toEqual([
      { index: 1, reason: "missing MediaUrl" },
    ]);
  });

  it("should keep a Twilio URL with an unreadable type as a download", () => {
    const { media, untyped } = parseMessageMedia({ NumMedia: "1", MediaUrl0: URL0, MediaContentType0: "<b>" });
    expect(media).toEqual([{ url: URL0, contentType: "application/octet-stream" }]);
    expect(untyped).toEqual([0]);
  });
});

describe("isTwilioMediaUrl", () => {
  it.each([
    [URL0, true],
    ["http://api.twilio.com/x", false],
    ["https://api.twilio.com:8443/x", false],
    ["https://a:b@api.twilio.com/x", false],
    ["https://api.twilio.com.evil.example/x", false],
    ["https://media.twiliocdn.com/x", false],
    ["//api.twilio.com/x", false],
    ["not a url", false],
  ])("%s → %s", (url, ok) => expect(isTwilioMediaUrl(url)).toBe(ok));
});

describe("mimeTypeOf", () => {
  it.each([
    ["image/JPEG", "image/jpeg"],
    ["audio/amr; codecs=x", "audio/amr"],
    [
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    ["text/x-vcard", "text/x-vcard"],
    ["image", null],
    ["image/", null],
    ["<script>/x", null],
    [undefined, null],
  ])("%s → %s", (value, expected) => expect(mimeTypeOf(value)).toBe(expected));
});

describe("mediaPreview and truncateText", () => {
  it("should name photos and attachments", () => {
    const photo = { url: URL0, contentType: "image/jpeg" };
    const pdf = { url: URL1, contentType: "application/pdf" };
    expect(mediaPreview([])).toBe("");
    expect(mediaPreview([photo])).toBe("📷 Photo");
    expect(mediaPreview([photo, photo])).toBe("📷 2 photos");
    expect(mediaPreview([pdf])).toBe("📎 Attachment");
    expect(mediaPreview([photo, pdf])).toBe("📎 2 attachments");
  });

  it("should never leave half an emoji at the cut", () => {
    expect(truncateText("ab🌱", 3)).toBe("ab");
    expect(truncateText("ab🌱", 4)).toBe("ab🌱");
    expect(truncateText("abc", 2)).toBe("ab");
    for (let max = 0; max < 12; max++) expect(truncateText("🌱a🌱🌱b🌱", max)).not.toMatch(/[\uD800-\uDBFF]$/);
  });
});
