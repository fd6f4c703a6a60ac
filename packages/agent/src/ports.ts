/**
 * The seams between the agent's parts: what reading a text yields (Understanding), the guarded tools
 * a brain may use (ToolBox), and the brain itself (Brain). The engine (engine.ts) wires them: it
 * understands the text, runs the pre-checks no brain may skip (opt-out, loops, abuse), lets one
 * brain decide with the tools, and checks the reply before it leaves.
 */
import type { Action, AgentTurn, Intent, Language, TurnInput } from "./types.ts";

/** A span of time the customer would accept, resolved in the business's zone. */
export type TimeWindow = {
  /** Earliest acceptable start (inclusive). */
  from: Date;
  /** Latest acceptable start (exclusive). */
  to: Date;
  /** The exact start they named ("sat at 10", "10:30am tomorrow"), if they named one. */
  exact: Date | null;
  /** The words it came from, for the log ("sat morning"). */
  text: string;
};

/** What one text says, read without any brain (pure, deterministic). */
export type Understanding = {
  language: Language;
  /** Every intent found, in precedence order (INTENT_PRECEDENCE); the first is the text's intent. Never empty ("other"). */
  intents: Intent[];
  /** When they want it, if they said. */
  window: TimeWindow | null;
  /** The business's services the text names, best match first. */
  serviceIds: string[];
  /** Add-ons it names. */
  addOnIds: string[];
  /** FAQs that answer it, best first (only confident matches). */
  faqIds: string[];
  /** Which of the pending proposal's starts it picks (index), if a proposal with starts is pending. */
  pick: number | null;
  /** An explicit yes / no ("yes", "sí", "sounds good", "👍" / "no", "nah", "never mind"). */
  yes: boolean;
  no: boolean;
  /** Which of the sender's appointments it names (by day, time or service), best first. */
  appointmentIds: string[];
  /** An automatic reply (out of office, "I'm driving"): never answered (loop guard). */
  autoReply: boolean;
  /** Abuse or threats: no engagement, a person looks. */
  abusive: boolean;
  /** Spam (links, crypto, loans, "click here"): no engagement. */
  spam: boolean;
};

/** A tool's answer: what it found or did, or why the tool layer refused (the brain sees the same object). */
export type ToolResult<T = unknown> = ({ ok: true } & T) | { ok: false; refused: string };

/**
 * The tools, with their guards built in (tools.ts). The tenant and the customer are bound when the
 * box is made; every call is validated with its zod schema and logged in the turn's toolCalls.
 */
export interface ToolBox {
  /** Calls a tool by name with unchecked arguments (the model's path); an unknown name or bad args is refused. */
  call(name: string, args: unknown): Promise<ToolResult<Record<string, unknown>>>;
}

export type BrainContext = {
  input: TurnInput;
  understanding: Understanding;
  tools: ToolBox;
};

/** What a brain decided; the engine fills in the rest of the turn from the tool log and the state. */
export type BrainDecision = {
  /** The intent the brain read (the rules' reading when absent). */
  intent?: Intent;
  action: Action;
  reply: string | null;
  /** Which brain actually answered (a model brain that fell back to the rules says "rules"). */
  brain?: AgentTurn["brain"];
};

export interface Brain {
  readonly kind: AgentTurn["brain"];
  decide(context: BrainContext): Promise<BrainDecision>;
}
