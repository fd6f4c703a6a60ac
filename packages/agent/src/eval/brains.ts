/**
 * The brains the evaluation runs, by name. A factory returning undefined means the engine's own
 * default (the rules brain): replayScenario is then called without a brain. Add a brain here (the
 * evil-model fake, the OpenAI model when a key is set) and `pnpm eval` and eval.test.ts score it.
 */
import type { Brain } from "../ports.ts";

export type BrainFactory = () => Promise<Brain | undefined> | Brain | undefined;
export type BrainRegistry = Record<string, BrainFactory>;

export const EVAL_BRAINS: BrainRegistry = {
  rules: () => undefined,
};
