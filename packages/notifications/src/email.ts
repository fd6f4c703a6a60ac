/**
 * Transactional email. SendGrid's v3 HTTP API when SENDGRID_API_KEY is set (base URL configurable,
 * like Twilio's, so tests can use a fake); otherwise a dev transport that records and logs.
 */
export type Email = { to: string; subject: string; text: string };

export type EmailSender = { readonly kind: "sendgrid" | "dev"; send(email: Email): Promise<void> };

export class EmailRejected extends Error {
  override name = "EmailRejected";
}

export function createSendGridSender(options: {
  apiKey: string;
  from: string;
  baseUrl?: string | undefined;
  timeoutMs?: number;
}): EmailSender {
  const base = (options.baseUrl ?? "https://api.sendgrid.com").replace(/\/$/, "");
  return {
    kind: "sendgrid",
    async send(email) {
      const res = await fetch(`${base}/v3/mail/send`, {
        method: "POST",
        headers: { authorization: `Bearer ${options.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({
          personalizations: [{ to: [{ email: email.to }] }],
          from: { email: options.from },
          subject: email.subject,
          content: [{ type: "text/plain", value: email.text }],
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (res.status >= 400 && res.status < 500)
        throw new EmailRejected(`SendGrid refused the email (${res.status}): ${(await res.text()).slice(0, 300)}`);
      if (!res.ok) throw new Error(`SendGrid answered ${res.status}`);
    },
  };
}

export function createDevEmailSender(logger: {
  info(obj: object, msg: string): void;
}): EmailSender & { readonly sent: (Email & { at: Date })[] } {
  const sent: (Email & { at: Date })[] = [];
  return {
    kind: "dev",
    sent,
    async send(email) {
      sent.push({ ...email, at: new Date() });
      logger.info({ email }, "dev email: not sent (SENDGRID_API_KEY is not set)");
    },
  };
}
