/**
 * Which of the business's FAQs answer a text: the text's content terms (stemmed, synonyms folded,
 * English and Spanish) against each FAQ's question (full weight) and answer (a third), weighted by
 * how telling each term is among the FAQs. Only confident matches: missing an FAQ sends the text to
 * a person, a wrong one states a policy the customer did not ask about. The threshold was tuned on
 * the packs' FAQs and the phrasings in faq.test.ts.
 */
import type { FactFaq } from "../types.ts";
import { termsMeet, termsOf, weights, wordsOf } from "./terms.ts";

export const FAQ_THRESHOLD = 0.42;
const ANSWER_WEIGHT = 0.3;

type FaqTerms = { id: string; question: string[]; answer: string[] };

const cache = new WeakMap<FactFaq[], FaqTerms[]>();
function termsOfFaqs(faqs: FactFaq[]): FaqTerms[] {
  const cached = cache.get(faqs);
  if (cached) return cached;
  const built = faqs.map((f) => ({
    id: f.id,
    question: [...new Set(termsOf(wordsOf(f.question)))],
    answer: [...new Set(termsOf(wordsOf(f.answer)))],
  }));
  cache.set(faqs, built);
  return built;
}

/** Scores 0..1 per FAQ: how much of the question the text covers, and how much of the text the FAQ covers. */
export function scoreFaqs(words: readonly string[], faqs: FactFaq[]): { id: string; score: number }[] {
  const textTerms = [...new Set(termsOf(words))];
  if (textTerms.length === 0 || faqs.length === 0) return [];
  const built = termsOfFaqs(faqs);
  const weight = weights(built.map((f) => [...f.question, ...f.answer]));
  const textTotal = textTerms.reduce((sum, t) => sum + weight(t), 0);
  const scores: { id: string; score: number }[] = [];
  for (const faq of built) {
    const questionTotal = faq.question.reduce((sum, t) => sum + weight(t), 0);
    if (questionTotal === 0) continue;
    let questionHit = 0;
    let textHit = 0;
    for (const term of textTerms) {
      const w = weight(term);
      if (faq.question.some((q) => termsMeet(term, q))) {
        questionHit += w;
        textHit += w;
      } else if (faq.answer.some((a) => termsMeet(term, a))) textHit += w * ANSWER_WEIGHT;
    }
    if (questionHit === 0) continue;
    const score = 0.5 * (questionHit / questionTotal) + 0.5 * (textHit / textTotal);
    scores.push({ id: faq.id, score });
  }
  return scores.sort((a, b) => b.score - a.score);
}

/** FAQ ids that answer the text, best first (only those over the threshold, and close to the best). */
export function matchFaqs(words: readonly string[], faqs: FactFaq[]): string[] {
  const scores = scoreFaqs(words, faqs);
  const best = scores[0]?.score ?? 0;
  if (best < FAQ_THRESHOLD) return [];
  return scores.filter((s) => s.score >= FAQ_THRESHOLD && s.score >= best * 0.8).map((s) => s.id);
}
