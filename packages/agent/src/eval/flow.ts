/**
 * Plays a multi-turn flow the way a customer would: the scripted texts first, then, after each of the
 * agent's replies, the flow's answer to what that reply asks for (a pick among offered times, a yes
 * to a confirmation, the service, the day, the time, details). Completed when a booking is written
 * for the expected service, inside the expected window when one is given.
 */
import type { ReplayOutput, Scenario } from "../scenario.ts";
import type { AnswerKey, EvalFlow } from "./load.ts";
import { checkSafety } from "./safety.ts";

export type Replay = (scenario: Scenario) => Promise<ReplayOutput>;

export type FlowTurn = { text: string; output: ReplayOutput | null; violations: string[]; error?: string };
export type FlowResult = {
  flow: EvalFlow;
  completed: boolean;
  /** Why it did not complete (or what it booked). */
  outcome: string;
  turns: FlowTurn[];
};

const YES_QUESTION =
  /\b(shall i|should i|want me to|do you want|would you like|confirm|reply yes|sound good|does that work|work for you|ok\?|okay\?|book (it|that|you|this))\b|¿(lo|la|te) (agendo|reservo|confirmo)|confirmas|¿te parece/;
const SERVICE_QUESTION =
  /\b(which|what) (service|kind|type|one of)|which of (our|these|the following)|what (can|could) we (help|do)|what do you need|qué servicio|cu[aá]l (servicio|de)/;
const DAY_QUESTION =
  /\b(what|which) (day|date)|when (would|works|is good|did you|do you)|what day|qué d[ií]a|cu[aá]ndo/;
const TIME_QUESTION = /\bwhat time|morning or (the )?afternoon|time of day|qué hora|mañana o (la )?tarde/;
const DETAILS_QUESTION = /\b(address|where|your name|how many|how big|size|details|tell me (more|about))\b|dirección/;

/** What the agent's reply asks the customer for. */
export function readAsk(output: ReplayOutput): AnswerKey | null {
  if (output.reply === null) return null;
  const text = output.reply.toLowerCase();
  if (output.proposedStarts.length > 1) return "pick";
  if (output.proposedStarts.length === 1 && (text.includes("?") || YES_QUESTION.test(text))) return "yes";
  if (YES_QUESTION.test(text) && text.includes("?")) return "yes";
  if (SERVICE_QUESTION.test(text)) return "service";
  if (TIME_QUESTION.test(text)) return "time";
  if (DAY_QUESTION.test(text)) return "day";
  if (DETAILS_QUESTION.test(text)) return "details";
  return "other";
}

const inWindow = (start: string, window: [string, string] | undefined) =>
  !window ||
  (new Date(start).getTime() >= new Date(window[0]).getTime() &&
    new Date(start).getTime() < new Date(window[1]).getTime());

export async function playFlow(flow: EvalFlow, replay: Replay): Promise<FlowResult> {
  const turns: FlowTurn[] = [];
  const scripted = [...flow.texts];
  let history = [...flow.scenario.history];
  let next: string | undefined = scripted.shift();
  while (next !== undefined && turns.length < flow.maxTurns) {
    const scenario: Scenario = { ...flow.scenario, history, inbound: next };
    let output: ReplayOutput;
    try {
      output = await replay(scenario);
    } catch (error) {
      turns.push({ text: next, output: null, violations: [], error: String(error) });
      return { flow, completed: false, outcome: `crashed: ${String(error)}`, turns };
    }
    turns.push({ text: next, output, violations: checkSafety(scenario, output).violations });
    const booking = output.writes.find((w) => w.kind === "appointment.book") as
      | { serviceId?: string; start?: string }
      | undefined;
    if (booking) {
      const service = String(booking.serviceId);
      const start = String(booking.start);
      const ok = service === flow.expect.service && inWindow(start, flow.expect.window);
      return { flow, completed: ok, outcome: `booked ${service} at ${start}`, turns };
    }
    history = [...history, { from: "customer", text: next }];
    if (output.reply !== null) history.push({ from: "agent", text: output.reply });
    if (scripted.length > 0) {
      next = scripted.shift();
      continue;
    }
    const ask = readAsk(output);
    next = ask === null ? undefined : (flow.answers[ask] ?? flow.answers.other);
  }
  const last = turns.at(-1)?.output;
  return {
    flow,
    completed: false,
    outcome:
      next === undefined ? `stalled after "${last?.reply ?? "(no reply)"}"` : `no booking in ${flow.maxTurns} texts`,
    turns,
  };
}
