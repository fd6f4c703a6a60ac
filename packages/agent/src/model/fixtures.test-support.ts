/**
 * A small business, a customer, a reading, a recording ToolBox and a trivial fall back brain for the
 * model brain's tests (the real tools and rules brain are tested on their own).
 */
import type { Brain, BrainContext, BrainDecision, ToolBox, ToolResult, Understanding } from "../ports.ts";
import { type AgentCustomer, type AgentFacts, DEFAULT_LIMITS, NEW_STATE, type TurnInput } from "../types.ts";

export const FACTS: AgentFacts = {
  business: {
    name: "Shine Auto Detailing",
    industry: "auto-detailing",
    bookingUrl: "https://shine.example/book",
    links: ["https://shine.example"],
    phoneNumbers: ["+15125550100"],
  },
  tone: { description: "Upbeat and brief.", preferredWords: ["ride"], avoidWords: ["cheap"] },
  rules: {
    timeZone: "America/Chicago",
    hours: { mon: [["08:00", "17:00"]], sat: [["09:00", "14:00"]] },
    closedDates: ["2026-12-25", "2020-01-01"],
    slotIntervalMinutes: 30,
    leadTimeMinutes: 120,
    bookingWindowDays: 60,
    bufferMinutes: 0,
    maxConcurrent: 1,
  },
  services: [
    {
      id: "svc_full",
      name: "Full Detail",
      durationMinutes: 180,
      price: { type: "fixed", cents: 15_000 },
      notes: "Inside and out.",
      quoteOnly: false,
      rule: {},
    },
    {
      id: "svc_ceramic",
      name: "Ceramic Coating",
      durationMinutes: 480,
      price: { type: "quote" },
      notes: null,
      quoteOnly: true,
      rule: { days: ["mon"] },
    },
  ],
  addOns: [
    {
      id: "ao_pet",
      name: "Pet Hair Removal",
      priceCents: 4_050,
      durationMinutes: 30,
      serviceIds: ["svc_full"],
      offerWhen: "the customer mentions a dog",
    },
  ],
  faqs: [{ id: "faq_water", question: "Do you need water?", answer: "No, we bring our own water and power." }],
  policy: {
    cancellationWindowHours: 24,
    cancellationFeeCents: 2_500,
    depositCents: 0,
    handoffNumbers: ["+15125550199"],
    quietHours: { start: "21:00", end: "08:00" },
  },
};

export const CUSTOMER: AgentCustomer = {
  known: true,
  name: "Dana",
  phone: "+15125557777",
  profile: { vehicle: "2019 Subaru Outback" },
  appointments: [
    {
      id: "appt_dana_1",
      serviceId: "svc_full",
      serviceName: "Full Detail",
      start: new Date("2026-12-07T15:00:00Z"),
      end: new Date("2026-12-07T18:00:00Z"),
      status: "booked",
      addOnIds: [],
    },
  ],
};

/** Thursday Dec 3 2026, 10:00 in Chicago. */
export const NOW = new Date("2026-12-03T16:00:00Z");

export function input(overrides: Partial<TurnInput> = {}): TurnInput {
  return {
    facts: FACTS,
    customer: CUSTOMER,
    state: NEW_STATE,
    history: [],
    inbound: "can I get a full detail sat at 9?",
    now: NOW,
    limits: DEFAULT_LIMITS,
    ...overrides,
  };
}

export function reading(overrides: Partial<Understanding> = {}): Understanding {
  return {
    language: "en",
    intents: ["book"],
    window: {
      from: new Date("2026-12-05T15:00:00Z"),
      to: new Date("2026-12-05T15:00:01Z"),
      exact: new Date("2026-12-05T15:00:00Z"),
      text: "sat at 9",
    },
    serviceIds: ["svc_full"],
    addOnIds: [],
    faqIds: [],
    pick: null,
    yes: false,
    no: false,
    appointmentIds: [],
    autoReply: false,
    abusive: false,
    spam: false,
    ...overrides,
  };
}

/** Records every call; answers find_open_times with two starts, refuses what `refuse` says, else ok. */
export function recordingTools(refuse: (name: string, args: unknown, nth: number) => string | null = () => null) {
  const calls: { name: string; args: unknown }[] = [];
  const tools: ToolBox = {
    async call(name, args): Promise<ToolResult<Record<string, unknown>>> {
      calls.push({ name, args });
      const reason = refuse(name, args, calls.filter((c) => c.name === name).length);
      if (reason) return { ok: false, refused: reason };
      if (name === "find_open_times") {
        return { ok: true, starts: [new Date("2026-12-05T15:00:00Z"), new Date("2026-12-05T17:00:00Z")] };
      }
      return { ok: true };
    },
  };
  return { tools, calls };
}

export const FALLBACK_DECISION: BrainDecision = {
  intent: "other",
  action: "handoff",
  reply: "Thanks! Someone from Shine Auto Detailing will text you back shortly.",
};

/** A stand-in for the rules brain: counts its calls and always hands off. */
export function fallbackBrain() {
  const seen: BrainContext[] = [];
  const brain: Brain = {
    kind: "rules",
    async decide(context) {
      seen.push(context);
      return FALLBACK_DECISION;
    },
  };
  return { brain, seen };
}

export function context(
  tools: ToolBox,
  overrides: { input?: Partial<TurnInput>; understanding?: Partial<Understanding> } = {},
) {
  return { input: input(overrides.input), understanding: reading(overrides.understanding), tools };
}
