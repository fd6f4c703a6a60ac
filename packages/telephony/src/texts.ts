import { formatPhone } from "./phone.ts";

/** The platform's standard automated texts; a tenant's own wording (phone config) replaces them where set. */
export const smsTexts = {
  help: (business: string, phone: string) =>
    `${business}: for help, call or text ${formatPhone(phone)}. Msg & data rates may apply. Reply STOP to opt out.`,
  optOutConfirmation: (business: string) =>
    `${business}: you're unsubscribed and won't get more texts from us. Reply START to resubscribe.`,
  missedCall: (business: string, bookingUrl: string | null) =>
    `Sorry we missed your call at ${business}! Reply here and we'll get right back to you${bookingUrl ? `, or book online: ${bookingUrl}` : "."} Reply STOP to opt out.`,
  bookingLink: (business: string, bookingUrl: string) =>
    `${business}: book your appointment here: ${bookingUrl} Reply STOP to opt out.`,
};
