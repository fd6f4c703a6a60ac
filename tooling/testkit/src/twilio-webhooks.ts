/**
 * Builds a webhook request exactly as Twilio would send it: form-encoded fields and an
 * X-Twilio-Signature computed with the SDK's own function over the public URL.
 */
import twilio from "twilio";

export function signedTwilioRequest(opts: {
  publicBaseUrl: string;
  /** Path and query, e.g. "/twilio/sms/incoming" or "/twilio/voice/menu?mode=menu&attempt=1". */
  path: string;
  params: Record<string, string>;
  authToken: string;
  /** Overrides for negative tests. */
  signature?: string | null;
}): { url: string; init: RequestInit } {
  const url = `${opts.publicBaseUrl.replace(/\/$/, "")}${opts.path}`;
  const signature =
    opts.signature === undefined ? twilio.getExpectedTwilioSignature(opts.authToken, url, opts.params) : opts.signature;
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (signature !== null) headers["x-twilio-signature"] = signature;
  return { url, init: { method: "POST", headers, body: new URLSearchParams(opts.params).toString() } };
}
