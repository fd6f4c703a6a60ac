/**
 * Which language a text is in, English or Spanish: the common words of each are counted (Spanish
 * letters and marks, ñ, ¿, ¡ and accents, count twice). A tie, or a text in neither, reads as English.
 */
import type { Language } from "../types.ts";
import { en } from "./lexicon-en.ts";
import { es } from "./lexicon-es.ts";
import { clean } from "./text.ts";

const EN_MARKERS = new Set(en.markers);
const ES_MARKERS = new Set(es.markers);
const SPANISH_MARKS = /[ñ¿¡áéíóú]/giu;

/** The language of words already cleaned (text.ts) and the raw text they came from. */
export function languageOf(words: readonly string[], raw: string): Language {
  let english = 0;
  let spanish = (raw.match(SPANISH_MARKS)?.length ?? 0) * 2;
  for (const word of words) {
    // Words both languages use ("no", "ok", "me") count for neither.
    const inEnglish = EN_MARKERS.has(word);
    const inSpanish = ES_MARKERS.has(word);
    if (inEnglish && !inSpanish) english++;
    else if (inSpanish && !inEnglish) spanish++;
  }
  return spanish > english ? "es" : "en";
}

/** The language of a text: "es" when Spanish words outnumber English ones, otherwise "en". */
export function detectLanguage(text: string): Language {
  const cleaned = clean(text);
  return languageOf(cleaned.words, cleaned.raw);
}
