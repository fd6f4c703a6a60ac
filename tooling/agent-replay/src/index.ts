/**
 * @servicepro/agent-replay: `pnpm agent:replay` (docs/agent-replay.md). A replay scenario seeded
 * into a throwaway embedded database and answered by the real SMS agent the way the runtime does
 * (@servicepro/sms-agent's loaders and database world), printed in the replay format.
 */
export { type DatabaseReplay, type Override, openReplayDatabase, replayOnDatabase } from "./replay.ts";
export { type CliIo, runReplayCli } from "./run.ts";
export { IdMap, type SeededScenario, seedScenario, slugOf } from "./seed.ts";
