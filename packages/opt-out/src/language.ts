/**
 * Which of our languages a text is in: a vote of common words from each lexicon. Cheap and good
 * enough to label a decision and pick the reply language; English wins ties and empty texts.
 */
import { ALL_LEXICONS } from "./lexicon/index.ts";
import type { ConsentLanguage } from "./types.ts";

const MARKERS = ALL_LEXICONS.map((lexicon) => ({ language: lexicon.language, words: new Set(lexicon.markers) }));

/** Letters only one of the two Romance languages writes (é is both): a strong vote each. */
const LETTERS: Partial<Record<ConsentLanguage, RegExp>> = { es: /[ñ¿¡áíóú]/giu, fr: /[èêàçùâîôûœëï]/giu };

export function detectLanguage(words: readonly string[], raw = ""): ConsentLanguage {
  let best: ConsentLanguage = "en";
  let bestVotes = 0;
  for (const { language, words: markers } of MARKERS) {
    const letters = LETTERS[language];
    const votes =
      words.reduce((n, word) => n + (markers.has(word) ? 1 : 0), 0) +
      2 * (letters ? (raw.match(letters)?.length ?? 0) : 0);
    if (votes > bestVotes) {
      best = language;
      bestVotes = votes;
    }
  }
  return best;
}
