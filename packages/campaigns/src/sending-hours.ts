// When a campaign may send: inside CAMPAIGN_SENDING_HOURS (08:00–21:00, TCPA) in the business's
// time zone, and outside the business's own quiet hours (its booking settings, as for reminders).
// Wall-clock times through @date-fns/tz, so a DST change day keeps 08:00 at 08:00 local.
import { TZDate } from "@date-fns/tz";
import { inQuietHours, quietHoursEnd } from "@servicepro/sms";
import { CAMPAIGN_SENDING_HOURS } from "@servicepro/validators";

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** Quiet hours as [start, end) wall-clock "HH:MM" (they may wrap midnight, e.g. 21:00–08:00). */
export type QuietHours = { start: string; end: string };

/** The campaign rule as quiet hours: everything outside the sending hours. */
export const CAMPAIGN_QUIET_HOURS: QuietHours = {
  start: CAMPAIGN_SENDING_HOURS.end,
  end: CAMPAIGN_SENDING_HOURS.start,
};

/** When `now` is inside `quiet` in `timeZone`: the instant they end; otherwise null. */
export function quietUntil(now: Date, timeZone: string, quiet: QuietHours): Date | null {
  const wall = wallMinutes(now, timeZone);
  return inQuietHours(wall, minutesOf(quiet.start), minutesOf(quiet.end))
    ? quietHoursEnd(now, timeZone, quiet.end)
    : null;
}

function wallMinutes(now: Date, timeZone: string): number {
  const local = new TZDate(+now, timeZone);
  return local.getHours() * 60 + local.getMinutes();
}

/**
 * Null when a campaign text may go at `now`; otherwise the first instant it may. Both rules apply,
 * so a resume time that falls in the other's quiet hours moves on to their end (a few steps at
 * most; if the two leave no time at all in a day, the last step is returned and checked again then).
 */
export function sendingResumesAt(now: Date, timeZone: string, business: QuietHours | null): Date | null {
  const rules = business ? [CAMPAIGN_QUIET_HOURS, business] : [CAMPAIGN_QUIET_HOURS];
  let at = now;
  for (let step = 0; step < 4; step++) {
    const resume = rules.map((quiet) => quietUntil(at, timeZone, quiet)).find((until) => until !== null);
    if (!resume) return at === now ? null : at;
    at = resume;
  }
  return at;
}
