/**
 * @servicepro/opt-out: what a message means for SMS consent, before anything else answers it.
 * Pure (no I/O). Callers: SMS intake (texts), voicemail transcriptions and spoken menu answers
 * (packages/voice). An `opt_out` is recorded at once; a `review` flags the message for staff.
 */
export {
  classifyConsent,
  HELP_KEYWORDS,
  OPT_IN_KEYWORDS,
  OPT_OUT_KEYWORDS,
  OPT_OUT_THRESHOLD,
  REVIEW_THRESHOLD,
} from "./classify.ts";
export type { ConsentChannel, ConsentDecision, ConsentLanguage, ConsentOptions } from "./types.ts";
