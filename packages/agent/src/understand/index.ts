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
import { affirmative, readIntents } from "./intents.ts";
import { languageOf } from "./language.ts";
import { pickOffer } from "./pick.ts";
import { matchNames } from "./services.ts";
import { type CleanText, clean } from "./text.ts";
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

/** "60 minutes", "a 2 hour visit", "90-min massage", "half day": how long, never when. */
const DURATION =
  /\b(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|half|half an?|(?:one|two|three) and a half)[ -]?(?:hours?|hrs?|minutes?|mins?|horas?|minutos?)(?![ -]?(?:from now|later|ago|de aqui))\b(?: (?:long|block|visit|session|massage|job|slot|service|appointment|clean|cleaning|walk))?|\bhalf[ -]day\b|\bmedio d[ií]a\b/g;

/** Words that name a kind of thing worked on; a service named for one kind does not fit a text about another. */
const KINDS: string[][][] = [
  [
    ["cat", "cats", "kitten", "kitty", "gato", "gata", "gatos", "felino"],
    ["dog", "dogs", "puppy", "pup", "doggy", "doggie", "perro", "perra", "perrito", "cachorro"],
  ],
  [
    ["residential", "home", "house", "apartment", "condo", "casa", "hogar"],
    ["commercial", "office", "business", "store", "restaurant", "oficina", "negocio"],
  ],
];

/** Drops services whose name is for another kind than the one the text names ("my dog" → not "Cat Groom"). */
function fitsKind(services: FactService[], ids: string[], words: readonly string[]): string[] {
  const said = new Set(words);
  return ids.filter((id) => {
    const name = (services.find((s) => s.id === id)?.name ?? "").toLowerCase().split(/[^a-záéíóúñ]+/);
    return KINDS.every((group) => {
      const named = group.findIndex((kind) => kind.some((w) => name.includes(w)));
      const texted = group.findIndex((kind) => kind.some((w) => said.has(w)));
      return named < 0 || texted < 0 || named === texted;
    });
  });
}

/** The text with the business's service names blanked ("move-out clean" is a service, not a move). */
function withoutServiceNames(cleaned: CleanText, services: FactService[]): CleanText {
  let norm = ` ${cleaned.norm} `;
  for (const service of services) {
    const name = clean(service.name).norm;
    if (name.split(" ").length >= 2 && norm.includes(` ${name} `)) norm = norm.replaceAll(` ${name} `, " service ");
  }
  norm = norm.trim();
  return norm === cleaned.norm ? cleaned : { ...cleaned, norm, words: norm.split(" ") };
}

function read(text: string, context: UnderstandContext): Understanding {
  const cleaned = clean(text);
  if (!cleaned.norm && !cleaned.emojiYes && !cleaned.emojiNo) return { ...NOTHING, intents: ["other"] };
  const guards = readGuards(cleaned);
  const timed = cleaned.norm.replace(DURATION, (d) => " ".repeat(d.length));
  const when = safeWhen(timed === cleaned.norm ? cleaned : { ...cleaned, norm: timed }, context.now, context.timeZone);
  const window: TimeWindow | null = when.window;
  const matched = matchNames(cleaned.words, context.services ?? [], context.addOns ?? []);
  // A service whose whole name is in the text wins over ones that share a word with it ("standard clean" → not "deep clean").
  const whole = (context.services ?? [])
    .filter((s) => ` ${cleaned.norm} `.includes(` ${clean(s.name).norm} `))
    .sort((a, b) => b.name.length - a.name.length);
  const names = {
    ...matched,
    // Every service named in full ("express wash and full detail"), but not one whose name is inside another's.
    serviceIds: fitsKind(
      context.services ?? [],
      whole.length > 0
        ? whole
            .filter((s) => !whole.some((o) => o !== s && clean(o.name).norm.includes(clean(s.name).norm)))
            .map((s) => s.id)
        : matched.serviceIds,
      cleaned.words,
    ),
  };
  const faqIds = matchFaqs(cleaned.words, context.faqs ?? []);
  const offered = context.proposal && "starts" in context.proposal ? context.proposal.starts : null;
  const pick = offered
    ? pickOffer({
        norm: cleaned.norm,
        starts: offered,
        timeZone: context.timeZone,
        days: when.days,
        times: when.times,
        affirmative: affirmative(cleaned),
      })
    : null;
  const reading = readIntents(withoutServiceNames(cleaned, context.services ?? []), {
    window,
    faqIds,
    serviceIds: names.serviceIds,
    proposal: context.proposal ?? null,
    pick,
    hasAppointments: (context.appointments ?? []).length > 0,
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
