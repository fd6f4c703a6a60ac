import { type TenantTx, tenantDb } from "@servicepro/db";
import { ensureConversation, type IntakeDeps, type TwilioParams } from "@servicepro/sms";
import { answerDialResult, answerUnavailable, smsTexts } from "@servicepro/telephony";
import { runsAutomations } from "@servicepro/tenancy/constants";
import { type CallContext, ensureCall, loadIvrContext, routeCall, type VoiceResult } from "./calls.ts";

/** A forwarded call ended: answered, or missed (then voicemail and, once per window, a text back). */
export async function handleDialResult(
  deps: IntakeDeps,
  params: TwilioParams,
): Promise<VoiceResult & { missedCallText?: "queued" | "skipped_window" | "skipped" }> {
  const route = await routeCall(deps, params, "voice", "call");
  if (!route) return answerUnavailable();
  const dialStatus = (params.DialCallStatus ?? "").toLowerCase();
  const result = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const ctx = await loadIvrContext(deps, tx, route, params);
    const call = await ensureCall(tx, route, params, "forward");
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
  ctx: CallContext,
  call: { callSid: string; customerId: string | null; toNumber: string },
): Promise<{
  status: "queued" | "skipped_window" | "skipped";
  queued?: { conversationId: string; messageId: string };
}> {
  // No customer means no phone to text: a withheld or invalid caller ID (see callerIdOf).
  if (!ctx.missedCall.enabled || !call.customerId || ctx.caller.kind !== "phone" || !runsAutomations(ctx.tenant.status))
    return { status: "skipped" };
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
