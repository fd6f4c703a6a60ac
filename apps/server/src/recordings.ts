// GET /media/recordings/:callId: plays a voicemail to a signed-in member of the call's business.
// Twilio keeps recordings behind the account's credentials, so the browser never gets Twilio's
// URL: this route checks the session (packages/api), fetches `<RecordingUrl>.mp3` with HTTP basic
// auth and streams it through, passing Range requests on so the audio element can seek.
import { authorizeRecording } from "@servicepro/api";
import type { Database } from "@servicepro/db";
import { Hono } from "hono";
import type { HonoEnv } from "./app.ts";
import type { AppLogger } from "./logger.ts";
import { fetchFromTwilio, staffCookies, type TwilioCredentials } from "./twilio-media.ts";

export type RecordingRoutesOptions = {
  db: Database;
  logger: AppLogger;
  now?: () => Date;
  cookieName: string;
  secure: boolean;
  /** null when Twilio is not configured: playback answers 404 and says why. */
  credentials: TwilioCredentials | null;
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
    const session = staffCookies(c, opts);
    const access = await authorizeRecording(
      { db: opts.db, logger: c.var.logger, ...(opts.now ? { now: opts.now } : {}) },
      session.cookies,
      c.req.param("callId"),
    );
    session.finish();

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

    const range = c.req.header("range");
    const fetched = await fetchFromTwilio(c, {
      url,
      credentials: opts.credentials,
      timeoutMs: opts.timeoutMs,
      headers: range ? { range } : {},
      what: "voicemail",
      tenantId: access.tenantId,
    });
    if ("answer" in fetched) return fetched.answer;
    const { upstream } = fetched;
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
