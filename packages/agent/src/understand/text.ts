/**
 * One text, cleaned into the forms the readers work on: control characters out, lower case, accents
 * folded, apostrophes dropped ("don't" → "dont"), text-speak written out ("tmrw" → "tomorrow", "u" →
 * "you"), voice-to-text numbers read ("ten a m" → "10 am", "ten thirty" → "10:30"), and typos of the
 * words that carry meaning fixed with a small edit distance ("cancle", "tommorow", "apointment").
 * `norm` is the words joined by single spaces: the form the lexicons' patterns are written against.
 */

/** Longer texts are read up to here: a 1,600-character text says what it wants near the start. */
export const MAX_READ = 1200;

export type CleanText = {
  /** The raw text without control characters, trimmed. */
  raw: string;
  /** Words after every fix, joined by single spaces. */
  norm: string;
  words: string[];
  /** The text had a question mark (¿ or ?). */
  question: boolean;
  /** Emoji that say yes / no ("👍", "👎"). */
  emojiYes: boolean;
  emojiNo: boolean;
  /** Nothing but emoji, punctuation and spaces. */
  emojiOnly: boolean;
};

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200D\u2028\u2029\uFEFF]/g;
const YES_EMOJI = /[\u{1F44D}\u{1F44C}\u{2705}\u{2714}\u{1F64C}\u{1F91D}\u{1F197}\u{1F44F}]/u;
const NO_EMOJI = /[\u{1F44E}\u{274C}\u{2716}\u{1F645}\u{1F6AB}]/u;

export function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "");
}

/** Text-speak and common misspellings, one word to one or more words. */
const SHORTHAND: Record<string, string> = {
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tmrow: "tomorrow",
  tmw: "tomorrow",
  tmro: "tomorrow",
  tmmrw: "tomorrow",
  tomoz: "tomorrow",
  tomoro: "tomorrow",
  tomorow: "tomorrow",
  tommorow: "tomorrow",
  tommorrow: "tomorrow",
  tomorrw: "tomorrow",
  "2moro": "tomorrow",
  "2morrow": "tomorrow",
  "2morow": "tomorrow",
  "2mrw": "tomorrow",
  "2mro": "tomorrow",
  "2day": "today",
  tdy: "today",
  "2nite": "tonight",
  "2night": "tonight",
  tonite: "tonight",
  u: "you",
  yu: "you",
  ur: "your",
  youre: "you are",
  r: "are",
  pls: "please",
  plz: "please",
  plez: "please",
  pleez: "please",
  plse: "please",
  thx: "thanks",
  thnx: "thanks",
  thnks: "thanks",
  thanx: "thanks",
  tx: "thanks",
  ty: "thank you",
  tysm: "thank you",
  appt: "appointment",
  appts: "appointments",
  apt: "appointment",
  apmt: "appointment",
  appnt: "appointment",
  resched: "reschedule",
  reshedule: "reschedule",
  avail: "available",
  wknd: "weekend",
  wkend: "weekend",
  wkd: "weekend",
  nxt: "next",
  wk: "week",
  b4: "before",
  aft: "after",
  msg: "message",
  msgs: "messages",
  txt: "text",
  cuz: "because",
  bc: "because",
  wanna: "want to",
  gonna: "going to",
  gotta: "got to",
  lemme: "let me",
  gimme: "give me",
  rn: "right now",
  k: "ok",
  kk: "ok",
  okk: "ok",
  okey: "ok",
  okay: "ok",
  oki: "ok",
  okie: "ok",
  sry: "sorry",
  hrs: "hours",
  hr: "hour",
  mins: "minutes",
  min: "minutes",
  ppl: "people",
  smth: "something",
  sth: "something",
  abt: "about",
  bout: "about",
  w: "with",
  wat: "what",
  wut: "what",
  whats: "what is",
  wats: "what is",
  hw: "how",
  cn: "can",
  cud: "could",
  shud: "should",
  wud: "would",
  // Spanish
  q: "que",
  xq: "porque",
  pq: "porque",
  porq: "porque",
  tmb: "tambien",
  tb: "tambien",
  mnn: "manana",
  mna: "manana",
  mnna: "manana",
  sab: "sabado",
  porfa: "por favor",
  porfis: "por favor",
  xfa: "por favor",
  pf: "por favor",
  dnd: "donde",
  cdo: "cuando",
  xa: "para",
};

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const SPANISH_HOURS: Record<string, number> = {
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
};
const MINUTE_WORDS: Record<string, string> = {
  fifteen: "15",
  thirty: "30",
  "forty five": "45",
  "forty-five": "45",
  fortyfive: "45",
  "oh five": "05",
  twenty: "20",
  "o clock": "00",
  oclock: "00",
};

/** Words typos are fixed towards: the ones that carry an intent or a date. Six letters or more only. */
const KEYWORDS = [
  "cancel",
  "cancelled",
  "cancellation",
  "reschedule",
  "rescheduling",
  "appointment",
  "available",
  "availability",
  "schedule",
  "tomorrow",
  "saturday",
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "morning",
  "afternoon",
  "evening",
  "tonight",
  "weekend",
  "please",
  "thanks",
  "refund",
  "manager",
  "someone",
  "somebody",
  "openings",
  "opening",
  "booking",
  "anything",
  "earliest",
  "instead",
  "postpone",
  "different",
  "insurance",
  "insured",
  "payment",
  "cancelar",
  "reprogramar",
  "reagendar",
  "disponible",
  "disponibilidad",
  "sabado",
  "domingo",
  "miercoles",
  "viernes",
  "manana",
  "semana",
  "gracias",
  "perfecto",
  "complaint",
  "terrible",
  "horrible",
  "disappointed",
  "unsubscribe",
];
const KEYWORD_SET = new Set(KEYWORDS);

/** Ordinary words that are one or two edits from a keyword and must stay as they are. */
const NOT_TYPOS = new Set([
  "cancer",
  "cancels",
  "canceled",
  "canceling",
  "cancelling",
  "schedules",
  "scheduled",
  "scheduling",
  "rescheduled",
  "appointments",
  "morning",
  "mornings",
  "evenings",
  "weekends",
  "someone",
  "somewhere",
  "sometime",
  "something",
  "monday",
  "mondays",
  "sunday",
  "sundays",
  "saturdays",
  "fridays",
  "thanks",
  "thank",
  "planes",
  "plans",
  "pleased",
  "please",
  "manage",
  "managed",
  "managers",
  "opening",
  "openings",
  "booking",
  "bookings",
  "refunds",
  "refunded",
  "instead",
  "insured",
  "insurer",
  "ensure",
  "insure",
  "payments",
  "domingos",
  "semanas",
  "mananas",
  "disponibles",
  "perfecta",
  "perfectos",
  "terribly",
  "horribly",
  "evening",
  "events",
  "different",
  "difference",
  "differently",
]);

/** Optimal string alignment distance (Damerau: a swap of two letters is one edit), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    (rows[i] as number[])[0] = i;
  }
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The edits a word of this length may be away from a keyword: one for 5–7 letters, two from 8. */
export const allowedEdits = (length: number) => (length >= 8 ? 2 : length >= 5 ? 1 : 0);

const typoCache = new Map<string, string>();
function fixTypo(word: string): string {
  if (word.length < 5 || KEYWORD_SET.has(word) || NOT_TYPOS.has(word) || /\d/.test(word)) return word;
  const cached = typoCache.get(word);
  if (cached !== undefined) return cached;
  const max = allowedEdits(word.length);
  let best = word;
  let bestDistance = max + 1;
  for (const keyword of KEYWORDS) {
    if (keyword.length < 6 || keyword[0] !== word[0]) continue;
    const distance = editDistance(word, keyword, max);
    if (distance < bestDistance) {
      best = keyword;
      bestDistance = distance;
    }
  }
  if (typoCache.size < 5000) typoCache.set(word, best);
  return best;
}

/** "ten a m" → "10 am", "ten thirty" → "10:30", "a las tres y media" → "a las 3:30". */
function readSpokenNumbers(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    const afterNext = words[i + 2];
    const previous = out[out.length - 1];
    let hour: number | undefined = NUMBER_WORDS[word];
    const spanishHour = SPANISH_HOURS[word];
    if (hour === undefined && spanishHour !== undefined && (previous === "las" || previous === "la"))
      hour = spanishHour;
    if (hour === undefined) {
      // "a m" / "p m" after a number: a voice-to-text am / pm.
      if (
        (word === "a" || word === "p") &&
        next === "m" &&
        previous !== undefined &&
        /^\d{1,2}(:\d\d)?$/.test(previous)
      ) {
        out.push(`${word}m`);
        i++;
        continue;
      }
      out.push(word);
      continue;
    }
    const pair = next !== undefined && afterNext !== undefined ? `${next} ${afterNext}` : undefined;
    if (pair !== undefined && MINUTE_WORDS[pair] !== undefined) {
      out.push(`${hour}:${MINUTE_WORDS[pair]}`);
      i += 2;
    } else if (next !== undefined && MINUTE_WORDS[next] !== undefined && (word !== "one" || next !== "thirty")) {
      out.push(`${hour}:${MINUTE_WORDS[next]}`);
      i++;
    } else if (next === "y" && afterNext === "media") {
      out.push(`${hour}:30`);
      i += 2;
    } else if (
      word === "one" &&
      !(next === "am" || next === "pm" || next === "a" || next === "p" || next === "oclock" || next === "o")
    ) {
      // "one" is a number only when a time follows it; "the first one", "that one" stay words.
      out.push(word);
    } else out.push(String(hour));
  }
  return out;
}

/** The clean forms of one text. Never throws: anything that is not a string reads as empty. */
export function clean(input: unknown): CleanText {
  const raw = (typeof input === "string" ? input : "")
    .slice(0, MAX_READ * 2)
    .replace(CONTROL, " ")
    .trim();
  const text = raw.slice(0, MAX_READ);
  const lower = foldAccents(text.normalize("NFKC").toLowerCase()).replace(/[’‘`´ʼ′]/g, "'");
  const question = /[?¿]/.test(text);
  const emojiYes = YES_EMOJI.test(text);
  const emojiNo = NO_EMOJI.test(text);
  const emojiOnly = text.length > 0 && !/[\p{L}\p{N}]/u.test(text);
  // "10:30am" / "10.30" stay one word; "don't" loses its apostrophe; "sat." loses its dot.
  const tokens =
    lower
      .replace(/@\s*(?=\d)/g, " at ")
      .replace(/(\d{1,2})[.h](\d{2})(?!\d)/g, "$1:$2")
      .replace(/(\d)(am|pm|a\.m\.|p\.m\.)/g, "$1 $2")
      .replace(/\b([ap])\.m\./g, "$1m")
      .match(/\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{1,2}:\d{2}|[\p{L}\p{N}]+(?:'[\p{L}]+)*|#/gu) ?? [];
  const expanded: string[] = [];
  for (const token of tokens) {
    const word = token.replace(/'/g, "");
    const short = SHORTHAND[word];
    if (short !== undefined) expanded.push(...short.split(" "));
    else expanded.push(fixTypo(word.replace(/(\p{L})\1{2,}/gu, "$1$1")));
  }
  const words = readSpokenNumbers(expanded);
  return { raw: text, norm: words.join(" "), words, question, emojiYes, emojiNo, emojiOnly };
}

/** Whether any of the patterns matches. */
export const anyOf = (patterns: readonly RegExp[], text: string) => patterns.some((pattern) => pattern.test(text));

/** A light stemmer for matching words to names (English and Spanish plurals and endings). */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith("ed") && !w.endsWith("eed")) w = w.slice(0, -2);
  if (w.length > 5 && w.endsWith("er")) w = w.slice(0, -2);
  if (w.length > 4 && /[aeo]$/.test(w)) w = w.slice(0, -1);
  return w;
}
