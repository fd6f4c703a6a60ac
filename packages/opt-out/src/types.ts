/** The languages the classifier has a lexicon for. */
export type ConsentLanguage = "en" | "es" | "fr";

/** Where the words came from: a text, a voicemail's transcription, or a spoken answer in the phone menu. */
export type ConsentChannel = "sms" | "voicemail" | "speech";

/**
 * What a message means for SMS consent. `score` is the classifier's confidence, 0..1, that the
 * message revokes consent; it decides between `opt_out` (at or above OPT_OUT_THRESHOLD), `review`
 * (the uncertain middle, at or above REVIEW_THRESHOLD: staff decide in the inbox) and `none`.
 *
 * - `opt_out.source`: `keyword` for a carrier keyword alone (STOP, PARAR, ARRET…: Twilio's own
 *   opt-out handling sees those too), `free_text` for anything else.
 * - `opt_in` / `help`: a keyword (START, YES, UNSTOP / HELP, INFO, AYUDA, AIDE…).
 */
export type ConsentDecision =
  | {
      kind: "opt_out";
      source: "keyword" | "free_text";
      keyword?: string;
      score: number;
      language: ConsentLanguage;
    }
  | { kind: "review"; score: number; language: ConsentLanguage; reason: string }
  | { kind: "opt_in"; keyword: string; score: number; language: ConsentLanguage }
  | { kind: "help"; keyword: string; score: number; language: ConsentLanguage }
  | { kind: "none"; score: number; language: ConsentLanguage };

export type ConsentOptions = { channel?: ConsentChannel };
