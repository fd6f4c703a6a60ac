// The public booking page (`/book/<slug>`, `booking.*`): what a customer sends and what the page
// shows. No sign-in: the business is named by its slug in every input.
import { z } from "zod";
import {
  addOnIdsSchema,
  appointmentNotesSchema,
  appointmentStatusSchema,
  instantSchema,
  sizeClassSchema,
} from "./appointment.ts";
import { emailInputSchema } from "./email.ts";
import { phoneSchema } from "./phone.ts";
import { existingSlugSchema } from "./slug.ts";
import { optionalTextSchema, textSchema } from "./text.ts";

/** How far ahead one booking-page availability request may look. */
export const MAX_PUBLIC_RANGE_DAYS = 31;

const slug = existingSlugSchema("a business address");
const uuid = (what: string) => z.uuid(`That ${what} id is not valid.`);

/**
 * The SMS consent line beside the checkbox (unchecked by default), worded for 10DLC: who texts,
 * what about, how often, that rates apply, and how to stop or get help.
 */
export const bookingConsentText = (businessName: string): string =>
  `I agree to receive appointment texts (confirmations and reminders) from ${businessName}. ` +
  "Message frequency varies. Msg & data rates may apply. Reply STOP to opt out, HELP for help. " +
  "Consent is not a condition of purchase.";

/**
 * The marketing consent line beside the second, separate checkbox (unchecked by default): offers
 * are a different consent from appointment texts (TCPA, 10DLC), so it names them on their own.
 */
export const bookingMarketingConsentText = (businessName: string): string =>
  `Send me offers and news by text from ${businessName}. Message frequency varies. ` +
  "Msg & data rates may apply. Reply STOP to opt out, HELP for help. Consent is not a condition of purchase.";

export const bookingPageInput = z.strictObject({ slug });

export const bookingAvailabilityInput = z
  .strictObject({
    slug,
    serviceId: uuid("service"),
    addOnIds: addOnIdsSchema,
    sizeClass: sizeClassSchema.nullish(),
    from: instantSchema("the start of the range"),
    to: instantSchema("the end of the range"),
  })
  .refine((range) => range.to > range.from, { message: "The end of the range must be after its start.", path: ["to"] })
  .refine((range) => range.to.getTime() - range.from.getTime() <= MAX_PUBLIC_RANGE_DAYS * 86_400_000, {
    message: `Ask for at most ${MAX_PUBLIC_RANGE_DAYS} days at a time.`,
    path: ["to"],
  });

export const bookingNameSchema = textSchema("your name", { max: 80 });
export const bookingPhoneSchema = phoneSchema("your mobile number");
export const bookingEmailSchema = z
  .union([z.literal(""), z.null(), emailInputSchema("your email address")])
  .optional()
  .transform((value) => (value ? value : null));

export const bookingCreateInput = z.strictObject({
  slug,
  serviceId: uuid("service"),
  addOnIds: addOnIdsSchema,
  startsAt: instantSchema("the start time"),
  name: bookingNameSchema,
  phone: bookingPhoneSchema,
  email: bookingEmailSchema,
  /** What the work is done on, in the customer's words ("2019 Honda Civic, silver"); creates an asset. */
  assetDescription: optionalTextSchema("the description", { max: 200 }),
  sizeClass: sizeClassSchema.nullish(),
  /** Only a checked box records an opt-in; unchecked changes nothing (an earlier STOP stands). */
  smsConsent: z.boolean().default(false),
  /** The separate offers box: marketing consent, never implied by smsConsent. */
  marketingConsent: z.boolean().default(false),
  notes: appointmentNotesSchema("your notes"),
});
export type BookingCreateInput = z.input<typeof bookingCreateInput>;

// ─── outputs ─────────────────────────────────────────────────────────────────────────────────────

const price = {
  priceCents: z.number().int().nullable(),
  priceMinCents: z.number().int().nullable(),
  priceMaxCents: z.number().int().nullable(),
  /** "$85", "$150–$275", or "Quoted per job". */
  priceLabel: z.string(),
};

export const bookingPageOutput = z.object({
  business: z.object({ name: z.string(), slug: z.string(), timeZone: z.string() }),
  onlineBookingEnabled: z.boolean(),
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      durationMinutes: z.number().int(),
      ...price,
      /** Priced on site: shown, never bookable online. */
      quoteOnly: z.boolean(),
      assetKind: z.enum(["vehicle", "pet", "property"]).nullable(),
      /** What each size adds: { sizeClass: "suv", durationMinutes: 30, priceCents: 4000 }. */
      sizeClasses: z.array(
        z.object({ sizeClass: z.string(), durationMinutes: z.number().int(), priceCents: z.number().int() }),
      ),
      addOns: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          description: z.string(),
          durationMinutes: z.number().int(),
          priceCents: z.number().int(),
          priceLabel: z.string(),
        }),
      ),
    }),
  ),
  policies: z.object({
    depositCents: z.number().int(),
    cancellationWindowHours: z.number().int(),
    cancellationFeeCents: z.number().int(),
    leadTimeMinutes: z.number().int(),
    bookingWindowDays: z.number().int(),
  }),
  smsConsentText: z.string(),
  /** The offers box's line (bookingMarketingConsentText). */
  marketingConsentText: z.string(),
});
export type BookingPage = z.infer<typeof bookingPageOutput>;

export const bookingAvailabilityOutput = z.object({
  timeZone: z.string(),
  durationMinutes: z.number().int(),
  /** Bookable start times, ISO strings, in order. */
  starts: z.array(z.string()),
});

export const bookingCreateOutput = z.object({
  appointmentId: z.string(),
  status: appointmentStatusSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  businessName: z.string(),
  serviceName: z.string(),
  ...price,
  depositCents: z.number().int(),
  /** Whether texts (confirmation, reminders) will go to the phone given. */
  textsEnabled: z.boolean(),
});
export type BookingCreateResult = z.infer<typeof bookingCreateOutput>;
