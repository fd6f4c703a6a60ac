// What every text the business sends on its own schedule (reminders, review requests, rebook
// reminders, portal sign-in texts) needs before it is queued: the business's quiet hours (and, for
// marketing texts, the legal sending hours too), and a thread to send in.
import { TZDate } from "@date-fns/tz";
import type { Conversation, TenantTx } from "@servicepro/db";
import { CAMPAIGN_SENDING_HOURS } from "@servicepro/validators";
import { ensureConversation } from "./inbound.ts";

/** Quiet hours of a business that never saved booking settings (the column defaults). */
const DEFAULT_QUIET_HOURS = { quietHoursStart: "21:00", quietHoursEnd: "08:00" };

/** Whether local wall-clock minute `wall` falls in the quiet hours [start, end) (which may wrap midnight). */
export function inQuietHours(wall: number, start: number, end: number): boolean {
  return start < end ? wall >= start && wall < end : wall >= start || wall < end;
}

const minutesOf = (hhmm: string) => {
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/** The instant the quiet hours that contain `now` end, in `timeZone`. */
export function quietHoursEnd(now: Date, timeZone: string, endHHMM: string): Date {
  const local = new TZDate(+now, timeZone);
  const end = minutesOf(endHHMM);
  const wall = local.getHours() * 60 + local.getMinutes();
  // Before the end time: it ends today; otherwise (the evening part) tomorrow.
  const dayOffset = wall < end ? 0 : 1;
  return new Date(
    +new TZDate(
      local.getFullYear(),
      local.getMonth(),
      local.getDate() + dayOffset,
      Math.floor(end / 60),
      end % 60,
      timeZone,
    ),
  );
}

/**
 * When `now` falls in the business's quiet hours (its booking settings, else 21:00–08:00, in its
 * time zone): the instant they end. Outside them: null.
 */
export async function quietHoursResume(tx: TenantTx, timeZone: string, now: Date): Promise<Date | null> {
  const settings = await tx.bookingSettings.findFirst({ select: { quietHoursStart: true, quietHoursEnd: true } });
  const quiet = settings ?? DEFAULT_QUIET_HOURS;
  const local = new TZDate(+now, timeZone);
  const quietNow = inQuietHours(
    local.getHours() * 60 + local.getMinutes(),
    minutesOf(quiet.quietHoursStart),
    minutesOf(quiet.quietHoursEnd),
  );
  return quietNow ? quietHoursEnd(now, timeZone, quiet.quietHoursEnd) : null;
}

/** A daily window [start, end) of local "HH:MM" times, which may wrap midnight. */
export type QuietWindow = { start: string; end: string };

/**
 * The first instant at or after `now` that is outside every window, in `timeZone`: `now` itself
 * when it is outside them all. Leaving one window may land in another (the business's 22:00–09:00
 * and the law's 21:00–08:00), so it steps until none holds it (each step ends a window: at most one
 * step per window).
 */
export function resumeOutside(now: Date, timeZone: string, windows: readonly QuietWindow[]): Date {
  let at = now;
  for (let step = 0; step <= windows.length; step++) {
    const local = new TZDate(+at, timeZone);
    const wall = local.getHours() * 60 + local.getMinutes();
    const holding = windows.find((w) => inQuietHours(wall, minutesOf(w.start), minutesOf(w.end)));
    if (!holding) return at;
    at = quietHoursEnd(at, timeZone, holding.end);
  }
  return at;
}

/** Outside the legal sending hours for marketing texts (8 a.m. to 9 p.m. at the recipient, TCPA). */
export const MARKETING_QUIET_WINDOW: QuietWindow = {
  start: CAMPAIGN_SENDING_HOURS.end,
  end: CAMPAIGN_SENDING_HOURS.start,
};

/**
 * quietHoursResume for a marketing text (a "come back" nudge): the business's quiet hours and,
 * whatever the business chose, never before 08:00 or from 21:00 in its time zone. Null outside both.
 */
export async function marketingQuietHoursResume(tx: TenantTx, timeZone: string, now: Date): Promise<Date | null> {
  const settings = await tx.bookingSettings.findFirst({ select: { quietHoursStart: true, quietHoursEnd: true } });
  const quiet = settings ?? DEFAULT_QUIET_HOURS;
  const resume = resumeOutside(now, timeZone, [
    { start: quiet.quietHoursStart, end: quiet.quietHoursEnd },
    MARKETING_QUIET_WINDOW,
  ]);
  return resume.getTime() === now.getTime() ? null : resume;
}

/**
 * The customer's thread, or a new one from the business's first number (a customer who booked
 * online may never have texted); null when the business has no number to text from.
 */
export async function customerThread(
  tx: TenantTx,
  tenantId: string,
  customerId: string,
  existing?: Conversation | null,
): Promise<Conversation | null> {
  const conversation = existing ?? (await tx.conversation.findFirst({ where: { customerId } }));
  if (conversation) return conversation;
  const number = await tx.tenantPhoneConfig.findFirst({ orderBy: { createdAt: "asc" }, select: { phoneNumber: true } });
  return number ? ensureConversation(tx, tenantId, customerId, number.phoneNumber) : null;
}
