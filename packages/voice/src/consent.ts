import type { TenantTx } from "@servicepro/db";
import { classifyConsent } from "@servicepro/opt-out";
import { recordConsentChange } from "@servicepro/sms";
import { type CallerId, callerIdOf } from "@servicepro/telephony";

export type SpokenConsent = "opted_out" | "review" | "none";

/**
 * Whether words a caller said (a menu answer) or left (a voicemail's transcription) revoke consent
 * to texts (FCC: "by any reasonable means"). An opt-out is recorded at once against the caller's
 * number, with the call as evidence; an uncertain one marks the call for staff review. A withheld
 * caller ID has no number to record against, so nothing is recorded for it.
 */
export async function applySpokenConsent(
  tx: TenantTx,
  call: { id: string; tenantId: string; callSid: string; fromNumber: string },
  text: string,
  channel: "speech" | "voicemail",
  evidence: Record<string, string | null>,
): Promise<SpokenConsent> {
  if (!text.trim()) return "none";
  const decision = classifyConsent(text, { channel });
  if (decision.kind !== "opt_out" && decision.kind !== "review") return "none";
  const caller: CallerId = callerIdOf(call.fromNumber);
  if (decision.kind === "opt_out") {
    if (caller.kind === "phone")
      await recordConsentChange(tx, call.tenantId, {
        phone: caller.e164,
        state: "opted_out",
        source: channel === "speech" ? "voice_menu" : "voicemail",
        evidence: { callSid: call.callSid, channel, score: decision.score, ...evidence },
      });
    return "opted_out";
  }
  // Staff could not opt out a caller who withheld their number: nothing to review.
  if (caller.kind !== "phone") return "none";
  await tx.call.update({
    where: { tenantId_id: { tenantId: call.tenantId, id: call.id } },
    // A voicemail's words are its transcription; spoken menu words are kept only for this review.
    data: { consentReview: "pending", ...(channel === "speech" ? { consentText: text.slice(0, 500) } : {}) },
  });
  return "review";
}
