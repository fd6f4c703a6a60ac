/**
 * @servicepro/agent: each business's SMS agent, pure (no I/O of its own: the world it acts on is a
 * port). A turn: understand the text (intents in precedence order, dates in the business's zone,
 * services, yes/no), run the checks no brain may skip (opt-out, loops, abuse, volume), let one brain
 * (the rules here, or the OpenAI model in @servicepro/agent-openai, which falls back to the rules) decide with guarded tools, then
 * check the reply (prices, links, numbers) before it leaves. docs/decisions/0016-sms-agent.md.
 */

export { cleanInbound, runTurn, type TurnDeps } from "./engine.ts";
export { formatMoney, formatPrice, formatStart, formatStarts, isoInZone } from "./format.ts";
export { allowedAmounts, checkReply, MAX_REPLY_CHARS, type ReplyCheck } from "./guard.ts";
export type { Brain, BrainContext, BrainDecision, TimeWindow, ToolBox, ToolResult, Understanding } from "./ports.ts";
export { replayScenario, scenarioTurnInput, toReplayOutput } from "./replay.ts";
export { rulesBrain } from "./rules-brain.ts";
export {
  parseScenario,
  type ReplayOutput,
  replayOutputSchema,
  type Scenario,
  ScenarioError,
  scenarioSchema,
} from "./scenario.ts";
export {
  createScenarioWorld,
  customerFromScenario,
  factsFromScenario,
  type ScenarioWorldRecord,
} from "./scenario-world.ts";
export { expireState, nextState, startsIn, stateFromHistory } from "./state.ts";
export { TOOL_NAMES, TOOL_SCHEMAS, type ToolArgs, type ToolName } from "./tool-schemas.ts";
export { createToolBox, inQuietHours, newTurnLog, PROPOSAL_TTL_MINUTES, parseInstant, type TurnLog } from "./tools.ts";
export * from "./types.ts";
export {
  detectLanguage,
  isAffirmative,
  isNegative,
  resolveWindow,
  type UnderstandContext,
  understand,
} from "./understand/index.ts";
