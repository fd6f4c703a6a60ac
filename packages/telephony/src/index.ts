// @servicepro/telephony: the pure core of phone and SMS handling. No I/O: routing decisions,
// IVR TwiML, opt-out classification, status ordering, business hours, phone numbers.
export * from "./constants.ts";
export { normalizePhone, isE164, formatPhone, E164_PATTERN } from "./phone.ts";
export { businessHoursSchema, DEFAULT_BUSINESS_HOURS, isOpen, describeHours, localTime } from "./hours.ts";
export { resolveTenantFromInbound, type InboundAddress, type DirectoryMatch, type UnroutedPolicy, type InboundRoute } from "./routing.ts";
export { classifyConsent, OPT_OUT_KEYWORDS, OPT_IN_KEYWORDS, HELP_KEYWORDS, type ConsentIntent } from "./consent.ts";
export { MESSAGE_STATUSES, advanceStatus, statusRank, isMessageStatus, isFinalStatus, OPTED_OUT_ERROR_CODE, type MessageStatus } from "./message-status.ts";
export { matchFaq, callerIntent, type Faq, type CallerIntent } from "./faq-match.ts";
export {
  VOICE_PATHS,
  effectiveMode,
  answerIncomingCall,
  answerMenu,
  answerDialResult,
  answerVoicemailSaved,
  answerUnavailable,
  emptyMessagingResponse,
  type IvrContext,
  type IvrTenant,
  type IvrNumber,
  type MenuAction,
  type MenuInput,
  type EffectiveMode,
} from "./ivr.ts";
export { smsTexts } from "./texts.ts";
