/**
 * MMS parts of an inbound text: Twilio sends NumMedia and, for each part i < NumMedia (10 at most),
 * MediaUrl<i> and MediaContentType<i>. The URLs point at Twilio's API and need the account's
 * credentials, so they are never shown to a browser: the server's /media/messages route fetches
 * them for a signed-in member of the business. Only https URLs on Twilio's API host are kept (we
 * would otherwise send our credentials wherever a request said); the rest are dropped and reported.
 */

/** One stored part, as in messages.media. */
export type MessageMedia = { url: string; contentType: string };

/** A part that was not stored, and why (for the log; never the URL's query or credentials). */
export type DroppedMedia = { index: number; reason: string; host?: string };

/** Twilio sends at most ten parts per message. */
export const MAX_MEDIA_PARTS = 10;

export const TWILIO_MEDIA_HOST = "api.twilio.com";

/** type/subtype as RFC 6838 allows (restricted-name characters); parameters are dropped. */
const MIME_TYPE = /^([a-z0-9][a-z0-9!#$&^_.+-]{0,126})\/([a-z0-9][a-z0-9!#$&^_.+-]{0,126})$/i;

/** `value` as a bare lowercase MIME type ("image/jpeg"), or null when it is not one. */
export function mimeTypeOf(value: string | undefined): string | null {
  const bare = (value ?? "").split(";")[0]!.trim().toLowerCase();
  return MIME_TYPE.test(bare) ? bare : null;
}

/** Whether `raw` is an https URL on Twilio's API host, with no credentials or odd port in it. */
export function isTwilioMediaUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === "https:" &&
    url.hostname === TWILIO_MEDIA_HOST &&
    url.port === "" &&
    url.username === "" &&
    url.password === ""
  );
}

const hostOf = (raw: string) => {
  try {
    return new URL(raw).host;
  } catch {
    return "(not a URL)";
  }
};

/**
 * The media parts of an inbound text's form fields. NumMedia bounds the parts read; when it is
 * missing or not a number, the MediaUrl<i> fields present are read instead (never more than ten).
 */
export function parseMessageMedia(params: Record<string, string | undefined>): {
  media: MessageMedia[];
  dropped: DroppedMedia[];
  /** Parts kept as application/octet-stream because their MediaContentType was not a MIME type. */
  untyped: number[];
} {
  const declared = Number.parseInt(params.NumMedia ?? "", 10);
  const count = Number.isFinite(declared) && declared >= 0 ? Math.min(declared, MAX_MEDIA_PARTS) : MAX_MEDIA_PARTS;
  const media: MessageMedia[] = [];
  const dropped: DroppedMedia[] = [];
  const untyped: number[] = [];
  for (let index = 0; index < count; index++) {
    const url = params[`MediaUrl${index}`]?.trim();
    if (!url) {
      // NumMedia promised a part that is not there; without NumMedia, absence just means "no more".
      if (Number.isFinite(declared)) dropped.push({ index, reason: "missing MediaUrl" });
      continue;
    }
    if (!isTwilioMediaUrl(url)) {
      dropped.push({ index, reason: `not an https URL on ${TWILIO_MEDIA_HOST}`, host: hostOf(url) });
      continue;
    }
    // A URL from Twilio with an unreadable type is still the customer's file: kept, offered as a download.
    const contentType = mimeTypeOf(params[`MediaContentType${index}`]);
    if (!contentType) untyped.push(index);
    media.push({ url, contentType: contentType ?? "application/octet-stream" });
  }
  return { media, dropped, untyped };
}

/**
 * Images every browser shows and none can run script from: shown inline in the inbox. Every other
 * type (SVG and HTML included) is only ever offered as a download.
 */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/bmp",
]);

/** What the conversation list shows for a text with no words: "📷 Photo", "📎 3 attachments". */
export function mediaPreview(media: readonly MessageMedia[]): string {
  if (media.length === 0) return "";
  const photos = media.every((m) => m.contentType.startsWith("image/"));
  if (photos) return media.length === 1 ? "📷 Photo" : `📷 ${media.length} photos`;
  return media.length === 1 ? "📎 Attachment" : `📎 ${media.length} attachments`;
}

/** The first `max` UTF-16 units of `text`, never ending in half an emoji (a lone surrogate PostgreSQL rejects in JSON). */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
