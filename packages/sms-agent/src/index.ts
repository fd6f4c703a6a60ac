/**
 * @servicepro/sms-agent: the SMS agent (@servicepro/agent, pure) at work on the database. The world
 * its tools act on (the booking service, bound by the server to one tenant and one customer; a dry
 * run for suggest and test mode), the facts and customer it reads, the `agent.reply` queue job that
 * answers a text (auto-pilot: writes and sends; suggest: drafts), the intake's hand-over, drafts,
 * pauses after a staff reply and hand-offs. docs/decisions/0016-sms-agent.md.
 */
export { noDraft, type SentDraft, sendDraft } from "./drafts.ts";
export {
  HISTORY_TEXTS,
  loadAgentCustomer,
  loadAgentFacts,
  loadHistory,
  priceOf,
  toAgentAppointment,
  turnFrom,
} from "./facts.ts";
export {
  type AgentJob,
  type AgentJobResult,
  type AgentLogger,
  type AgentRuntimeDeps,
  announceHandoff,
  answerText,
  createAgentIntake,
  handOffAfterFailure,
  queueAgentJob,
  startAgentWorker,
} from "./runtime.ts";
export { runSandbox, SANDBOX_PHONE } from "./sandbox.ts";
export {
  type AgentSettingsView,
  effectiveMode,
  loadAgentSettings,
  NO_DRAFT,
  pauseAfterStaffReply,
  planAllowsAgent,
  storedState,
  updateThread,
} from "./settings.ts";
export { createDbWorld, type DbWorld, type WorldBinding } from "./world.ts";
