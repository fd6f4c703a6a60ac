// Small presentation helpers for the inbox and calls log.

import { formatPhone } from "@servicepro/telephony/phone";
import type { BadgeTone } from "@servicepro/ui";

// The `phone` subpath: the package root brings the Twilio SDK along, which must stay out of the bundle.
export { formatPhone } from "@servicepro/telephony/phone";

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const dayFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** "3:05 PM" today, "Mar 3" before: the list's compact time. */
export function shortTime(iso: string, now = new Date()): string {
  const at = new Date(iso);
  return at.toDateString() === now.toDateString() ? timeFormat.format(at) : dayFormat.format(at);
}

/** "Mar 3, 2026, 3:05 PM": the full time (tooltips, threads). */
export const fullTime = (iso: string): string => fullFormat.format(new Date(iso));

export const longDate = (iso: string): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "long" }).format(new Date(iso));

/**
 * A delivery status in words, grouped the way a business owner thinks about it. Read from the
 * message's record only: "Sent" means the provider accepted it, never that it was merely logged.
 */
export function deliveryStatus(message: { status: string; errorMessage: string | null }): {
  label: string;
  tone: BadgeTone;
} {
  switch (message.status) {
    case "delivered":
    case "read":
      return { label: "Delivered", tone: "success" };
    case "sent":
      return { label: "Sent", tone: "info" };
    case "failed":
    case "undelivered":
      return { label: "Not delivered", tone: "danger" };
    case "suppressed":
      return { label: "Not sent: opted out", tone: "warning" };
    case "not_sent":
      // No provider is configured: the server recorded why (e.g. "Twilio is not configured").
      return { label: message.errorMessage ? `Not sent: ${message.errorMessage}` : "Not sent", tone: "warning" };
    case "unknown":
      return { label: "Checking delivery…", tone: "warning" };
    default:
      return { label: "Sending…", tone: "neutral" };
  }
}

/** "1:05" or "45 s". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export const customerLabel = (customer: { name: string | null; phone: string }): string =>
  customer.name || formatPhone(customer.phone);
