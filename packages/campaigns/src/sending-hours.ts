// When a campaign may text: between 8 a.m. and 9 p.m. in the business's time zone (TCPA's calling
// hours, which carriers and courts apply to marketing texts) and outside the business's own quiet
// hours when those are stricter. Pure: the composer's check, the schedule check and the drain use it.
import { TZDate } from "@date-fns/tz";
import { CAMPAIGN_SENDING_HOURS } from "@servicepro/validators";

export type QuietHours = { quietHoursStart: string; quietHoursEnd: string };

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** Whether local minute `wall` is in [start, end), a range that may wrap midnight. */
const within = (wall: number, start: number, end: number) =>
  start < end ? wall >= start && wall < end : wall >= start || wall < end;

/** Whether a campaign may send at `at` for a business in `timeZone` with `quiet` hours. */
export function maySendAt(at: Date, timeZone: string, quiet: QuietHours): boolean {
  const local = new TZDate(+at, timeZone);
  const wall = local.getHours() * 60 + local.getMinutes();
  const open = within(wall, minutesOf(CAMPAIGN_SENDING_HOURS.start), minutesOf(CAMPAIGN_SENDING_HOURS.end));
  const quietNow =
    quiet.quietHoursStart !== quiet.quietHoursEnd &&
    within(wall, minutesOf(quiet.quietHoursStart), minutesOf(quiet.quietHoursEnd));
  return open && !quietNow;
}

/**
 * The first moment at or after `at` when a campaign may send, or null when the business's quiet
 * hours leave no sending time at all. Sending windows open at 8:00 or at the end of the quiet
 * hours, so those instants (today and the next two days, in the zone, DST included) are the candidates.
 */
export function nextSendingTime(at: Date, timeZone: string, quiet: QuietHours): Date | null {
  if (maySendAt(at, timeZone, quiet)) return at;
  const local = new TZDate(+at, timeZone);
  const opens = [CAMPAIGN_SENDING_HOURS.start, quiet.quietHoursEnd].map(minutesOf);
  const candidates: Date[] = [];
  for (let day = 0; day <= 2; day++)
    for (const minute of opens)
      candidates.push(
        new Date(
          +new TZDate(
            local.getFullYear(),
            local.getMonth(),
            local.getDate() + day,
            Math.floor(minute / 60),
            minute % 60,
            timeZone,
          ),
        ),
      );
  const next = candidates
    .filter((candidate) => candidate > at && maySendAt(candidate, timeZone, quiet))
    .sort((a, b) => +a - +b)[0];
  return next ?? null;
}

/** "9:05 PM" in the business's zone, for messages. */
export const localTimeText = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" }).format(at);

/** "Thu, Dec 3, 8:00 AM" in the business's zone, for messages. */
export const localDateTimeText = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(at);
