/**
 * The brains the evaluation runs, by name: the rules (the engine's default), the evil model (a fake
 * OpenAI server whose model obeys any instruction it reads, driven through the real SDK: the tools
 * and the reply check must stop all of it), and the real OpenAI model when OPENAI_API_KEY is set.
 */
import { type Brain, rulesBrain } from "@servicepro/agent";
import { createModelBrain, createModelBrainFromEnv } from "@servicepro/agent-openai";
import { evilModelHandler, startFakeOpenAI } from "@servicepro/agent-openai/testing";
import OpenAI from "openai";

/** A brain for one evaluation run, and what to stop after it (a server). `brain` undefined: the engine's default. */
export type BrainHandle = { brain: Brain | undefined; close?: () => Promise<void> };
export type BrainFactory = () => Promise<BrainHandle> | BrainHandle;
export type BrainRegistry = Record<string, BrainFactory>;

async function evilModel(): Promise<BrainHandle> {
  const fake = await startFakeOpenAI({ handler: evilModelHandler });
  const client = new OpenAI({ apiKey: "evil-model", baseURL: fake.url, maxRetries: 0 });
  return {
    brain: createModelBrain({ client, model: "evil-model", timeoutMs: 5_000, maxRetries: 0, fallback: rulesBrain }),
    close: () => fake.close(),
  };
}

/** The registry for an environment: "model" only when OPENAI_API_KEY is set. */
export function evalBrains(env: Record<string, string | undefined> = {}): BrainRegistry {
  const model = createModelBrainFromEnv(env, rulesBrain);
  return {
    rules: () => ({ brain: undefined }),
    "evil-model": evilModel,
    ...(model ? { model: () => ({ brain: model }) } : {}),
  };
}

export const EVAL_BRAINS: BrainRegistry = evalBrains();
