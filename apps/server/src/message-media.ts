// GET /media/messages/:messageId/:index: a text's photo or attachment (MMS part `index`) for a
// signed-in member of the message's business. Built like recordings.ts: Twilio keeps media behind
// the account's credentials, so the browser never gets Twilio's URL; this route checks the session
// (packages/api), fetches the stored URL with HTTP basic auth and streams it through.
//
// The stored URL must be on https://api.twilio.com (intake keeps nothing else); it is fetched from
// TWILIO_API_BASE_URL (a fake on 127.0.0.1 in tests) with the same path. Twilio answers with a
// redirect to its CDN; fetch drops our Authorization header on that cross-origin hop.
//
// What the customer sent is not trusted: only common raster images are shown inline; anything else
// (SVG and HTML included) is a download, and every answer is sandboxed and never sniffed.
import { authorizeMessageMedia } from "@servicepro/api";
import type { Database } from "@servicepro/db";
import { INLINE_IMAGE_TYPES, isTwilioMediaUrl } from "@servicepro/sms";
import { Hono } from "hono";
import type { HonoEnv } from "./app.ts";
import type { AppLogger } from "./logger.ts";
import { fetchFromTwilio, staffCookies, type TwilioCredentials } from "./twilio-media.ts";

export type MessageMediaRoutesOptions = {
  db: Database;
  logger: AppLogger;
  now?: () => Date;
  cookieName: string;
  secure: boolean;
  /** null when Twilio is not configured: media answers 404 and says why. */
  credentials: TwilioCredentials | null;
  /** Where Twilio's API answers (TWILIO_API_BASE_URL); default https://api.twilio.com. */
  apiBaseUrl?: string | null;
  /** How long Twilio may take to start answering. */
  timeoutMs?: number;
};

// Not content-length: fetch may have decoded a compressed answer, so the upstream length can be wrong.
const PASSED_THROUGH = ["etag", "last-modified"];

const extensionOf = (contentType: string) => {
  const subtype = contentType.split("/")[1] ?? "bin";
  return /^[a-z0-9]{1,10}$/.test(subtype) ? subtype : "bin";
};

export function messageMediaRoutes(opts: MessageMediaRoutesOptions) {
  const apiBase = (opts.apiBaseUrl ?? "https://api.twilio.com").replace(/\/+$/, "");
  const routes = new Hono<HonoEnv>();

  routes.get("/:messageId/:index", async (c) => {
    const session = staffCookies(c, opts);
    const access = await authorizeMessageMedia(
      { db: opts.db, logger: c.var.logger, ...(opts.now ? { now: opts.now } : {}) },
      session.cookies,
      c.req.param("messageId"),
      c.req.param("index"),
    );
    session.finish();

    if (access.kind === "unauthenticated") return c.json({ error: "Please sign in to see this attachment." }, 401);
    if (access.kind === "forbidden")
      return c.json({ error: "Your account does not have access to this business's messages." }, 403);
    if (access.kind === "not_found") return c.json({ error: "There is no such attachment on this message." }, 404);
    if (!opts.credentials) {
      return c.json(
        {
          error: "Attachments need Twilio credentials: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN on the server.",
        },
        404,
      );
    }
    // Intake keeps only Twilio's API host; re-checked so a row written any other way is never fetched.
    if (!isTwilioMediaUrl(access.media.url)) {
      c.var.logger.warn({ tenantId: access.tenantId }, "message media URL is not on Twilio's API host; not fetched");
      return c.json({ error: "This attachment's address is not Twilio's, so it was not fetched." }, 404);
    }
    const stored = new URL(access.media.url);
    const url = `${apiBase}${stored.pathname}${stored.search}`;

    const fetched = await fetchFromTwilio(c, {
      url,
      credentials: opts.credentials,
      timeoutMs: opts.timeoutMs,
      what: "attachment",
      tenantId: access.tenantId,
    });
    if ("answer" in fetched) return fetched.answer;
    const { upstream } = fetched;
    const { contentType } = access.media;
    const inline = INLINE_IMAGE_TYPES.has(contentType);
    const headers = new Headers({
      "cache-control": "private, no-store",
      "content-type": inline ? contentType : "application/octet-stream",
      "content-disposition": inline
        ? "inline"
        : `attachment; filename="attachment-${c.req.param("index")}.${extensionOf(contentType)}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    });
    for (const name of PASSED_THROUGH) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(upstream.body, { status: 200, headers });
  });

  routes.all("/:messageId/:index", (c) => c.json({ error: "Use GET to download an attachment." }, 405));
  return routes;
}
