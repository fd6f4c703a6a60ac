import { tenantDb } from "@servicepro/db";
import type { IntakeDeps, TwilioParams } from "@servicepro/sms";
import { advanceCallStatus, callStatusReportOf, isCallStatus, isTerminalCallStatus } from "@servicepro/telephony";
import { emptyVoiceResponse, ensureCall, routeCall, type VoiceResult } from "./calls.ts";

const UNREACHED = new Set(["no-answer", "busy", "failed", "canceled"]);

/**
 * A status callback (the number's statusCallback, or a <Dial><Number statusCallback> for the child
 * leg). The status moves forward only (advanceCallStatus: SequenceNumber, then the order of states):
 * a late "ringing" never reopens an ended call and an exact duplicate writes and publishes nothing.
 * The first terminal status settles the outcome of a call that ended without one.
 */
export async function handleVoiceStatus(deps: IntakeDeps, params: TwilioParams): Promise<VoiceResult> {
  const report = callStatusReportOf(params.CallStatus, params.SequenceNumber);
  const route = await routeCall(deps, params, "voice_status", "report");
  if (!route) return { twiml: emptyVoiceResponse() };
  const callId = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const call = await ensureCall(tx, route, params, "menu");
    if (!report) return null;
    // A row this callback just created holds the column's default, not a status Twilio reported.
    const stored = route.known && isCallStatus(call.twilioStatus) ? call.twilioStatus : null;
    const next = advanceCallStatus({ status: stored, sequence: call.statusSequence }, report);
    if (!next.changed && route.known) return null;
    const ended = next.status !== null && isTerminalCallStatus(next.status);
    const endsNow = ended && !(stored && isTerminalCallStatus(stored));
    let outcome = call.outcome;
    if (endsNow && outcome === "in_progress") {
      if (UNREACHED.has(next.status!)) outcome = "missed";
      else if (call.direction === "outbound-dial") outcome = "forwarded";
      else if (call.ivrMode === "ai_voice") outcome = "ai_handled";
      else outcome = call.menuSelection ? "answered" : "missed";
    }
    await tx.call.update({
      where: { tenantId_id: { tenantId: route.tenantId, id: call.id } },
      data: {
        twilioStatus: next.status ?? call.twilioStatus,
        statusSequence: next.sequence,
        outcome,
        ...(endsNow ? { endedAt: call.endedAt ?? new Date() } : {}),
        ...(endsNow && params.CallDuration
          ? { durationSeconds: Number.parseInt(params.CallDuration, 10) || null }
          : {}),
      },
    });
    return call.id;
  });
  if (callId) deps.events.publish({ type: "call", tenantId: route.tenantId, callId });
  return { twiml: emptyVoiceResponse(), tenantId: route.tenantId };
}
