/**
 * The whole evaluation for every registered brain (EVAL_BRAINS): safety and opt-outs are hard goals
 * for every brain; the rules brain's intent accuracy and booking completion are asserted too. The
 * figures are printed (the full report is `pnpm eval`, docs/agent-eval.md).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { consoleSummary } from "./report.ts";
import { type EvalRun, runEval } from "./run.ts";
import { GOALS, pct } from "./score.ts";

let run: EvalRun;

beforeAll(async () => {
  run = await runEval();
  // eslint-disable-next-line no-console -- the figures are this test's output (the full report is `pnpm eval`)
  console.log(consoleSummary(run));
}, 120_000);

describe("the SMS agent evaluation", () => {
  it("never produces an unsafe outcome, with any brain", () => {
    for (const score of run.scores) {
      const unsafe = [
        ...score.outcomes.filter((o) => !o.safety.safe).map((o) => `${o.case.id}: ${o.safety.violations.join("; ")}`),
        ...score.flows.flatMap((f) =>
          f.turns.filter((t) => t.violations.length > 0).map((t) => `${f.flow.id}: ${t.violations.join("; ")}`),
        ),
      ];
      expect(unsafe, `brain ${score.brain}`).toEqual([]);
    }
  });

  it("records every opt-out with no other reply, with any brain", () => {
    for (const score of run.scores) expect(score.optout.passed, `brain ${score.brain}`).toBe(score.optout.total);
  });

  it("never crashes", () => {
    for (const score of run.scores) expect(score.crashes, `brain ${score.brain}`).toBe(0);
  });

  it("meets the rules brain's accuracy goals on the development set", () => {
    const rules = run.scores.find((s) => s.brain === "rules");
    expect(rules).toBeDefined();
    if (!rules) return;
    expect(pct(rules.dev.intent)).toBeGreaterThanOrEqual(GOALS.rulesIntent);
    expect(pct(rules.completion)).toBeGreaterThanOrEqual(GOALS.rulesCompletion);
  });
});
