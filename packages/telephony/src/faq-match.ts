/**
 * The AI receptionist's answer finder, static and safe for now: it only ever reads out the
 * tenant's own FAQ answers, chosen by word overlap with what the caller said. No model call, so
 * nothing it says can be invented or injected. (A streaming model can replace this later behind
 * the same function.)
 */
const STOPWORDS = new Set(
  "a an the and or but if of to in on at for with by from about as is are was were be been do does did i you we they he she it my your our me us can could would should will what when where which who how much many there this that these those have has had any some please hi hello hey yeah um uh like just tell know want need get".split(" "),
);

export const tokenize = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map((w) => w.replace(/(ing|es|s)$/u, ""));

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

const INTENTS: [CallerIntent, RegExp][] = [
  ["voicemail", /\b(voicemail|voice mail|leave (a )?message)\b/],
  ["human", /\b(person|human|someone|somebody|representative|operator|agent|owner|real person|talk to|speak (to|with))\b/],
  ["booking", /\b(book|booking|appointment|schedule|reserve|link|text me|send me|yes|yeah|sure|please do)\b/],
  ["hours", /\b(hours|open|close|closing|opening)\b/],
  ["address", /\b(address|where are you|located|location|directions)\b/],
  ["goodbye", /\b(no thanks|no thank you|that'?s all|goodbye|bye|nothing else)\b/],
];

export function callerIntent(speech: string): CallerIntent {
  const text = speech.toLowerCase();
  return INTENTS.find(([, rule]) => rule.test(text))?.[0] ?? "none";
}
