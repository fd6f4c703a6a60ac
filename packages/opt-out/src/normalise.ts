/**
 * Turns a text, a voicemail transcription or a spoken answer into the plain form the lexicons are
 * written against: lower case, accents folded ("arrêtez" → "arretez"), no emoji or punctuation,
 * "n't" joined ("don't" → "dont") and other apostrophes split ("m'envoyer" → "m envoyer"), letters
 * typed one by one joined ("S.T.O.P", "s t o p" → "stop"), stretched letters shrunk ("stooop" →
 * "stop"), a 0 between letters read as o ("st0p"), and what people add after the point removed
 * (a signature "- Mike", "Sent from my iPhone").
 *
 * The result keeps clause boundaries (sentence punctuation, commas, line breaks) as "|" so the
 * scorer can tell "Who is this? Stop" (a clause that is only "stop") from "stop by at 3".
 */

/** Lines a phone or mail app appends, and a sign-off "- Mike" / "-- Ana" / "~J" at the very end. */
const SIGNATURES = [
  /\n?\s*sent from my [^\n]*$/i,
  /\n?\s*(get outlook|enviado desde mi|envoye de mon|envoyé de mon)[^\n]*$/i,
  /\s(-{1,2}|~)\s*[A-Za-zÀ-ÿ.]{1,20}(\s[A-Za-zÀ-ÿ.]{1,20})?\s*$/,
];

/** Curly and typographic quotes and apostrophes people's keyboards produce. */
const QUOTES = /[’‘`´ʼ′]/g;

export type Normalised = {
  /** Clauses joined by " | ": the form regexes run on. */
  text: string;
  /** Clause by clause. */
  clauses: string[];
  /** All words, in order. */
  words: string[];
};

export function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "");
}

/** "s t o p", "S.T.O.P", "s-t-o-p", "s_t_o_p": three or more single letters in a row become one word. */
function joinSpacedLetters(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])\p{L}(?:[\s.\-_*/]{1,2}\p{L}(?![\p{L}\p{N}])){2,}\.?/gu, (run) =>
    run.replace(/[^\p{L}]/gu, ""),
  );
}

/** A 0 typed for an o, only where it cannot be a number: between letters, or ending a word of letters. */
function readZeroAsO(text: string): string {
  return text.replace(/(?<=\p{L})0(?=\p{L})/gu, "o").replace(/(?<=\p{L}{2})0(?![\p{L}\p{N}])/gu, "o");
}

export function normalise(input: string): Normalised {
  let text = input.replace(/\r\n?/g, "\n");
  for (const signature of SIGNATURES) text = text.replace(signature, "");
  text = foldAccents(text).replace(QUOTES, "'").toLowerCase();
  text = joinSpacedLetters(text);
  text = readZeroAsO(text);
  // A letter masked by a symbol ("st*p", "s_top"): the symbol goes, the word stays whole.
  text = text.replace(/(?<=\p{L})[*_#@$]+(?=\p{L})/gu, "");
  // Three or more of the same letter are emphasis ("stooop", "pleeease", "nooo"): one is the word.
  text = text.replace(/(\p{L})\1{2,}/gu, "$1");
  text = text.replace(/n't\b/g, "nt").replace(/'/g, " ");
  // Sentence ends, commas, dashes between words and line breaks are clause boundaries.
  text = text.replace(/[.!?;,:\n()[\]¡¿…]+|\s[-–—]+\s/g, " | ");
  // Hyphens, emoji and symbols are spaces: "opt-out" is "opt out", "retirez-moi" is "retirez moi".
  text = text.replace(/[^\p{L}\p{N}|\s]/gu, " ");
  const clauses = text
    .split("|")
    .map((clause) => clause.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return { text: clauses.join(" | "), clauses, words: clauses.flatMap((clause) => clause.split(" ")) };
}

/** Runs of a letter squeezed to one: "stoop", "stopp" → "stop". For comparing typed keywords. */
export const squeeze = (word: string) => word.replace(/(\p{L})\1+/gu, "$1");
