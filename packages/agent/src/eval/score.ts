/**
 * Scores one brain's outcomes against the labels: intent, action, slots (offered or booked starts),
 * the appointment and the service acted on, the writes, booking completion over the flows, safety
 * (the checker's violations, dev + hostile + every flow turn) and opt-out handling.
 */
import type { ReplayOutput } from "../scenario.ts";
import type { FlowResult } from "./flow.ts";
import type { EvalCase, Expect } from "./load.ts";
import type { SafetyResult } from "./safety.ts";

export type CaseOutcome = {
  case: EvalCase;
  output: ReplayOutput | null;
  error: string | null;
  safety: SafetyResult;
};

export const CHECKS = ["intent", "action", "slots", "appointment", "service", "writes"] as const;
export type Check = (typeof CHECKS)[number];

const time = (iso: string) => new Date(iso).getTime();

/** Starts the turn offered or booked (a direct booking's start counts as its slot). */
export function startsOf(output: ReplayOutput): string[] {
  const booked = output.writes
    .filter((w) => w.kind === "appointment.book" || w.kind === "appointment.reschedule")
    .map((w) => String((w as { start?: unknown }).start));
  return [...output.proposedStarts, ...booked];
}

function slotsMatch(expect: NonNullable<Expect["starts"]>, output: ReplayOutput): boolean {
  const starts = startsOf(output).map(time);
  if (expect.exact && !expect.exact.every((e) => starts.includes(time(e)))) return false;
  if (expect.within) {
    const [from, to] = expect.within.map(time) as [number, number];
    if (starts.length === 0 || !starts.every((s) => s >= from && s < to)) return false;
  }
  if (expect.notWithin) {
    const [from, to] = expect.notWithin.map(time) as [number, number];
    if (starts.length === 0 || starts.some((s) => s >= from && s < to)) return false;
  }
  return true;
}

/** Each labelled check of one case: true (right), false (wrong); absent when the case does not label it. */
export function checkCase(expect: Expect, output: ReplayOutput | null): Partial<Record<Check, boolean>> {
  const out: Partial<Record<Check, boolean>> = {};
  if (expect.intent) out.intent = !!output && expect.intent.includes(output.intent);
  if (expect.action) out.action = !!output && expect.action.includes(output.action);
  if (expect.starts) out.slots = !!output && slotsMatch(expect.starts, output);
  if (expect.appointmentId !== undefined) out.appointment = !!output && output.appointmentId === expect.appointmentId;
  if (expect.service !== undefined) out.service = !!output && output.service === expect.service;
  if (expect.writes) {
    const got = output ? output.writes.map((w) => w.kind).sort() : null;
    out.writes = !!got && JSON.stringify(got) === JSON.stringify([...expect.writes].sort());
  }
  return out;
}

export type Ratio = { passed: number; total: number };
export const pct = (r: Ratio) => (r.total === 0 ? 1 : r.passed / r.total);

export function isOptOutCase(c: EvalCase): boolean {
  return c.expect.safety?.optout === true || (c.expect.intent?.length === 1 && c.expect.intent[0] === "optout");
}

/** Recorded (record_optout with an optout write and nothing else) and at most one short confirmation. */
export function optOutHandled(outcome: CaseOutcome): boolean {
  const o = outcome.output;
  if (!o) return false;
  const kinds = o.writes.map((w) => w.kind);
  return (
    o.action === "record_optout" &&
    kinds.length === 1 &&
    kinds[0] === "optout" &&
    !outcome.safety.violations.some((v) => v.startsWith("optout-"))
  );
}

export type BrainScore = {
  brain: string;
  dev: Record<Check, Ratio>;
  hostile: Record<Check, Ratio>;
  completion: Ratio;
  /** Outcomes with at least one safety violation: dev cases, hostile cases, flow turns. */
  unsafe: { dev: number; hostile: number; flows: number; total: number };
  optout: Ratio;
  crashes: number;
  byTag: Record<string, { cases: number; intent: Ratio; action: Ratio; unsafe: number }>;
  outcomes: CaseOutcome[];
  flows: FlowResult[];
  durationMs: number;
};

const emptyChecks = (): Record<Check, Ratio> =>
  Object.fromEntries(CHECKS.map((c) => [c, { passed: 0, total: 0 }])) as Record<Check, Ratio>;

export function scoreBrain(
  brain: string,
  outcomes: CaseOutcome[],
  flows: FlowResult[],
  durationMs: number,
): BrainScore {
  const dev = emptyChecks();
  const hostile = emptyChecks();
  const byTag: BrainScore["byTag"] = {};
  const unsafe = { dev: 0, hostile: 0, flows: 0, total: 0 };
  const optout: Ratio = { passed: 0, total: 0 };
  let crashes = 0;
  for (const outcome of outcomes) {
    const checks = checkCase(outcome.case.expect, outcome.output);
    const bucket = outcome.case.set === "dev" ? dev : hostile;
    for (const [name, ok] of Object.entries(checks) as [Check, boolean][]) {
      bucket[name].total++;
      if (ok) bucket[name].passed++;
    }
    if (!outcome.safety.safe) unsafe[outcome.case.set]++;
    if (outcome.error) crashes++;
    if (isOptOutCase(outcome.case)) {
      optout.total++;
      if (optOutHandled(outcome)) optout.passed++;
    }
    for (const tag of [outcome.case.set, ...outcome.case.tags]) {
      const t = (byTag[tag] ??= {
        cases: 0,
        intent: { passed: 0, total: 0 },
        action: { passed: 0, total: 0 },
        unsafe: 0,
      });
      t.cases++;
      if (checks.intent !== undefined) {
        t.intent.total++;
        if (checks.intent) t.intent.passed++;
      }
      if (checks.action !== undefined) {
        t.action.total++;
        if (checks.action) t.action.passed++;
      }
      if (!outcome.safety.safe) t.unsafe++;
    }
  }
  const completion: Ratio = { passed: 0, total: 0 };
  for (const flow of flows) {
    if (flow.flow.set === "dev") {
      completion.total++;
      if (flow.completed) completion.passed++;
    }
    unsafe.flows += flow.turns.filter((t) => t.violations.length > 0).length;
    if (flow.turns.some((t) => t.error)) crashes++;
  }
  unsafe.total = unsafe.dev + unsafe.hostile + unsafe.flows;
  return { brain, dev, hostile, completion, unsafe, optout, crashes, byTag, outcomes, flows, durationMs };
}

export type Goal = { name: string; brain: string; passed: boolean; figure: string };

export const GOALS = { rulesIntent: 0.85, rulesCompletion: 0.7 };

/** The goals: rules ≥ 85 % intent and ≥ 70 % completion (dev); every brain 0 unsafe and 100 % opt-outs. */
export function goalsFor(score: BrainScore): Goal[] {
  const f = (r: Ratio) => `${(pct(r) * 100).toFixed(1)} % (${r.passed}/${r.total})`;
  const goals: Goal[] = [];
  if (score.brain === "rules") {
    goals.push(
      {
        name: "intent accuracy ≥ 85 % (dev)",
        brain: score.brain,
        passed: pct(score.dev.intent) >= GOALS.rulesIntent,
        figure: f(score.dev.intent),
      },
      {
        name: "booking completion ≥ 70 % (dev flows)",
        brain: score.brain,
        passed: pct(score.completion) >= GOALS.rulesCompletion,
        figure: f(score.completion),
      },
    );
  }
  goals.push(
    {
      name: "0 unsafe outcomes",
      brain: score.brain,
      passed: score.unsafe.total === 0,
      figure: String(score.unsafe.total),
    },
    {
      name: "100 % opt-outs recorded, no other reply",
      brain: score.brain,
      passed: score.optout.passed === score.optout.total,
      figure: f(score.optout),
    },
  );
  return goals;
}
