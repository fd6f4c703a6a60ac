import { tenantDb } from "@servicepro/db";
import { ensureConversation, type IntakeDeps, type TwilioParams } from "@servicepro/sms";
import { answerMenu, answerUnavailable, type MenuAction, smsTexts } from "@servicepro/telephony";
import { ensureCall, loadIvrContext, routeCall, type VoiceResult } from "./calls.ts";
import { applySpokenConsent } from "./consent.ts";

const OUTCOME_BY_ACTION: Partial<Record<MenuAction["kind"], "answered">> = {
  send_booking_link: "answered",
  hours: "answered",
};

/**
 * The caller pressed a key or spoke: act on the choice (forward, text the booking link, hours,
 * voicemail). A spoken answer that asks for no more texts ("stop texting me") is a revocation: it
 * is recorded before the answer, which confirms it and plays the menu again.
 */
export async function handleVoiceMenu(
  deps: IntakeDeps,
  params: TwilioParams,
  query: { mode?: string | undefined; attempt?: string | undefined },
): Promise<VoiceResult> {
  const route = await routeCall(deps, params, "voice", "call");
  if (!route) return answerUnavailable();
  const mode = query.mode === "ai" ? "ai" : "menu";
  const attempt = Math.min(Math.max(Number.parseInt(query.attempt ?? "1", 10) || 1, 1), 10);
  const result = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const ctx = await loadIvrContext(deps, tx, route, params);
    const call = await ensureCall(tx, route, params, mode === "ai" ? "ai-voice" : "menu");
    const speech = params.Digits?.trim() ? "" : (params.SpeechResult ?? "").slice(0, 1_000);
    const consent = await applySpokenConsent(tx, call, speech, "speech", { speechResult: speech });
    const answer = answerMenu(ctx, {
      mode,
      digits: params.Digits,
      speech: params.SpeechResult,
      attempt,
      revokesTexts: consent === "opted_out",
    });
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
