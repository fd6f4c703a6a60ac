/**
 * The agent's tools as data: a name, what it is for (the model reads this), and the zod schema of
 * its arguments. Both brains call tools through the same guarded ToolBox (tools.ts); the model's
 * function definitions are generated from these schemas, so what the model is told and what the
 * server accepts cannot drift apart. No tool takes a tenant, a customer or a phone number: the
 * server binds those.
 */
import { z } from "zod";

/** An instant with an offset ("2026-12-05T09:00:00-06:00") or a local wall time in the business's zone ("2026-12-05T09:00"). */
const instant = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/,
    "an ISO date and time, e.g. 2026-12-05T09:00",
  );
const id = z.string().min(1).max(80);
const addOnIds = z.array(id).max(5).default([]);

export const TOOL_SCHEMAS = {
  find_open_times: {
    description:
      "Lists open start times for a service (plus add-ons) between two times, earliest first. Use before offering times; never offer a time this did not return.",
    args: z.strictObject({
      serviceId: id,
      addOnIds,
      from: instant.optional().describe("earliest start; default now"),
      to: instant.optional().describe("latest start; default a week after `from`"),
      limit: z.int().min(1).max(6).default(3),
      appointmentId: id.optional().describe("moving this appointment of the customer's: its own time counts as free"),
    }),
  },
  book_appointment: {
    description:
      "Books the customer (the sender) for a service at a start they chose: a time they named in this text, or one of the times offered to them. At most one booking per text. Quote-only services cannot be booked: hand off instead.",
    args: z.strictObject({
      serviceId: id,
      start: instant,
      addOnIds,
      notes: z.string().max(300).nullable().default(null).describe("what the customer said about the job"),
    }),
  },
  propose_change: {
    description:
      "Asks the customer to confirm moving or cancelling one of their own appointments. Nothing changes until they answer yes; then call reschedule_appointment or cancel_appointment.",
    args: z.strictObject({
      appointmentId: id,
      change: z.enum(["reschedule", "cancel"]),
      start: instant.optional().describe("the new start, for a reschedule"),
    }),
  },
  reschedule_appointment: {
    description:
      "Moves an appointment to the start proposed with propose_change, after the customer answered yes to that proposal.",
    args: z.strictObject({ appointmentId: id, start: instant }),
  },
  cancel_appointment: {
    description:
      "Cancels an appointment after the customer answered yes to the cancellation proposed with propose_change.",
    args: z.strictObject({ appointmentId: id }),
  },
  confirm_appointment: {
    description: "Marks one of the customer's upcoming appointments confirmed (they said yes to a reminder).",
    args: z.strictObject({ appointmentId: id }),
  },
  offer_add_on: {
    description:
      "Offers an add-on that fits the customer's booked appointment, once per conversation. Nothing is added until they say yes; then call add_add_on.",
    args: z.strictObject({ appointmentId: id, addOnId: id }),
  },
  add_add_on: {
    description: "Adds the offered add-on to the appointment after the customer said yes to the offer.",
    args: z.strictObject({ appointmentId: id, addOnId: id }),
  },
  quote_price: {
    description: "The configured price of a service (and add-ons). Never state a price this did not return.",
    args: z.strictObject({ serviceId: id, addOnIds }),
  },
  answer_faq: {
    description:
      "The business's own answer to one of its FAQs. Never state a policy this (or the facts given) did not return.",
    args: z.strictObject({ faqId: id }),
  },
  hand_off: {
    description:
      "Passes the conversation to a person at the business (complaints, requests for a person, quotes, anything the facts do not answer). Staff are notified.",
    args: z.strictObject({
      reason: z.enum(["complaint", "asked_for_person", "quote_required", "unanswerable", "not_understood", "other"]),
      summary: z.string().min(1).max(300),
    }),
  },
  record_opt_out: {
    description: "Records that the customer wants no more texts. Only when the text says so.",
    args: z.strictObject({}),
  },
} as const;

export type ToolName = keyof typeof TOOL_SCHEMAS;
export const TOOL_NAMES = Object.keys(TOOL_SCHEMAS) as ToolName[];
export type ToolArgs<N extends ToolName> = z.output<(typeof TOOL_SCHEMAS)[N]["args"]>;
