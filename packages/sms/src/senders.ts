/**
 * Who actually sends a text. The Twilio sender uses the real SDK; its API base URL can point at
 * a fake Twilio REST server on 127.0.0.1 in tests. The dev sender (no credentials) records and
 * logs instead, so a fresh install works end to end without a Twilio account.
 */
import { randomBytes } from "node:crypto";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient.js";

type RequestOptions<TData> = RequestClient.RequestOptions<TData>;

/** `statusCallback`: where Twilio reports delivery; platform texts (not in any inbox) leave it out. */
export type OutgoingSms = { from: string; to: string; body: string; statusCallback?: string | undefined };
export type SentSms = {
  sid: string;
  status: string;
  /** Set when the text did not leave (the dev sender): why, stored on the message for the inbox to show. */
  notSentReason?: string;
};

/** Twilio refused the message for good (4xx with a code): never retried as is. */
export class SmsRejected extends Error {
  override name = "SmsRejected";
  readonly code: number | null;
  constructor(code: number | null, message: string) {
    super(message);
    this.code = code;
  }
}

/** The outcome is unknown (timeout, 5xx, network): reconcile before any resend. */
export class SmsOutcomeUnknown extends Error {
  override name = "SmsOutcomeUnknown";
}

export type SmsSender = {
  readonly kind: "twilio" | "dev";
  send(sms: OutgoingSms): Promise<SentSms>;
  /** A message already accepted by the provider for this exact text since `since`, if any. */
  findSent(query: { from: string; to: string; body: string; since: Date }): Promise<SentSms | null>;
};

export type TwilioSenderOptions = {
  accountSid: string;
  authToken: string;
  /** e.g. http://127.0.0.1:4010 for the fake server; default Twilio's own hosts. */
  apiBaseUrl?: string | undefined;
  timeoutMs?: number;
};

/** The real SDK client, optionally re-based onto another API origin (the fake Twilio in tests). */
export function createTwilioClient(options: TwilioSenderOptions) {
  const httpClient = options.apiBaseUrl
    ? rebasedRequestClient(options.apiBaseUrl, options.timeoutMs ?? 10_000)
    : new twilio.RequestClient({ timeout: options.timeoutMs ?? 10_000 });
  return twilio(options.accountSid, options.authToken, { httpClient, autoRetry: false });
}

export type TwilioClient = ReturnType<typeof createTwilioClient>;

export function createTwilioSender(options: TwilioSenderOptions): SmsSender {
  const client = createTwilioClient(options);
  return {
    kind: "twilio",
    async send(sms) {
      try {
        const message = await client.messages.create({
          from: sms.from,
          to: sms.to,
          body: sms.body,
          ...(sms.statusCallback ? { statusCallback: sms.statusCallback } : {}),
        });
        return { sid: message.sid, status: message.status };
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },
    async findSent({ from, to, body, since }) {
      try {
        // Twilio filters by day; the exact instant and body are checked here.
        const messages = await client.messages.list({
          from,
          to,
          dateSentAfter: new Date(since.getTime() - 86_400_000),
          limit: 50,
        });
        const match = messages.find(
          (m) => m.body === body && (m.dateCreated ?? new Date(0)).getTime() >= since.getTime() - 60_000,
        );
        return match ? { sid: match.sid, status: match.status } : null;
      } catch (error) {
        throw new SmsOutcomeUnknown(`Could not list messages to reconcile: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },
  };
}

function classifyTwilioError(error: unknown): Error {
  const { status, code, message } = error as { status?: number; code?: number; message?: string };
  if (typeof status === "number" && status >= 400 && status < 500 && status !== 429)
    return new SmsRejected(typeof code === "number" ? code : null, message ?? `Twilio answered ${status}`);
  return new SmsOutcomeUnknown(message ?? "Twilio did not answer", { cause: error });
}

/** The SDK's own HTTP client with every request re-based onto `baseUrl` (Twilio documents custom HTTP clients). */
function rebasedRequestClient(baseUrl: string, timeout: number) {
  const base = new URL(baseUrl);
  class RebasedRequestClient extends twilio.RequestClient {
    override request<TData>(opts: RequestOptions<TData>) {
      const uri = new URL(opts.uri);
      uri.protocol = base.protocol;
      uri.host = base.host;
      return super.request<TData>({ ...opts, uri: uri.toString() });
    }
  }
  return new RebasedRequestClient({ timeout });
}

export type DevSenderLog = { info(obj: object, msg: string): void };

/** Records sends in memory and logs them; nothing leaves the machine. */
export function createDevSender(
  logger: DevSenderLog,
): SmsSender & { readonly sent: (OutgoingSms & SentSms & { at: Date })[] } {
  const sent: (OutgoingSms & SentSms & { at: Date })[] = [];
  return {
    kind: "dev",
    sent,
    async send(sms) {
      // Recorded as `not_sent` with the reason, so no screen can claim it was sent.
      const result = {
        sid: `SMdev${randomBytes(14).toString("hex")}`,
        status: "not_sent",
        notSentReason: "Twilio is not configured",
      };
      sent.push({ ...sms, ...result, at: new Date() });
      logger.info(
        { sms: { from: sms.from, to: sms.to, body: sms.body, sid: result.sid } },
        "dev sender: SMS not sent (no Twilio credentials)",
      );
      return result;
    },
    async findSent({ from, to, body, since }) {
      const match = sent.find((s) => s.from === from && s.to === to && s.body === body && s.at >= since);
      return match ? { sid: match.sid, status: match.status, notSentReason: match.notSentReason } : null;
    },
  };
}
