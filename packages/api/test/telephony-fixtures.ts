// Fixtures for the telephony screens' procedure tests: businesses, their staff with live
// sessions, customers, conversations, messages and calls, written the way the app writes them
// (tenant rows through the tenant-scoped client, directory rows through the platform path).
import { randomUUID } from "node:crypto";
import { type Database, platformDb, tenantDb } from "@servicepro/db";
import { type MessagingOptions, startMessaging } from "@servicepro/messaging";
import { createDevSender, createMessagingEvents } from "@servicepro/sms";
import { type ApiMessaging, type Context, createApiDeps, createContext, type Logger } from "../src/context.ts";
import { createSession } from "../src/identity/sessions.ts";
import { appRouter } from "../src/root.ts";
import { createCallerFactory } from "../src/trpc.ts";

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {}, child: () => silent };
const callerFactory = createCallerFactory(appRouter);

/** A logger for the messaging workers that says nothing. */
export const quietLogger = {
  info: () => {},
  warn: () => {},
  error: () => {},
  debug: () => {},
  child: () => quietLogger,
};

/**
 * Messaging on `db` with no workers (the test delivers jobs and applies staged webhooks itself, when it
 * wants) and the dev sender, which records and sends nothing. `options` overrides any of it.
 */
export const startQuietMessaging = (db: Database, options: Partial<MessagingOptions> = {}) =>
  startMessaging({
    db,
    sender: createDevSender(quietLogger),
    logger: quietLogger,
    publicBaseUrl: "http://localhost:3000",
    unroutedPolicy: "fallback-to-root",
    runWorker: false,
    ...options,
  });
const system = { actorUserId: null, purpose: "test.fixtures" };

/** For tests that never send: queueing a text is a test bug, so it fails loudly. */
export const noSending: ApiMessaging = {
  outbox: {
    queueSms: () => Promise.reject(new Error("This test's caller has no outbox; pass real messaging to callerFor.")),
  },
  events: createMessagingEvents(),
  numbers: { kind: "pool", search: () => Promise.reject(new Error("This test's caller has no number provider.")) },
  provisioning: {
    queueNumberSetup: () => Promise.reject(new Error("This test's caller cannot queue jobs.")),
    queueOnboardingNotice: () => Promise.reject(new Error("This test's caller cannot queue jobs.")),
  },
  reminders: { enqueue: () => Promise.reject(new Error("This test's caller cannot queue reminder jobs.")) },
  reviewRequests: { enqueue: () => Promise.reject(new Error("This test's caller cannot queue review-request jobs.")) },
  rebookReminders: {
    enqueue: () => Promise.reject(new Error("This test's caller cannot queue rebook-reminder jobs.")),
  },
  campaigns: { start: () => Promise.reject(new Error("This test's caller cannot queue campaign jobs.")) },
  exports: { start: () => Promise.reject(new Error("This test's caller cannot queue export jobs.")) },
  imports: { start: () => Promise.reject(new Error("This test's caller cannot queue import jobs.")) },
};

/** A caller signed in with `token` (or anonymous), using `messaging` for replies and live events. */
export function callerFor(
  db: Database,
  token: string | undefined,
  messaging: ApiMessaging = noSending,
  signal?: AbortSignal,
) {
  const deps = createApiDeps({ db, logger: silent, messaging });
  const ctx: Context = createContext(deps, {
    requestId: randomUUID(),
    ip: "127.0.0.1",
    userAgent: "vitest",
    cookies: { read: () => token, set: () => {}, clear: () => {} },
  });
  return callerFactory(ctx, signal ? { signal } : {});
}

export async function createTenant(
  db: Database,
  id: string,
  opts: { planTier?: "starter" | "pro" | "elite" | "internal"; name?: string } = {},
) {
  await platformDb(db, system).run((tx) =>
    tx.tenant.create({
      data: {
        id,
        name: opts.name ?? `Business ${id}`,
        slug: id,
        planTier: opts.planTier ?? "starter",
        status: "active",
      },
    }),
  );
}

/** A user who is staff (or the platform owner), signed in; returns the session token. */
export async function signedInUser(
  db: Database,
  opts: { tenantId?: string; owner?: boolean; role?: "tenant_admin" | "tenant_staff"; name?: string },
) {
  const email = `${randomUUID()}@example.test`;
  const user = await platformDb(db, system).run(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: opts.name ?? "Test User", passwordHash: "x", isPlatformOwner: opts.owner ?? false },
    });
    if (opts.tenantId)
      await tx.membership.create({
        data: { tenantId: opts.tenantId, userId: user.id, role: opts.role ?? "tenant_staff" },
      });
    return user;
  });
  const { token } = await createSession(db, {
    userId: user.id,
    activeTenantId: opts.tenantId ?? null,
    now: new Date(),
    ip: undefined,
    userAgent: undefined,
  });
  return { token, userId: user.id, email };
}

export async function assignNumber(db: Database, tenantId: string, phoneNumber: string) {
  await platformDb(db, system).run((tx) => tx.tenantPhoneConfig.create({ data: { tenantId, phoneNumber } }));
}

/** A customer with a conversation and `messages` (oldest first), as the inbound pipeline leaves them. */
export async function conversationWith(
  db: Database,
  tenantId: string,
  opts: {
    phone: string;
    name?: string;
    tenantNumber?: string;
    messages: { direction: "inbound" | "outbound"; body: string; at: Date; status?: string }[];
    unread?: number;
  },
) {
  const tenantNumber = opts.tenantNumber ?? "+15555550199";
  return tenantDb(db, tenantId).run(async (tx) => {
    const customer = await tx.customer.create({ data: { phone: opts.phone, name: opts.name ?? null } as never });
    const last = opts.messages.at(-1);
    const conversation = await tx.conversation.create({
      data: {
        customerId: customer.id,
        tenantNumber,
        lastMessageAt: last?.at ?? new Date(),
        lastMessagePreview: last?.body.slice(0, 140) ?? "",
        lastDirection: last?.direction ?? null,
        unreadCount: opts.unread ?? 0,
      } as never,
    });
    const messageIds: string[] = [];
    for (const m of opts.messages) {
      const inbound = m.direction === "inbound";
      const row = await tx.message.create({
        data: {
          conversationId: conversation.id,
          direction: m.direction,
          body: m.body,
          fromNumber: inbound ? opts.phone : tenantNumber,
          toNumber: inbound ? tenantNumber : opts.phone,
          twilioSid: `SM${randomUUID().replaceAll("-", "")}`,
          kind: inbound ? "inbound" : "staff_reply",
          status: (m.status ?? (inbound ? "received" : "delivered")) as never,
          createdAt: m.at,
        } as never,
      });
      messageIds.push(row.id);
    }
    return { customerId: customer.id, conversationId: conversation.id, messageIds };
  });
}

export async function optOut(db: Database, tenantId: string, phone: string, at: Date) {
  await tenantDb(db, tenantId).run(async (tx) => {
    await tx.smsConsent.create({ data: { phone, state: "opted_out", source: "keyword", updatedAt: at } as never });
    await tx.smsConsentEvent.create({
      data: { phone, state: "opted_out", source: "keyword", evidence: { text: "STOP" }, createdAt: at } as never,
    });
  });
}

export async function callRow(
  db: Database,
  tenantId: string,
  opts: {
    from: string;
    at: Date;
    outcome: "answered" | "forwarded" | "voicemail" | "missed" | "ai_handled";
    recordingUrl?: string;
    transcription?: string;
    duration?: number;
  },
) {
  return tenantDb(db, tenantId).run((tx) =>
    tx.call.create({
      data: {
        callSid: `CA${randomUUID().replaceAll("-", "")}`,
        fromNumber: opts.from,
        toNumber: "+15555550199",
        ivrMode: "forward",
        twilioStatus: "completed",
        outcome: opts.outcome,
        durationSeconds: opts.duration ?? 30,
        startedAt: opts.at,
        endedAt: new Date(opts.at.getTime() + 30_000),
        ...(opts.recordingUrl
          ? {
              recordingSid: `RE${randomUUID().replaceAll("-", "")}`,
              recordingUrl: opts.recordingUrl,
              recordingDurationSeconds: 12,
              transcription: opts.transcription ?? null,
            }
          : {}),
      } as never,
    }),
  );
}

/** Audit rows as the migration user would see them (the app role cannot read the trail). */
export async function auditRows(db: Database, action: string) {
  return platformDb(db, system).run((tx) => tx.auditLog.findMany({ where: { action }, orderBy: { createdAt: "asc" } }));
}
