/**
 * The OpenAI brain: chat completions with tool calling through the real `openai` SDK. It fetches the
 * open times a turn will likely need before calling the model, so the common turn is one round trip
 * (the model sends its tool calls and `respond` together). Whatever goes wrong (network, timeout,
 * HTTP errors after the SDK's retries, a response it cannot use, no `respond` after three rounds, an
 * empty or overlong reply) the brain logs why, without the customer's words, and the fall back brain
 * (the rules) answers: it never throws. It guards nothing itself: the tools and the engine's reply
 * check do, whatever the model sends.
 */
// eslint-disable-next-line no-restricted-imports -- the model brain is the package's one vendor adapter (docs/decisions/0016-sms-agent.md)
import OpenAI from "openai";
// eslint-disable-next-line no-restricted-imports -- see above
import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { z } from "zod";
import type { Brain, BrainContext, BrainDecision } from "../ports.ts";
import type { Turn } from "../types.ts";
import { checkCalls, FUNCTION_TOOLS, ModelFailure, RESPOND, type RespondArgs } from "./functions.ts";
import { buildContext, buildSystemPrompt, inZone, type Prefetch } from "./prompt.ts";

export type ModelBrainLogger = { warn(obj: Record<string, unknown>, msg: string): void };

export type ModelBrainOptions = {
  client: OpenAI;
  model: string;
  /** Per request (each retry gets its own). */
  timeoutMs: number;
  /** The SDK's retries of a failed request (connection errors, 408, 409, 429, 5xx, timeouts). */
  maxRetries: number;
  /** Answers when the model cannot: the rules brain. */
  fallback: Brain;
  logger?: ModelBrainLogger;
};

/** Model round trips per turn: the first answer, and two more after a refused tool or a missing `respond`. */
export const MAX_ROUNDS = 3;
/**
 * Longest reply the model brain accepts (ten SMS segments); the prompt asks for 320, and the engine's
 * reply check (guard.ts MAX_REPLY_CHARS) is stricter still.
 */
export const MODEL_MAX_REPLY_CHARS = 1600;
/** Earlier texts sent along: enough for a booking flow, bounded for cost and latency. */
const HISTORY_TURNS = 20;
/** Open times fetched ahead for the model to offer. */
const PREFETCH_LIMIT = 6;

const TIME_INTENTS = new Set(["book", "availability", "reschedule"]);

/** The find_open_times call the turn most likely needs, or null when it needs none. */
export function prefetchArgs(context: BrainContext): Record<string, unknown> | null {
  const { understanding: reading, input } = context;
  const wantsTimes = reading.window !== null || reading.intents.some((i) => TIME_INTENTS.has(i));
  if (!wantsTimes) return null;
  const moving = reading.intents.includes("reschedule")
    ? (input.customer.appointments.find((a) => a.id === reading.appointmentIds[0]) ??
      (input.customer.appointments.length === 1 ? input.customer.appointments[0] : undefined))
    : undefined;
  const serviceId = reading.serviceIds[0] ?? moving?.serviceId ?? input.state.serviceId;
  if (!serviceId) return null;
  const service = input.facts.services.find((s) => s.id === serviceId);
  if (!service || service.quoteOnly) return null;
  const zone = input.facts.rules.timeZone;
  const args: Record<string, unknown> = {
    serviceId,
    addOnIds: reading.addOnIds.length ? reading.addOnIds : moving ? moving.addOnIds : input.state.addOnIds,
    limit: PREFETCH_LIMIT,
  };
  if (reading.window && reading.window.to > input.now) {
    args.from = inZone(reading.window.from > input.now ? reading.window.from : input.now, zone);
    args.to = inZone(reading.window.to, zone);
  }
  if (moving) args.appointmentId = moving.id;
  return args;
}

function historyMessages(history: readonly Turn[]): ChatCompletionMessageParam[] {
  return history
    .slice(-HISTORY_TURNS)
    .map((turn) =>
      turn.from === "customer"
        ? { role: "user", content: turn.text }
        : { role: "assistant", content: turn.from === "staff" ? `[staff] ${turn.text}` : turn.text },
    );
}

/** Why a failure happened, in words fit for a log line (never the customer's text). */
function failureOf(error: unknown): { reason: string; status?: number } {
  if (error instanceof ModelFailure) return { reason: error.reason };
  if (error instanceof OpenAI.APIConnectionTimeoutError) return { reason: "timeout" };
  if (error instanceof OpenAI.APIUserAbortError) return { reason: "aborted" };
  if (error instanceof OpenAI.APIConnectionError) return { reason: "network" };
  if (error instanceof OpenAI.APIError) return { reason: "http_error", status: error.status };
  if (error instanceof SyntaxError) return { reason: "invalid_response" };
  return { reason: "error" };
}

function checkedDecision(respond: RespondArgs): BrainDecision {
  const reply = respond.reply?.trim() ?? null;
  if (reply === null) {
    // Silence is right only after an opt-out (its one confirmation is the engine's); else someone must answer.
    if (respond.action !== "record_optout") throw new ModelFailure("no_reply");
  } else if (reply === "") {
    throw new ModelFailure("empty_reply");
  } else if (reply.length > MODEL_MAX_REPLY_CHARS) {
    throw new ModelFailure("reply_too_long");
  }
  return { intent: respond.intent, action: respond.action, reply };
}

export function createModelBrain(options: ModelBrainOptions): Brain {
  const { client, model, timeoutMs, maxRetries, fallback, logger } = options;

  async function ask(context: BrainContext): Promise<BrainDecision> {
    const { input, tools } = context;
    const zone = input.facts.rules.timeZone;
    const prefetchRequest = prefetchArgs(context);
    const prefetch: Prefetch | null = prefetchRequest
      ? { args: prefetchRequest, result: await tools.call("find_open_times", prefetchRequest) }
      : null;
    const today = inZone(input.now, zone) as string;
    const messages: ChatCompletionMessageParam[] = [
      { role: "system", content: buildSystemPrompt(input.facts, today.slice(0, 10)) },
      ...historyMessages(input.history),
      { role: "system", content: buildContext(context, prefetch) },
      { role: "user", content: input.inbound.trim() === "" ? "(an empty text, maybe only a picture)" : input.inbound },
    ];

    for (let round = 1; round <= MAX_ROUNDS; round++) {
      const completion = await client.chat.completions.create(
        { model, messages, tools: FUNCTION_TOOLS, tool_choice: "required", parallel_tool_calls: true },
        { timeout: timeoutMs, maxRetries },
      );
      const message = completion.choices?.[0]?.message;
      if (!message) throw new ModelFailure("no_choices");
      const calls = checkCalls(message.tool_calls ?? []);
      messages.push({ role: "assistant", content: message.content ?? null, tool_calls: message.tool_calls });
      if (calls.length === 0) {
        messages.push({ role: "system", content: "End the turn by calling the respond function." });
        continue;
      }

      let respond: RespondArgs | null = null;
      let refused = false;
      for (const call of calls) {
        let content: unknown;
        if (call.name === RESPOND) {
          respond ??= call.args;
          content = { ok: true, note: "the reply is sent if every other call of this response succeeded" };
        } else {
          // Every call runs, even after a refusal: each is guarded on its own, and the model learns all results.
          const result = await tools.call(call.name, call.args);
          if (!result.ok) refused = true;
          content = inZone(result, zone);
        }
        messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify(content) });
      }
      if (respond && !refused) return checkedDecision(respond);
      if (refused) {
        messages.push({
          role: "system",
          content:
            "A call was refused and your reply was not sent. Answer again with what the tool results allow, then respond.",
        });
      }
    }
    throw new ModelFailure("no_respond");
  }

  return {
    kind: "model",
    async decide(context) {
      try {
        return await ask(context);
      } catch (error) {
        logger?.warn(
          { model, ...failureOf(error), error: error instanceof Error ? error.name : typeof error },
          "agent model failed: the rules brain answers",
        );
        return fallback.decide(context);
      }
    },
  };
}

const envSchema = z.object({
  OPENAI_API_KEY: z.string().trim().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().trim().min(1).optional(),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).optional(),
});

export const DEFAULT_MODEL = "gpt-4o-mini";
export const DEFAULT_TIMEOUT_MS = 8000;
export const DEFAULT_MAX_RETRIES = 2;

/**
 * The model brain from the server's settings; null without a key (the rules brain answers alone).
 * A malformed setting (a base URL that is not a URL, a timeout that is not a number of ms) throws a
 * ZodError naming it: better at start-up than a brain that silently talks to the wrong place.
 */
export function createModelBrainFromEnv(
  env: { OPENAI_API_KEY?: string; OPENAI_BASE_URL?: string; OPENAI_MODEL?: string; OPENAI_TIMEOUT_MS?: string },
  fallback: Brain,
  logger?: ModelBrainLogger,
): Brain | null {
  const settings = envSchema.parse({
    OPENAI_API_KEY: env.OPENAI_API_KEY || undefined,
    OPENAI_BASE_URL: env.OPENAI_BASE_URL || undefined,
    OPENAI_MODEL: env.OPENAI_MODEL || undefined,
    OPENAI_TIMEOUT_MS: env.OPENAI_TIMEOUT_MS || undefined,
  });
  if (!settings.OPENAI_API_KEY) return null;
  const timeoutMs = settings.OPENAI_TIMEOUT_MS ?? DEFAULT_TIMEOUT_MS;
  const client = new OpenAI({
    apiKey: settings.OPENAI_API_KEY,
    // Explicit, so the SDK does not read process.env itself.
    baseURL: settings.OPENAI_BASE_URL ?? "https://api.openai.com/v1",
    timeout: timeoutMs,
    maxRetries: DEFAULT_MAX_RETRIES,
  });
  return createModelBrain({
    client,
    model: settings.OPENAI_MODEL ?? DEFAULT_MODEL,
    timeoutMs,
    maxRetries: DEFAULT_MAX_RETRIES,
    fallback,
    logger,
  });
}
