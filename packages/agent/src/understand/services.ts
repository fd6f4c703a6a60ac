/**
 * Which of the business's services and add-ons a text names: the name's content words (stemmed,
 * synonyms folded, a small typo allowed) found in the text, weighted by how telling each word is
 * among all the names ("wash" in three names says less than "ceramic" in one). Best first; nothing
 * when the text only names what many services share, or when it names nothing.
 */
import type { FactAddOn, FactService } from "../types.ts";
import { termsMeet, termsOf, weights, wordsOf } from "./terms.ts";

/** Words of a name that say little on their own ("visit", "service", "add-on"). */
const GENERIC = new Set([
  "servic",
  "visit",
  "session",
  "treatment",
  "package",
  "add",
  "hour",
  "minute",
  "block",
  "upgrade",
  "one",
  "plus",
]);
/** Words that also mean something else in a text about appointments: they never pick a name alone. */
const WEAK = new Set(["move", "clean", "check", "walk", "day", "time", "full", "complete", "standard", "regular"]);

type Named = { id: string; kind: "service" | "addOn"; terms: string[] };

export type NameMatch = { serviceIds: string[]; addOnIds: string[] };

const MIN_SCORE = 0.34;
const MAX_NAMED = 3;

function nameTerms(name: string): string[] {
  // "(3-Year)" and "(Hot-Water Extraction)" describe the service; they are not how people ask for it.
  const words = wordsOf(name.replace(/\([^)]*\)/g, " "));
  return [...new Set(termsOf(words))];
}

function rank(names: Named[], textTerms: string[], weight: (term: string) => number): { id: string; score: number }[] {
  const scored: { id: string; score: number }[] = [];
  for (const named of names) {
    if (named.terms.length === 0) continue;
    let total = 0;
    let matched = 0;
    let strong = false;
    for (const term of named.terms) {
      const w = GENERIC.has(term) ? weight(term) * 0.3 : weight(term);
      total += w;
      if (textTerms.some((t) => termsMeet(t, term))) {
        matched += w;
        if (!GENERIC.has(term) && !WEAK.has(term)) strong = true;
      }
    }
    if (!strong || total === 0) continue;
    scored.push({ id: named.id, score: matched / total });
  }
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  if (best < MIN_SCORE) return [];
  const close = scored.filter((s) => s.score >= MIN_SCORE && s.score >= best * 0.75);
  // Many names fit as well as the best: the text is not telling them apart.
  return close.length > MAX_NAMED ? [] : close;
}

/** The services and add-ons a text's words name, best first. */
export function matchNames(words: readonly string[], services: FactService[], addOns: FactAddOn[]): NameMatch {
  const textTerms = termsOf(words);
  if (textTerms.length === 0) return { serviceIds: [], addOnIds: [] };
  const serviceNames: Named[] = services.map((s) => ({ id: s.id, kind: "service", terms: nameTerms(s.name) }));
  const addOnNames: Named[] = addOns.map((a) => ({ id: a.id, kind: "addOn", terms: nameTerms(a.name) }));
  const weight = weights([...serviceNames, ...addOnNames].map((n) => n.terms));
  return {
    serviceIds: rank(serviceNames, textTerms, weight).map((s) => s.id),
    addOnIds: rank(addOnNames, textTerms, weight).map((s) => s.id),
  };
}
