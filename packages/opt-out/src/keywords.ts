/**
 * Single-word and short-clause matching: carrier keywords exactly as Twilio sees them, and the ways
 * people actually type them (doubled or swapped letters, a letter missing from a long word).
 */
import { ALL_LEXICONS } from "./lexicon/index.ts";
import { foldAccents, squeeze } from "./normalise.ts";
import type { ConsentLanguage } from "./types.ts";

export type KeywordHit = { keyword: string; language: ConsentLanguage };

const table = (pick: (l: (typeof ALL_LEXICONS)[number]) => readonly string[]) => {
  const map = new Map<string, KeywordHit>();
  for (const lexicon of ALL_LEXICONS)
    for (const keyword of pick(lexicon))
      if (!map.has(keyword)) map.set(keyword, { keyword, language: lexicon.language });
  return map;
};
const OPT_OUT = table((l) => l.optOutKeywords);
const OPT_IN = table((l) => l.optInKeywords);
const HELP = table((l) => l.helpKeywords);

/**
 * The text as Twilio's keyword filter reads it: one word, case and surrounding spaces, quotes and
 * trailing punctuation ignored. Accents are folded so "ARRÊT" is ARRET.
 */
export function exactKeyword(body: string): { kind: "opt_out" | "opt_in" | "help"; hit: KeywordHit } | null {
  const word = foldAccents(body)
    .trim()
    .replace(/[\s.!?,;:'"“”‘’«»]+$/u, "")
    .replace(/^[\s'"“”‘’«»¡¿]+/u, "")
    .toUpperCase();
  if (!/^[A-Z]+$/.test(word)) return null;
  const optOut = OPT_OUT.get(word);
  if (optOut) return { kind: "opt_out", hit: optOut };
  const optIn = OPT_IN.get(word);
  if (optIn) return { kind: "opt_in", hit: optIn };
  const help = HELP.get(word);
  if (help) return { kind: "help", hit: help };
  return null;
}

/**
 * Words typed for an opt-out keyword. Short ones only by doubled letters or two neighbours swapped
 * ("stopp", "stoop", "stpo", "sotp"); long ones (7+ letters) also with one letter missing, extra or
 * wrong ("unsubscrib", "unsuscribe", "unsubsribe", "desabonne"). END, ALTO and BAJA are left out:
 * their neighbours are everyday words ("den", "alot", "baj").
 */
const FUZZY_TARGETS = [
  "stop",
  "stopall",
  "unsubscribe",
  "cancel",
  "quit",
  "revoke",
  "optout",
  "remove",
  "parar",
  "detener",
  "cancelar",
  "desuscribir",
  "desuscribirme",
  "arret",
  "arreter",
  "arretez",
  "desabonner",
  "desinscrire",
];

function swappedOnce(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** Levenshtein distance, stopping early beyond 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** The opt-out keyword a single typed word stands for, if it is a typo of one. */
export function fuzzyOptOutWord(word: string): string | null {
  if (word.length < 4) return null;
  const squeezed = squeeze(word);
  for (const target of FUZZY_TARGETS) {
    if (word === target) return target;
    if (squeezed === squeeze(target)) return target;
    if (swappedOnce(word, target) || swappedOnce(squeezed, target)) return target;
    if (target.length >= 7 && (withinOneEdit(word, target) || withinOneEdit(squeezed, target))) return target;
  }
  // Prefixes that only these words start with: "unsubscri…", "unsusbscribe", "desabonn…".
  if (/^(unsub|unsusb|unsusc|desabon|desinscri|desuscri)/.test(word)) return "unsubscribe";
  return null;
}

/**
 * Keywords that opt in to marketing texts (offers): JOIN, the one word a business advertises ("Text
 * JOIN to 555-0100 for offers"). OFFERS is left out on purpose: it is an everyday word ("offers?",
 * "any offers this month"), and express consent must be unmistakable. Not one of Twilio's keywords,
 * so Twilio never answers it; a Messaging Service that was configured to treat it as its own
 * keyword sends OptOutType, and then Twilio's meaning wins (the intake checks that).
 */
export const MARKETING_OPT_IN_KEYWORDS: readonly string[] = ["JOIN"];

/**
 * The marketing opt-in keyword a text is, when the whole text is one (case, surrounding spaces and
 * quotes, and a closing "." or "!" ignored); null otherwise. A question ("Join?") asks, it doesn't agree.
 */
export function marketingOptInKeyword(body: string): string | null {
  const word = foldAccents(body)
    .trim()
    .replace(/[\s.!'"“”‘’«»]+$/u, "")
    .replace(/^[\s'"“”‘’«»]+/u, "")
    .toUpperCase();
  return MARKETING_OPT_IN_KEYWORDS.includes(word) ? word : null;
}
