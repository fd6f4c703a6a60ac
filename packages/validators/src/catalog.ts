// What the catalog's edit forms may send (tenant.catalog.* inputs, and the tenant app's dialogs). Strict objects (an unknown key is an error naming it) and
// messages written for the person filling in the form.

import { z } from "zod";
import { storableRefinement } from "./text.ts";

export const MAX_DURATION_MINUTES = 12 * 60;
export const MAX_PRICE_CENTS = 10_000_000;

const id = (what: string) => z.uuid(`That ${what} id is not valid.`);
const name = z
  .string()
  .trim()
  .min(1, "Give it a name.")
  .max(80, "Use at most 80 characters for the name.")
  .refine(...storableRefinement("the name"));
const description = z
  .string()
  .trim()
  .max(600, "Use at most 600 characters for the description.")
  .refine(...storableRefinement("the description"));

const minutes = (min: "positive" | "zero") =>
  z
    .number({ error: "Enter the time it takes, in minutes." })
    .int("Enter whole minutes.")
    .min(
      min === "positive" ? 1 : 0,
      min === "positive" ? "A service takes some time: enter more than 0 minutes." : "The time can't be negative.",
    )
    .max(
      MAX_DURATION_MINUTES,
      `Use at most ${MAX_DURATION_MINUTES} minutes (12 hours); describe longer jobs in the description.`,
    )
    .multipleOf(15, "Use whole quarter hours: 15, 30, 45, 60 minutes and so on.");

const cents = z
  .number({ error: "Enter a price." })
  .int("Prices are in whole cents.")
  .min(0, "A price can't be negative.")
  .max(MAX_PRICE_CENTS, "Prices go up to $100,000.");

/** A fixed price, a range (when the price depends on the job), or no set price ("quoted per job"). */
export const priceInputSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("fixed"), cents }),
  z
    .strictObject({ type: z.literal("range"), minCents: cents, maxCents: cents })
    .refine((range) => range.minCents < range.maxCents, {
      message: "The lowest price must be below the highest price.",
      path: ["maxCents"],
    }),
  z.strictObject({ type: z.literal("quote") }),
]);
export type PriceInput = z.infer<typeof priceInputSchema>;

/** The Service row's three price columns for a price input. */
export const priceColumns = (price: PriceInput) => ({
  priceCents: price.type === "fixed" ? price.cents : null,
  priceMinCents: price.type === "range" ? price.minCents : null,
  priceMaxCents: price.type === "range" ? price.maxCents : null,
});

const priceDependsOn = z
  .string()
  .trim()
  .max(120, "Use at most 120 characters for what the price depends on.")
  .refine(...storableRefinement("what the price depends on"))
  .transform((value) => (value === "" ? null : value))
  .nullable();

const atLeastOneChange = <T extends Record<string, unknown>>(value: T) =>
  Object.keys(value).some((key) => key !== "id" && value[key] !== undefined);
const NOTHING_TO_CHANGE = { message: "Send at least one field to change." };

export const createServiceInput = z.strictObject({
  name,
  description: description.default(""),
  durationMinutes: minutes("positive"),
  price: priceInputSchema,
  priceDependsOn: priceDependsOn.optional(),
});

export const updateServiceInput = z
  .strictObject({
    id: id("service"),
    name: name.optional(),
    description: description.optional(),
    durationMinutes: minutes("positive").optional(),
    price: priceInputSchema.optional(),
    priceDependsOn: priceDependsOn.optional(),
    /** true brings an archived service back. */
    active: z.boolean().optional(),
  })
  .refine(atLeastOneChange, NOTHING_TO_CHANGE);

export const updateAddOnInput = z
  .strictObject({
    id: id("add-on"),
    name: name.optional(),
    description: description.optional(),
    durationMinutes: minutes("zero").optional(),
    priceCents: cents.optional(),
    /** The services it goes with; empty: any service. */
    serviceIds: z.array(id("service")).max(50, "Choose at most 50 services.").optional(),
    offerWhen: z
      .string()
      .trim()
      .max(300, "Use at most 300 characters for when to offer it.")
      .refine(...storableRefinement("when to offer it"))
      .optional(),
    active: z.boolean().optional(),
  })
  .refine(atLeastOneChange, NOTHING_TO_CHANGE);

const question = z
  .string()
  .trim()
  .min(1, "Write the question.")
  .max(200, "Use at most 200 characters for the question.")
  .refine(...storableRefinement("the question"));
const answer = z
  .string()
  .trim()
  .min(1, "Write the answer.")
  .max(1000, "Use at most 1,000 characters for the answer.")
  .refine(...storableRefinement("the answer"));

export const createFaqInput = z.strictObject({ question, answer });

export const updateFaqInput = z
  .strictObject({ id: id("FAQ"), question: question.optional(), answer: answer.optional() })
  .refine(atLeastOneChange, NOTHING_TO_CHANGE);

export const archiveServiceInput = z.strictObject({ id: id("service") });

/**
 * The fields one by one, for forms that type them differently (dollars and minutes as text) and
 * convert before checking: the same rules and messages as the inputs above.
 */
export const catalogFields = {
  name,
  description,
  serviceMinutes: minutes("positive"),
  addOnMinutes: minutes("zero"),
  cents,
  priceDependsOn,
  question,
  answer,
} as const;
