// The SMS agent's vocabulary in words staff read: modes, intents, actions, outcomes, brains, and what
// a drafted or tested reply would change ("Books Full Detail, Sat, Dec 5, 9:00 AM").
import type { BadgeTone } from "@servicepro/ui";
import type { AgentMode } from "@servicepro/validators";

export const MODE_HELP: Record<AgentMode, { title: string; description: string }> = {
  off: {
    title: "Off",
    description: "Your team answers every text. The agent reads nothing and sends nothing.",
  },
  suggest: {
    title: "Suggest replies",
    description:
      "The agent writes a reply for each new text and waits. Your team sends it, edits it or dismisses it from the inbox; nothing goes out or gets booked until someone presses Send.",
  },
  autopilot: {
    title: "Autopilot",
    description:
      "The agent answers on its own: it offers times, books, moves and cancels (after the customer says yes), and hands anything it can't handle to your team.",
  },
};

const INTENT_LABELS: Record<string, string> = {
  optout: "Opt-out",
  complaint: "Complaint",
  human: "Asked for a person",
  cancel: "Cancel",
  reschedule: "Reschedule",
  book: "Book",
  availability: "Availability",
  confirm: "Yes / confirm",
  decline: "No / decline",
  price: "Price question",
  faq: "Question",
  greeting: "Greeting",
  other: "Other",
};

const ACTION_LABELS: Record<string, string> = {
  book: "Booked",
  offer_slots: "Offered times",
  ask_clarifying: "Asked a question",
  quote_price: "Quoted a price",
  answer_faq: "Answered from your FAQs",
  request_confirmation: "Asked for a yes",
  cancel: "Cancelled",
  reschedule: "Moved the appointment",
  handoff: "Handed to your team",
  record_optout: "Recorded the opt-out",
  none: "No reply",
};

const OUTCOMES: Record<string, { label: string; tone: BadgeTone }> = {
  sent: { label: "Sent", tone: "success" },
  drafted: { label: "Drafted", tone: "info" },
  handed_off: { label: "Needs a person", tone: "warning" },
  skipped: { label: "Skipped", tone: "neutral" },
  held: { label: "Held", tone: "neutral" },
};

// A value the server adds later still shows, as itself.
export const intentLabel = (intent: string): string => INTENT_LABELS[intent] ?? intent;
export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;
export const outcomeOf = (outcome: string): { label: string; tone: BadgeTone } =>
  OUTCOMES[outcome] ?? { label: outcome, tone: "neutral" };
export const brainLabel = (brain: string): string =>
  brain === "model" ? "AI model" : brain === "rules" ? "Rules engine" : brain;

const OFFSET = /([+-])(\d{2}):?(\d{2})$/;

/**
 * "Sat, Dec 5, 9:00 AM" on the business's wall clock: the agent writes times with the business's
 * UTC offset ("2026-12-05T09:00:00-06:00"), so the offset in the text says which clock to read.
 * A time without one (…Z) is shown in the browser's zone.
 */
export function wallTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  };
  const offset = OFFSET.exec(iso);
  if (!offset) return new Intl.DateTimeFormat(undefined, options).format(at);
  const minutes = (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  return new Intl.DateTimeFormat(undefined, { ...options, timeZone: "UTC" }).format(
    new Date(at.getTime() + minutes * 60_000),
  );
}

export type AgentWrite = { kind: string; [field: string]: unknown };
export type CatalogNames = { services: ReadonlyMap<string, string>; addOns: ReadonlyMap<string, string> };
export const NO_NAMES: CatalogNames = { services: new Map(), addOns: new Map() };

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** What one write does, in a sentence: "Books Full Detail, Sat, Dec 5, 9:00 AM". */
export function describeWrite(write: AgentWrite, names: CatalogNames = NO_NAMES): string {
  const start = text(write.start);
  switch (write.kind) {
    case "appointment.book": {
      const serviceId = text(write.serviceId);
      const service = text(write.serviceName) ?? (serviceId ? names.services.get(serviceId) : undefined) ?? "a job";
      const addOns = Array.isArray(write.addOnIds)
        ? write.addOnIds.map((id) => (typeof id === "string" ? (names.addOns.get(id) ?? null) : null))
        : [];
      const named = addOns.filter((name): name is string => name !== null);
      const extras =
        addOns.length === 0
          ? ""
          : named.length === addOns.length
            ? ` with ${named.join(", ")}`
            : ` with ${addOns.length} add-on${addOns.length === 1 ? "" : "s"}`;
      return `Books ${service}${extras}${start ? `, ${wallTime(start)}` : ""}`;
    }
    case "appointment.reschedule": {
      const from = text(write.from);
      return `Moves the appointment${from ? ` from ${wallTime(from)}` : ""}${start ? ` to ${wallTime(start)}` : ""}`;
    }
    case "appointment.cancel": {
      const fee = typeof write.feeCents === "number" && write.feeCents > 0 ? write.feeCents : 0;
      return fee > 0
        ? `Cancels the appointment, with the late-cancellation fee of $${(fee / 100).toFixed(2).replace(/\.00$/, "")}`
        : "Cancels the appointment";
    }
    case "appointment.add_on": {
      const addOnId = text(write.addOnId);
      const addOn = text(write.addOnName) ?? (addOnId ? names.addOns.get(addOnId) : undefined);
      return addOn ? `Adds ${addOn} to the appointment` : "Adds an add-on to the appointment";
    }
    case "appointment.confirm":
      return "Confirms the appointment";
    case "optout":
      return "Records that the customer wants no more texts";
    case "handoff":
      return text(write.reason)
        ? `Hands the conversation to your team: ${text(write.reason)}`
        : "Hands the conversation to your team";
    default:
      return write.kind;
  }
}

/** Whether any write names a service or add-on by id (then the catalog is worth loading for names). */
export const writesNeedNames = (writes: readonly AgentWrite[]): boolean =>
  writes.some(
    (write) =>
      (write.kind === "appointment.book" && (!text(write.serviceName) || Array.isArray(write.addOnIds))) ||
      (write.kind === "appointment.add_on" && !text(write.addOnName)),
  );

/** JSON for the tool-call details, readable and bounded (a tool result can be a long list of times). */
export function prettyJson(value: unknown, max = 4_000): string {
  let out: string;
  try {
    out = JSON.stringify(value, null, 2) ?? "null";
  } catch {
    out = String(value);
  }
  return out.length > max ? `${out.slice(0, max)}\n… (${(out.length - max).toLocaleString()} more characters)` : out;
}
