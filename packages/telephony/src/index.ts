// @servicepro/telephony: the pure core of phone and SMS handling. No I/O: routing decisions,
// IVR TwiML, opt-out classification, status ordering, business hours, phone numbers. TwiML is
// written by ./xml.ts, not the Twilio SDK, so the browser can import this package too.

export { type AppointmentReply, classifyAppointmentReply } from "./appointment-reply.ts";
export {
  advanceCallStatus,
  CALL_STATUSES,
  type CallStatus,
  type CallStatusReport,
  callStatusRank,
  callStatusReportOf,
  isCallStatus,
  isTerminalCallStatus,
  type StoredCallStatus,
} from "./call-status.ts";
export * from "./constants.ts";
export { type CallerIntent, callerIntent, type Faq, matchFaq } from "./faq-match.ts";
export {
  businessHoursSchema,
  type ClosedDate,
  DEFAULT_BUSINESS_HOURS,
  describeHours,
  isOpen,
  localTime,
} from "./hours.ts";
export {
  answerDialResult,
  answerIncomingCall,
  answerMenu,
  answerUnavailable,
  answerVoicemailSaved,
  type EffectiveMode,
  effectiveMode,
  emptyMessagingResponse,
  emptyVoiceResponse,
  type IvrContext,
  type IvrHours,
  type IvrNumber,
  type IvrTenant,
  type MenuAction,
  type MenuInput,
  type MenuLanguage,
  menuSpeechChoice,
  VOICE_PATHS,
} from "./ivr.ts";
export {
  advanceStatus,
  isFinalStatus,
  isMessageStatus,
  MESSAGE_STATUSES,
  type MessageStatus,
  OPTED_OUT_ERROR_CODE,
  statusRank,
} from "./message-status.ts";
export {
  type CallerId,
  callerIdOf,
  callerNameOf,
  E164_PATTERN,
  formatPhone,
  isE164,
  normalizePhone,
  WITHHELD_CALLER_LABEL,
} from "./phone.ts";
export {
  type DirectoryMatch,
  type InboundAddress,
  type InboundRoute,
  resolveTenantFromInbound,
  type UnroutedPolicy,
} from "./routing.ts";
export { smsTexts } from "./texts.ts";
