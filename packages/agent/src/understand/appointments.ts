/**
 * Which of the sender's appointments a text names: by day ("my saturday appointment"), by time
 * ("the 10am"), or by service ("the carpet cleaning"). Best first; empty when it names none (a text
 * that only says "my appointment" names none: the engine decides what one appointment means).
 */
import type { AgentAppointment } from "../types.ts";
import { termsMeet, termsOf, wordsOf } from "./terms.ts";
import { type Clock, type LocalDay, localDayOf } from "./when.ts";

export function matchAppointments(
  appointments: AgentAppointment[],
  named: { days: LocalDay[]; weekdays: number[]; times: Clock[]; words: readonly string[]; serviceIds: string[] },
  timeZone: string,
): string[] {
  const textTerms = termsOf(named.words);
  const scored: { id: string; score: number; start: number }[] = [];
  for (const appointment of appointments) {
    if (Number.isNaN(appointment.start.getTime())) continue;
    const local = localDayOf(appointment.start, timeZone);
    const hour = Math.floor(local.minutes / 60);
    const minute = local.minutes % 60;
    let score = 0;
    if (named.days.some((d) => d.y === local.y && d.m === local.m && d.d === local.d)) score += 2;
    else if (named.weekdays.includes(local.weekday)) score += 1.5;
    if (named.times.some((t) => t.hour === hour && t.minute === minute)) score += 2;
    else if (named.times.some((t) => t.hour % 12 === hour % 12)) score += 1;
    if (named.serviceIds.includes(appointment.serviceId)) score += 1.5;
    else {
      const nameTerms = termsOf(wordsOf(appointment.serviceName));
      if (nameTerms.length > 0 && nameTerms.some((n) => textTerms.some((t) => termsMeet(t, n)))) score += 1;
    }
    if (score > 0) scored.push({ id: appointment.id, score, start: appointment.start.getTime() });
  }
  scored.sort((a, b) => b.score - a.score || a.start - b.start);
  return scored.map((s) => s.id);
}
