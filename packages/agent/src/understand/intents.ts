/**
 * What a text asks for: every intent found, in INTENT_PRECEDENCE order. An opt-out is the opt-out
 * classifier's (@servicepro/opt-out: it already tells "stop by at 3" and "cancel my appointment"
 * from a revocation); the rest are the lexicons' patterns (lexicon-en.ts, lexicon-es.ts; both run
 * on every text, so Spanglish needs nothing special), with their guards, plus what the other readers
 * found: a named FAQ is a question for it, a time alone is a request for that time, a pick of an
 * offered time confirms it.
 */
import { classifyConsent } from "@servicepro/opt-out";
import type { TimeWindow } from "../ports.ts";
import { INTENT_PRECEDENCE, type Intent, type Proposal } from "../types.ts";
import { en } from "./lexicon-en.ts";
import { es } from "./lexicon-es.ts";
import type { Lexicon } from "./lexicon-types.ts";
import { anyOf, type CleanText, clean } from "./text.ts";

const LEXICONS: Lexicon[] = [en, es];
const GUARDS: Partial<Record<Intent, RegExp[]>> = {};
for (const lexicon of LEXICONS)
  for (const [intent, patterns] of Object.entries(lexicon.guards) as [Intent, RegExp[]][])
    GUARDS[intent] = [...(GUARDS[intent] ?? []), ...patterns];

const YES = LEXICONS.flatMap((l) => l.yes);
const NO = LEXICONS.flatMap((l) => l.no);
const POLICY = LEXICONS.flatMap((l) => l.policyQuestions);
/** A yes that goes on to ask for something else is not a yes to what was offered. */
const BUT = /\b(?:but|instead|actually|except|unless|pero|mejor|en vez|sino)\b/;
/** "no problem", "no worries": not a no. */
const NOT_A_NO =
  /^(?:no (?:problem|prob|problemo|worries|worry|rush|biggie|doubt|hay problema|pasa nada|te preocupes)|not a problem|no se)\b/;
/** A time offered to them instead of what they had: a move. */
const INSTEAD = /\b(?:instead|rather|en vez|en lugar|mejor el|mejor la|better)\b/;

/** An explicit yes: "yes", "sí", "👍", "sounds good", "that works", "dale", "perfecto", "C". */
export function affirmative(text: CleanText): boolean {
  const s = text.norm;
  if (!s) return text.emojiYes && !text.emojiNo;
  if (/^c$/.test(s)) return true;
  if (NOT_A_NO.test(s)) return /\b(?:yes|yeah|sure|si|ok)\b/.test(s);
  if (negative(text)) return false;
  if (BUT.test(s) && !/^(?:yes|yeah|si|ok|sure)\b.*\b(?:works|good|perfect|fine|bien|perfecto)\b/.test(s)) return false;
  return anyOf(YES, s) || (text.emojiYes && !text.emojiNo && s.split(" ").length <= 4);
}

/** An explicit no: "no", "nah", "never mind", "no gracias", "👎". */
export function negative(text: CleanText): boolean {
  const s = text.norm;
  if (!s) return text.emojiNo;
  if (NOT_A_NO.test(s)) return false;
  return anyOf(NO, s) || (text.emojiNo && s.split(" ").length <= 4);
}

export function isAffirmative(text: string): boolean {
  return affirmative(clean(text));
}
export function isNegative(text: string): boolean {
  return negative(clean(text));
}

export type IntentClues = {
  window: TimeWindow | null;
  faqIds: string[];
  serviceIds: string[];
  proposal: Proposal | null;
  pick: number | null;
};

export type IntentReading = { intents: Intent[]; yes: boolean; no: boolean };

function consentOptOut(raw: string): boolean {
  try {
    return classifyConsent(raw).kind === "opt_out";
  } catch {
    return false;
  }
}

export function readIntents(text: CleanText, clues: IntentClues): IntentReading {
  const found = new Set<Intent>();
  const s = text.norm;
  const raw = text.raw.trim();
  if (raw && consentOptOut(raw)) found.add("optout");

  for (const lexicon of LEXICONS)
    for (const [intent, patterns] of Object.entries(lexicon.intents) as [Intent, RegExp[]][])
      if (!found.has(intent) && anyOf(patterns, s) && !anyOf(GUARDS[intent] ?? [], s)) found.add(intent);

  // Reminder replies: "C" to confirm, "R" to reschedule (the reminder says so).
  if (/^c\.?$/i.test(raw)) found.add("confirm");
  if (/^r\.?$/i.test(raw)) {
    found.add("reschedule");
    found.delete("greeting");
  }

  const yes = affirmative(text);
  const no = !yes && negative(text);
  if (yes) found.add("confirm");
  if (no) found.add("decline");

  const asks = text.question || anyOf([en.asks, es.asks], s);
  if (clues.faqIds.length > 0 && (asks || found.size === 0)) found.add("faq");
  else if (asks && anyOf(POLICY, s)) found.add("faq");

  if (clues.window && INSTEAD.test(s)) found.add("reschedule");
  const offered = clues.proposal && "starts" in clues.proposal ? clues.proposal : null;
  if (offered && clues.pick !== null && !no) found.add("confirm");
  if (offered?.purpose === "reschedule" && clues.window && !no && clues.pick === null) found.add("reschedule");

  // A time or a service alone ("sat at 10", "tmrw afternoon?", "deep clean"): asking for it.
  const appointmentIntents: Intent[] = [
    "book",
    "reschedule",
    "cancel",
    "availability",
    "confirm",
    "decline",
    "price",
    "faq",
  ];
  if (!appointmentIntents.some((i) => found.has(i))) {
    if (clues.window) found.add(clues.window.exact ? "book" : "availability");
    else if (clues.serviceIds.length > 0 && !found.has("complaint") && !found.has("human"))
      found.add(asks ? "price" : "book");
  }

  const intents = INTENT_PRECEDENCE.filter((i) => found.has(i));
  return { intents: intents.length > 0 ? intents : ["other"], yes, no };
}
