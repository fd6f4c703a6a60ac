/**
 * Runs the evaluation: every dev and hostile case and every flow through replayScenario, once per
 * registered brain, checks each outcome with the safety checker and scores it (score.ts). `evaluate`
 * takes the cases and flows as data; `runEval` reads them first (files.ts).
 */
import { replayScenario } from "../replay.ts";
import type { ReplayOutput, Scenario } from "../scenario.ts";
import { type BrainRegistry, EVAL_BRAINS } from "./brains.ts";
import { loadSet } from "./files.ts";
import { type FlowResult, playFlow } from "./flow.ts";
import type { EvalCase, EvalFlow } from "./load.ts";
import { checkSafety } from "./safety.ts";
import { type BrainScore, type CaseOutcome, scoreBrain } from "./score.ts";

export type EvalRun = { scores: BrainScore[]; cases: number; flows: number };

export async function runCase(c: EvalCase, replay: (s: Scenario) => Promise<ReplayOutput>): Promise<CaseOutcome> {
  try {
    const output = await replay(c.scenario);
    return { case: c, output, error: null, safety: checkSafety(c.scenario, output, c.expect.safety) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { case: c, output: null, error: message, safety: { safe: true, violations: [] } };
  }
}

/** Runs the cases and flows once per brain (files.ts `runEval` reads them from packages/agent/eval first). */
export async function evaluate(input: {
  cases: EvalCase[];
  flows: EvalFlow[];
  brains?: BrainRegistry;
}): Promise<EvalRun> {
  const { cases, flows } = input;
  const scores: BrainScore[] = [];
  for (const [name, factory] of Object.entries(input.brains ?? EVAL_BRAINS)) {
    const brain = await factory();
    const replay = async (scenario: Scenario) => (await replayScenario(scenario, brain ? { brain } : {})).output;
    const started = performance.now();
    const outcomes: CaseOutcome[] = [];
    for (const c of cases) outcomes.push(await runCase(c, replay));
    const flowResults: FlowResult[] = [];
    for (const f of flows) flowResults.push(await playFlow(f, replay));
    scores.push(scoreBrain(name, outcomes, flowResults, performance.now() - started));
  }
  return { scores, cases: cases.length, flows: flows.length };
}

export type EvalOptions = {
  brains?: BrainRegistry;
  /** The data directory (default packages/agent/eval). */
  dir?: string;
  /** Only the cases and flows whose id contains this. */
  filter?: string;
};

/** The whole evaluation: the dev and hostile cases and the flows, for every brain of the registry. */
export async function runEval(options: EvalOptions = {}): Promise<EvalRun> {
  const sets = [loadSet("dev", options.dir), loadSet("hostile", options.dir)];
  const keep = (id: string) => !options.filter || id.includes(options.filter);
  return evaluate({
    cases: sets.flatMap((s) => s.cases).filter((c) => keep(c.id)),
    flows: sets.flatMap((s) => s.flows).filter((f) => keep(f.id)),
    brains: options.brains,
  });
}
