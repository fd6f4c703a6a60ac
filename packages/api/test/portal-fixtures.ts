// Fixtures for the customer portal tests: "browsers" that keep their own cookies (each business's
// portal cookie and the link-binding cookie) and an address, an outbox that records the texts the
// portal queues (the delivery itself is packages/sms's, tested there), an email sender that
// records, and a clock the test moves.
import { randomUUID } from "node:crypto";
import type { Database, TenantTx } from "@servicepro/db";
import { createDevEmailSender } from "@servicepro/notifications";
import type { Outbox, QueueSmsInput } from "@servicepro/sms";
import { vi } from "vitest";
import type { ApiMessaging, Logger } from "../src/context.ts";
import { createApiDeps, createContext } from "../src/context.ts";
import { appRouter } from "../src/root.ts";
import { createCallerFactory } from "../src/trpc.ts";

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {}, child: () => silent };
const callerFactory = createCallerFactory(appRouter);

export type SentText = QueueSmsInput & { tenantId: string; to: string };

/** An outbox that records each queued text with its recipient, as the real one would address it. */
export function recordingOutbox(): Outbox & { sent: SentText[] } {
  const sent: SentText[] = [];
  return {
    sent,
    async queueSms(tx: TenantTx, input: QueueSmsInput) {
      const conversation = await tx.conversation.findFirstOrThrow({
        where: { id: input.conversationId },
        select: { tenantId: true, customer: { select: { phone: true } } },
      });
      sent.push({ ...input, tenantId: conversation.tenantId, to: conversation.customer.phone });
      return { status: "queued", message: { id: randomUUID() } as never };
    },
  };
}

/**
 * The test's clock, and the process's: the shared rate limits (rate-limiter-flexible) read
 * Date.now(), so the clock fakes Date (only Date: timers run as usual) and moves it.
 */
export function manualClock(start: Date) {
  vi.useFakeTimers({ toFake: ["Date"], now: start });
  return {
    now: () => new Date(),
    advance: (ms: number) => {
      vi.setSystemTime(Date.now() + ms);
    },
    restore: () => vi.useRealTimers(),
  };
}

export function portalWorld(db: Database, now: () => Date, publicBaseUrl = "https://app.servicepro.test") {
  const outbox = recordingOutbox();
  const email = createDevEmailSender({ info: () => {} });
  const messaging = new Proxy({ outbox, email, reminders: { enqueue: async () => {} } } as unknown as ApiMessaging, {
    get: (target, property) => {
      if (property in target) return target[property as keyof ApiMessaging];
      throw new Error(`messaging.${String(property)} is not wired in the portal tests`);
    },
  });
  const deps = createApiDeps({ db, logger: silent, messaging, now, publicBaseUrl });

  /** A browser: its own cookies, one address. */
  function browser(ip = "198.51.100.7") {
    const cookies = new Map<string, string>();
    const caller = () =>
      callerFactory(
        createContext(deps, {
          requestId: randomUUID(),
          ip,
          userAgent: "portal-tests",
          cookies: { read: () => undefined, set: () => {}, clear: () => {} },
          namedCookies: (name) => ({
            read: () => cookies.get(name),
            set: (value) => {
              cookies.set(name, value);
            },
            clear: () => {
              cookies.delete(name);
            },
          }),
        }),
      );
    return {
      cookies,
      ip,
      get api() {
        return caller();
      },
    };
  }

  /** The last sign-in code texted to `phone` at `tenantId`. */
  function lastCode(tenantId: string, phone: string): string {
    const text = outbox.sent
      .filter((t) => t.tenantId === tenantId && t.to === phone && t.purposeKey.startsWith("portal-code:"))
      .at(-1);
    const code = text?.body.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no sign-in code was texted to ${phone}`);
    return code;
  }

  /** The token of the last sign-in link texted (or, with "email", emailed). */
  function lastLinkToken(channel: "sms" | "email" = "sms"): string {
    const body = channel === "sms" ? outbox.sent.at(-1)?.body : email.sent.at(-1)?.text;
    const token = body?.match(/link\?token=([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`no sign-in link was sent by ${channel}`);
    return token;
  }

  return { deps, outbox, email, browser, lastCode, lastLinkToken };
}
