/**
 * @servicepro/agent: each business's SMS agent, pure (no I/O of its own: the world it acts on is a
 * port). A turn: understand the text (intents in precedence order, dates in the business's zone,
 * services, yes/no), run the checks no brain may skip (opt-out, loops, abuse, volume), let one brain
 * (the rules, or the OpenAI model with a fall back to the rules) decide with guarded tools, then
 * check the reply (prices, links, numbers) before it leaves. docs/decisions/0016-sms-agent.md.
 */
export type { Brain, BrainContext, BrainDecision, TimeWindow, ToolBox, ToolResult, Understanding } from "./ports.ts";
export {
  parseScenario,
  type ReplayOutput,
  replayOutputSchema,
  type Scenario,
  ScenarioError,
  scenarioSchema,
} from "./scenario.ts";
export { TOOL_NAMES, TOOL_SCHEMAS, type ToolArgs, type ToolName } from "./tool-schemas.ts";
export * from "./types.ts";
export {
  detectLanguage,
  isAffirmative,
  isNegative,
  resolveWindow,
  type UnderstandContext,
  understand,
} from "./understand/index.ts";
