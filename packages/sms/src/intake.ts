/**
 * What Twilio's SMS webhooks do to our data. The HTTP routes (apps/server/src/twilio) check the
 * signature and parse the form; these functions route the text to a tenant, store it once per
 * Twilio SID, apply opt-outs, queue replies through the outbox, and advance delivery statuses.
 * Every write for one webhook happens in one tenant transaction; events are published after it.
 */
import { tenantDb } from "@servicepro/db";
import { advanceStatus, classifyConsent, isMessageStatus, OPTED_OUT_ERROR_CODE, smsTexts } from "@servicepro/telephony";
import { runsAutomations } from "@servicepro/tenancy/constants";
import { recordConsentChange } from "./consent.ts";
import { ensureConversation, ensureCustomer, type IntakeDeps, phoneOf, type TwilioParams } from "./inbound.ts";
import { recordUnrouted, routeInbound } from "./inbound-routing.ts";

const historyEntry = (status: string, extra: Record<string, unknown> = {}) => ({
  status,
  at: new Date().toISOString(),
  ...extra,
});

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
