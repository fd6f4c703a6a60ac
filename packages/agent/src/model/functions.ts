/**
 * What the model is told it may call, generated from TOOL_SCHEMAS (so the definitions and what the
 * server accepts cannot drift apart), plus `respond`, the call that ends a turn. Every call the
 * model sends is parsed and checked here before anything runs: a call that fails here fails the
 * whole response (the brain falls back), so no write happens on a half-valid response.
 */
// eslint-disable-next-line no-restricted-imports -- the model brain is the package's one vendor adapter (docs/decisions/0016-sms-agent.md)
import type { ChatCompletionFunctionTool, ChatCompletionMessageToolCall } from "openai/resources/chat/completions";
import { z } from "zod";
import { TOOL_NAMES, TOOL_SCHEMAS, type ToolName } from "../tool-schemas.ts";
import { ACTIONS, type Action, INTENTS, type Intent } from "../types.ts";

export const RESPOND = "respond";

export const respondArgsSchema = z.strictObject({
  intent: z.enum(INTENTS).describe("what the customer's text asks for"),
  action: z.enum(ACTIONS).describe("what you did about it"),
  // No max here: an overlong reply is the brain's own check (MAX_REPLY_CHARS), with its own reason in the log.
  reply: z
    .string()
    .nullable()
    .describe("the SMS to send the customer, short (at most 320 characters); null only after recording an opt-out"),
});
export type RespondArgs = { intent: Intent; action: Action; reply: string | null };

const RESPOND_DESCRIPTION =
  "Ends your turn: the text to send the customer and what you did. Call it once, last, after (or together with) the tools the reply depends on.";

function parametersOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...parameters } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return parameters;
}

/** The function definitions sent with every request (the same for every turn, so they cache well). */
export const FUNCTION_TOOLS: ChatCompletionFunctionTool[] = [
  ...TOOL_NAMES.map((name) => ({
    type: "function" as const,
    function: {
      name,
      description: TOOL_SCHEMAS[name].description,
      parameters: parametersOf(TOOL_SCHEMAS[name].args),
    },
  })),
  {
    type: "function",
    function: { name: RESPOND, description: RESPOND_DESCRIPTION, parameters: parametersOf(respondArgsSchema) },
  },
];

/** One call of the model's, checked: a known function with arguments its schema accepts. */
export type CheckedCall =
  | { id: string; name: ToolName; args: Record<string, unknown> }
  | { id: string; name: typeof RESPOND; args: RespondArgs };

/** Why a response cannot be used (the brain logs the reason and falls back). */
export class ModelFailure extends Error {
  readonly reason: string;
  constructor(reason: string, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = "ModelFailure";
    this.reason = reason;
  }
}

const isToolName = (name: string): name is ToolName => Object.hasOwn(TOOL_SCHEMAS, name);

/** Parses and checks every call of one response; throws ModelFailure on the first one that is not usable. */
export function checkCalls(toolCalls: readonly ChatCompletionMessageToolCall[]): CheckedCall[] {
  return toolCalls.map((call) => {
    if (call.type !== "function") throw new ModelFailure("unknown_function", call.type);
    const { name } = call.function;
    let raw: unknown;
    try {
      raw = call.function.arguments.trim() === "" ? {} : JSON.parse(call.function.arguments);
    } catch {
      throw new ModelFailure("invalid_json", name);
    }
    if (name === RESPOND) {
      const parsed = respondArgsSchema.safeParse(raw);
      if (!parsed.success) throw new ModelFailure("invalid_arguments", name);
      return { id: call.id, name: RESPOND, args: parsed.data };
    }
    if (!isToolName(name)) throw new ModelFailure("unknown_function", name.slice(0, 60));
    const parsed = TOOL_SCHEMAS[name].args.safeParse(raw);
    if (!parsed.success) throw new ModelFailure("invalid_arguments", name);
    return { id: call.id, name, args: parsed.data as Record<string, unknown> };
  });
}
