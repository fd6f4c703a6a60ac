/**
 * Understanding one customer text, without any brain: pure, deterministic and fast (no I/O; well
 * under a millisecond for a typical text). The readers, each in its own file:
 * - text.ts: the cleaned forms (text-speak, typos, voice-to-text numbers);
 * - intents.ts: what it asks for, in precedence order, with yes / no;
 * - when.ts: the time window in the business's zone (chrono-node, DST-safe);
 * - services.ts, faq.ts, appointments.ts: which services, add-ons, FAQs and appointments it names;
 * - pick.ts: which offered time it picks;
 * - language.ts, guards.ts: its language; auto-replies, abuse and spam.
 * Bad input (empty, 1,600+ characters, emoji, control characters, another language) never throws:
 * it reads as ["other"] in English at worst.
 */
import type { TimeWindow, Understanding } from "../ports.ts";
import type { AgentAppointment, FactAddOn, FactFaq, FactService, Proposal, Turn } from "../types.ts";
import { matchAppointments } from "./appointments.ts";
import { matchFaqs } from "./faq.ts";
import { readGuards } from "./guards.ts";
import { readIntents } from "./intents.ts";
import { languageOf } from "./language.ts";
import { pickOffer } from "./pick.ts";
import { matchNames } from "./services.ts";
import { clean } from "./text.ts";
import { readWhen, type WhenReading } from "./when.ts";

export { isAffirmative, isNegative } from "./intents.ts";
export { detectLanguage } from "./language.ts";
export { resolveWindow } from "./when.ts";

export type UnderstandContext = {
  now: Date;
  /** The business's IANA zone: every date is read there. */
  timeZone: string;
  services: FactService[];
  addOns: FactAddOn[];
  faqs: FactFaq[];
  /** The sender's own upcoming appointments. */
  appointments: AgentAppointment[];
  /** The proposal waiting for their answer, if any. */
  proposal: Proposal | null;
  history?: Turn[];
};

const NOTHING: Understanding = {
  language: "en",
  intents: ["other"],
  window: null,
  serviceIds: [],
  addOnIds: [],
  faqIds: [],
  pick: null,
  yes: false,
  no: false,
  appointmentIds: [],
  autoReply: false,
  abusive: false,
  spam: false,
};

function safeWhen(cleaned: ReturnType<typeof clean>, now: Date, timeZone: string): WhenReading {
  try {
    return readWhen(cleaned, now, timeZone);
  } catch {
    return { window: null, days: [], times: [], weekdays: [] };
  }
}

/** What one customer text says. Never throws. */
export function understand(text: string, context: UnderstandContext): Understanding {
  try {
    return read(text, context);
  } catch {
    return { ...NOTHING, intents: ["other"] };
  }
}

function read(text: string, context: UnderstandContext): Understanding {
  const cleaned = clean(text);
  if (!cleaned.norm && !cleaned.emojiYes && !cleaned.emojiNo) return { ...NOTHING, intents: ["other"] };
  const guards = readGuards(cleaned);
  const when = safeWhen(cleaned, context.now, context.timeZone);
  const window: TimeWindow | null = when.window;
  const names = matchNames(cleaned.words, context.services ?? [], context.addOns ?? []);
  const faqIds = matchFaqs(cleaned.words, context.faqs ?? []);
  const offered = context.proposal && "starts" in context.proposal ? context.proposal.starts : null;
  // Yes / no first (pick needs to know a yes), without the clues that depend on the pick.
  const first = readIntents(cleaned, { window, faqIds, serviceIds: names.serviceIds, proposal: null, pick: null });
  const pick = offered
    ? pickOffer({
        norm: cleaned.norm,
        starts: offered,
        timeZone: context.timeZone,
        days: when.days,
        times: when.times,
        affirmative: first.yes,
      })
    : null;
  const reading = readIntents(cleaned, {
    window,
    faqIds,
    serviceIds: names.serviceIds,
    proposal: context.proposal ?? null,
    pick,
  });
  const appointmentIds = matchAppointments(
    context.appointments ?? [],
    { days: when.days, weekdays: when.weekdays, times: when.times, words: cleaned.words, serviceIds: names.serviceIds },
    context.timeZone,
  );
  return {
    language: cleaned.norm ? languageOf(cleaned.words, cleaned.raw) : "en",
    intents: reading.intents,
    window,
    serviceIds: names.serviceIds,
    addOnIds: names.addOnIds,
    faqIds,
    pick,
    yes: reading.yes,
    no: reading.no,
    appointmentIds,
    ...guards,
  };
}
