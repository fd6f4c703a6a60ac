import { tenantDb } from "@servicepro/db";
import type { IntakeDeps, TwilioParams } from "@servicepro/sms";
import { answerUnavailable, answerVoicemailSaved } from "@servicepro/telephony";
import { emptyVoiceResponse, ensureCall, routeCall, type VoiceResult } from "./calls.ts";

/** A recording finished (`event` absent) or its transcription arrived (`event=transcription`). */
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
