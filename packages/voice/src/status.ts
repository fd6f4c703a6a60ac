import { tenantDb } from "@servicepro/db";
import type { IntakeDeps, TwilioParams } from "@servicepro/sms";
import { emptyVoiceResponse, ensureCall, routeCall, type VoiceResult } from "./calls.ts";

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
