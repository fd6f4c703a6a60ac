/**
 * Which of the offered starts a text picks: by position ("the first", "2nd one", "option 2", "#2",
 * "2", "el primero", "la segunda"), by time ("10", "10am", "the 11:30", "la de las 3"), by day ("sat",
 * "the tuesday one"), or any of them ("either", "whichever", "the earliest" → the first; "the last
 * one" → the last). Null when the text fits none, or more than one and nothing tells them apart,
 * or position and time disagree ("2" when the first offer is at 2pm).
 */
import type { Clock, LocalDay } from "./when.ts";
import { localDayOf } from "./when.ts";

const ORDINALS: [RegExp, number][] = [
  [/\b(?:first|1st|primer|primero|primera|uno)\b/, 0],
  [/\b(?:second|2nd|segundo|segunda|dos)\b/, 1],
  [/\b(?:third|3rd|tercer|tercero|tercera|tres)\b/, 2],
  [/\b(?:fourth|4th|cuarto|cuarta|cuatro)\b/, 3],
  [/\b(?:fifth|5th|quinto|quinta|cinco)\b/, 4],
  [/\b(?:sixth|6th|sexto|sexta|seis)\b/, 5],
];
const ANY =
  /\b(?:either|any (?:of (?:them|those|these|the times)|one|is fine|works|will do|time works)|anyone works|whichever|whatever works|the earliest|earliest one|soonest one|first available|doesnt matter|dont care|cualquiera|cualquier hora|la que sea|el que sea|la mas temprana|me da igual|da igual)\b/;
const LAST = /\b(?:last|latest|later one|the later|ultimo|ultima|la mas tarde|el mas tarde)\b/;
/** "option 2", "#2", "number 2", "opcion 2", or the number alone. */
const NUMBERED = /(?:\b(?:option|opt|choice|number|no|num|opcion|numero)\s*|#\s*)(\d)\b/;
const LONE_NUMBER = /^(?:\w+ )?(\d{1,2})(?: (?:one|please|pls|thanks|thank you|works|is good|por favor|gracias))?$/;

export type PickInput = {
  norm: string;
  starts: string[];
  timeZone: string;
  /** Days and clock times the text names (when.ts). */
  days: LocalDay[];
  times: Clock[];
  affirmative: boolean;
};

type Offer = { index: number; day: LocalDay; hour: number; minute: number };

function offersOf(starts: string[], timeZone: string): Offer[] {
  const offers: Offer[] = [];
  starts.forEach((iso, index) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return;
    const local = localDayOf(date, timeZone);
    offers.push({
      index,
      day: { y: local.y, m: local.m, d: local.d },
      hour: Math.floor(local.minutes / 60),
      minute: local.minutes % 60,
    });
  });
  return offers;
}

const sameDay = (a: LocalDay, b: LocalDay) => a.y === b.y && a.m === b.m && a.d === b.d;
const soleIndex = (offers: Offer[]) => (offers.length === 1 ? (offers[0] as Offer).index : null);
/** Numbers said alone (not "10:30", not "14th"): an hour or a position. */
const BARE_NUMBER =
  /(?<![:\d/])\b(\d{1,2})\b(?!\s*(?::|\/|st\b|nd\b|rd\b|th\b|dollars|bucks|minutes|hours|days|weeks))/g;

export function pickOffer(input: PickInput): number | null {
  const offers = offersOf(input.starts, input.timeZone);
  if (offers.length === 0) return null;
  const s = input.norm;
  if (LAST.test(s)) return (offers.at(-1) as Offer).index;

  // "option 2", "#2": a position, whatever the times are.
  const numbered = s.match(NUMBERED);
  if (numbered) {
    const position = Number(numbered[1]) - 1;
    return position >= 0 && position < offers.length ? position : null;
  }

  // What the day and clock words leave.
  let pool: Offer[] | null = null;
  if (input.days.length > 0) pool = offers.filter((o) => input.days.some((d) => sameDay(d, o.day)));
  if (input.times.length > 0) {
    const base = pool ?? offers;
    pool = base.filter((o) => input.times.some((t) => t.hour === o.hour && t.minute === o.minute));
    // "10" read as 10am by the parser, but only a 10pm was offered: the hour on the 12-hour clock decides.
    if (pool.length === 0)
      pool = base.filter((o) => input.times.some((t) => t.hour % 12 === o.hour % 12 && t.minute === o.minute));
  }

  // A number alone ("2", "the 10", "la de las 3"): a position or an hour; only one reading may fit.
  const numbers = [...s.matchAll(BARE_NUMBER)].map((m) => Number(m[1]));
  if (input.times.length === 0 && numbers.length > 0) {
    const n = numbers[0] as number;
    const base = pool ?? offers;
    const byHour = n >= 1 && n <= 12 ? base.filter((o) => o.hour % 12 === n % 12) : [];
    const lone = LONE_NUMBER.test(s);
    const position = lone && n >= 1 && n <= offers.length ? n - 1 : null;
    if (byHour.length > 0 && position !== null)
      return byHour.length === 1 && byHour[0]?.index === position ? position : null;
    if (byHour.length > 0) return soleIndex(byHour);
    if (position !== null) return position;
    return null;
  }

  if (pool !== null) return soleIndex(pool);
  for (const [pattern, index] of ORDINALS)
    if (pattern.test(s) && !/\b(?:first|primer[oa]?) (?:time|thing|visit|appointment|cita|vez)\b/.test(s))
      return index < offers.length ? index : null;
  if (ANY.test(s)) return 0;
  if (offers.length === 1 && input.affirmative) return 0;
  return null;
}
