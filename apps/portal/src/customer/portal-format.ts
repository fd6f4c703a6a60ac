// How the portal words times, money and waits. Times are always the business's local time.
import { formatLocal } from "@servicepro/scheduling";
import { type AppointmentStatus, formatPhone } from "@servicepro/validators";

export { dateTimeLabel, formatCents, timeLabel } from "../booking/booking-format.ts";

/** "Tue, Dec 8, 9:00 AM": short enough for a button at 390 px. */
export const shortDateTime = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));

/** "Tue, Dec 8": a day on a time button's first line. */
export const dayShort = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", month: "short", day: "numeric" }).format(
    new Date(iso),
  );

/** "Tuesday, December 8" */
export const dateLabel = (iso: string, timeZone: string): string => formatLocal(new Date(iso), timeZone, "date");

/** "0:27", "2:05": a countdown as it ticks. */
export const countdown = (seconds: number): string => {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/** "in 40 seconds", "in 3 minutes": how long to wait, as a person reads it. */
export const waitWords = (seconds: number): string => {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 90) return `in ${s} second${s === 1 ? "" : "s"}`;
  const minutes = Math.ceil(s / 60);
  return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
};

/** "(512) 555-0100": a number as people read it. */
export const phoneLabel = (e164: string): string => formatPhone(e164);

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: "Booked",
  confirmed: "Confirmed",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "Missed",
};
