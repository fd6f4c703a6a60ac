/**
 * The AI receptionist's answer finder, static and safe for now: it only ever reads out the
 * tenant's own FAQ answers, chosen by word overlap with what the caller said. No model call, so
 * nothing it says can be invented or injected. (A streaming model can replace this later behind
 * the same function.)
 */
const STOPWORDS = new Set(
  "a an the and or but if of to in on at for with by from about as is are was were be been do does did i you we they he she it my your our me us can could would should will what when where which who how much many there this that these those have has had any some please hi hello hey yeah um uh like just tell know want need get".split(
    " ",
  ),
);

/**
 * A tiny stemmer, so a word and its plural meet: "prices"/"price" → "pric", "services"/"service"
 * → "servic", "washes"/"wash" → "wash", "glasses"/"glass" → "glass", "batteries"/"battery" →
 * "battery", "detailing"/"details" → "detail". (Stripping a bare "es" turned "prices" into "pric"
 * but left "price" as "price", so the singular never matched the plural.)
 */
const stem = (word: string): string => {
  let w = word;
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (/(s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w.length > 3 && w.endsWith("e") ? w.slice(0, -1) : w;
};

export const tokenize = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);

export type Faq = { question: string; answer: string };

/** The best-matching FAQ, or null when nothing shares enough meaningful words with the question. */
export function matchFaq(speech: string, faqs: readonly Faq[]): Faq | null {
  const words = new Set(tokenize(speech));
  if (words.size === 0) return null;
  let best: { faq: Faq; score: number } | null = null;
  for (const faq of faqs) {
    const question = new Set(tokenize(faq.question));
    const answer = new Set(tokenize(faq.answer));
    let score = 0;
    for (const w of words) score += question.has(w) ? 2 : answer.has(w) ? 0.5 : 0;
    if (!best || score > best.score) best = { faq, score };
  }
  return best && best.score >= 2 ? best.faq : null;
}

export type CallerIntent = "booking" | "human" | "voicemail" | "hours" | "address" | "goodbye" | "none";

/**
 * First match wins. Words that clearly ask for a booking come before hours and address; the weak
 * ones ("yes", "sure", "send me", "text me") come after them, so "can you text me your address"
 * or "yes, what are your hours" answer the question instead of texting a booking link. "Not sure"
 * is not a yes, and a bare "no" (the answer to "would you like a booking link?") ends the call.
 */
const INTENTS: [CallerIntent, RegExp][] = [
  ["voicemail", /\b(voicemail|voice mail|leave (a )?message)\b/],
  [
    "human",
    /\b(person|human|someone|somebody|representative|operator|agent|owner|real person|talk to|speak (to|with))\b/,
  ],
  ["booking", /\b(book|booking|appointment|schedule|reserve|link)\b/],
  ["hours", /\b(hours|open|close|closing|opening)\b/],
  ["address", /\b(address|where are you|located|location|directions)\b/],
  ["booking", /\b(text me|send me|yes|yeah|yep|please do)\b|(?<!\bnot )\bsure\b/],
  [
    "goodbye",
    /\b(no thanks|no thank you|that'?s all|that'?s it|goodbye|bye|nothing else)\b|^\s*(no|nope|nah|no sir|no ma'?am|i'?m good|i'?m all set)[\s.!,]*$/,
  ],
];

export function callerIntent(speech: string): CallerIntent {
  const text = speech.toLowerCase();
  return INTENTS.find(([, rule]) => rule.test(text))?.[0] ?? "none";
}
