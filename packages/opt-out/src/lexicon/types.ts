import type { ConsentLanguage } from "../types.ts";

/** A pattern over one normalised clause (see normalise.ts) and the confidence it gives. */
/**
 * A pattern over one normalised clause and the confidence it gives. A guard with `unless` is about
 * the whole text instead ("how do I unsubscribe? your emails are too many": the text never names
 * texts), and does not apply when the text matches `unless`.
 */
export type Rule = { name: string; pattern: RegExp; score: number; unless?: RegExp };

/** Words for texts in any of the three languages: a question about emails that also names texts is about texts. */
export const TEXT_WORDS =
  /\b(texts?|texting|txts?|sms|smss|text messages?|messages?|messaging|msgs?|mensajes?|msjs?|textos?|mensajitos|whatsapps?|textos|textes|textos|messages|sms)\b/;

export const rule = (name: string, source: string, score = 0.95, unless?: RegExp): Rule => ({
  name,
  pattern: new RegExp(source),
  score,
  ...(unless ? { unless } : {}),
});

/**
 * What one language contributes. Patterns are written against the normalised form: lower case, no
 * accents, "dont" for "don't", "m envoyer" for "m'envoyer", one clause at a time.
 */
export type Lexicon = {
  language: ConsentLanguage;
  /** Common words that vote for this language (a cheap detector: most votes wins, English on a tie). */
  markers: readonly string[];
  /** Carrier keywords: the whole text is this one word. Upper case, accents folded. */
  optOutKeywords: readonly string[];
  optInKeywords: readonly string[];
  helpKeywords: readonly string[];
  /**
   * Clauses that on their own mean "stop texting me" although they are not carrier keywords:
   * abbreviations, synonyms, short phrases ("unsub", "remove me", "dame de baja", "desabonnez moi").
   */
  bareRevocations: readonly string[];
  /** Bare clauses that may mean stop but may as well not ("enough", "basta"): staff decide. */
  bareAmbiguous: readonly string[];
  /** Words around a keyword that do not change it ("stop thanks", "PARAR por favor", "stop svp"). */
  courtesy: readonly string[];
  /** A clause asking for no more texts, whatever else it says. */
  revocations: readonly Rule[];
  /** A clause that might be a revocation but is unclear (review). */
  ambiguous: readonly Rule[];
  /**
   * A clause matching one of these is not a revocation, whatever else matches: negations that ask
   * to keep the texts ("don't stop texting me"), and questions about another channel (emails).
   */
  guards: readonly Rule[];
  /** Appointment talk: a bare "stop" next to it is unclear (stop what?). */
  bookingTalk: RegExp;
};
