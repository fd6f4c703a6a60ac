// @servicepro/intake: Twilio webhooks made durable. A webhook is acknowledged once its raw event is
// committed in twilio_events (group commit, stager.ts); workers apply it later, in order per
// conversation and per call, and delete it in the same transaction (worker.ts). ADR 0015.
export {
  type ClaimedEvent,
  type EventRoute,
  type StagedEvent,
  smsIncomingEvent,
  smsStatusEvent,
  TWILIO_EVENT_KINDS,
  type TwilioEventKind,
  voiceIncomingEvent,
} from "./events.ts";
export { startTwilioIntake, type TwilioIntake } from "./intake.ts";
export { createStager, type Stager, type StagerOptions } from "./stager.ts";
export {
  type IntakeLogger,
  type IntakeWorker,
  type IntakeWorkerOptions,
  startIntakeWorker,
  type VoiceIncomingApplier,
} from "./worker.ts";
