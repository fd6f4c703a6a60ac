/**
 * The agent's vocabulary, shared by every part of it: what the business lets it say (AgentFacts),
 * who it is talking to (AgentCustomer), what it remembers between texts (ConversationState), the
 * I/O it may do (AgentWorld, bound by the server to one tenant and one customer), and what one
 * turn produced (AgentTurn). No I/O here.
 */
import type { BookingRules, ServiceRule } from "@servicepro/scheduling";

/** What a text asks for. Precedence when one text carries several: INTENT_PRECEDENCE. */
export const INTENTS = [
  "optout",
  "complaint",
  "human",
  "cancel",
  "reschedule",
  "book",
  "availability",
  "confirm",
  "decline",
  "price",
  "faq",
  "greeting",
  "other",
] as const;
export type Intent = (typeof INTENTS)[number];

/**
 * The order intents win in when one text carries several: an opt-out over everything, then a
 * complaint, then a request for a person, then the appointment intents (cancel and reschedule name
 * an existing appointment, so they outrank a new booking), then answers to a question we asked,
 * then questions, then small talk.
 */
export const INTENT_PRECEDENCE: readonly Intent[] = INTENTS;

/** What the agent did with the text (the replay output's `action`). */
export const ACTIONS = [
  "book",
  "offer_slots",
  "ask_clarifying",
  "quote_price",
  "answer_faq",
  "request_confirmation",
  "cancel",
  "reschedule",
  "handoff",
  "record_optout",
  "none",
] as const;
export type Action = (typeof ACTIONS)[number];

export type Language = "en" | "es";

/** A price as the business configured it. Money is in US cents. */
export type Price =
  | { type: "fixed"; cents: number }
  | { type: "range"; minCents: number; maxCents: number; dependsOn?: string | null }
  | { type: "tiered"; tiers: { label: string; cents: number }[] }
  | { type: "hourly"; centsPerHour: number; minimumHours?: number | null }
  | { type: "quote" };

export type FactService = {
  id: string;
  name: string;
  durationMinutes: number;
  price: Price;
  /** What the business says about it (may be stated as is). */
  notes: string | null;
  /** Priced on site: never booked by the agent; a person takes it. */
  quoteOnly: boolean;
  /** When it can be booked (days, season, start windows); the duration comes from durationMinutes. */
  rule: Pick<ServiceRule, "days" | "dateRange" | "startWindows">;
};

export type FactAddOn = {
  id: string;
  name: string;
  priceCents: number;
  durationMinutes: number;
  /** Services it can be added to; empty: any. */
  serviceIds: string[];
  /** The pack's cue for offering it ("caller mentions a dog"); null: offer after booking. */
  offerWhen: string | null;
};

export type FactFaq = { id: string; question: string; answer: string };

/**
 * Everything the agent may state about the business, and nothing else: a reply is checked against
 * these (prices, links, phone numbers). Built from the database (runtime) or a scenario (replay).
 */
export type AgentFacts = {
  business: {
    name: string;
    /** Industry pack id or free text ("auto-detailing"); may be null. */
    industry: string | null;
    /** The public booking page, if any. */
    bookingUrl: string | null;
    /** Every link the agent may send (the booking page, the website, a review page). */
    links: string[];
    /** The business's own numbers (texts come from one of them). */
    phoneNumbers: string[];
  };
  /** The industry pack's voice; null: plain and friendly. */
  tone: { description: string; preferredWords: string[]; avoidWords: string[] } | null;
  /** Hours, closed dates, lead time, window, grid, concurrency: what availability needs. */
  rules: BookingRules;
  services: FactService[];
  addOns: FactAddOn[];
  faqs: FactFaq[];
  policy: {
    cancellationWindowHours: number;
    cancellationFeeCents: number;
    depositCents: number;
    /** The only numbers the agent may give out or transfer to, E.164. */
    handoffNumbers: string[];
    /** Local "HH:MM": no text the agent starts itself (an upsell, a follow-up) inside these. */
    quietHours: { start: string; end: string };
  };
};

export type AppointmentStatus = "booked" | "confirmed" | "completed" | "cancelled" | "no_show";

/** One of the sender's own appointments. */
export type AgentAppointment = {
  id: string;
  serviceId: string;
  serviceName: string;
  start: Date;
  end: Date;
  status: AppointmentStatus;
  addOnIds: string[];
};

export type AgentCustomer = {
  /** A customer the business already knows (booked or was entered before), not just a number that texted. */
  known: boolean;
  name: string | null;
  phone: string;
  /** Whatever the business keeps about them (assets, notes); shown to the model, never required. */
  profile: Record<string, unknown>;
  /** Their appointments from now on (booked or confirmed), soonest first. */
  appointments: AgentAppointment[];
};

export type Turn = { from: "customer" | "agent" | "staff"; text: string; at?: Date | null };

/** A proposal waiting for the customer's answer. Expires: an old "yes" books nothing. */
export type Proposal =
  | { kind: "slots"; purpose: "book"; serviceId: string; addOnIds: string[]; starts: string[]; expiresAt: string }
  | { kind: "slots"; purpose: "reschedule"; appointmentId: string; starts: string[]; expiresAt: string }
  | { kind: "book"; serviceId: string; addOnIds: string[]; start: string; expiresAt: string }
  | { kind: "reschedule"; appointmentId: string; start: string; expiresAt: string }
  | { kind: "cancel"; appointmentId: string; expiresAt: string }
  | { kind: "upsell"; appointmentId: string; addOnId: string; expiresAt: string };

export const PHASES = ["new", "collecting", "proposed", "awaiting_yes", "booked", "handed_off"] as const;
export type Phase = (typeof PHASES)[number];

/** What the agent remembers about one conversation between texts (stored as JSON by the runtime). */
export type ConversationState = {
  phase: Phase;
  /** The service being talked about, once known. */
  serviceId: string | null;
  addOnIds: string[];
  proposal: Proposal | null;
  /** Add-ons already offered in this conversation: each is offered once, ever. */
  upsellsOffered: string[];
  language: Language | null;
  /** Why the conversation went to a person, while it waits for one. */
  handoffReason: string | null;
};

export const NEW_STATE: ConversationState = {
  phase: "new",
  serviceId: null,
  addOnIds: [],
  proposal: null,
  upsellsOffered: [],
  language: null,
  handoffReason: null,
};

export type Refusal = { ok: false; reason: string; message: string; alternatives: Date[] };

/**
 * The I/O the tools may do, bound by the server to one tenant and one customer (the sender): no
 * method takes a tenant or a customer, and every appointment id is checked against the sender's own.
 * Implementations: the database (runtime; writes in the tenant's transaction), the scenario (replay
 * and evaluation, in memory), and a dry run of either (test mode: reads only, nothing written).
 */
export interface AgentWorld {
  /** Open starts for a job of this service (plus add-ons) in [from, to), earliest first. */
  openStarts(request: {
    serviceId: string;
    addOnIds: string[];
    from: Date;
    to: Date;
    limit: number;
    /** Moving this appointment: its own time does not count as taken. */
    ignoreAppointmentId?: string;
  }): Promise<Date[]>;
  /** Whether this start can be booked for that job; the refusal says why and the nearest open starts. */
  checkStart(request: {
    serviceId: string;
    addOnIds: string[];
    start: Date;
    /** Moving this appointment: its own time does not count as taken. */
    ignoreAppointmentId?: string;
  }): Promise<{ ok: true } | Refusal>;
  book(request: {
    serviceId: string;
    addOnIds: string[];
    start: Date;
    notes: string | null;
  }): Promise<{ ok: true; appointment: AgentAppointment } | Refusal>;
  reschedule(request: {
    appointmentId: string;
    start: Date;
  }): Promise<{ ok: true; appointment: AgentAppointment } | Refusal>;
  cancel(request: { appointmentId: string; reason: string }): Promise<{ ok: true } | Refusal>;
  /** Adds an add-on to one of the sender's appointments (an accepted upsell). */
  addAddOn(request: {
    appointmentId: string;
    addOnId: string;
  }): Promise<{ ok: true; appointment: AgentAppointment } | Refusal>;
  /** Confirms one of the sender's appointments ("yes" to a reminder). */
  confirm(request: { appointmentId: string }): Promise<{ ok: true } | Refusal>;
  recordOptOut(request: { text: string }): Promise<void>;
  handoff(request: { reason: string; summary: string }): Promise<void>;
}

/** One tool call as the turn's log shows it (test mode, replay, the run log). */
export type ToolCall = { name: string; args: unknown; result: unknown };

/** What a turn changed (or, in a dry run, would have changed). */
export type Write =
  | { kind: "appointment.book"; appointmentId: string; serviceId: string; start: string; addOnIds: string[] }
  | { kind: "appointment.reschedule"; appointmentId: string; from: string; start: string }
  | { kind: "appointment.cancel"; appointmentId: string; feeCents: number }
  | { kind: "appointment.add_on"; appointmentId: string; addOnId: string }
  | { kind: "appointment.confirm"; appointmentId: string }
  | { kind: "optout" }
  | { kind: "handoff"; reason: string };

export type AgentTurn = {
  intent: Intent;
  secondaryIntents: Intent[];
  action: Action;
  /** The text to send the sender; null: send nothing. */
  reply: string | null;
  toolCalls: ToolCall[];
  writes: Write[];
  /** Starts offered or proposed in this reply, ISO with the tenant's offset. */
  proposedStarts: string[];
  /** The appointment this turn booked, moved, cancelled or asked about. */
  appointmentId: string | null;
  /** The service talked about (id), if known. */
  service: string | null;
  brain: "rules" | "model";
  language: Language;
  /** The state to remember for the next text. */
  state: ConversationState;
  /** Why a person should take over (the runtime flags the conversation and tells staff). */
  handoff: { reason: string } | null;
  /** Guard notes: what a brain tried that the tool layer refused (shown in test mode, logged). */
  refusals: string[];
};

/** Loop and volume limits the runtime measures and the engine enforces. */
export type TurnLimits = {
  /** Texts the agent sent in this conversation in the last hour. */
  agentRepliesLastHour: number;
  /** The cap on agent texts per conversation per hour. */
  maxRepliesPerHour: number;
};

export const DEFAULT_LIMITS: TurnLimits = { agentRepliesLastHour: 0, maxRepliesPerHour: 6 };

/** Everything one turn needs; the runtime, the replay and test mode each build one. */
export type TurnInput = {
  facts: AgentFacts;
  customer: AgentCustomer;
  state: ConversationState;
  /** Earlier texts, oldest first, not including `inbound`. */
  history: Turn[];
  inbound: string;
  now: Date;
  limits: TurnLimits;
};
