import type { Intent, Language } from "../types.ts";

/** One language's words: the patterns run on the cleaned text (text.ts). */
export type Lexicon = {
  language: Language;
  /** Common words of the language: the language guess counts them. */
  markers: string[];
  /** An explicit yes ("yes", "sounds good", "dale") and no ("no", "nah", "mejor no"). */
  yes: RegExp[];
  no: RegExp[];
  /** The ways each intent is said. */
  intents: Partial<Record<Intent, RegExp[]>>;
  /** Where an intent's words mean something else ("cancellation policy" is not a cancel). */
  guards: Partial<Record<Intent, RegExp[]>>;
  /** General policy questions (payment, rain, water, pets, insurance, how long, where): an FAQ. */
  policyQuestions: RegExp[];
  /** A text that asks something, even without a question mark (voice-to-text drops them). */
  asks: RegExp;
  /** Words that carry no content for matching FAQs and services. */
  stopwords: string[];
};
