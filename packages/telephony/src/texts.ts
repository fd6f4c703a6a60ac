import { formatPhone } from "./phone.ts";

/** The platform's standard automated texts; a tenant's own wording (phone config) replaces them where set. */
export const smsTexts = {
  help: (business: string, phone: string) =>
    `${business}: for help, call or text ${formatPhone(phone)}. Msg & data rates may apply. Reply STOP to opt out.`,
  optOutConfirmation: (business: string) =>
    `${business}: you're unsubscribed and won't get more texts from us. Reply START to resubscribe.`,
  missedCall: (business: string, bookingUrl: string | null) =>
    `Sorry we missed your call at ${business}! Reply here and we'll get right back to you${bookingUrl ? `, or book online: ${bookingUrl}` : "."} Reply STOP to opt out.`,
  appointmentConfirmed: (business: string, service: string, when: string) =>
    `${business}: thanks, your ${service} on ${when} is confirmed. See you then!`,
  appointmentReschedule: (business: string, bookingUrl: string) =>
    `${business}: no problem. Pick a new time at ${bookingUrl} or reply with a time that suits you, and we'll follow up to confirm.`,
  /** The answer to JOIN: what they signed up for, how often, the rates and how to stop (CTIA opt-in confirmation). */
  marketingOptInConfirmation: (business: string) =>
    `${business}: you're signed up for recurring offers by text, like deals and reminders when you're due for a visit. Msg frequency varies. Msg & data rates may apply. Reply HELP for help. Reply STOP to opt out.`,
  bookingLink: (business: string, bookingUrl: string) =>
    `${business}: book your appointment here: ${bookingUrl} Reply STOP to opt out.`,
};
