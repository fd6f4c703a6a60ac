// What the two staff-only media routes share (voicemails: recordings.ts, MMS parts: message-media.ts):
// the session cookie jar whose refreshed cookie must reach the answer, and one bounded, authenticated
// fetch from Twilio that turns every failure into an answer a person can act on.
import type { Context } from "hono";
import type { HonoEnv } from "./app.ts";
import { createCookieJar } from "./session-cookie.ts";

export type TwilioCredentials = { accountSid: string; authToken: string };

export type StaffMediaOptions = { cookieName: string; secure: boolean };

/**
 * The request's session cookies, and `finish()` to copy any cookie the session check refreshed onto
 * the answer (and mark it private): call it once the check is done, before answering.
 */
export function staffCookies(c: Context<HonoEnv>, opts: StaffMediaOptions) {
  const responseHeaders = new Headers();
  const cookies = createCookieJar({
    request: c.req.raw,
    responseHeaders,
    name: opts.cookieName,
    secure: opts.secure,
  });
  return {
    cookies,
    finish() {
      for (const value of responseHeaders.getSetCookie()) c.header("Set-Cookie", value, { append: true });
      c.header("Cache-Control", "private, no-store");
    },
  };
}

/**
 * Fetches `url` with the account's credentials. Only the wait for the answer is bounded: a long
 * recording or a large video may take longer to stream. Returns Twilio's answer when it has a body,
 * else the JSON answer to send (404 when Twilio no longer has it, 502 when it could not be reached
 * or refused), naming `what` ("attachment", "voicemail") in its message.
 */
export async function fetchFromTwilio(
  c: Context<HonoEnv>,
  request: {
    url: string | URL;
    credentials: TwilioCredentials;
    timeoutMs: number | undefined;
    headers?: Record<string, string>;
    what: string;
    tenantId: string;
  },
): Promise<{ upstream: Response & { body: ReadableStream } } | { answer: Response }> {
  const { credentials, what, tenantId } = request;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs ?? 10_000);
  let upstream: Response;
  try {
    upstream = await fetch(request.url, {
      headers: {
        authorization: `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString("base64")}`,
        ...request.headers,
      },
      signal: controller.signal,
    });
  } catch (error) {
    c.var.logger.error({ err: error, tenantId }, `${what} fetch from Twilio failed`);
    return { answer: c.json({ error: `Twilio could not be reached for this ${what}. Try again in a moment.` }, 502) };
  } finally {
    clearTimeout(timer);
  }
  if (upstream.status === 404) {
    await upstream.body?.cancel();
    return { answer: c.json({ error: `This ${what} is no longer stored at Twilio.` }, 404) };
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    c.var.logger.error({ status: upstream.status, tenantId }, `${what} fetch refused by Twilio`);
    return {
      answer: c.json(
        { error: `Twilio did not return the ${what} (status ${upstream.status}). Try again in a moment.` },
        502,
      ),
    };
  }
  return { upstream: upstream as Response & { body: ReadableStream } };
}
