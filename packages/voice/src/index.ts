// @servicepro/voice: what Twilio's voice webhooks do to our data. The pure IVR (packages/telephony)
// decides the answer; these handlers route the call to a tenant, keep its row, queue texts a call
// asks for (booking link, missed-call text) through the SMS outbox, and return the TwiML.

export { type CallRoute, type VoiceResult } from "./calls.ts";
export { handleDialResult } from "./dial-result.ts";
export {
  answerVoiceIncoming,
  callRecordFromStaged,
  handleVoiceIncoming,
  recordVoiceIncoming,
  stagedCallRecord,
  type VoiceIncomingAnswer,
  type VoiceIncomingRecord,
} from "./incoming.ts";
export { fromDbIvrMode, toDbIvrMode } from "./ivr-mode.ts";
export { handleVoiceMenu } from "./menu.ts";
export { handleVoiceStatus } from "./status.ts";
export { handleVoicemail } from "./voicemail.ts";
