// @servicepro/messaging: SMS and voice I/O around the pure telephony core: the durable outbox
// (pg-boss), the Twilio and dev senders, inbound intake, status callbacks and live events.

export { isOptedOut, recordConsentChange } from "./consent.ts";
export { recordUnrouted, routeInbound } from "./directory.ts";
export { createDevEmailSender, createSendGridSender, type Email, EmailRejected, type EmailSender } from "./email.ts";
export { createMessagingEvents } from "./events.ts";
export {
  fromDbIvrMode,
  handleDialResult,
  handleInboundSms,
  handleSmsStatus,
  handleVoiceIncoming,
  handleVoiceMenu,
  handleVoicemail,
  handleVoiceStatus,
  type InboundSmsResult,
  type IntakeDeps,
  type SmsStatusResult,
  type TwilioParams,
  toDbIvrMode,
  type VoiceResult,
} from "./intake.ts";
export { type Messaging, type MessagingOptions, startMessaging } from "./messaging.ts";
export {
  createPoolNumberProvider,
  createTwilioNumberProvider,
  type NumberSetupResult,
  setUpTwilioNumber,
} from "./numbers.ts";
export { createOutbox, MAX_SMS_BODY, type SmsJob } from "./outbox.ts";
export { createProvisioningJobs, onboardingTexts, startProvisioningWorkers } from "./provisioning.ts";
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
export type * from "./types.ts";
export { type DeliveryDeps, type DeliveryOutcome, deliverMessage, startSmsWorker } from "./worker.ts";
