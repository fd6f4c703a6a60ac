// @servicepro/messaging: SMS and voice I/O around the pure telephony core: the durable outbox
// (pg-boss), the Twilio and dev senders, inbound intake, status callbacks and live events.
export type * from "./types.ts";
export { startMessaging, type Messaging, type MessagingOptions } from "./messaging.ts";
export { createOutbox, MAX_SMS_BODY, type SmsJob } from "./outbox.ts";
export { createMessagingEvents } from "./events.ts";
export { createTwilioClient, createTwilioSender, createDevSender, type TwilioClient, SmsRejected, SmsOutcomeUnknown, type SmsSender, type OutgoingSms, type SentSms } from "./senders.ts";
export { deliverMessage, startSmsWorker, type DeliveryDeps, type DeliveryOutcome } from "./worker.ts";
export { recordConsentChange, isOptedOut } from "./consent.ts";
export { routeInbound, recordUnrouted } from "./directory.ts";
export {
  handleInboundSms,
  handleSmsStatus,
  handleVoiceIncoming,
  handleVoiceMenu,
  handleDialResult,
  handleVoicemail,
  handleVoiceStatus,
  toDbIvrMode,
  fromDbIvrMode,
  type IntakeDeps,
  type TwilioParams,
  type InboundSmsResult,
  type SmsStatusResult,
  type VoiceResult,
} from "./intake.ts";
export { createTwilioNumberProvider, createPoolNumberProvider, setUpTwilioNumber, type NumberSetupResult } from "./numbers.ts";
export { createSendGridSender, createDevEmailSender, EmailRejected, type Email, type EmailSender } from "./email.ts";
export { createProvisioningJobs, startProvisioningWorkers, onboardingTexts } from "./provisioning.ts";
