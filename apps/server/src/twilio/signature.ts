import twilio from "twilio";

/**
 * Twilio signs every webhook: HMAC-SHA1 of the URL it requested plus the sorted form fields,
 * keyed with the account's auth token. We rebuild that URL from PUBLIC_BASE_URL (never the Host
 * or X-Forwarded-* headers, which a caller controls) plus the path and query as received, and
 * compare with the SDK's own validator (constant-time, tolerant of :443/:80).
 */
export function isValidTwilioSignature(opts: {
  authToken: string;
  publicBaseUrl: string;
  pathAndQuery: string;
  signature: string | undefined;
  params: Record<string, string>;
}): boolean {
  if (!opts.signature) return false;
  const url = `${opts.publicBaseUrl.replace(/\/$/, "")}${opts.pathAndQuery}`;
  return twilio.validateRequest(opts.authToken, opts.signature, url, opts.params);
}

/**
 * Form fields exactly as sent. URLSearchParams keeps whitespace (a trimmed field would fail the
 * signature, as it should). A repeated field keeps its last value, which is what the SDK signs.
 */
export function parseTwilioForm(body: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) params[key] = value;
  return params;
}
