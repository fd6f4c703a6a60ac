// @servicepro/agent-openai: the SMS agent's model brain (an adapter: OpenAI through its official SDK).
// It decides through the same guarded tools as the rules brain and falls back to them on any failure.
// The fake OpenAI server for tests is the "./testing" subpath.
export {
  createModelBrain,
  createModelBrainFromEnv,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MODEL,
  DEFAULT_TIMEOUT_MS,
  type ModelBrainLogger,
  type ModelBrainOptions,
} from "./model-brain.ts";
