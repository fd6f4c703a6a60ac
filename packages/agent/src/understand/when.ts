/**
 * When the customer wants it: a TimeWindow in the business's zone, read with chrono-node (its English
 * and Spanish casual parsers, plus four small parsers of our own for what it misses: "after 3" /
 * "before noon", "between 10 and 2", "the 14th" / "el 14", "3 central"). chrono gives the parts (day,
 * hour, minute, and which of them were said); the instant is built here in the business's zone with
 * TZDate, so a window on a DST day is right.
 *
 * The rules (docs/agent-understand.md repeats them):
 * - A day ("sat", "tmrw", "the 14th", "dec 5") is that local day, [00:00, next 00:00).
 * - A weekday name is the next such day; today's own weekday means today while it is before 17:00
 *   local (there is still time to come out), otherwise the same day next week. "next sat" is chrono's
 *   reading (the Saturday of next week).
 * - Parts of the day: morning [00:00, 12:00), afternoon [12:00, 17:00), evening and "tonight"
 *   [17:00, 24:00). "after 3" is [15:00, 24:00), "before noon" [00:00, 12:00), "between 10 and 2"
 *   [10:00, 14:00). An hour from 1 to 7 without am/pm is in the afternoon ("after 3" = 15:00).
 * - A part of the day or a bound without a day is today if at least an hour of it is still ahead,
 *   otherwise tomorrow. An exact time without a day is today if it is still ahead, otherwise tomorrow.
 * - An exact time ("sat at 10", "mañana a las 3") sets `exact`; the window is then that whole day.
 *   "11am Eastern", "2pm PT", "3 central": that wall time in that US zone, converted to the instant.
 * - "next week": next Monday 00:00 to the Monday after; "this week": now to next Monday; "this
 *   weekend": the coming Saturday 00:00 to Monday 00:00 (today's weekend on a Saturday or Sunday);
 *   "next weekend": the weekend after that; "next month": its first day to the first of the month
 *   after; "in 2 weeks": the week starting 14 days from today; "asap" / "soonest" / "lo antes
 *   posible": [now, now + 7 days).
 * - Nothing is in the past: `from` is at least now; a window wholly past is dropped, and an exact
 *   time already past is not kept.
 * - Several days named ("can't do tues, how about thurs"): the last one not negated and not the
 *   "from" of a move.
 */
import { TZDate, tzOffset } from "@date-fns/tz";
import * as chrono from "chrono-node";
import type { TimeWindow } from "../ports.ts";
import { type CleanText, clean } from "./text.ts";

type Parser = chrono.Parser;
type ParsingContext = Parameters<Parser["extract"]>[0];

export type LocalDay = { y: number; m: number; d: number };
export type Clock = { hour: number; minute: number };

export type WhenReading = {
  window: TimeWindow | null;
  /** Every day the text names, in order (for matching appointments and offered times). */
  days: LocalDay[];
  /** Every clock time it names, 24-hour, in order. */
  times: Clock[];
  /** Weekdays it names by name (0 = Sunday): "my saturday appointment" may be any Saturday. */
  weekdays: number[];
};

const DAY_MS = 86_400_000;
/** chrono reads this much of a text: what people ask for is near the start. */
const CHRONO_READS = 320;

/** US zone words → IANA zones. */
const ZONES: Record<string, string> = {
  eastern: "America/New_York",
  et: "America/New_York",
  est: "America/New_York",
  edt: "America/New_York",
  central: "America/Chicago",
  ct: "America/Chicago",
  cst: "America/Chicago",
  cdt: "America/Chicago",
  mountain: "America/Denver",
  mt: "America/Denver",
  mst: "America/Denver",
  mdt: "America/Denver",
  arizona: "America/Phoenix",
  pacific: "America/Los_Angeles",
  pt: "America/Los_Angeles",
  pst: "America/Los_Angeles",
  pdt: "America/Los_Angeles",
  alaska: "America/Anchorage",
  alaskan: "America/Anchorage",
  akst: "America/Anchorage",
  akdt: "America/Anchorage",
  hawaii: "Pacific/Honolulu",
  hawaiian: "Pacific/Honolulu",
  hst: "Pacific/Honolulu",
};
const ZONE_WORDS = Object.keys(ZONES).join("|");
const HOUR_WORDS: Record<string, number> = { noon: 12, midday: 12, mediodia: 12, lunch: 12, lunchtime: 12, work: 17 };

const NUMBER = String.raw`(\d{1,2}|noon|midday|mediodia|lunch|lunchtime)(?::(\d{2}))?(?:\s*(am|pm))?`;
/** What a number is not a time when it is followed by these ("after 3 days", "before 5 dogs"). */
const NOT_A_TIME = String.raw`(?!\s*(?:\d|%|dollars|bucks|minutes|hours|weeks|days|months|years|people|dogs|cats|cars|rooms|st\b|nd\b|rd\b|th\b|of\b|x\b|dias|semanas|horas|personas|perros))`;

function hourOf(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (/^\d+$/.test(raw)) return Number(raw);
  return HOUR_WORDS[raw] ?? null;
}

function timeComponents(hourRaw: string | undefined, minuteRaw: string | undefined, meridiem: string | undefined) {
  const hour = hourOf(hourRaw);
  if (hour === null || hour > 23) return null;
  const minute = minuteRaw === undefined ? 0 : Number(minuteRaw);
  if (minute > 59) return null;
  const components: Partial<Record<chrono.Component, number>> = { hour, minute };
  if (meridiem === "am") components.hour = hour === 12 ? 0 : hour;
  if (meridiem === "pm") components.hour = hour < 12 ? hour + 12 : hour;
  if (meridiem !== undefined) components.meridiem = meridiem === "am" ? 0 : 1;
  return components;
}

/** "after 3", "before noon", "by 5pm", "después de las 3", "antes de las 12", "after work". */
const boundParser: Parser = {
  pattern: () =>
    new RegExp(
      String.raw`(?<![\w:])(after|past|later than|no earlier than|not before|anytime after|any time after|before|by|until|till|til|no later than|earlier than|despues de las?|despues del|antes de las?|antes del|a partir de las?|desde las?)\s+${NUMBER}${NOT_A_TIME}`,
      "i",
    ),
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const components = timeComponents(match[2], match[3], match[4]);
    if (!components) return null;
    const word = (match[1] ?? "").toLowerCase();
    const before = /^(before|by|until|till|til|no later than|earlier than|antes)/.test(word);
    const result = context.createParsingResult(match.index ?? 0, match[0], components);
    result.addTag(before ? "bound/before" : "bound/after");
    if (components.meridiem !== undefined) result.addTag("meridiem/said");
    return result;
  },
};

/** "between 10 and 2", "from 9 to 11am", "entre las 10 y las 2", "de 9 a 11". */
const rangeParser: Parser = {
  pattern: () =>
    new RegExp(
      String.raw`(?<![\w:])(?:between|btw|btwn|from|entre|de)\s+(?:las?\s+)?${NUMBER}\s*(?:and|to|till|until|y|a|hasta)\s+(?:las?\s+)?${NUMBER}${NOT_A_TIME}`,
      "i",
    ),
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const start = timeComponents(match[1], match[2], match[3]);
    const end = timeComponents(match[4], match[5], match[6]);
    if (!start || !end) return null;
    const result = context.createParsingResult(match.index ?? 0, match[0], start, end);
    result.addTag("bound/range");
    if (start.meridiem !== undefined) result.addTag("meridiem/said");
    if (end.meridiem !== undefined) result.addTag("end-meridiem/said");
    return result;
  },
};

/** "the 14th", "on the 3rd", "14th" (English needs the suffix: "the 10" is a time or an option). */
const ordinalDayParser: Parser = {
  pattern: () =>
    /(?<![\w:/])(?:on the |the |el dia |el )?(\d{1,2})(?:st|nd|rd|th)\b(?!\s*(?:one|option|choice|slot|time|opening|available|of (?:those|these|them|the times)))/i,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const day = Number(match[1]);
    if (day < 1 || day > 31) return null;
    const result = context.createParsingResult(match.index ?? 0, match[0], { day });
    result.addTag("date/ordinal");
    return result;
  },
};

/** "el 14", "el dia 3" (Spanish says a day of the month with the article alone). */
const spanishDayParser: Parser = {
  pattern: () =>
    /(?<![\w:/])(?:el dia|el|este|para el)\s+(\d{1,2})\b(?!\s*(?::|\d|am|pm|de la|y media|horas?|minutos?|personas?|perros?|carros?|dolares|%))/i,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const day = Number(match[1]);
    if (day < 1 || day > 31) return null;
    const result = context.createParsingResult(match.index ?? 0, match[0], { day });
    result.addTag("date/ordinal");
    return result;
  },
};

/** "3 central", "11am eastern", "2pm pt", "10:30 mountain time". */
const zoneParser: Parser = {
  pattern: () =>
    new RegExp(
      String.raw`(?<![\w:])(?:at\s+|a las\s+)?(\d{1,2})(?::(\d{2}))?(?:\s*(am|pm))?\s*(?:us\s+)?(${ZONE_WORDS})(?:\s+(?:time|standard time|daylight time))?\b`,
      "i",
    ),
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const components = timeComponents(match[1], match[2], match[3]);
    const zone = ZONES[(match[4] ?? "").toLowerCase()];
    if (!components || !zone) return null;
    const result = context.createParsingResult(match.index ?? 0, match[0], components);
    result.addTag(`zone/${zone}`);
    if (components.meridiem !== undefined) result.addTag("meridiem/said");
    return result;
  },
};

function withOurParsers(base: chrono.Chrono, spanish: boolean): chrono.Chrono {
  const parser = base.clone();
  // Ours first: the overlap refiner keeps the longer match ("after 3pm" over chrono's "3pm").
  parser.parsers.unshift(rangeParser, boundParser, zoneParser, ordinalDayParser);
  if (spanish) parser.parsers.unshift(spanishDayParser);
  return parser;
}

const EN = withOurParsers(chrono.en.casual, false);
const ES = withOurParsers(chrono.es.casual, true);

// ——— local calendar arithmetic in the business's zone ———

function localDayOf(instant: Date, timeZone: string): LocalDay & { weekday: number; minutes: number } {
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    y: local.getFullYear(),
    m: local.getMonth() + 1,
    d: local.getDate(),
    weekday: local.getDay(),
    minutes: local.getHours() * 60 + local.getMinutes(),
  };
}

/** The instant of a wall time in a zone (a time skipped by DST moves forward, as TZDate does). */
function at(day: LocalDay, hour: number, minute: number, timeZone: string): Date {
  return new Date(new TZDate(day.y, day.m - 1, day.d, hour, minute, timeZone).getTime());
}

function addDays(day: LocalDay, days: number): LocalDay {
  const date = new Date(Date.UTC(day.y, day.m - 1, day.d + days));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

const weekdayOf = (day: LocalDay) => new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
const sameDay = (a: LocalDay, b: LocalDay) => a.y === b.y && a.m === b.m && a.d === b.d;
const startOf = (day: LocalDay, timeZone: string) => at(day, 0, 0, timeZone);
const dayAfter = (day: LocalDay, timeZone: string) => at(addDays(day, 1), 0, 0, timeZone);

// ——— span words chrono does not give as spans ———

const GREETINGS =
  /\b(?:good (?:morning|afternoon|evening|night|day)|buenos dias|buenas tardes|buenas noches|buen dia|have a (?:good|great|nice|wonderful|blessed) (?:day|night|evening|weekend|morning|afternoon|one)|enjoy (?:your|the) (?:day|evening|weekend)|que tenga(?:n)? (?:buen|linda|bonita|excelente) (?:dia|tarde|noche|fin de semana))\b/g;
const ASAP =
  /\b(?:asap|as soon as possible|soonest|earliest|first available|next available|whenever|anytime|any time|lo antes posible|lo mas pronto posible|cuanto antes|lo mas pronto|urgent|urgente|right away|emergency)\b/;
const NEXT_WEEK = /\b(?:next week|proxima semana|semana que viene|la otra semana|semana proxima|siguiente semana)\b/;
const THIS_WEEK = /\b(?:this week|esta semana|later this week|rest of the week|end of the week|end of this week)\b/;
const NEXT_WEEKEND = /\b(?:next weekend|proximo fin de semana|fin de semana que viene|siguiente fin de semana)\b/;
const WEEKEND = /\b(?:weekend|fin de semana|finde)\b/;
const NEXT_MONTH = /\b(?:next month|mes que viene|proximo mes|siguiente mes)\b/;
const IN_WEEKS =
  /\b(in|en|within|dentro de) (a|one|1|two|2|three|3|four|4|a couple of|a couple|couple of|a few|un|una|dos|tres|cuatro|un par de) (?:weeks?|semanas?)\b/;
const WEEK_COUNTS: Record<string, number> = {
  a: 1,
  one: 1,
  "1": 1,
  un: 1,
  una: 1,
  two: 2,
  "2": 2,
  dos: 2,
  "a couple of": 2,
  "a couple": 2,
  "couple of": 2,
  "un par de": 2,
  three: 3,
  "3": 3,
  tres: 3,
  "a few": 3,
  four: 4,
  "4": 4,
  cuatro: 4,
};

type PartOfDay = "morning" | "afternoon" | "evening";
const PARTS: [PartOfDay, RegExp][] = [
  ["evening", /\b(?:evening|evenings|tonight|night|nights|after work|(?:en|por|de|la|las) noches?)\b/],
  ["afternoon", /\b(?:afternoon|afternoons|arvo|(?:en|por|de|la|las) tardes?)\b/],
  ["morning", /\b(?:morning|mornings|(?:en|por|de) la manana|las mananas|temprano en la manana)\b/],
];
const PART_HOURS: Record<PartOfDay, [number, number]> = { morning: [0, 12], afternoon: [12, 17], evening: [17, 24] };
/** "sat am", "tue pm" without a clock time: a part of the day. */
const BARE_MERIDIEM = /(?<!\d )\b(am|pm)\b/;

/** Words before a day or time that make it not the one wanted ("not tues", "from 10 to 2" of a move). */
const NOT_WANTED_BEFORE =
  /(?:\bnot|\bcant do|\bcannot do|\bcant make|\bcan not do|\binstead of|\bfrom|\bmy|\bour|\bno puedo el|\bno puedo|\bde mi cita del|\bmi cita del|\bmi cita de|\bdel)\s+(?:on\s+|the\s+|el\s+|las?\s+|at\s+)?$/;

type Reading = {
  index: number;
  text: string;
  day: LocalDay | null;
  time: Clock | null;
  /** The clock time's minutes were said as a range end. */
  end: Clock | null;
  bound: "after" | "before" | "range" | null;
  zone: string | null;
  wanted: boolean;
  meridiemSaid: boolean;
  weekday: number | null;
};

/** An hour without am/pm: 1–7 mean the afternoon ("at 3", "after 5"); 8–11 the morning; 12 noon. */
function inferHour(hour: number, meridiemSaid: boolean, part: PartOfDay | null): number {
  if (meridiemSaid || hour >= 12 || hour === 0) return hour;
  if (part === "evening" || part === "afternoon") return hour + 12;
  if (part === "morning") return hour;
  return hour >= 1 && hour <= 7 ? hour + 12 : hour;
}

function readResults(
  results: chrono.ParsedResult[],
  norm: string,
  today: LocalDay & { weekday: number; minutes: number },
  part: PartOfDay | null,
): Reading[] {
  const readings: Reading[] = [];
  for (const result of results) {
    const tags = result.tags();
    const start = result.start;
    const text = result.text.toLowerCase();
    // "por la mañana" is the morning, not tomorrow: chrono's Spanish parser reads "mañana" as tomorrow.
    const morningNotTomorrow = /^manana\b/.test(text) && /\bla $/.test(norm.slice(0, result.index));
    let day: LocalDay | null = null;
    const dayCertain =
      start.isCertain("day") ||
      start.isCertain("weekday") ||
      [...tags].some((t) => /casualReference\/(today|tomorrow|tonight|yesterday|now)|result\/relativeDate/.test(t));
    const relativeTime = tags.has("result/relativeDate") && /\b(?:hours?|minutes?|mins?|horas?|minutos?)\b/.test(text);
    if (dayCertain && !morningNotTomorrow && !relativeTime) {
      const y = start.get("year");
      const m = start.get("month");
      const d = start.get("day");
      if (y !== null && m !== null && d !== null) day = { y, m, d };
      const weekday = start.get("weekday");
      if (
        start.isCertain("weekday") &&
        !start.isCertain("day") &&
        weekday !== null &&
        !/\b(?:next|proximo|que viene)\b/.test(text)
      ) {
        let ahead = (weekday - today.weekday + 7) % 7;
        if (ahead === 0 && today.minutes >= 17 * 60) ahead = 7;
        day = addDays(today, ahead);
      }
      if (tags.has("date/ordinal") && d !== null) {
        // The day of this month, or of the next month once it has passed.
        let month = today.m;
        let year = today.y;
        if (d < today.d) {
          month += 1;
          if (month > 12) {
            month = 1;
            year += 1;
          }
        }
        const probe = new Date(Date.UTC(year, month - 1, d));
        day = probe.getUTCMonth() === month - 1 ? { y: year, m: month, d } : null;
      }
    }
    let time: Clock | null = null;
    let end: Clock | null = null;
    const meridiemSaid = start.isCertain("meridiem") || tags.has("meridiem/said");
    if (relativeTime) {
      const instant = result.date();
      readings.push({
        index: result.index,
        text,
        day: null,
        time: null,
        end: null,
        bound: null,
        zone: `instant/${instant.getTime()}`,
        wanted: true,
        meridiemSaid: true,
        weekday: null,
      });
      continue;
    }
    const casualPart = [...tags].some((t) =>
      /casualReference\/(morning|afternoon|evening|night|tonight|midnight)/.test(t),
    );
    if (start.isCertain("hour") && !casualPart && !morningNotTomorrow) {
      const hour = start.get("hour") ?? 0;
      time = { hour: inferHour(hour, meridiemSaid, part), minute: start.get("minute") ?? 0 };
    }
    if (result.end?.isCertain("hour")) {
      const endSaid = result.end.isCertain("meridiem") || tags.has("end-meridiem/said");
      let hour = inferHour(result.end.get("hour") ?? 0, endSaid, part);
      // "between 10 and 2": the end is after the start.
      if (time && hour <= time.hour && hour < 12) hour += 12;
      // "between 1 and 3pm": the start takes the end's half of the day.
      if (time && !meridiemSaid && endSaid && time.hour < 12 && time.hour + 12 < hour)
        time = { ...time, hour: time.hour + 12 };
      end = { hour, minute: result.end.get("minute") ?? 0 };
    }
    const bound = tags.has("bound/range")
      ? "range"
      : tags.has("bound/after")
        ? "after"
        : tags.has("bound/before")
          ? "before"
          : null;
    const zoneTag = [...tags].find((t) => t.startsWith("zone/"));
    if (!day && !time) continue;
    readings.push({
      index: result.index,
      text,
      day,
      time,
      end,
      bound,
      zone: zoneTag ? zoneTag.slice(5) : null,
      wanted: !NOT_WANTED_BEFORE.test(norm.slice(Math.max(0, result.index - 24), result.index)),
      meridiemSaid,
      weekday: start.isCertain("weekday") ? start.get("weekday") : null,
    });
  }
  return readings.sort((a, b) => a.index - b.index);
}

/** Results of both parsers, the longer one kept where they overlap. */
function parseBoth(text: string, reference: chrono.ParsingReference): chrono.ParsedResult[] {
  const all = [
    ...EN.parse(text, reference, { forwardDate: true }),
    ...ES.parse(text, reference, { forwardDate: true }),
  ].sort((a, b) => b.text.length - a.text.length);
  const kept: chrono.ParsedResult[] = [];
  for (const result of all) {
    const end = result.index + result.text.length;
    if (kept.some((k) => result.index < k.index + k.text.length && k.index < end)) continue;
    kept.push(result);
  }
  return kept;
}

function lastWanted<T extends { wanted: boolean }>(items: T[]): T | undefined {
  return items.filter((i) => i.wanted).at(-1) ?? items.at(-1);
}

function makeWindow(from: Date, to: Date, exact: Date | null, text: string, now: Date): TimeWindow | null {
  const clampedFrom = from.getTime() < now.getTime() ? now : from;
  if (to.getTime() <= clampedFrom.getTime()) return null;
  const keptExact = exact && exact.getTime() >= now.getTime() ? exact : null;
  return { from: clampedFrom, to, exact: keptExact, text: text.trim() };
}

/** Reads the when of a cleaned text. */
export function readWhen(cleaned: CleanText, now: Date, timeZone: string): WhenReading {
  const none: WhenReading = { window: null, days: [], times: [], weekdays: [] };
  if (!cleaned.norm || Number.isNaN(now.getTime())) return none;
  let zoneOk = true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
  } catch {
    zoneOk = false;
  }
  if (!zoneOk) return none;
  const norm = cleaned.norm.replace(GREETINGS, (g) => " ".repeat(g.length)).slice(0, CHRONO_READS);
  const today = localDayOf(now, timeZone);
  const reference = { instant: now, timezone: tzOffset(timeZone, now) };
  let part: PartOfDay | null = null;
  const partWords: string[] = [];
  for (const [name, pattern] of PARTS) {
    const match = norm.match(pattern);
    if (match && part === null) {
      part = name;
      partWords.push(match[0]);
    }
  }
  let results: chrono.ParsedResult[] = [];
  try {
    results = parseBoth(norm, reference);
  } catch {
    results = [];
  }
  // A span ("next week", "this weekend", "in 2 weeks") is ours to read: chrono gives it as one day.
  const spanSaid = [NEXT_WEEKEND, NEXT_WEEK, THIS_WEEK, WEEKEND, NEXT_MONTH, IN_WEEKS].some((p) => p.test(norm));
  const readings = readResults(results, norm, today, part).filter(
    (r) => !(spanSaid && /\b(?:week|weeks|weekend|month|semana|semanas|mes|finde)\b/.test(r.text)),
  );
  if (part === null && !readings.some((r) => r.time)) {
    const bare = norm.match(BARE_MERIDIEM);
    if (bare) {
      part = bare[1] === "am" ? "morning" : "afternoon";
      partWords.push(bare[0]);
    }
  }
  const days = readings.flatMap((r) => (r.day ? [r.day] : []));
  const times = readings.flatMap((r) => (r.time ? [r.time] : []));
  const weekdays = readings.flatMap((r) => (r.weekday !== null ? [r.weekday] : []));
  const said = readings.map((r) => r.text).join(" ");
  const words = [said, ...partWords.filter((w) => !said.includes(w))].join(" ");

  // An instant said relative to now ("in 2 hours").
  const relative = readings.find((r) => r.zone?.startsWith("instant/"));
  if (relative) {
    const instant = new Date(Number(relative.zone?.slice(8)));
    const day = localDayOf(instant, timeZone);
    return {
      window: makeWindow(startOf(day, timeZone), dayAfter(day, timeZone), instant, words, now),
      days: [day],
      times,
      weekdays,
    };
  }

  // Spans: next week, this week, weekends, next month, in N weeks.
  const daysToMonday = (8 - today.weekday) % 7 || 7;
  const nextMonday = addDays(today, daysToMonday);
  const weeks = norm.match(IN_WEEKS);
  let span: [LocalDay, LocalDay, string] | null = null;
  const spanWord = (pattern: RegExp) => norm.match(pattern)?.[0] ?? "";
  if (NEXT_WEEKEND.test(norm)) {
    // The weekend of next week (Saturday after next Monday).
    const saturday = addDays(nextMonday, 5);
    span = [saturday, addDays(saturday, 2), spanWord(NEXT_WEEKEND)];
  } else if (NEXT_WEEK.test(norm)) span = [nextMonday, addDays(nextMonday, 7), spanWord(NEXT_WEEK)];
  else if (THIS_WEEK.test(norm)) span = [today, nextMonday, spanWord(THIS_WEEK)];
  else if (WEEKEND.test(norm) && days.length === 0) {
    // Saturday or Sunday today: this weekend is today's.
    const saturday =
      today.weekday === 6 ? today : today.weekday === 0 ? addDays(today, -1) : addDays(today, 6 - today.weekday);
    span = [saturday, addDays(saturday, 2), spanWord(WEEKEND)];
  } else if (NEXT_MONTH.test(norm)) {
    const first = { y: today.m === 12 ? today.y + 1 : today.y, m: today.m === 12 ? 1 : today.m + 1, d: 1 };
    const following = { y: first.m === 12 ? first.y + 1 : first.y, m: first.m === 12 ? 1 : first.m + 1, d: 1 };
    span = [first, following, spanWord(NEXT_MONTH)];
  } else if (weeks) {
    const count = WEEK_COUNTS[weeks[2] ?? ""] ?? 1;
    const within = weeks[1] === "within" || weeks[1] === "dentro de";
    span = within
      ? [today, addDays(today, 7 * count), weeks[0]]
      : [addDays(today, 7 * count), addDays(today, 7 * count + 7), weeks[0]];
  }
  if (span && days.length === 0) {
    const [first, after, text] = span;
    let from = startOf(first, timeZone);
    // "next week mornings": the span stays whole; a span has no single day to narrow.
    let to = startOf(after, timeZone);
    if (from.getTime() < now.getTime()) from = now;
    if (to.getTime() <= from.getTime()) to = new Date(from.getTime() + DAY_MS);
    return { window: makeWindow(from, to, null, [text, ...partWords].join(" "), now), days, times, weekdays };
  }

  const dayReading = lastWanted(readings.filter((r) => r.day));
  const timeReading = lastWanted(readings.filter((r) => r.time));
  if (!dayReading && !timeReading && !part) {
    if (ASAP.test(norm)) {
      return {
        window: makeWindow(now, new Date(now.getTime() + 7 * DAY_MS), null, norm.match(ASAP)?.[0] ?? "asap", now),
        days,
        times,
        weekdays,
      };
    }
    return none;
  }
  // "tonight" is today's evening.
  const tonight = /\b(?:tonight|esta noche)\b/.test(norm);

  /** The window on one local day, or null when none of it is ahead. */
  const onDay = (day: LocalDay): TimeWindow | null => {
    let fromHour = 0;
    let fromMinute = 0;
    let toHour = 24;
    let toMinute = 0;
    let exact: Date | null = null;
    if (part) [fromHour, toHour] = PART_HOURS[part];
    const time = timeReading?.time ?? null;
    if (timeReading && time) {
      if (timeReading.bound === "after") {
        fromHour = time.hour;
        fromMinute = time.minute;
        toHour = part && PART_HOURS[part][1] > time.hour ? PART_HOURS[part][1] : 24;
        toMinute = 0;
      } else if (timeReading.bound === "before") {
        fromHour = part ? PART_HOURS[part][0] : 0;
        fromMinute = 0;
        toHour = time.hour;
        toMinute = time.minute;
      } else if (timeReading.bound === "range" && timeReading.end) {
        fromHour = time.hour;
        fromMinute = time.minute;
        toHour = timeReading.end.hour;
        toMinute = timeReading.end.minute;
      } else {
        exact = at(day, time.hour, time.minute, timeReading.zone ?? timeZone);
        const local = localDayOf(exact, timeZone);
        // A time in another zone can fall on the next or the previous local day.
        const exactDay = { y: local.y, m: local.m, d: local.d };
        return makeWindow(startOf(exactDay, timeZone), dayAfter(exactDay, timeZone), exact, words, now);
      }
      const zone = timeReading.zone ?? timeZone;
      const from = at(day, fromHour, fromMinute, zone);
      const to = toHour >= 24 ? dayAfter(day, timeZone) : at(day, toHour, toMinute, zone);
      return makeWindow(from, to, null, words, now);
    }
    const from = at(day, fromHour, fromMinute, timeZone);
    const to = toHour >= 24 ? dayAfter(day, timeZone) : at(day, toHour, toMinute, timeZone);
    return makeWindow(from, to, exact, words, now);
  };

  if (dayReading?.day) {
    return { window: onDay(dayReading.day), days, times, weekdays };
  }
  if (tonight) return { window: onDay(today), days, times, weekdays };
  // No day said: today while enough of it is ahead, otherwise tomorrow.
  const todays = onDay(today);
  const enough =
    todays !== null &&
    (todays.exact !== null || (timeReading?.time && !timeReading.bound)
      ? todays.exact !== null
      : todays.to.getTime() - todays.from.getTime() >= 60 * 60_000);
  if (enough) return { window: todays, days, times, weekdays };
  return { window: onDay(addDays(today, 1)), days, times, weekdays };
}

/** The window a text names in the business's zone, or null when it names none. */
export function resolveWindow(text: string, now: Date, timeZone: string): TimeWindow | null {
  try {
    return readWhen(clean(text), now, timeZone).window;
  } catch {
    return null;
  }
}

export { localDayOf, sameDay, weekdayOf };
