/**
 * Turns a text, a voicemail transcription or a spoken answer into the plain form the lexicons are
 * written against: lower case, accents folded ("arrêtez" → "arretez"), no emoji or punctuation,
 * "n't" joined ("don't" → "dont") and other apostrophes split ("m'envoyer" → "m envoyer"), letters
 * typed one by one joined ("S.T.O.P", "s t o p" → "stop"), stretched letters shrunk ("stooop" →
 * "stop"), a 0 between letters read as o ("st0p"), and what people add after the point removed
 * (a signature "- Mike", "Sent from my iPhone"). Also: a stop-sign emoji is the word "stop", words a
 * voice-to-text engine split are joined ("tex ting"), sound-spelled shorthand is written out ("no mo",
 * "outta", "nomore"), and "#" after a possessive is "number".
 *
 * The result keeps clause boundaries (sentence punctuation, commas, line breaks) as "|" so the
 * scorer can tell "Who is this? Stop" (a clause that is only "stop") from "stop by at 3"; "but" (pero,
 * mais) starts a clause too.
 */

/** Lines a phone or mail app appends, and a sign-off "- Mike" / "-- Ana" / "~J" at the very end. */
const SIGNATURES = [
  /\n?\s*sent from my [^\n]*$/i,
  // A mail or phone app's footer ("Sent from Yahoo Mail for iPhone", "Sent via the Samsung Galaxy…"), after a dash too.
  /\s*-*\s*sent (from|via|with|using) (the )?(yahoo|outlook|aol|gmail|mail|samsung|galaxy|android|iphone|ipad|windows|verizon|t ?mobile|xfinity|my)\b[^\n]*$/i,
  /\n?\s*(get outlook|enviado desde (mi|yahoo|outlook|gmail)|envoye de mon|envoyé de mon|envoyé depuis)[^\n]*$/i,
  // Not a request after the dash ("…the vehicle - please remove", "ok - stop"): those are words, not a name.
  /\s(-{1,2}|~)\s*(?!(please|pls|plz|remove|delete|stop|unsub\w*|opt|cancel|end|quit|no|not|dont|don't|never|thanks|thank|thx|ty|por|porfa|gracias|merci|svp|arr[eê]t\w*|alto|baja|parar?|para|basta)\b)[A-Za-zÀ-ÿ.]{1,20}(\s[A-Za-zÀ-ÿ.]{1,20})?\s*$/i,
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

/**
 * Emoji that are a word in this context: a stop sign or no-entry sign is "stop" (a text that is only
 * "🛑" is the keyword), a prohibited sign is "no" ("🚫 texts").
 */
const EMOJI_WORDS: readonly [RegExp, string][] = [
  [/[\u{1F6D1}\u{26D4}]\u{FE0F}?/gu, " stop "],
  [/\u{1F6AB}\u{FE0F}?/gu, " no "],
];

/**
 * Words a voice-to-text engine (or a thumb) splits in two: "tex ting", "un subscribe", "mes sages".
 * A pair is joined only when together it is one of these words, which no two real words make.
 */
const SPLIT_WORDS = new Set([
  "texting",
  "texts",
  "messages",
  "messaging",
  "unsubscribe",
  "unsubscribed",
  "contacting",
  "mensajes",
  "textos",
  "escribirme",
  "enviarme",
  "mandarme",
  "desuscribirme",
  "desabonner",
  "desinscrire",
  "desabonnez",
  "desinscrivez",
]);

function joinSplitWords(text: string): string {
  const words = text.split(" ");
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]}${words[i + 1] ?? ""}`;
    if (words[i] && words[i + 1] && SPLIT_WORDS.has(pair)) {
      out.push(pair);
      i++;
    } else out.push(words[i] ?? "");
  }
  return out.join(" ");
}

/** Shorthand written as it sounds: "no mo", "outta", "nomore" (the lexicons are written in full words). */
const SHORTHAND: readonly [RegExp, string][] = [
  [/\b(no|any) mo\b/g, "$1 more"],
  [/\banymo\b/g, "anymore"],
  [/\bnomore\b/g, "no more"],
  [/\bnomas\b/g, "no mas"],
  [/\boutta\b/g, "out of"],
  // "remove my #": a # after a possessive is a phone number, not a hashtag.
  [/\b(my|this|the|your|ur|his|her|their|our|that) ?#(?! ?\d)/g, "$1 number "],
];

export function normalise(input: string): Normalised {
  let text = input.replace(/\r\n?/g, "\n");
  for (const signature of SIGNATURES) text = text.replace(signature, "");
  for (const [emoji, word] of EMOJI_WORDS) text = text.replace(emoji, word);
  text = foldAccents(text).replace(QUOTES, "'").toLowerCase();
  for (const [pattern, full] of SHORTHAND) text = text.replace(pattern, full);
  text = joinSpacedLetters(text);
  text = readZeroAsO(text);
  // A letter masked by a symbol ("st*p", "s_top"): the symbol goes, the word stays whole.
  text = text.replace(/(?<=\p{L})[*_#@$]+(?=\p{L})/gu, "");
  // Three or more of the same letter are emphasis ("stooop", "pleeease", "nooo"): one is the word.
  text = text.replace(/(\p{L})\1{2,}/gu, "$1");
  text = text.replace(/n't\b/g, "nt").replace(/'/g, " ");
  // Sentence ends, commas, dashes between words and line breaks are clause boundaries.
  text = text.replace(/[.!?;,:\n()[\]¡¿…]+|\s[-–—]+\s/g, " | ");
  // A contrast starts a new clause: "take me off the email list but keep the texts" is two requests.
  text = text.replace(/\s(but|pero|mais|though|although|aunque)\s/g, " | ");
  // Hyphens, emoji and symbols are spaces: "opt-out" is "opt out", "retirez-moi" is "retirez moi".
  text = text.replace(/[^\p{L}\p{N}|\s]/gu, " ");
  const clauses = text
    .split("|")
    .map((clause) => joinSplitWords(clause.replace(/\s+/g, " ").trim()))
    .filter(Boolean);
  return { text: clauses.join(" | "), clauses, words: clauses.flatMap((clause) => clause.split(" ")) };
}

/** Runs of a letter squeezed to one: "stoop", "stopp" → "stop". For comparing typed keywords. */
export const squeeze = (word: string) => word.replace(/(\p{L})\1+/gu, "$1");
