import { tenantDb } from "@servicepro/db";
import type { IntakeDeps, TwilioParams } from "@servicepro/sms";
import { answerVoicemailSaved } from "@servicepro/telephony";
import { emptyVoiceResponse, ensureCall, routeCall, type VoiceResult } from "./calls.ts";
import { applySpokenConsent } from "./consent.ts";

/** Which of the three callbacks that reach /voice/voicemail this is, by its parameters (the query string is optional). */
export type VoicemailCallback = "record_action" | "recording_status" | "transcription";

export function voicemailCallbackOf(params: TwilioParams, query: { event?: string | undefined }): VoicemailCallback {
  if (
    query.event === "transcription" ||
    params.TranscriptionSid !== undefined ||
    params.TranscriptionText !== undefined ||
    params.TranscriptionStatus !== undefined
  )
    return "transcription";
  // Twilio's recordingStatusCallback reports RecordingStatus; the <Record action> request does not.
  if (params.RecordingStatus !== undefined || query.event === "recording") return "recording_status";
  return "record_action";
}

/** Recording statuses after which nothing more comes for that recording. */
const UNPLAYABLE = new Set(["absent", "failed", "deleted"]);

/**
 * A voicemail callback: the <Record action> (the caller finished; we answer with TwiML), Twilio's
 * recordingStatusCallback, or the transcribeCallback. All are matched to their call by CallSid
 * (else RecordingSid), never by `To`, and none creates a call: an unknown call is quarantined.
 *
 * A recording is a voicemail only when it is playable (completed, with a URL and a duration above
 * zero) and was made by our <Record> (RecordingSource RecordVerb, or not said). `absent` or `failed`
 * leaves no playable voicemail and undoes one stored for the same recording; the status is kept.
 * A transcription that asks for no more texts is a revocation (source 'voicemail'), or flags the
 * call for staff review when the classifier is unsure.
 */
export async function handleVoicemail(
  deps: IntakeDeps,
  params: TwilioParams,
  query: { event?: string | undefined },
): Promise<VoiceResult> {
  const callback = voicemailCallbackOf(params, query);
  const answer = () => (callback === "record_action" ? answerVoicemailSaved().twiml : emptyVoiceResponse());
  const route = await routeCall(deps, params, "voice_status", "known");
  // The caller already left the message (it is kept with the quarantined request): thank them all the same.
  if (!route) return { twiml: answer() };
  const callId = await tenantDb(deps.db, route.tenantId).run(async (tx) => {
    const call = await ensureCall(tx, route, params, "voicemail");
    const where = { tenantId_id: { tenantId: route.tenantId, id: call.id } };
    const recordingSid = params.RecordingSid?.trim().slice(0, 64) || null;
    if (callback === "transcription") {
      const text = (params.TranscriptionText ?? "").slice(0, 5_000);
      if ((params.TranscriptionStatus ?? "completed").toLowerCase() !== "completed" || !text.trim()) return null;
      // A transcription of another recording than the voicemail (e.g. a call recording) is not the voicemail's.
      if (recordingSid && call.recordingSid && recordingSid !== call.recordingSid) return null;
      await tx.call.update({ where, data: { transcription: text } });
      await applySpokenConsent(tx, call, text, "voicemail", {
        transcriptionSid: params.TranscriptionSid ?? null,
        recordingSid,
        transcriptionText: text,
      });
      return call.id;
    }
    const source = params.RecordingSource?.trim();
    if (source && source !== "RecordVerb") return null;
    const status = (params.RecordingStatus ?? "completed").trim().toLowerCase().slice(0, 32);
    // Another recording than the one stored: only a playable one with nothing playable stored yet replaces it.
    const sameRecording = !call.recordingSid || !recordingSid || call.recordingSid === recordingSid;
    const seconds = Number.parseInt(params.RecordingDuration ?? "0", 10) || 0;
    const url = params.RecordingUrl?.trim() ?? "";
    if (status === "completed" && url && seconds > 0) {
      if (!sameRecording && call.recordingUrl) return null;
      await tx.call.update({
        where,
        data: {
          outcome: "voicemail",
          recordingUrl: url,
          recordingSid: recordingSid ?? call.recordingSid,
          recordingDurationSeconds: seconds,
          recordingStatus: "completed",
        },
      });
      return call.id;
    }
    if (!sameRecording) return null;
    // The <Record action> implies its status: without a playable recording, there is none.
    const reported = callback === "record_action" ? "absent" : status;
    const ended = reported === "completed" || UNPLAYABLE.has(reported);
    // A status that is not an end ("in-progress") never overwrites one that is.
    if (!ended && call.recordingStatus && call.recordingStatus !== "in-progress") return null;
    await tx.call.update({
      where,
      data: {
        recordingStatus: reported,
        ...(recordingSid && !call.recordingSid ? { recordingSid } : {}),
        ...(ended
          ? {
              recordingUrl: null,
              recordingDurationSeconds: null,
              ...(call.outcome === "voicemail" ? { outcome: "missed" as const } : {}),
            }
          : {}),
      },
    });
    return call.id;
  });
  if (callId) deps.events.publish({ type: "call", tenantId: route.tenantId, callId });
  return { twiml: answer(), tenantId: route.tenantId };
}
