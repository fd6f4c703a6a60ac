// What a business sells, as the catalog screens and the pack upgrade see it: output schemas and the
// row → output mappers. (Pack item → row is @servicepro/concierge's mapping, shared with set-up.)
import { formatPrice } from "@servicepro/industry-packs";
import { z } from "zod";

/** Where a row came from: the industry pack as shipped, the pack but changed since, or the business itself. */
export const catalogSourceSchema = z.enum(["pack", "edited", "custom"]);
export type CatalogSource = z.infer<typeof catalogSourceSchema>;

export const sourceOf = (row: { packItemId: string | null; editedAt: Date | null }): CatalogSource =>
  row.packItemId === null ? "custom" : row.editedAt ? "edited" : "pack";

export const NO_PRICE_LABEL = "Quoted per job";

type PriceColumns = { priceCents: number | null; priceMinCents: number | null; priceMaxCents: number | null };

/** "$85", "$150–$275", or "Quoted per job" when the service has no set price. */
export function priceLabel(row: PriceColumns): string {
  if (row.priceCents !== null) return formatPrice(row.priceCents);
  if (row.priceMinCents !== null && row.priceMaxCents !== null)
    return formatPrice({ min: row.priceMinCents, max: row.priceMaxCents });
  return NO_PRICE_LABEL;
}

export const serviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  priceCents: z.number().int().nullable(),
  priceMinCents: z.number().int().nullable(),
  priceMaxCents: z.number().int().nullable(),
  /** "$85", "$150–$275" or "Quoted per job". */
  priceLabel: z.string(),
  priceDependsOn: z.string().nullable(),
  position: z.number().int(),
  active: z.boolean(),
  packItemId: z.string().nullable(),
  editedAt: z.string().nullable(),
  source: catalogSourceSchema,
});

export const addOnSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  priceCents: z.number().int(),
  priceLabel: z.string(),
  /** The services it is offered with (ids in `services`); empty: any service. */
  serviceIds: z.array(z.string()),
  offerWhen: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  packItemId: z.string().nullable(),
  editedAt: z.string().nullable(),
  source: catalogSourceSchema,
});

export const faqSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  position: z.number().int(),
  packItemId: z.string().nullable(),
  editedAt: z.string().nullable(),
  source: catalogSourceSchema,
});

type Edited = { packItemId: string | null; editedAt: Date | null };
type ServiceRow = PriceColumns &
  Edited & {
    id: string;
    name: string;
    description: string;
    durationMinutes: number;
    priceDependsOn: string | null;
    position: number;
    active: boolean;
  };
type AddOnRow = Edited & {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  serviceIds: string[];
  offerWhen: string;
  position: number;
  active: boolean;
};
type FaqRow = Edited & { id: string; question: string; answer: string; position: number };

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const toService = (row: ServiceRow): z.infer<typeof serviceSchema> => ({
  id: row.id,
  name: row.name,
  description: row.description,
  durationMinutes: row.durationMinutes,
  priceCents: row.priceCents,
  priceMinCents: row.priceMinCents,
  priceMaxCents: row.priceMaxCents,
  priceLabel: priceLabel(row),
  priceDependsOn: row.priceDependsOn,
  position: row.position,
  active: row.active,
  packItemId: row.packItemId,
  editedAt: iso(row.editedAt),
  source: sourceOf(row),
});

export const toAddOn = (row: AddOnRow): z.infer<typeof addOnSchema> => ({
  id: row.id,
  name: row.name,
  description: row.description,
  durationMinutes: row.durationMinutes,
  priceCents: row.priceCents,
  priceLabel: formatPrice(row.priceCents),
  serviceIds: row.serviceIds,
  offerWhen: row.offerWhen,
  position: row.position,
  active: row.active,
  packItemId: row.packItemId,
  editedAt: iso(row.editedAt),
  source: sourceOf(row),
});

export const toFaq = (row: FaqRow): z.infer<typeof faqSchema> => ({
  id: row.id,
  question: row.question,
  answer: row.answer,
  position: row.position,
  packItemId: row.packItemId,
  editedAt: iso(row.editedAt),
  source: sourceOf(row),
});
