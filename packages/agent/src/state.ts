/**
 * The conversation's state machine: new → collecting → proposed (times offered) → awaiting_yes (a
 * change to confirm) → booked / handed_off. The runtime stores the state between texts; a replay
 * (and test mode) has only the transcript, so `stateFromHistory` rebuilds the pending proposal from
 * the agent's own last text: the times it offered, the cancellation or move it asked about, the
 * add-on it offered. Proposals expire (PROPOSAL_TTL_MINUTES): an old "yes" books nothing.
 */
import { TZDate } from "@date-fns/tz";
import * as chrono from "chrono-node";
import { formatStart, formatTime, isoInZone } from "./format.ts";
import type { Understanding } from "./ports.ts";
import { PROPOSAL_TTL_MINUTES, type TurnLog } from "./tools.ts";
import {
  type Action,
  type AgentAppointment,
  type AgentCustomer,
  type AgentFacts,
  type ConversationState,
  type Language,
  NEW_STATE,
  type Phase,
  type Proposal,
  type Turn,
} from "./types.ts";
import { detectLanguage, understand } from "./understand/index.ts";

const MINUTE = 60_000;

/** The state without a proposal whose time is up. */
export function expireState(state: ConversationState, now: Date): ConversationState {
  if (!state.proposal || new Date(state.proposal.expiresAt) > now) return state;
  return {
    ...state,
    proposal: null,
    phase: state.phase === "proposed" || state.phase === "awaiting_yes" ? "collecting" : state.phase,
  };
}

/**
 * Every start a text names, in order: "Sat, Dec 5 at 9:00 AM, 11:00 AM or 1:00 PM" is three starts
 * (a time without a day takes the day named before it). Only starts after `now`.
 */
export function startsIn(text: string, now: Date, timeZone: string, language: Language): Date[] {
  const parser = language === "es" ? chrono.es.casual : chrono.casual;
  const local = new TZDate(now.getTime(), timeZone);
  // chrono reads wall times against a reference; give it the business's wall clock as a plain date.
  const reference = new Date(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
  );
  const results = parser.parse(text, reference, { forwardDate: true });
  const starts: Date[] = [];
  let day: [number, number, number] | null = null;
  for (const result of results) {
    const c = result.start;
    if (c.isCertain("day") || c.isCertain("weekday")) day = [c.get("year")!, c.get("month")!, c.get("day")!];
    if (!c.isCertain("hour")) continue;
    const [y, m, d] = day ?? [c.get("year")!, c.get("month")!, c.get("day")!];
    const start = new Date(new TZDate(y, m - 1, d, c.get("hour")!, c.get("minute") ?? 0, 0, timeZone).getTime());
    if (start > now && !starts.some((s) => s.getTime() === start.getTime())) starts.push(start);
  }
  return starts;
}

const CANCEL_QUESTION = /\bcancel|\bcancelar?\b|\bcancelo\b/i;
const MOVE_WORDS = /\b(move|moving|reschedul\w*|change|switch|push|cambiar|cambio|mover|pasar|reprogramar)\b/i;
const ASKS_YES = /\?|reply (yes|y\b)|text (yes|y\b)|responda s[ií]|confirm/i;
const BOOK_QUESTION =
  /\b(book|reserve|schedule|grab|hold|lock)\b.*\?|\b(agendo|reservo|aparto|agendar|reservar)\b.*\?/i;
const ADD_WORDS = /\b(add|include|agregar|añadir|incluir)\b/i;

/** Rebuilds what the agent was waiting for from the transcript (replay, test mode, a lost state). */
export function stateFromHistory(
  history: readonly Turn[],
  facts: AgentFacts,
  customer: AgentCustomer,
  now: Date,
): ConversationState {
  const zone = facts.rules.timeZone;
  const customerTexts = history.filter((t) => t.from === "customer").map((t) => t.text);
  const language: Language | null = customerTexts.length ? detectLanguage(customerTexts.join(" ")) : null;
  const lastAgent = [...history].reverse().find((t) => t.from === "agent");
  const read = (text: string) =>
    understand(text, {
      now,
      timeZone: zone,
      services: facts.services,
      addOns: facts.addOns,
      faqs: facts.faqs,
      appointments: customer.appointments,
      proposal: null,
    });
  // The service under discussion: the last one the customer named, else the one the agent named.
  let serviceId: string | null = null;
  for (const text of [...customerTexts].reverse()) {
    const ids = read(text).serviceIds;
    if (ids.length === 1) {
      serviceId = ids[0]!;
      break;
    }
  }
  const upsellsOffered = facts.addOns
    .filter((a) =>
      history.some(
        (t) => t.from === "agent" && ADD_WORDS.test(t.text) && t.text.toLowerCase().includes(a.name.toLowerCase()),
      ),
    )
    .map((a) => a.id);
  const base: ConversationState = { ...NEW_STATE, serviceId, upsellsOffered, language };
  if (!lastAgent) return { ...base, phase: customerTexts.length ? "collecting" : "new" };

  const text = lastAgent.text;
  const agentLanguage = detectLanguage(text);
  const agentRead = read(text);
  serviceId ??= agentRead.serviceIds[0] ?? (facts.services.length === 1 ? facts.services[0]!.id : null);
  const expiresAt = new Date(now.getTime() + PROPOSAL_TTL_MINUTES * MINUTE).toISOString();
  const starts = startsIn(text, now, zone, agentLanguage);
  const upcoming = customer.appointments.filter((a) => a.status === "booked" || a.status === "confirmed");
  // The appointment the text is about: its current start is quoted, or its service, or it is the only one.
  const about: AgentAppointment | undefined =
    upcoming.find((a) => starts.some((s) => Math.abs(s.getTime() - a.start.getTime()) < MINUTE)) ??
    upcoming.find((a) => agentRead.appointmentIds.includes(a.id)) ??
    upcoming.find((a) => text.toLowerCase().includes(a.serviceName.toLowerCase())) ??
    (upcoming.length === 1 ? upcoming[0] : undefined);
  const fresh = about ? starts.filter((s) => Math.abs(s.getTime() - about.start.getTime()) >= MINUTE) : starts;
  const withState = (phase: Phase, proposal: Proposal | null): ConversationState => ({
    ...base,
    serviceId: proposal?.kind === "slots" && proposal.purpose === "book" ? proposal.serviceId : serviceId,
    phase,
    proposal,
  });

  if (about && CANCEL_QUESTION.test(text) && ASKS_YES.test(text) && fresh.length === 0)
    return withState("awaiting_yes", { kind: "cancel", appointmentId: about.id, expiresAt });
  if (about && MOVE_WORDS.test(text) && fresh.length > 0) {
    if (fresh.length === 1 && ASKS_YES.test(text) && !/\bwhich\b|\bcu[aá]l\b/i.test(text))
      return withState("awaiting_yes", {
        kind: "reschedule",
        appointmentId: about.id,
        start: isoInZone(fresh[0]!, zone),
        expiresAt,
      });
    return withState("proposed", {
      kind: "slots",
      purpose: "reschedule",
      appointmentId: about.id,
      starts: fresh.map((s) => isoInZone(s, zone)),
      expiresAt,
    });
  }
  const addOn = facts.addOns.find((a) => text.toLowerCase().includes(a.name.toLowerCase()));
  if (addOn && ADD_WORDS.test(text) && ASKS_YES.test(text) && upcoming.length > 0 && fresh.length === 0) {
    const target = about ?? upcoming[0]!;
    return withState("awaiting_yes", { kind: "upsell", appointmentId: target.id, addOnId: addOn.id, expiresAt });
  }
  if (fresh.length > 0 && serviceId) {
    if (fresh.length === 1 && BOOK_QUESTION.test(text))
      return withState("awaiting_yes", {
        kind: "book",
        serviceId,
        addOnIds: [],
        start: isoInZone(fresh[0]!, zone),
        expiresAt,
      });
    return withState("proposed", {
      kind: "slots",
      purpose: "book",
      serviceId,
      addOnIds: agentRead.addOnIds,
      starts: fresh.map((s) => isoInZone(s, zone)),
      expiresAt,
    });
  }
  return withState("collecting", null);
}

/** Which of the starts found this turn the reply actually offers (by their day and time as written). */
export function presentedStarts(reply: string, starts: readonly Date[], timeZone: string, language: Language): Date[] {
  const shown = starts.filter((s) => {
    const time = formatTime(s, timeZone, language);
    const day = formatStart(s, timeZone, language).split(language === "es" ? " a las" : " at")[0]!;
    return (
      reply.includes(time) &&
      (reply.includes(day) ||
        !starts.some((o) =>
          reply.includes(formatStart(o, timeZone, language).split(language === "es" ? " a las" : " at")[0]!),
        ))
    );
  });
  return shown.length > 0 ? shown : [...starts];
}

/** The state after a turn: what was proposed, booked or handed off; what is remembered. */
export function nextState(
  previous: ConversationState,
  turn: { log: TurnLog; understanding: Understanding; action: Action; offered: Date[]; timeZone: string; now: Date },
): ConversationState {
  const { log, action } = turn;
  const expiresAt = new Date(turn.now.getTime() + PROPOSAL_TTL_MINUTES * MINUTE).toISOString();
  let proposal: Proposal | null = previous.proposal;
  if (log.proposal) proposal = log.proposal;
  else if (action === "offer_slots" && log.offered && turn.offered.length > 0) {
    const starts = turn.offered.map((s) => isoInZone(s, turn.timeZone));
    proposal =
      log.offered.purpose === "reschedule" && log.offered.appointmentId
        ? { kind: "slots", purpose: "reschedule", appointmentId: log.offered.appointmentId, starts, expiresAt }
        : {
            kind: "slots",
            purpose: "book",
            serviceId: log.offered.serviceId,
            addOnIds: log.offered.addOnIds,
            starts,
            expiresAt,
          };
  } else if (log.writes.some((w) => w.kind !== "handoff") || ["none", "ask_clarifying", "handoff"].includes(action))
    proposal = null;
  const phase: Phase = log.handoff
    ? "handed_off"
    : log.writes.some((w) => w.kind === "appointment.book")
      ? proposal?.kind === "upsell"
        ? "awaiting_yes"
        : "booked"
      : proposal?.kind === "slots"
        ? "proposed"
        : proposal
          ? "awaiting_yes"
          : action === "ask_clarifying" || previous.phase === "new"
            ? "collecting"
            : previous.phase === "handed_off"
              ? "collecting"
              : previous.phase;
  return {
    phase,
    serviceId: log.serviceId ?? turn.understanding.serviceIds[0] ?? previous.serviceId,
    addOnIds: previous.addOnIds,
    proposal,
    upsellsOffered: log.upsellOffered ? [...previous.upsellsOffered, log.upsellOffered] : previous.upsellsOffered,
    language: turn.understanding.language,
    handoffReason: log.handoff?.reason ?? (phase === "handed_off" ? previous.handoffReason : null),
  };
}
