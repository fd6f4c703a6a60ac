// What the staff app and scripts send to `tenant.appointments.*`, and what they get back. Instants
// travel as ISO strings with an offset ("2026-12-07T15:00:00.000Z"); the inputs turn them into Dates.
// A slot the schedule refuses is a 400 (409 when a concurrent booking took it) whose `data.cause`
// is a `SlotRefusal`: the reason and the nearest bookable starts.
import { z } from "zod";
import { optionalTextSchema } from "./text.ts";

export const APPOINTMENT_STATUSES = ["booked", "confirmed", "completed", "cancelled", "no_show"] as const;
export const appointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

/** Who made a change: a staff member, the customer (booking page, portal), the AI agent, an import, the system. */
export const ACTOR_KINDS = ["staff", "customer", "ai_agent", "import", "system"] as const;
export const actorKindSchema = z.enum(ACTOR_KINDS);
export type ActorKind = z.infer<typeof actorKindSchema>;

/** Why a start time cannot be booked, checked in this order (packages/scheduling `checkStart`). */
export const SLOT_REASONS = [
  "quote_only",
  "past",
  "too_soon",
  "too_far",
  "off_grid",
  "closed",
  "outside_hours",
  "rule",
  "taken",
] as const;
export const slotReasonSchema = z.enum(SLOT_REASONS);
export type SlotReason = z.infer<typeof slotReasonSchema>;

/**
 * `error.data.cause` of a refused start: SLOT_UNAVAILABLE (400, the schedule says no) or SLOT_TAKEN
 * (409, another booking got there first). `alternatives`: the nearest bookable starts, ISO strings.
 */
export const slotRefusalSchema = z.object({
  code: z.enum(["SLOT_UNAVAILABLE", "SLOT_TAKEN"]),
  reason: slotReasonSchema,
  alternatives: z.array(z.string()),
});
export type SlotRefusal = z.infer<typeof slotRefusalSchema>;

export const MAX_APPOINTMENT_MINUTES = 12 * 60;
/** The widest range one availability or calendar request may ask for. */
export const MAX_RANGE_DAYS = 62;
export const MAX_ADD_ONS = 20;

const uuid = (what: string) => z.uuid(`That ${what} id is not valid.`);

/** An instant as ISO 8601 with an offset ("2026-12-07T09:00:00-06:00"); parsed to a Date. */
export const instantSchema = (label: string) =>
  z.iso
    .datetime({ offset: true, error: `Send ${label} as an ISO date and time, e.g. 2026-12-07T09:00:00-06:00.` })
    .transform((value) => new Date(value));

export const addOnIdsSchema = z
  .array(uuid("add-on"))
  .max(MAX_ADD_ONS, `Choose at most ${MAX_ADD_ONS} add-ons.`)
  .default([])
  .transform((ids) => [...new Set(ids)]);

/** A size class as the service's adjustments name it ("suv", "large"). */
export const sizeClassSchema = z
  .string({ error: "Choose a size." })
  .trim()
  .min(1, "Choose a size.")
  .max(40, "A size can be at most 40 characters.")
  .regex(/^[a-z0-9_-]+$/, "Choose one of the sizes offered.");

export const appointmentNotesSchema = (label: string) => optionalTextSchema(label, { max: 1000 });

const priceOverride = z
  .number({ error: "Enter a price in cents." })
  .int("Prices are in whole cents.")
  .min(0, "A price can't be negative.")
  .max(10_000_000, "Prices go up to $100,000.");

const durationOverride = z
  .number({ error: "Enter the time it takes, in minutes." })
  .int("Enter whole minutes.")
  .min(1, "A job takes some time: enter more than 0 minutes.")
  .max(MAX_APPOINTMENT_MINUTES, `Use at most ${MAX_APPOINTMENT_MINUTES} minutes (12 hours).`);

type Range = { from: Date; to: Date };
const rangeRefinements = <T extends z.ZodType<Range, unknown>>(schema: T, maxDays: number) =>
  schema
    .refine((range) => range.to > range.from, {
      message: "The end of the range must be after its start.",
      path: ["to"],
    })
    .refine((range) => range.to.getTime() - range.from.getTime() <= maxDays * 86_400_000, {
      message: `Ask for at most ${maxDays} days at a time.`,
      path: ["to"],
    });

const availabilityFields = {
  serviceId: uuid("service"),
  addOnIds: addOnIdsSchema,
  /** The customer's asset: its size class adjusts price and duration. */
  assetId: uuid("asset").nullish(),
  /** Or a size class directly (before an asset exists). Ignored when `assetId` is given. */
  sizeClass: sizeClassSchema.nullish(),
  from: instantSchema("the start of the range"),
  to: instantSchema("the end of the range"),
};

export const availabilityInput = rangeRefinements(
  z.strictObject({ ...availabilityFields, bookableId: uuid("team member").nullish() }),
  MAX_RANGE_DAYS,
);
export type AvailabilityInput = z.input<typeof availabilityInput>;

export const createAppointmentInput = z
  .strictObject({
    customerId: uuid("customer"),
    serviceId: uuid("service"),
    addOnIds: addOnIdsSchema,
    assetId: uuid("asset").nullish(),
    startsAt: instantSchema("the start time"),
    /** Who does it; unset: the first free team member or resource. */
    bookableId: uuid("team member").nullish(),
    /** Staff overrides of the computed figures (a custom job): an end time, or a duration, and a price. */
    endsAt: instantSchema("the end time").optional(),
    durationMinutes: durationOverride.optional(),
    priceCents: priceOverride.optional(),
    customerNotes: appointmentNotesSchema("the customer's notes"),
    staffNotes: appointmentNotesSchema("the staff notes"),
  })
  .refine((input) => !input.endsAt || input.endsAt > input.startsAt, {
    message: "The end must be after the start.",
    path: ["endsAt"],
  })
  .refine((input) => !(input.endsAt && input.durationMinutes), {
    message: "Give an end time or a duration, not both.",
    path: ["durationMinutes"],
  });
export type CreateAppointmentInput = z.input<typeof createAppointmentInput>;

export const rescheduleAppointmentInput = z.strictObject({
  id: uuid("appointment"),
  startsAt: instantSchema("the new start time"),
  /** Move it to another team member or resource; unset: keep the current one if free, else any free one. */
  bookableId: uuid("team member").nullish(),
});

export const cancelAppointmentInput = z.strictObject({
  id: uuid("appointment"),
  reason: optionalTextSchema("the reason", { max: 300 }),
  /** Staff may waive the late-cancellation fee. */
  waiveFee: z.boolean().default(false),
});

export const completeAppointmentInput = z.strictObject({
  id: uuid("appointment"),
  /** What was charged, when it differs from the booked price (a range or a quote settled on site). */
  chargedCents: priceOverride.optional(),
});

export const appointmentIdInput = z.strictObject({ id: uuid("appointment") });

export const noShowInput = z.strictObject({
  id: uuid("appointment"),
  note: optionalTextSchema("the note", { max: 300 }),
});

export const listAppointmentsInput = rangeRefinements(
  z.strictObject({
    from: instantSchema("the start of the range"),
    to: instantSchema("the end of the range"),
    bookableId: uuid("team member").nullish(),
    /** Cancelled visits are left out unless asked for. */
    includeCancelled: z.boolean().default(false),
  }),
  MAX_RANGE_DAYS,
);

const localDate = (label: string) =>
  z.iso.date(`Send ${label} as a date, e.g. 2027-03-31.`).refine((value) => !Number.isNaN(Date.parse(value)), {
    message: `Send ${label} as a real date.`,
  });

export const MAX_SERIES_INTERVAL_WEEKS = 12;

export const createSeriesInput = z.strictObject({
  customerId: uuid("customer"),
  serviceId: uuid("service"),
  addOnIds: addOnIdsSchema,
  assetId: uuid("asset").nullish(),
  firstStartsAt: instantSchema("the first visit's start"),
  bookableId: uuid("team member").nullish(),
  /** 1: weekly, 2: every other week, … */
  intervalWeeks: z
    .number({ error: "Choose how often: every 1 to 12 weeks." })
    .int("Choose how often: every 1 to 12 weeks.")
    .min(1, "Choose how often: every 1 to 12 weeks.")
    .max(MAX_SERIES_INTERVAL_WEEKS, "Choose how often: every 1 to 12 weeks."),
  /** Last local date (inclusive); unset: visits are booked as far ahead as bookings open. */
  untilDate: localDate("the last date").nullish(),
  customerNotes: appointmentNotesSchema("the customer's notes"),
});

export const cancelSeriesInput = z.strictObject({
  seriesId: uuid("series"),
  /** Cancel visits starting at or after this instant; unset: every upcoming one. */
  from: instantSchema("the first visit to cancel").optional(),
  reason: optionalTextSchema("the reason", { max: 300 }),
});

// ─── outputs ─────────────────────────────────────────────────────────────────────────────────────

const iso = z.string();

export const availabilityOutput = z.object({
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  slots: z.array(z.object({ startsAt: iso, bookableIds: z.array(z.string()) })),
});

/** The actions an appointment in its status allows (the detail screen's buttons). */
export const appointmentActionsSchema = z.object({
  reschedule: z.boolean(),
  cancel: z.boolean(),
  complete: z.boolean(),
  noShow: z.boolean(),
  confirm: z.boolean(),
});

/** One appointment on the calendar. */
export const appointmentSummarySchema = z.object({
  id: z.string(),
  status: appointmentStatusSchema,
  startsAt: iso,
  endsAt: iso,
  /** The end plus the buffer: when the team member is free again. */
  blocksUntil: iso,
  durationMinutes: z.number().int(),
  priceCents: z.number().int().nullable(),
  priceMinCents: z.number().int().nullable(),
  priceMaxCents: z.number().int().nullable(),
  /** "$85", "$150–$275", or "Quoted per job". */
  priceLabel: z.string(),
  customer: z.object({ id: z.string(), name: z.string().nullable(), phone: z.string() }),
  service: z.object({ id: z.string(), name: z.string() }),
  asset: z.object({ id: z.string(), label: z.string() }).nullable(),
  bookable: z.object({ id: z.string(), name: z.string(), kind: z.string(), color: z.string() }),
  seriesId: z.string().nullable(),
  bookedBy: actorKindSchema,
});
export type AppointmentSummary = z.infer<typeof appointmentSummarySchema>;

export const appointmentEventSchema = z.object({
  id: z.string(),
  /** created | rescheduled | confirmed | cancelled | completed | no_show | reassigned | updated */
  kind: z.string(),
  actor: actorKindSchema,
  actorUserId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: iso,
});

export const appointmentReminderSchema = z.object({
  id: z.string(),
  kind: z.enum(["confirmation", "reminder"]),
  offsetMinutes: z.number().int(),
  forStartsAt: iso,
  dueAt: iso,
  status: z.enum(["scheduled", "sent", "skipped", "cancelled"]),
  statusReason: z.string().nullable(),
  /** The text it sent and that text's delivery status (delivered, failed…). */
  message: z.object({ id: z.string(), status: z.string(), errorCode: z.number().int().nullable() }).nullable(),
});

export const appointmentDetailSchema = appointmentSummarySchema.extend({
  addOns: z.array(z.object({ id: z.string(), name: z.string() })),
  customerNotes: z.string().nullable(),
  staffNotes: z.string().nullable(),
  depositCents: z.number().int(),
  cancellationFeeCents: z.number().int(),
  cancelReason: z.string().nullable(),
  confirmedAt: iso.nullable(),
  cancelledAt: iso.nullable(),
  completedAt: iso.nullable(),
  createdAt: iso,
  timeZone: z.string(),
  actions: appointmentActionsSchema,
  events: z.array(appointmentEventSchema),
  reminders: z.array(appointmentReminderSchema),
});
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

export const seriesResultSchema = z.object({
  seriesId: z.string(),
  created: z.array(appointmentSummarySchema),
  /** Visits not booked because the time was not free (or not bookable), with why. */
  skipped: z.array(z.object({ startsAt: iso, reason: slotReasonSchema, message: z.string() })),
});

export const cancelSeriesResultSchema = z.object({ seriesId: z.string(), cancelled: z.number().int() });
