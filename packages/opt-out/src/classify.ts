/**
 * What an inbound text means for consent. Runs before anything else answers a text.
 *
 * - Keywords (Twilio's defaults, CTIA): one word, any case, surrounding spaces and trailing
 *   punctuation ignored. STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT opt out;
 *   START, YES, UNSTOP opt back in; HELP, INFO ask for help.
 * - Plain-language revocations (FCC 24-18: consent may be revoked "by any reasonable means"):
 *   "please stop texting me", "take me off your list", "stop please". Rules are deliberately
 *   specific so "stop by at 3pm?" or "cancel my appointment" are not opt-outs.
 */
import type { ConsentDecision } from "./types.ts";

export const OPT_OUT_KEYWORDS = [
  "STOP",
  "STOPALL",
  "UNSUBSCRIBE",
  "CANCEL",
  "END",
  "QUIT",
  "REVOKE",
  "OPTOUT",
] as const;
export const OPT_IN_KEYWORDS = ["START", "YES", "UNSTOP"] as const;
export const HELP_KEYWORDS = ["HELP", "INFO"] as const;

const has = (list: readonly string[], word: string) => list.includes(word);

/**
 * Revocations in plain language. Each rule names an action on messages, or a clear request to be
 * removed from a list. Rules are anchored on the *object* of the action (texts, messages, a list,
 * this number), never on a bare "stop"/"end"/"cancel"/"remove me" followed by anything: those
 * words are everyday booking talk ("stop by and text me", "at the end of the day, text me the
 * total", "take me off the schedule for friday", "remove me from the 3pm slot").
 */
const MESSAGES = String.raw`(texts?|texting|txts?|txting|sms|messages?|messaging|msgs?|spam|notifications?|promos?|promotions?|marketing)`;
const REVOCATIONS: RegExp[] = [
  // "stop texting me", "quit messaging me", "stop contacting me", "stop spamming me". The verb must
  // follow "stop" directly: "stop by and text me" is a visit, not a revocation.
  /\b(stop|quit|cease)\s+(texting|txting|texing|messaging|contacting|spamming|sms-?ing|calling\s+and\s+texting)\b/,
  // "stop sending me texts", "stop sending these messages", "stop sending messages to this number".
  new RegExp(
    String.raw`\b(stop|quit|cease)\s+sending\s+(me\s+|us\s+)?((these|those|the|your|any|all|all\s+these|all\s+the|this)\s+)?(\w+\s+)?${MESSAGES}\b`,
  ),
  /\b(stop|quit|cease)\s+sending\s+(me|us)\s*(anything|stuff|things)?$/,
  // "stop the texts", "stop all messages", "end these messages", "cease all contact".
  new RegExp(
    String.raw`\b(stop|end|cease)\s+((the|these|those|your|all|all\s+the|all\s+these|all\s+your|with\s+the|with\s+these|it\s+with\s+the)\s+)?${MESSAGES}\b`,
  ),
  /\b(stop|end|cease)\s+all\s+(contact|communications?)\b/,
  // "no more texts", "no more marketing texts".
  new RegExp(String.raw`\bno\s+more\s+(\w+\s+)?${MESSAGES}\b`),
  // "don't text me again", "do not contact me", "never text me again", "please don't message me anymore";
  // not "why don't you text me the address" (a request to text).
  /(?<!\bwhy\s)\b(don'?t|do\s+not|dont|never)\s+(text|txt|message|msg|contact|sms)\s+(me|this\s+number|us)\b(?!\s+(the|when|before|after|at|if|your|a|an|back\s+when)\b)/,
  /\b(un-?subscribe|opt\s*-?\s*out|opt\s+me\s+out)\b/,
  // "take me off your list", "remove me from your mailing list", "remove my number from your system";
  // not "take me off the schedule" or "remove me from the 3pm slot".
  /\b(take|remove|delete|drop|scratch)\s+(me|my\s+(number|phone(\s+number)?|name|info\w*|contact(\s+info\w*)?))\s+(off|from)\s+((your|the|this|ur|all|any|all\s+your)\s+)?(\w+\s+)?(list|lists|database|system|contacts?|texts?|texting|messages?|sms|marketing|mailing)\b/,
  // "delete my number", "lose my number".
  /\b(delete|remove|lose|erase)\s+my\s+(number|phone\s+number|contact\s+info\w*)\b(?!\s+(from|off)\s+(the|my)\s+(booking|appointment|account))/,
  /\b(leave\s+me\s+alone|wrong\s+number)\b/,
  new RegExp(
    String.raw`\b(i\s+)?(don'?t|do\s+not|dont)\s+want\s+(any\s+more\s+|any\s+|these\s+|those\s+|your\s+|the\s+)?${MESSAGES}\b`,
  ),
];

/**
 * A whole sentence that is only a revocation word with politeness or emphasis around it: "stop
 * please", "STOP NOW!!", "pls stop", "remove me", "Why do you keep texting me? Stop." Checked
 * sentence by sentence, so "stop by at 3pm?" (the sentence goes on) is not one.
 */
const POLITE = String.raw`(please|pls|plz|now|it|thanks|thank\s+you|thx|already|immediately|asap|stop|seriously|again|ok|okay)`;
const BARE_REVOCATION = new RegExp(
  String.raw`^((please|pls|plz|just|ok|okay|seriously)\s+)*(stop|stop\s+it|remove\s+me|take\s+me\s+off|unsubscribe(\s+me)?|opt\s+me\s+out)(\s+${POLITE})*$`,
);

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^a-z0-9'\s-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

export function classifyConsent(body: string): ConsentDecision {
  const found = classifyLegacy(body);
  const language = "en" as const;
  switch (found.kind) {
    case "opt_out":
      return { ...found, score: 1, language };
    case "none":
      return { kind: "none", score: 0, language };
    default:
      return { ...found, score: 0, language };
  }
}

type LegacyIntent =
  | { kind: "opt_out"; source: "keyword" | "free_text"; keyword?: string }
  | { kind: "opt_in"; keyword: string }
  | { kind: "help"; keyword: string }
  | { kind: "none" };

function classifyLegacy(body: string): LegacyIntent {
  const word = body
    .trim()
    .replace(/[\s.!?,;:'"“”‘’]+$/u, "")
    .replace(/^[\s'"“”‘’]+/u, "")
    .toUpperCase();
  if (/^[A-Z]+$/.test(word)) {
    if (has(OPT_OUT_KEYWORDS, word)) return { kind: "opt_out", source: "keyword", keyword: word };
    if (has(OPT_IN_KEYWORDS, word)) return { kind: "opt_in", keyword: word };
    if (has(HELP_KEYWORDS, word)) return { kind: "help", keyword: word };
  }
  const text = normalize(body);
  if (REVOCATIONS.some((rule) => rule.test(text))) return { kind: "opt_out", source: "free_text" };
  const sentences = body
    .split(/[.!?;,\n]+/u)
    .map(normalize)
    .filter(Boolean);
  if (sentences.some((sentence) => BARE_REVOCATION.test(sentence))) return { kind: "opt_out", source: "free_text" };
  return { kind: "none" };
}
