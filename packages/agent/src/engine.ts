/**
 * One turn of the agent: understand the text, run the checks no brain may skip, let the brain decide
 * with the guarded tools, check the reply, and work out the next state.
 *
 * The checks before any brain, in order:
 * 1. an opt-out is recorded and gets at most one confirmation (none if one was already sent), and
 *    nothing else; a text the opt-out classifier is unsure about goes to a person unanswered;
 * 2. automatic replies (out of office, "I'm driving") get nothing: two bots must not talk forever;
 * 3. spam gets nothing; abuse gets nothing but a flag for a person;
 * 4. the cap on agent texts per conversation per hour hands the conversation to a person;
 * 5. an empty text (a photo, a blank) goes to a person with a short acknowledgement.
 * A brain that throws is replaced by the rules; a reply that fails the check (guard.ts) is replaced by
 * a safe one built from what the turn actually did.
 */
import { classifyConsent } from "@servicepro/opt-out";
import { formatStart, isoInZone } from "./format.ts";
import { checkReply } from "./guard.ts";
import type { Brain, BrainDecision, ToolBox, Understanding } from "./ports.ts";
import { rulesBrain } from "./rules-brain.ts";
import { expireState, nextState, presentedStarts } from "./state.ts";
import { words } from "./texts.ts";
import { createToolBox, newTurnLog, type TurnLog } from "./tools.ts";
import type { Action, AgentTurn, AgentWorld, Intent, TurnInput } from "./types.ts";
import { understand } from "./understand/index.ts";

/** The longest text read: Twilio's 1,600 characters (a longer one is cut, not refused). */
const MAX_INBOUND = 1_600;

export type TurnDeps = { world: AgentWorld; brain?: Brain };

/** Control characters out, whitespace folded, at most MAX_INBOUND characters (whole code points). */
export function cleanInbound(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g, " ");
  return Array.from(clean.replace(/[ \t]+/g, " ").trim())
    .slice(0, MAX_INBOUND)
    .join("");
}

export async function runTurn(input: TurnInput, deps: TurnDeps): Promise<AgentTurn> {
  const brain = deps.brain ?? rulesBrain;
  const inbound = cleanInbound(input.inbound);
  const state = expireState(input.state, input.now);
  const facts = input.facts;
  const zone = facts.rules.timeZone;
  const u = understand(inbound, {
    now: input.now,
    timeZone: zone,
    services: facts.services,
    addOns: facts.addOns,
    faqs: facts.faqs,
    appointments: input.customer.appointments,
    proposal: state.proposal,
    history: input.history,
  });
  const turnInput: TurnInput = { ...input, inbound, state };
  const log = newTurnLog();
  const tools = createToolBox({
    input: turnInput,
    understanding: u,
    world: deps.world,
    log,
    pending: state.proposal,
    namedStarts: namedStarts(turnInput, u),
  });
  const w = words(u.language);
  const business = facts.business.name;

  const finish = (action: Action, reply: string | null, brainKind: AgentTurn["brain"] = "rules", intent?: Intent) =>
    buildTurn({ input: turnInput, u, log, tools, action, reply, brain: brainKind, intent });

  // 1. Opt-outs: recorded, at most one confirmation, nothing else.
  const consent = classifyConsent(inbound);
  if (consent.kind === "opt_out") {
    await tools.call("record_opt_out", {});
    const alreadyConfirmed = input.history.some((t) => t.from === "agent" && /unsubscribed|START/.test(t.text));
    return finish("record_optout", alreadyConfirmed ? null : w.optOut(business), "rules", "optout");
  }
  if (consent.kind === "review") {
    await tools.call("hand_off", { reason: "other", summary: "Might be asking to stop texts: staff decide." });
    return finish("handoff", null, "rules", "optout");
  }
  // 2.–3. Machines and abuse get no engagement.
  if (u.autoReply || u.spam) return finish("none", null);
  if (u.abusive && !u.intents.includes("complaint")) {
    await tools.call("hand_off", { reason: "other", summary: "Abusive text: no reply was sent." });
    return finish("handoff", null);
  }
  // 4. The loop guard's cap.
  if (input.limits.agentRepliesLastHour >= input.limits.maxRepliesPerHour) {
    await tools.call("hand_off", { reason: "other", summary: "The agent reached its hourly text limit here." });
    return finish("handoff", null);
  }
  // 5. Nothing to read.
  if (inbound === "") {
    await tools.call("hand_off", { reason: "other", summary: "An empty text (a photo or a blank)." });
    return finish("handoff", w.photo(business));
  }

  let decision: BrainDecision;
  let used: AgentTurn["brain"] = brain.kind;
  try {
    decision = await brain.decide({ input: turnInput, understanding: u, tools });
  } catch {
    used = "rules";
    decision = await rulesBrain.decide({ input: turnInput, understanding: u, tools });
  }
  return finish(decision.action, decision.reply, used, decision.intent);
}

/** Exact starts the customer named now or in their texts since the agent's last reply (a double text). */
function namedStarts(input: TurnInput, u: Understanding): Date[] {
  const starts: Date[] = [];
  if (u.window?.exact) starts.push(u.window.exact);
  for (let i = input.history.length - 1; i >= 0; i--) {
    const turn = input.history[i]!;
    if (turn.from !== "customer") break;
    const read = understand(turn.text, {
      now: input.now,
      timeZone: input.facts.rules.timeZone,
      services: input.facts.services,
      addOns: input.facts.addOns,
      faqs: input.facts.faqs,
      appointments: input.customer.appointments,
      proposal: null,
    });
    if (read.window?.exact) starts.push(read.window.exact);
  }
  return starts;
}

/** What the log proves happened outranks what a brain says it did. */
function actionOf(log: TurnLog, claimed: Action): Action {
  const kinds = new Set(log.writes.map((w) => w.kind));
  if (kinds.has("optout")) return "record_optout";
  if (kinds.has("appointment.book")) return "book";
  if (kinds.has("appointment.cancel")) return "cancel";
  if (kinds.has("appointment.reschedule")) return "reschedule";
  if (log.handoff) return "handoff";
  if (log.proposal && log.proposal.kind !== "upsell" && log.question) return "request_confirmation";
  if (claimed === "book" || claimed === "cancel" || claimed === "reschedule" || claimed === "record_optout")
    return log.offered ? "offer_slots" : "none";
  if (claimed === "request_confirmation" && !log.question) return log.offered ? "offer_slots" : "none";
  return claimed;
}

async function buildTurn(args: {
  input: TurnInput;
  u: Understanding;
  log: TurnLog;
  tools: ToolBox;
  action: Action;
  reply: string | null;
  brain: AgentTurn["brain"];
  intent: Intent | undefined;
}): Promise<AgentTurn> {
  const { input, u, log } = args;
  const facts = input.facts;
  const zone = facts.rules.timeZone;
  let action = actionOf(log, args.action);
  let reply = args.reply?.trim() ? args.reply.trim() : null;

  // A change to confirm must be asked in words that name the appointment and the change.
  if (action === "request_confirmation" && log.question && (!reply || !reply.includes(log.question)))
    reply = log.question;
  if (reply) {
    const check = checkReply(reply, {
      facts,
      amounts: log.amounts,
      statements: log.statements,
      writes: log.writes,
    });
    if (!check.ok) {
      log.refusals.push(...check.problems.map((p) => `reply: ${p}`));
      reply = safeReply(input, u, log, action);
      // Nothing done that the reply can state: a person picks the conversation up.
      if (reply === null) {
        await args.tools.call("hand_off", { reason: "other", summary: "The agent's reply failed the safety check." });
        action = "handoff";
        reply = words(u.language).notUnderstood(facts.business.name);
      }
    }
  }
  const offered =
    action === "offer_slots" && log.offered ? presentedStarts(reply ?? "", log.offered.starts, zone, u.language) : [];
  const proposedStarts =
    action === "offer_slots"
      ? offered.map((s) => isoInZone(s, zone))
      : log.proposal && log.proposal.kind === "reschedule"
        ? [log.proposal.start]
        : log.booked
          ? [isoInZone(log.booked.start, zone)]
          : log.writes.flatMap((w) => (w.kind === "appointment.reschedule" ? [w.start] : []));
  const state = nextState(input.state, { log, understanding: u, action, offered, timeZone: zone, now: input.now });
  const intent = u.intents[0] ?? args.intent ?? "other";
  return {
    intent,
    secondaryIntents: u.intents.filter((i) => i !== intent && i !== "other"),
    action,
    reply,
    toolCalls: log.toolCalls,
    writes: log.writes,
    proposedStarts,
    appointmentId: log.appointmentId,
    service: log.serviceId ?? u.serviceIds[0] ?? input.state.serviceId ?? null,
    brain: args.brain,
    language: u.language,
    state,
    handoff: log.handoff ? { reason: log.handoff.reason } : null,
    refusals: log.refusals,
  };
}

/** A reply that states only what the turn did, in the rules' own words (used when a brain's reply fails the check). */
function safeReply(input: TurnInput, u: Understanding, log: TurnLog, action: Action): string | null {
  const w = words(u.language);
  const zone = input.facts.rules.timeZone;
  const business = input.facts.business.name;
  const serviceName = (id: string | null | undefined) => input.facts.services.find((s) => s.id === id)?.name ?? "";
  if (log.booked)
    return w.booked(serviceName(log.booked.serviceId), formatStart(log.booked.start, zone, u.language), null);
  const write = log.writes.find((x) => x.kind !== "handoff");
  const appointment = input.customer.appointments.find((a) => a.id === log.appointmentId);
  if (write?.kind === "appointment.cancel" && appointment)
    return w.cancelled(appointment.serviceName, formatStart(appointment.start, zone, u.language), null);
  if (write?.kind === "appointment.reschedule" && appointment)
    return w.moved(appointment.serviceName, formatStart(new Date(write.start), zone, u.language));
  if (write?.kind === "appointment.confirm" && appointment)
    return w.confirmed(appointment.serviceName, formatStart(appointment.start, zone, u.language));
  if (action === "request_confirmation" && log.question) return log.question;
  if (log.handoff) return w.notUnderstood(business);
  return null;
}
