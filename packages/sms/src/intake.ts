/**
 * What Twilio's webhooks do to our data. The HTTP routes (apps/server/src/twilio) check the
 * signature and parse the form; these functions route the traffic to a tenant, store it once per
 * Twilio SID, apply opt-outs, queue replies through the outbox, and return the TwiML to answer.
 * Every write for one webhook happens in one tenant transaction; events are published after it.
 */
import { type Database, type IvrMode as DbIvrMode, type TenantTx, tenantDb } from "@servicepro/db";
import {
  advanceStatus,
  answerDialResult,
  answerIncomingCall,
  answerMenu,
  answerUnavailable,
  answerVoicemailSaved,
  classifyConsent,
  DEFAULT_BUSINESS_HOURS,
  emptyMessagingResponse,
  type InboundRoute,
  type IvrContext,
  type IvrMode,
  isMessageStatus,
  type MenuAction,
  normalizePhone,
  OPTED_OUT_ERROR_CODE,
  smsTexts,
  type UnroutedPolicy,
} from "@servicepro/telephony";
import { runsAutomations } from "@servicepro/tenancy/constants";
import { isOptedOut, recordConsentChange } from "./consent.ts";
import { recordUnrouted, routeInbound } from "./directory.ts";
import type { MessagingEvents, Outbox } from "./types.ts";

export type IntakeDeps = {
  db: Database;
  outbox: Outbox;
  events: MessagingEvents;
  unroutedPolicy: UnroutedPolicy;
  /** Public URL of the booking page when a number has none configured: `${base}/portal/<slug>`. */
  publicBaseUrl: string;
  now?: () => Date;
};

export type TwilioParams = Record<string, string>;

const phoneOf = (raw: string | undefined) => (raw ? (normalizePhone(raw) ?? raw.trim()) : "");

export const toDbIvrMode = (mode: IvrMode): DbIvrMode => (mode === "ai-voice" ? "ai_voice" : mode);
export const fromDbIvrMode = (mode: DbIvrMode): IvrMode => (mode === "ai_voice" ? "ai-voice" : mode);

const historyEntry = (status: string, extra: Record<string, unknown> = {}) => ({
  status,
  at: new Date().toISOString(),
  ...extra,
});

async function ensureCustomer(tx: TenantTx, tenantId: string, phone: string) {
  await tx.customer.createMany({ data: [{ tenantId, phone }], skipDuplicates: true });
  return tx.customer.findFirstOrThrow({ where: { phone } });
}

async function ensureConversation(tx: TenantTx, tenantId: string, customerId: string, tenantNumber: string) {
  await tx.conversation.createMany({ data: [{ tenantId, customerId, tenantNumber }], skipDuplicates: true });
  return tx.conversation.findFirstOrThrow({ where: { customerId } });
}

// ---------------------------------------------------------------------------------------------
// SMS
// ---------------------------------------------------------------------------------------------

export type InboundSmsResult =
  | {
      outcome: "stored";
      tenantId: string;
      messageId: string;
      conversationId: string;
      consent: ReturnType<typeof classifyConsent>["kind"];
      queued: string[];
    }
  | { outcome: "duplicate"; tenantId: string }
  | { outcome: "quarantined" };

export async function handleInboundSms(deps: IntakeDeps, params: TwilioParams): Promise<InboundSmsResult> {
  const sid = params.MessageSid ?? params.SmsSid ?? "";
  const to = phoneOf(params.To);
  const from = phoneOf(params.From);
  const body = params.Body ?? "";
  const route = await routeInbound(
    deps.db,
    { channel: "sms", to, messagingServiceSid: params.MessagingServiceSid },
    deps.unroutedPolicy,
  );
  if (route.kind === "quarantine") {
    await recordUnrouted(deps.db, { kind: "sms", sid, to, from, reason: route.reason, params });
    return { outcome: "quarantined" };
  }
  const { tenantId } = route;
  const result = await tenantDb(deps.db, tenantId).run(async (tx): Promise<InboundSmsResult> => {
    const tenant = await tx.tenant.findFirstOrThrow({ select: { name: true, status: true } });
    const customer = await ensureCustomer(tx, tenantId, from);
    const conversation = await ensureConversation(tx, tenantId, customer.id, to);
    const inserted = await tx.message.createMany({
      data: [
        {
          tenantId,
          conversationId: conversation.id,
          direction: "inbound",
          body,
          fromNumber: from,
          toNumber: to,
          twilioSid: sid,
          kind: "inbound",
          status: "received",
          statusHistory: [historyEntry("received")],
          routedByFallback: route.routedByFallback,
        },
      ],
      skipDuplicates: true,
    });
    // A redelivery (Twilio retried, or a replayed request): already stored, do nothing else.
    if (inserted.count === 0) return { outcome: "duplicate", tenantId };
    const message = await tx.message.findFirstOrThrow({
      where: { twilioSid: sid },
      select: { id: true, createdAt: true },
    });
    await tx.conversation.update({
      where: { tenantId_id: { tenantId, id: conversation.id } },
      data: {
        lastMessageAt: message.createdAt,
        lastMessagePreview: body.slice(0, 160),
        lastDirection: "inbound",
        unreadCount: { increment: 1 },
        tenantNumber: to,
      },
    });

    // Consent first, in this same transaction, before anything could answer.
    const intent = classifyConsent(body);
    const automated = runsAutomations(tenant.status);
    const queued: string[] = [];
    const queue = async (kind: "help" | "opt_out_confirmation", text: string) => {
      const r = await deps.outbox.queueSms(tx, {
        conversationId: conversation.id,
        body: text,
        kind,
        purposeKey: `${kind}:${sid}`,
      });
      if (r.status === "queued") queued.push(r.message.id);
    };
    const evidence = { messageSid: sid, text: body.slice(0, 500) };
    if (intent.kind === "opt_out") {
      const changed = await recordConsentChange(tx, tenantId, {
        phone: from,
        state: "opted_out",
        source: intent.source,
        evidence,
      });
      // Twilio itself confirms single-word keywords on long codes; we confirm the plain-language
      // ones it cannot see, once (FCC: one confirmation text is allowed).
      if (changed && intent.source === "free_text" && automated)
        await queue("opt_out_confirmation", smsTexts.optOutConfirmation(tenant.name));
    } else if (intent.kind === "opt_in") {
      await recordConsentChange(tx, tenantId, { phone: from, state: "opted_in", source: "keyword", evidence });
    } else if (intent.kind === "help" && automated) {
      const config = route.phoneNumber
        ? await tx.tenantPhoneConfig.findFirst({
            where: { phoneNumber: route.phoneNumber },
            select: { helpText: true },
          })
        : null;
      await queue("help", config?.helpText?.trim() || smsTexts.help(tenant.name, to));
    }
    return {
      outcome: "stored",
      tenantId,
      messageId: message.id,
      conversationId: conversation.id,
      consent: intent.kind,
      queued,
    };
  });
  if (result.outcome === "stored") {
    deps.events.publish({
      type: "message",
      tenantId,
      conversationId: result.conversationId,
      messageId: result.messageId,
    });
    for (const messageId of result.queued)
      deps.events.publish({ type: "message", tenantId, conversationId: result.conversationId, messageId });
  }
  return result;
}

export type SmsStatusResult = { outcome: "updated" | "unchanged" | "unknown_message"; status?: string };

/** A delivery status callback. The URL carries our tenant and message ids (we set it when sending). */
export async function handleSmsStatus(
  deps: IntakeDeps,
  params: TwilioParams,
  query: { t?: string | undefined; m?: string | undefined },
): Promise<SmsStatusResult> {
  const sid = params.MessageSid ?? params.SmsSid ?? "";
  const incoming = (params.MessageStatus ?? params.SmsStatus ?? "").toLowerCase();
  const errorCode = params.ErrorCode ? Number.parseInt(params.ErrorCode, 10) : null;
  const unknown = async (reason: string) => {
    await recordUnrouted(deps.db, {
      kind: "sms_status",
      sid,
      to: phoneOf(params.To),
      from: phoneOf(params.From),
      reason,
      params,
    });
    return { outcome: "unknown_message" as const };
  };
  if (!query.t || !query.m || !/^[0-9a-f-]{36}$/i.test(query.m) || !isMessageStatus(incoming))
    return unknown("Status callback without a known message or status.");
  const tenantId = query.t;
  const messageId = query.m;
  const result = await tenantDb(deps.db, tenantId)
    .run(async (tx) => {
      const [row] = await tx.$queryRaw<
        { status: string; twilio_sid: string | null; conversation_id: string; to_number: string }[]
      >`
        SELECT status::text, twilio_sid, conversation_id::text, to_number FROM messages WHERE tenant_id = ${tenantId} AND id = ${messageId}::uuid FOR UPDATE`;
      if (!row || (row.twilio_sid && row.twilio_sid !== sid)) return null;
      const current = row.status as Parameters<typeof advanceStatus>[0];
      const next = advanceStatus(current, incoming);
      // Every callback is kept in the history, in arrival order, even one that changes nothing.
      await tx.$executeRaw`UPDATE messages SET status_history = status_history || ${JSON.stringify([historyEntry(incoming, errorCode ? { errorCode } : {})])}::jsonb
        WHERE tenant_id = ${tenantId} AND id = ${messageId}::uuid`;
      await tx.message.update({
        where: { tenantId_id: { tenantId, id: messageId } },
        data: {
          status: next,
          twilioSid: sid,
          ...(errorCode && next === incoming ? { errorCode, errorMessage: params.ErrorMessage ?? null } : {}),
        },
      });
      if (errorCode === OPTED_OUT_ERROR_CODE) {
        await recordConsentChange(tx, tenantId, {
          phone: row.to_number,
          state: "opted_out",
          source: "provider_21610",
          evidence: { messageSid: sid, errorCode },
        });
      }
      return { changed: next !== current, status: next, conversationId: row.conversation_id };
    })
    .catch((error: unknown) => {
      // A malformed tenant id in the URL is "unknown", not a crash.
      if ((error as Error).name === "TenantScopeViolation") return null;
      throw error;
    });
  if (!result) return unknown("Status callback for a message we do not have.");
  if (result.changed)
    deps.events.publish({
      type: "message_status",
      tenantId,
      conversationId: result.conversationId,
      messageId,
      status: result.status,
    });
  return { outcome: result.changed ? "updated" : "unchanged", status: result.status };
}

// ---------------------------------------------------------------------------------------------
// Voice
// ---------------------------------------------------------------------------------------------

export type VoiceResult = { twiml: string; tenantId?: string };

type CallRoute = Extract<InboundRoute, { kind: "tenant" }>;

async function routeCall(
  deps: IntakeDeps,
  params: TwilioParams,
  kind: "voice" | "voice_status",
): Promise<CallRoute | null> {
  const to = phoneOf(params.To ?? params.Called);
  const route = await routeInbound(deps.db, { channel: "voice", to }, deps.unroutedPolicy);
  if (route.kind === "quarantine") {
    await recordUnrouted(deps.db, {
      kind,
      sid: params.CallSid ?? null,
      to,
      from: phoneOf(params.From),
      reason: route.reason,
      params,
    });
    return null;
  }
  return route;
}

async function loadIvrContext(
  deps: IntakeDeps,
  tx: TenantTx,
  route: CallRoute,
  params: TwilioParams,
): Promise<
  IvrContext & { slug: string; missedCall: { enabled: boolean; text: string | null; windowMinutes: number } }
> {
  const tenant = await tx.tenant.findFirstOrThrow({
    select: { name: true, slug: true, planTier: true, status: true, timezone: true },
  });
  // A call routed by fallback has no number of its own: it answers with the root tenant's first number's settings.
  const config = route.phoneNumber
    ? await tx.tenantPhoneConfig.findFirst({ where: { phoneNumber: route.phoneNumber } })
    : await tx.tenantPhoneConfig.findFirst({ orderBy: { createdAt: "asc" } });
  const faqs = await tx.faq.findMany({ orderBy: { position: "asc" }, select: { question: true, answer: true } });
  const caller = phoneOf(params.From);
  const callerOptedOut = caller ? await isOptedOut(tx, caller) : false;
  return {
    callerOptedOut,
    tenant,
    slug: tenant.slug,
    faqs,
    now: deps.now?.() ?? new Date(),
    number: {
      ivrMode: config ? fromDbIvrMode(config.ivrMode) : "voicemail",
      forwardTo: config?.forwardTo ?? null,
      greeting: config?.greeting ?? null,
      businessHours: config?.businessHours ?? DEFAULT_BUSINESS_HOURS,
      afterHoursMode: config?.afterHoursMode ?? "voicemail",
      voicemailEnabled: config?.voicemailEnabled ?? true,
      bookingUrl: config?.bookingUrl ?? `${deps.publicBaseUrl}/portal/${tenant.slug}`,
      address: config?.address ?? null,
    },
    missedCall: {
      enabled: config?.missedCallTextEnabled ?? false,
      text: config?.missedCallText ?? null,
      windowMinutes: config?.missedCallTextWindowMinutes ?? 240,
    },
  };
}

/** The call row, created on first sight (a webhook may arrive for a call whose start we missed). */
async function ensureCall(tx: TenantTx, tenantId: string, route: CallRoute, params: TwilioParams, mode: IvrMode) {
  const from = phoneOf(params.From);
  const customer = from ? await ensureCustomer(tx, tenantId, from) : null;
  await tx.call.createMany({
    data: [
      {
        tenantId,
        callSid: params.CallSid ?? "",
        customerId: customer?.id ?? null,
        fromNumber: from,
        toNumber: phoneOf(params.To ?? params.Called),
        ivrMode: toDbIvrMode(mode),
        routedByFallback: route.routedByFallback,
      },
    ],
    skipDuplicates: true,
  });
  return tx.call.findFirstOrThrow({ where: { callSid: params.CallSid ?? "" } });
}

export async function handleVoiceIncoming(deps: IntakeDeps, params: TwilioParams): Promise<VoiceResult> {
  const route = await routeCall(deps, params, "voice");
  if (!route) return answerUnavailable();
  const answer = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const ctx = await loadIvrContext(deps, tx, route, params);
    const answered = answerIncomingCall(ctx);
    const call = await ensureCall(tx, route.tenantId, route, params, answered.mode);
    return { ...answered, callId: call.id };
  });
  deps.events.publish({ type: "call", tenantId: route.tenantId, callId: answer.callId });
  return { twiml: answer.twiml, tenantId: route.tenantId };
}

const OUTCOME_BY_ACTION: Partial<Record<MenuAction["kind"], "answered">> = {
  send_booking_link: "answered",
  hours: "answered",
};

export async function handleVoiceMenu(
  deps: IntakeDeps,
  params: TwilioParams,
  query: { mode?: string | undefined; attempt?: string | undefined },
): Promise<VoiceResult> {
  const route = await routeCall(deps, params, "voice");
  if (!route) return answerUnavailable();
  const mode = query.mode === "ai" ? "ai" : "menu";
  const attempt = Math.min(Math.max(Number.parseInt(query.attempt ?? "1", 10) || 1, 1), 10);
  const result = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const ctx = await loadIvrContext(deps, tx, route, params);
    const call = await ensureCall(tx, route.tenantId, route, params, mode === "ai" ? "ai-voice" : "menu");
    const answer = answerMenu(ctx, { mode, digits: params.Digits, speech: params.SpeechResult, attempt });
    const outcome =
      mode === "ai" &&
      answer.action.kind !== "forward" &&
      answer.action.kind !== "voicemail" &&
      answer.action.kind !== "retry"
        ? "ai_handled"
        : OUTCOME_BY_ACTION[answer.action.kind];
    await tx.call.update({
      where: { tenantId_id: { tenantId: route.tenantId, id: call.id } },
      data: {
        menuSelection: answer.selection.slice(0, 64),
        ...(outcome ? { outcome } : {}),
        ...(answer.action.kind === "forward" && ctx.number.forwardTo ? { forwardedTo: ctx.number.forwardTo } : {}),
      },
    });
    let queuedId: string | null = null;
    let conversationId: string | null = null;
    if (answer.action.kind === "send_booking_link" && call.customerId) {
      const conversation = await ensureConversation(tx, route.tenantId, call.customerId, call.toNumber);
      conversationId = conversation.id;
      const queued = await deps.outbox.queueSms(tx, {
        conversationId: conversation.id,
        body: smsTexts.bookingLink(ctx.tenant.name, ctx.number.bookingUrl!),
        kind: "booking_link",
        purposeKey: `booking-link:${call.callSid}`,
      });
      if (queued.status === "queued") queuedId = queued.message.id;
    }
    return { twiml: answer.twiml, callId: call.id, queuedId, conversationId };
  });
  deps.events.publish({ type: "call", tenantId: route.tenantId, callId: result.callId });
  if (result.queuedId && result.conversationId)
    deps.events.publish({
      type: "message",
      tenantId: route.tenantId,
      conversationId: result.conversationId,
      messageId: result.queuedId,
    });
  return { twiml: result.twiml, tenantId: route.tenantId };
}

export async function handleDialResult(
  deps: IntakeDeps,
  params: TwilioParams,
): Promise<VoiceResult & { missedCallText?: "queued" | "skipped_window" | "skipped" }> {
  const route = await routeCall(deps, params, "voice");
  if (!route) return answerUnavailable();
  const dialStatus = (params.DialCallStatus ?? "").toLowerCase();
  const result = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const ctx = await loadIvrContext(deps, tx, route, params);
    const call = await ensureCall(tx, route.tenantId, route, params, "forward");
    const answer = answerDialResult(ctx, dialStatus);
    await tx.call.update({
      where: { tenantId_id: { tenantId: route.tenantId, id: call.id } },
      data: {
        dialCallStatus: dialStatus.slice(0, 32),
        outcome: answer.answered ? "forwarded" : "missed",
        ...(params.DialCallDuration ? { durationSeconds: Number.parseInt(params.DialCallDuration, 10) || null } : {}),
      },
    });
    if (answer.answered) return { twiml: answer.twiml, callId: call.id, missed: undefined };
    const missed = await queueMissedCallText(deps, tx, route.tenantId, ctx, call);
    return { twiml: answer.twiml, callId: call.id, missed };
  });
  deps.events.publish({ type: "call", tenantId: route.tenantId, callId: result.callId });
  if (result.missed?.queued)
    deps.events.publish({
      type: "message",
      tenantId: route.tenantId,
      conversationId: result.missed.queued.conversationId,
      messageId: result.missed.queued.messageId,
    });
  return {
    twiml: result.twiml,
    tenantId: route.tenantId,
    ...(result.missed ? { missedCallText: result.missed.status } : {}),
  };
}

/**
 * Texts a caller the business could not answer, once per caller per window. The customer row is
 * locked so two missed calls a second apart cannot both pass the window check.
 */
async function queueMissedCallText(
  deps: IntakeDeps,
  tx: TenantTx,
  tenantId: string,
  ctx: Awaited<ReturnType<typeof loadIvrContext>>,
  call: { callSid: string; customerId: string | null; toNumber: string },
): Promise<{
  status: "queued" | "skipped_window" | "skipped";
  queued?: { conversationId: string; messageId: string };
}> {
  if (!ctx.missedCall.enabled || !call.customerId || !runsAutomations(ctx.tenant.status)) return { status: "skipped" };
  await tx.$queryRaw`SELECT 1 FROM customers WHERE tenant_id = ${tenantId} AND id = ${call.customerId}::uuid FOR UPDATE`;
  const conversation = await ensureConversation(tx, tenantId, call.customerId, call.toNumber);
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - ctx.missedCall.windowMinutes * 60_000);
  const recent = await tx.message.findFirst({
    where: { conversationId: conversation.id, kind: "missed_call", createdAt: { gte: since } },
    select: { id: true },
  });
  if (recent) return { status: "skipped_window" };
  const queued = await deps.outbox.queueSms(tx, {
    conversationId: conversation.id,
    body: ctx.missedCall.text?.trim() || smsTexts.missedCall(ctx.tenant.name, ctx.number.bookingUrl),
    kind: "missed_call",
    purposeKey: `missed-call:${call.callSid}`,
  });
  return queued.status === "queued"
    ? { status: "queued", queued: { conversationId: conversation.id, messageId: queued.message.id } }
    : { status: "skipped" };
}

export async function handleVoicemail(
  deps: IntakeDeps,
  params: TwilioParams,
  query: { event?: string | undefined },
): Promise<VoiceResult> {
  const route = await routeCall(deps, params, "voice");
  if (!route) return answerUnavailable();
  const callId = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const call = await ensureCall(tx, route.tenantId, route, params, "voicemail");
    if (query.event === "transcription") {
      if ((params.TranscriptionStatus ?? "completed") === "completed" && params.TranscriptionText) {
        await tx.call.update({
          where: { tenantId_id: { tenantId: route.tenantId, id: call.id } },
          data: { transcription: params.TranscriptionText.slice(0, 5_000) },
        });
      }
      return call.id;
    }
    const seconds = Number.parseInt(params.RecordingDuration ?? "0", 10) || 0;
    if (params.RecordingUrl && seconds > 0) {
      await tx.call.update({
        where: { tenantId_id: { tenantId: route.tenantId, id: call.id } },
        data: {
          outcome: "voicemail",
          recordingUrl: params.RecordingUrl,
          recordingSid: params.RecordingSid ?? null,
          recordingDurationSeconds: seconds,
        },
      });
    }
    return call.id;
  });
  deps.events.publish({ type: "call", tenantId: route.tenantId, callId });
  return {
    twiml: query.event === "transcription" ? emptyVoiceResponse() : answerVoicemailSaved().twiml,
    tenantId: route.tenantId,
  };
}

const emptyVoiceResponse = () => '<?xml version="1.0" encoding="UTF-8"?><Response/>';

const UNREACHED = new Set(["no-answer", "busy", "failed", "canceled"]);

/** The call's final status. Settles the outcome of a call that ended without one. */
export async function handleVoiceStatus(deps: IntakeDeps, params: TwilioParams): Promise<VoiceResult> {
  const route = await routeCall(deps, params, "voice_status");
  if (!route) return { twiml: emptyVoiceResponse() };
  const status = (params.CallStatus ?? "").toLowerCase();
  const callId = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const call = await ensureCall(tx, route.tenantId, route, params, "menu");
    const ended = ["completed", ...UNREACHED].includes(status);
    let outcome = call.outcome;
    if (ended && outcome === "in_progress") {
      if (UNREACHED.has(status)) outcome = "missed";
      else if (call.ivrMode === "ai_voice") outcome = "ai_handled";
      else outcome = call.menuSelection ? "answered" : "missed";
    }
    await tx.call.update({
      where: { tenantId_id: { tenantId: route.tenantId, id: call.id } },
      data: {
        twilioStatus: status.slice(0, 32),
        outcome,
        ...(ended ? { endedAt: call.endedAt ?? new Date() } : {}),
        ...(params.CallDuration ? { durationSeconds: Number.parseInt(params.CallDuration, 10) || null } : {}),
      },
    });
    return call.id;
  });
  deps.events.publish({ type: "call", tenantId: route.tenantId, callId });
  return { twiml: emptyVoiceResponse(), tenantId: route.tenantId };
}

export { emptyMessagingResponse };
