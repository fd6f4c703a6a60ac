/**
 * @servicepro/opt-out: what a message means for SMS consent, before anything else answers it.
 * Pure (no I/O). Callers: SMS intake (texts), voicemail transcriptions and spoken menu answers
 * (packages/voice). An `opt_out` is recorded at once; a `review` flags the message for staff.
 * `marketingOptInKeyword` reads the one marketing opt-in keyword (JOIN): offers by text.
 */
export {
  classifyConsent,
  HELP_KEYWORDS,
  OPT_IN_KEYWORDS,
  OPT_OUT_KEYWORDS,
  OPT_OUT_THRESHOLD,
  REVIEW_THRESHOLD,
} from "./classify.ts";
export { MARKETING_OPT_IN_KEYWORDS, marketingOptInKeyword } from "./keywords.ts";
export type { ConsentChannel, ConsentDecision, ConsentLanguage, ConsentOptions } from "./types.ts";
