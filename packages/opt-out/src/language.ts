/**
 * Which of our languages a text is in: a vote of common words from each lexicon. Cheap and good
 * enough to label a decision and pick the reply language; English wins ties and empty texts.
 */
import { ALL_LEXICONS } from "./lexicon/index.ts";
import type { ConsentLanguage } from "./types.ts";

const MARKERS = ALL_LEXICONS.map((lexicon) => ({ language: lexicon.language, words: new Set(lexicon.markers) }));

export function detectLanguage(words: readonly string[]): ConsentLanguage {
  let best: ConsentLanguage = "en";
  let bestVotes = 0;
  for (const { language, words: markers } of MARKERS) {
    const votes = words.reduce((n, word) => n + (markers.has(word) ? 1 : 0), 0);
    if (votes > bestVotes) {
      best = language;
      bestVotes = votes;
    }
  }
  return best;
}
