import { tenantDb } from "@servicepro/db";
import type { IntakeDeps, TwilioParams } from "@servicepro/sms";
import { answerIncomingCall, answerUnavailable } from "@servicepro/telephony";
import { emptyVoiceResponse, ensureCall, loadIvrContext, routeCall, type VoiceResult } from "./calls.ts";

/** A call arrives: answer it as the number's IVR mode says (forward, menu, AI receptionist, voicemail). */
export async function handleVoiceIncoming(deps: IntakeDeps, params: TwilioParams): Promise<VoiceResult> {
  const route = await routeCall(deps, params, "voice", "call");
  if (!route) return answerUnavailable();
  // A child leg asking what to do (a <Number url> or a misconfigured number): nothing to say, the bridge goes ahead.
  if (route.parentCallSid) {
    const callId = await tenantDb(deps.db, route.tenantId).run(
      async (tx) => (await ensureCall(tx, route, params, "forward")).id,
    );
    deps.events.publish({ type: "call", tenantId: route.tenantId, callId });
    return { twiml: emptyVoiceResponse(), tenantId: route.tenantId };
  }
  const answer = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const ctx = await loadIvrContext(deps, tx, route, params);
    const answered = answerIncomingCall(ctx);
    const call = await ensureCall(tx, route, params, answered.mode);
    return { ...answered, callId: call.id };
  });
  deps.events.publish({ type: "call", tenantId: route.tenantId, callId: answer.callId });
  return { twiml: answer.twiml, tenantId: route.tenantId };
}
