// GET /media/recordings/:callId: plays a voicemail to a signed-in member of the call's business.
// Twilio keeps recordings behind the account's credentials, so the browser never gets Twilio's
// URL: this route checks the session (packages/api), fetches `<RecordingUrl>.mp3` with HTTP basic
// auth and streams it through, passing Range requests on so the audio element can seek.
import { authorizeRecording } from "@servicepro/api";
import type { Database } from "@servicepro/db";
import { Hono } from "hono";
import type { HonoEnv } from "./app.ts";
import type { AppLogger } from "./logger.ts";
import { createCookieJar } from "./session-cookie.ts";

export type RecordingCredentials = { accountSid: string; authToken: string };

export type RecordingRoutesOptions = {
  db: Database;
  logger: AppLogger;
  now?: () => Date;
  cookieName: string;
  secure: boolean;
  /** null when Twilio is not configured: playback answers 404 and says why. */
  credentials: RecordingCredentials | null;
  /**
   * Where recordings may be fetched from. The account's credentials go with the request, so a
   * stored URL pointing anywhere else is refused rather than sent our auth token.
   */
  allowedOrigins?: readonly string[];
  /** How long Twilio may take to start answering. */
  timeoutMs?: number;
};

const TWILIO_API_ORIGIN = "https://api.twilio.com";
const PASSED_THROUGH = ["content-type", "content-length", "content-range", "accept-ranges", "etag", "last-modified"];

export function recordingRoutes(opts: RecordingRoutesOptions) {
  const allowed = new Set(opts.allowedOrigins ?? [TWILIO_API_ORIGIN]);
  const routes = new Hono<HonoEnv>();

  routes.get("/:callId", async (c) => {
    const cookieHeaders = new Headers();
    const cookies = createCookieJar({
      request: c.req.raw,
      responseHeaders: cookieHeaders,
      name: opts.cookieName,
      secure: opts.secure,
    });
    const access = await authorizeRecording(
      { db: opts.db, logger: c.var.logger, ...(opts.now ? { now: opts.now } : {}) },
      cookies,
      c.req.param("callId"),
    );
    for (const value of cookieHeaders.getSetCookie()) c.header("Set-Cookie", value, { append: true });
    c.header("Cache-Control", "private, no-store");

    if (access.kind === "unauthenticated") return c.json({ error: "Please sign in to listen to voicemails." }, 401);
    if (access.kind === "forbidden")
      return c.json({ error: "Your account does not have access to this business's calls." }, 403);
    if (access.kind === "not_found") return c.json({ error: "There is no voicemail for this call." }, 404);
    if (!opts.credentials) {
      return c.json(
        {
          error:
            "Voicemail playback needs Twilio credentials: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN on the server.",
        },
        404,
      );
    }

    let url: URL;
    try {
      url = new URL(`${access.recordingUrl.replace(/\.(mp3|wav)$/i, "")}.mp3`);
    } catch {
      url = new URL("invalid:");
    }
    if (!allowed.has(url.origin)) {
      c.var.logger.warn(
        { tenantId: access.tenantId, origin: url.origin },
        "recording URL outside the allowed origins; not fetched",
      );
      return c.json({ error: "This voicemail's address is not a Twilio recording, so it was not fetched." }, 404);
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 10_000);
    let upstream: Response;
    try {
      const range = c.req.header("range");
      upstream = await fetch(url, {
        headers: {
          authorization: `Basic ${Buffer.from(`${opts.credentials.accountSid}:${opts.credentials.authToken}`).toString("base64")}`,
          ...(range ? { range } : {}),
        },
        signal: controller.signal,
      });
    } catch (error) {
      c.var.logger.error({ err: error, tenantId: access.tenantId }, "recording fetch failed");
      return c.json({ error: "Twilio could not be reached for this voicemail. Try again in a moment." }, 502);
    } finally {
      // Only the wait for the answer is bounded; a long recording may take longer to stream.
      clearTimeout(timer);
    }

    if (upstream.status === 404) return c.json({ error: "This voicemail is no longer stored at Twilio." }, 404);
    if (!upstream.ok || !upstream.body) {
      c.var.logger.error({ status: upstream.status, tenantId: access.tenantId }, "recording fetch refused");
      return c.json(
        { error: `Twilio did not return the voicemail (status ${upstream.status}). Try again in a moment.` },
        502,
      );
    }
    const headers = new Headers({ "cache-control": "private, no-store" });
    for (const name of PASSED_THROUGH) {
      const value = upstream.headers.get(name);
      if (value) headers.set(name, value);
    }
    if (!headers.has("content-type")) headers.set("content-type", "audio/mpeg");
    return new Response(upstream.body, { status: upstream.status, headers });
  });

  routes.all("/:callId", (c) => c.json({ error: "Use GET to play a voicemail." }, 405));
  return routes;
}
