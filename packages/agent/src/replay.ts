/**
 * A scenario through the real engine, in memory: the evaluation's path (`pnpm eval`) and the unit
 * tests'. `pnpm agent:replay` runs the same on a throwaway database (packages/sms-agent).
 */
import { runTurn } from "./engine.ts";
import type { Brain } from "./ports.ts";
import type { ReplayOutput, Scenario } from "./scenario.ts";
import { createScenarioWorld, customerFromScenario, factsFromScenario } from "./scenario-world.ts";
import { stateFromHistory } from "./state.ts";
import {
  type AgentCustomer,
  type AgentFacts,
  type AgentTurn,
  DEFAULT_LIMITS,
  type Turn,
  type TurnInput,
} from "./types.ts";

const HOUR = 60 * 60_000;

/** The turn in the replay format (docs/agent-replay.md). */
export function toReplayOutput(turn: AgentTurn): ReplayOutput {
  return {
    intent: turn.intent,
    secondaryIntents: turn.secondaryIntents,
    action: turn.action,
    reply: turn.reply,
    toolCalls: turn.toolCalls,
    writes: turn.writes,
    proposedStarts: turn.proposedStarts,
    appointmentId: turn.appointmentId,
    service: turn.service,
    brain: turn.brain,
  };
}

/**
 * The turn a scenario asks for, given its facts and customer (from memory or from the throwaway
 * database): the history with its times, the state rebuilt from it, and the loop guard's count of the
 * agent's texts in the last hour.
 */
export function scenarioTurnInput(scenario: Scenario, facts: AgentFacts, customer: AgentCustomer): TurnInput {
  const now = new Date(scenario.now);
  const history: Turn[] = scenario.history.map((t) => ({
    from: t.from,
    text: t.text,
    at: t.at ? new Date(t.at) : null,
  }));
  const agentRepliesLastHour = history.filter(
    (t) => t.from === "agent" && t.at && now.getTime() - t.at.getTime() < HOUR,
  ).length;
  return {
    facts,
    customer,
    state: stateFromHistory(history, facts, customer, now),
    history,
    inbound: scenario.inbound,
    now,
    limits: { ...DEFAULT_LIMITS, agentRepliesLastHour },
  };
}

export async function replayScenario(
  scenario: Scenario,
  options: { brain?: Brain } = {},
): Promise<{ output: ReplayOutput; turn: AgentTurn }> {
  const facts = factsFromScenario(scenario);
  const customer = customerFromScenario(scenario, facts);
  const now = new Date(scenario.now);
  const world = createScenarioWorld(
    facts,
    customer,
    scenario.busy.map((b) => ({ start: new Date(b.start), end: new Date(b.end) })),
    now,
  );
  const turn = await runTurn(scenarioTurnInput(scenario, facts, customer), {
    world,
    ...(options.brain ? { brain: options.brain } : {}),
  });
  return { output: toReplayOutput(turn), turn };
}
