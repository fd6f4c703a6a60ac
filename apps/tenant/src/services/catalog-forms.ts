// The catalog dialogs' form schemas: what people type (dollars and minutes as text) converted and
// then checked with the very field schemas the API's inputs use (@servicepro/validators' catalog).
import { catalogFields, priceInputSchema } from "@servicepro/validators";
import { z } from "zod";
import { DOLLARS_HINT, parseDollars } from "./catalog-format.ts";

/** Minutes typed as text: "" and "abc" become NaN, which the minutes schema refuses by name. */
const minutesText = (schema: z.ZodType<number, number>) =>
  z
    .string()
    .transform((text) => (text.trim() === "" ? Number.NaN : Number(text)))
    .pipe(schema);

/** Dollars typed as text → cents, checked with the API's cents rule. */
const dollarsText = z.string().transform((text, ctx) => {
  const cents = parseDollars(text);
  if (cents === null) {
    ctx.addIssue({ code: "custom", message: DOLLARS_HINT });
    return z.NEVER;
  }
  return cents;
});

export const PRICE_TYPES = ["fixed", "range", "quote"] as const;
export type PriceType = (typeof PRICE_TYPES)[number];

/** The form field that shows an issue of the API's `price` (a fixed price, or a range's ends). */
export const PRICE_FIELD: Record<string, "price" | "priceMin" | "priceMax"> = {
  price: "price",
  "price.cents": "price",
  "price.minCents": "priceMin",
  "price.maxCents": "priceMax",
};

export const serviceFormSchema = z
  .object({
    name: catalogFields.name,
    description: catalogFields.description,
    durationMinutes: minutesText(catalogFields.serviceMinutes),
    priceType: z.enum(PRICE_TYPES),
    price: z.string(),
    priceMin: z.string(),
    priceMax: z.string(),
    priceDependsOn: z.string(),
  })
  .transform((form, ctx) => {
    // Only the fields of the chosen pricing are read; the others may hold anything.
    const read = (field: "price" | "priceMin" | "priceMax") => {
      const parsed = dollarsText.safeParse(form[field]);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: "custom", path: [field], message: parsed.error.issues[0]?.message ?? DOLLARS_HINT });
      return null;
    };
    const raw =
      form.priceType === "quote"
        ? { type: "quote" as const }
        : form.priceType === "fixed"
          ? { type: "fixed" as const, cents: read("price") }
          : { type: "range" as const, minCents: read("priceMin"), maxCents: read("priceMax") };
    if (Object.values(raw).includes(null)) return z.NEVER;
    const price = priceInputSchema.safeParse(raw);
    if (!price.success) {
      for (const issue of price.error.issues) {
        const field = PRICE_FIELD[["price", ...issue.path.map(String)].join(".")] ?? "price";
        ctx.addIssue({ code: "custom", path: [field], message: issue.message });
      }
      return z.NEVER;
    }
    return {
      name: form.name,
      description: form.description,
      durationMinutes: form.durationMinutes,
      price: price.data,
      priceDependsOn: form.priceType === "range" ? form.priceDependsOn : "",
    };
  });

export const addOnFormSchema = z.object({
  name: catalogFields.name,
  description: catalogFields.description,
  priceCents: dollarsText.pipe(catalogFields.cents),
  durationMinutes: minutesText(catalogFields.addOnMinutes),
  serviceIds: z.array(z.string()),
  offerWhen: z.string(),
});

export const faqFormSchema = z.object({ question: catalogFields.question, answer: catalogFields.answer });
