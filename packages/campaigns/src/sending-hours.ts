// When a campaign may text: between 8 a.m. and 9 p.m. in the business's time zone (TCPA's calling
// hours, which carriers and courts apply to marketing texts) and outside the business's own quiet
// hours when those are stricter. The window arithmetic is packages/sms's (resumeOutside, shared with
// rebook reminders), on wall-clock times through @date-fns/tz, so 08:00 stays 08:00 on a DST day.
// The composer's check, the schedule check and the drain all ask here.
import { MARKETING_QUIET_WINDOW, type QuietWindow, resumeOutside } from "@servicepro/sms";

/** The business's quiet hours as [start, end) wall-clock "HH:MM" (they may wrap midnight). */
export type QuietHours = QuietWindow;

/**
 * Null when a campaign text may go at `now`; otherwise the first instant it may (the end of
 * whichever window holds it, stepping on when that lands in the other).
 */
export function sendingResumesAt(now: Date, timeZone: string, business: QuietHours | null): Date | null {
  const at = resumeOutside(now, timeZone, business ? [MARKETING_QUIET_WINDOW, business] : [MARKETING_QUIET_WINDOW]);
  return +at === +now ? null : at;
}

export const maySendAt = (at: Date, timeZone: string, business: QuietHours | null): boolean =>
  sendingResumesAt(at, timeZone, business) === null;

/**
 * The first moment at or after `at` when a campaign may send, or null when the business's quiet
 * hours leave no sending time in the day at all.
 */
export function nextSendingTime(at: Date, timeZone: string, business: QuietHours | null): Date | null {
  const next = sendingResumesAt(at, timeZone, business) ?? at;
  return maySendAt(next, timeZone, business) ? next : null;
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
