// @servicepro/sms: texts in and out around the pure telephony core: inbound SMS and status
// webhooks, consent, the durable outbox (pg-boss), the delivery worker, the Twilio and dev senders,
// and what every webhook shares (inbound routing, the caller's customer and conversation, live events).

export {
  type ConsentChange,
  type ConsentPurpose,
  type ConsentSource,
  type ConsentState,
  consentEffects,
  hasMarketingConsent,
  hasOptedIn,
  isOptedOut,
  marketingAllowed,
  marketingChangeProblem,
  recordConsentChange,
  recordMarketingConsent,
} from "./consent.ts";
export {
  type DeliveryDeps,
  DeliveryHeld,
  type DeliveryOutcome,
  deliverMessage,
  startSmsWorker,
  type WorkerLogger,
} from "./delivery-worker.ts";
export { createMessagingEvents } from "./events.ts";
export {
  type AgentIntake,
  type AgentText,
  afterAnswer,
  createOffPathWrites,
  ensureConversation,
  ensureCustomer,
  type IntakeDeps,
  type OffPathWrites,
  ourNumberOf,
  phoneOf,
  type TwilioParams,
} from "./inbound.ts";
export { recordUnrouted, routeInbound, routeInboundVia } from "./inbound-routing.ts";
export {
  type ApplyTextsOptions,
  applyInboundTexts,
  handleInboundSms,
  type InboundSmsResult,
  type InboundText,
} from "./intake.ts";
export {
  type DroppedMedia,
  INLINE_IMAGE_TYPES,
  isTwilioMediaUrl,
  MAX_MEDIA_PARTS,
  type MessageMedia,
  mediaPreview,
  mimeTypeOf,
  parseMessageMedia,
  TWILIO_MEDIA_HOST,
  truncateText,
} from "./media.ts";
export { createOutbox, MAX_SMS_BODY, redactedBody, type SmsJob } from "./outbox.ts";
export {
  createRebookReminderQueue,
  type RebookReminderDeps,
  type RebookReminderOutcome,
  rebookLink,
  rebookReminderText,
  sendRebookReminder,
  startRebookReminderWorker,
} from "./rebook-reminder-worker.ts";
export {
  createReminderQueue,
  type ReminderDeps,
  type ReminderOutcome,
  reminderText,
  sendReminder,
  startReminderWorker,
} from "./reminder-worker.ts";
export {
  createReviewRequestQueue,
  followReviewLink,
  hashReviewToken,
  type ReviewRequestDeps,
  type ReviewRequestOutcome,
  reviewLinkPath,
  reviewRequestText,
  sendReviewRequest,
  startReviewRequestWorker,
} from "./review-request-worker.ts";
export {
  customerThread,
  inQuietHours,
  MARKETING_QUIET_WINDOW,
  marketingQuietHoursResume,
  type QuietWindow,
  quietHoursEnd,
  quietHoursResume,
  resumeOutside,
} from "./scheduled-texts.ts";
export {
  createDevSender,
  createTwilioClient,
  createTwilioSender,
  type OutgoingSms,
  type SentSms,
  SmsOutcomeUnknown,
  SmsRejected,
  type SmsSender,
  type TwilioClient,
} from "./senders.ts";
export { handleSmsStatus, type SmsStatusResult } from "./status-callback.ts";
export type * from "./types.ts";
