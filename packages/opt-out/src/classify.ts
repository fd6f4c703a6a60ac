/**
 * What an inbound text (or a voicemail transcription, or a spoken menu answer) means for SMS
 * consent. Runs before anything else answers a text.
 *
 * 1. Carrier keywords (texts only): the whole text is one keyword, as Twilio's filter reads it.
 * 2. The text is normalised (normalise.ts) and cut into clauses; each clause is scored against
 *    every language's lexicon (lexicon/*.ts): a clause that is only a revocation ("unsub", "remove
 *    me", "dame de baja"), a typo of a keyword ("stpo", "unsuscribe"), or a rule anchored on what
 *    is being stopped ("stop texting me", "no me manden más mensajes", "je ne veux plus recevoir de
 *    SMS"). A guard in the clause (negation: "don't stop texting me"; another channel: "how do I
 *    unsubscribe from your emails?") cancels it; praise ("Stop, that was amazing!") cancels the text.
 * 3. The best clause's score decides: OPT_OUT_THRESHOLD and above opts out, REVIEW_THRESHOLD and
 *    above asks staff (the inbox's review queue), below is nothing.
 */
import { exactKeyword, fuzzyOptOutWord } from "./keywords.ts";
import { detectLanguage } from "./language.ts";
import { en } from "./lexicon/en.ts";
import { ALL_LEXICONS } from "./lexicon/index.ts";
import { TEXT_WORDS } from "./lexicon/types.ts";
import { normalise } from "./normalise.ts";
import type { ConsentDecision, ConsentLanguage, ConsentOptions } from "./types.ts";

/** At or above: the text revokes consent; recorded at once. */
export const OPT_OUT_THRESHOLD = 0.8;
/** At or above (and below OPT_OUT_THRESHOLD): unsure; the message is flagged for staff. */
export const REVIEW_THRESHOLD = 0.5;

/** Twilio's default English keywords (the ones its long-code filter acts on without Advanced Opt-Out). */
export const OPT_OUT_KEYWORDS = en.optOutKeywords;
export const OPT_IN_KEYWORDS = en.optInKeywords;
export const HELP_KEYWORDS = en.helpKeywords;

const BARE_SCORE = 0.95;
const FUZZY_SCORE = 0.9;
const UNCLEAR_SCORE = 0.6;

const COURTESY = [...new Set(ALL_LEXICONS.flatMap((l) => l.courtesy))].sort((a, b) => b.length - a.length);
const BARE_REVOCATIONS = new Map<string, ConsentLanguage>();
for (const lexicon of ALL_LEXICONS)
  for (const phrase of lexicon.bareRevocations)
    if (!BARE_REVOCATIONS.has(phrase)) BARE_REVOCATIONS.set(phrase, lexicon.language);
const BARE_AMBIGUOUS = new Set(ALL_LEXICONS.flatMap((l) => l.bareAmbiguous));
/** Bare words whose object is unclear when the text also talks about a booking ("Stop. Can we do 4pm?"). */
const OBJECTLESS = new Set([
  "stop",
  "end",
  "cancel",
  "quit",
  "halt",
  "alto",
  "para",
  "parar",
  "fin",
  "arret",
  "arrete",
  "cancelar",
  "cancel all",
  "end all",
  "stop it",
  "stop now",
]);

/** A clause without the courtesy and emphasis around its point: "ok stop thanks" → "stop". */
function stripCourtesy(clause: string): string {
  let rest = ` ${clause} `;
  let changed = true;
  while (changed) {
    changed = false;
    for (const word of COURTESY) {
      if (rest.startsWith(` ${word} `)) {
        rest = rest.slice(word.length + 1);
        changed = true;
      }
      if (rest.endsWith(` ${word} `) && rest.length > word.length + 2) {
        rest = rest.slice(0, rest.length - word.length - 1);
        changed = true;
      }
    }
  }
  return rest.trim();
}

const PRAISE_OPENING =
  /^(omg |oh |oh my god |wow |ok )?(stop|stop it|stahp|stoppp|stop stop|cut it out|knock it off|para|basta|arrete|arretez|arrete ca|no way stop)$/;
const PRAISE =
  /\b(amazing|awesome|the best|best|great|beautiful|gorgeous|incredible|perfect|lovely|love it|love them|love you|loved|blush|blushing|kidding|flatter\w*|too kind|so kind|so sweet|sweet|no way|unbelievable|fantastic|wonderful|stunning|brand new|looks new|like new|spotless|shiny|shines|insane|crazy|fire|impressed|obsessed|cute|adorable|(never|ever|always) (looked|looks|look|been|seen \w+) (this|so|that|as) (good|nice|clean|great|pretty|shiny|green|fresh|sharp)|looks? (so |this |that |too |really )?(good|great|amazing|fresh|sharp|clean|perfect)|comme (neuf|neuve|neufs|neuves)|como (nuevo|nueva|nuevos|nuevas)|quedo (increible|perfecto|perfecta|hermoso|hermosa|bonito|bonita|precioso|preciosa|como nuevo|como nueva)|increible|hermoso|hermosa|precioso|preciosa|bonito|bonita|genial|maravill\w*|magnifique|incroyable|superbe|parfait|trop beau|trop belle|sublime|un amor|(so|too|very|super|really|soo) (good|nice|clean|shiny|pretty|kind|sweet|fresh|beautiful|cute|sharp)|(tellement|trop|vraiment|super|si|tres|ben) (beau|belle|beaux|belles|fin|fine|fins|gentil|gentille|gentils|bon|bonne|propre|brillant|brillante|reluisant|chou|cute|hot|bien fait)|(tan|muy|bien|super|re|que) (bonito|bonita|lindo|linda|limpio|limpia|bueno|buena|precioso|preciosa|hermoso|hermosa|amable|amables|chulo|chula))\b/;

/** Delight (heart eyes, hearts, star eyes, clapping, fire, 100, heart-eyed cat): praise, when words follow the "Stop". */
const DELIGHT =
  /[\u{1F60D}\u{1F970}\u{1F929}\u{2764}\u{1F499}\u{1F49C}\u{1F49A}\u{1F49B}\u{1F44F}\u{1F64C}\u{1F525}\u{1F4AF}\u{1F63B}]/u;

/**
 * "Stop, that was amazing!", "Stop it, you guys are the best", "Stop, look at her 😍": an exclamation, not a
 * request. A bare "STOP ❤️" stays a (polite) stop: the delight counts only beside words about something else.
 */
function isPraise(clauses: readonly string[], body: string): boolean {
  const first = clauses[0];
  if (first === undefined || !PRAISE_OPENING.test(first)) return false;
  const rest = clauses.slice(1).join(" ");
  return (PRAISE.test(rest) || (rest !== "" && DELIGHT.test(body))) && !TEXT_WORDS.test(rest);
}

/** Courtesy words that end a request: "Stop por favor ya no quiero" is "stop por favor" | "ya no quiero". */
const CLOSING_COURTESY =
  /^(please|pls|plz|thanks|thank you|thx|por favor|porfa|gracias|svp|stp|s il vous plait|s il te plait|merci)\b/;

/**
 * A bare revocation with a courtesy word, then more words ("stop please I dont want them", "PARAR por
 * favor ya no quiero"): people add the reason without a comma. The request becomes its own clause.
 */
function splitAfterCourtesy(clause: string): string[] {
  const words = clause.split(" ");
  for (let k = Math.min(3, words.length - 2); k >= 1; k--) {
    const head = words.slice(0, k).join(" ");
    const rest = words.slice(k).join(" ");
    const courtesy = CLOSING_COURTESY.exec(rest)?.[0];
    if (!BARE_REVOCATIONS.has(head) || courtesy === undefined || rest.length <= courtesy.length) continue;
    // "stop please I love these texts": what follows takes the request back; leave the clause whole.
    if (CLAUSE_GUARDS.some((guard) => guard.pattern.test(rest))) return [clause];
    return [`${head} ${courtesy}`, rest.slice(courtesy.length).trim()];
  }
  return [clause];
}

const COURTESY_SET = new Set(COURTESY);

/**
 * "stop no more", "unsubscribe remove me", "🛑 no more": two or more bare revocations in a row, with
 * nothing but courtesy between them. Each one alone would opt out; together they do too.
 */
function isRunOfBareRevocations(clause: string): boolean {
  const words = clause.split(" ");
  // best[i]: most revocations in a segmentation of words[0..i), or -1 when they cannot be segmented.
  const best = new Array<number>(words.length + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < words.length; i++) {
    const before = best[i] ?? -1;
    if (before < 0) continue;
    for (let j = i + 1; j <= Math.min(words.length, i + 4); j++) {
      const piece = words.slice(i, j).join(" ");
      const gain = BARE_REVOCATIONS.has(piece) ? 1 : COURTESY_SET.has(piece) ? 0 : -1;
      if (gain >= 0 && before + gain > (best[j] ?? -1)) best[j] = before + gain;
    }
  }
  return (best[words.length] ?? -1) >= 2;
}

/** A wish to keep some of the texts: "keep the ones for the new car", "sigan mandando los otros", "gardez les autres". */
const KEEP_SOME =
  /\b(keep|still send|continue) (sending )?(the ones|the others|the other ones|the rest)\b|\b(sigan|sigue|continuen) (mandando|enviando) (los|las) (otros|otras|demas)\b|\b(gardez|garde|continuez) (les autres|le reste|ceux)\b/;

type ClauseScore = { score: number; reason: string; keyword?: string; language?: ConsentLanguage };
type Span = { start: number; end: number };

const CLAUSE_GUARDS = ALL_LEXICONS.flatMap((l) => l.guards.filter((g) => !g.unless));
const TEXT_GUARDS = ALL_LEXICONS.flatMap((l) => l.guards.filter((g) => g.unless));

const spansOf = (pattern: RegExp, clause: string): Span[] =>
  [...clause.matchAll(new RegExp(pattern.source, "g"))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * A clause's best revocation evidence. A guard (negation: "don't stop texting me", "I'm NOT asking
 * you to stop") cancels what it overlaps, not the whole clause: a voicemail is often one long clause
 * ("I keep getting texts please remove me from your list").
 */
function scoreClause(clause: string, bookingElsewhere: boolean): ClauseScore {
  const guards = CLAUSE_GUARDS.flatMap((guard) => spansOf(guard.pattern, clause));
  const free = (span: Span) => !guards.some((guard) => overlaps(guard, span));
  const whole: Span = { start: 0, end: clause.length };

  let best: ClauseScore = { score: 0, reason: "" };
  const consider = (candidate: ClauseScore) => {
    if (candidate.score > best.score) best = candidate;
  };
  // A clause about another channel that never names texts ("can you stop sending me emails?").
  if (TEXT_GUARDS.some((guard) => guard.pattern.test(clause) && !guard.unless?.test(clause))) return best;
  const core = stripCourtesy(clause) || clause;
  const bare = BARE_REVOCATIONS.get(core);
  if (free(whole)) {
    if (bare !== undefined) {
      // "Stop" next to booking talk ("Stop. Can we do 4pm instead?"): stop what? Staff decide.
      const unclear = bookingElsewhere && OBJECTLESS.has(core);
      consider({
        score: unclear ? UNCLEAR_SCORE : BARE_SCORE,
        reason: unclear ? "bare keyword beside booking talk" : "bare revocation",
        keyword: core,
        language: bare,
      });
    } else if (!core.includes(" ")) {
      const typo = fuzzyOptOutWord(core);
      if (typo) consider({ score: FUZZY_SCORE, reason: "keyword typed with a typo", keyword: typo });
    }
    if (BARE_AMBIGUOUS.has(core)) consider({ score: UNCLEAR_SCORE, reason: `unclear: "${core}"` });
    if (bare === undefined && isRunOfBareRevocations(core))
      consider({
        score: bookingElsewhere ? UNCLEAR_SCORE : BARE_SCORE,
        reason: bookingElsewhere ? "bare keywords beside booking talk" : "bare revocations in a row",
      });
  }
  for (const lexicon of ALL_LEXICONS)
    for (const rule of [...lexicon.revocations, ...lexicon.ambiguous])
      if (rule.pattern.test(clause) && spansOf(rule.pattern, clause).some(free))
        consider({ score: rule.score, reason: rule.name, language: lexicon.language });
  // "Stop please. Can we do 4pm?": the courtesy does not say what to stop, the booking beside it may.
  if (bookingElsewhere && OBJECTLESS.has(core) && best.score > UNCLEAR_SCORE)
    best = { score: UNCLEAR_SCORE, reason: "bare keyword beside booking talk", keyword: core };
  return best;
}

export function classifyConsent(body: string, options: ConsentOptions = {}): ConsentDecision {
  const channel = options.channel ?? "sms";
  // Twilio's filter only ever sees texts: a spoken "stop" is ours to act on (free text).
  if (channel === "sms") {
    const exact = exactKeyword(body);
    if (exact?.kind === "opt_out")
      return {
        kind: "opt_out",
        source: "keyword",
        keyword: exact.hit.keyword,
        score: 1,
        language: exact.hit.language,
      };
    if (exact) return { kind: exact.kind, keyword: exact.hit.keyword, score: 0, language: exact.hit.language };
  }

  const normalised = normalise(body);
  const { words } = normalised;
  const clauses = normalised.clauses.flatMap(splitAfterCourtesy);
  let language = detectLanguage(words, body);
  if (channel === "sms") {
    // "HELP pls", "AYUDA por favor": a help keyword with a courtesy word still asks for help. Opt-in stays the
    // exact keyword: Twilio lifts its block on START alone, and our consent record must not say more than it.
    const courteous = clauses.length === 1 && clauses[0] !== undefined ? exactKeyword(stripCourtesy(clauses[0])) : null;
    if (courteous?.kind === "help")
      return { kind: courteous.kind, keyword: courteous.hit.keyword, score: 0, language: courteous.hit.language };
  }
  if (clauses.length === 0 || isPraise(clauses, body)) return { kind: "none", score: 0, language };
  // About another channel only ("how do I unsubscribe from your emails?"): not about texts.
  const whole = clauses.join(" ");
  if (TEXT_GUARDS.some((guard) => guard.pattern.test(whole) && !guard.unless?.test(whole)))
    return { kind: "none", score: 0, language };

  const booking = clauses.map((clause) => ALL_LEXICONS.some((l) => l.bookingTalk.test(clause)));
  let best: ClauseScore = { score: 0, reason: "" };
  clauses.forEach((clause, i) => {
    const scored = scoreClause(
      clause,
      booking.some((talk, j) => talk && j !== i),
    );
    if (scored.score > best.score) best = scored;
  });
  // A text in no clear language takes the language of what it matched ("PARAR por favor").
  if (best.language && words.length <= 3) language = best.language;

  // "stop the reminders for my old car… keep the ones for the new one": a revocation of some texts only. Staff ask.
  if (best.score >= OPT_OUT_THRESHOLD && clauses.some((clause) => KEEP_SOME.test(clause)))
    return { kind: "review", score: UNCLEAR_SCORE, language, reason: "stops some texts, keeps others" };
  if (best.score >= OPT_OUT_THRESHOLD)
    return {
      kind: "opt_out",
      source: "free_text",
      ...(best.keyword ? { keyword: best.keyword.toUpperCase() } : {}),
      score: best.score,
      language,
    };
  if (best.score >= REVIEW_THRESHOLD) return { kind: "review", score: best.score, language, reason: best.reason };
  return { kind: "none", score: best.score, language };
}
