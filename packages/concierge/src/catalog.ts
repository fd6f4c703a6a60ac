// How an industry pack's items become a business's own rows (services, add-ons, FAQs). Shared by
// set-up and, later, pack upgrades: one mapping, so an upgraded item looks exactly like a freshly
// installed one. Each row keeps `packItemId`, which is what ties it to the pack item across versions.
import type { IndustryPack, PackAddOn, PackFaq, PackService, SizeAdjustment } from "@servicepro/industry-packs";

export type ServiceRow = {
  tenantId: string;
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  /** Fixed price in cents, or null when the price is a range. */
  priceCents: number | null;
  priceMinCents: number | null;
  priceMaxCents: number | null;
  /** The pricing factors' labels, e.g. "Vehicle size, Condition"; null for a fixed price. */
  priceDependsOn: string | null;
  /** The asset the work is done on (vehicle, pet, property); null when the service asks for none. */
  assetKind: "vehicle" | "pet" | "property" | null;
  /** What each size class of that asset adds to the price and time (copied, not shared with the pack). */
  sizeAdjustments: SizeAdjustment[];
  position: number;
  packItemId: string;
};

export type AddOnRow = {
  tenantId: string;
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  /** Ids of the business's service rows (not pack ids) it is offered with. */
  serviceIds: string[];
  offerWhen: string;
  position: number;
  packItemId: string;
};

export type FaqRow = {
  tenantId: string;
  id: string;
  question: string;
  answer: string;
  position: number;
  packItemId: string;
};

export function serviceRow(
  pack: Pick<IndustryPack, "pricingFactors">,
  service: PackService,
  at: { tenantId: string; id: string; position: number },
): ServiceRow {
  const labels = service.priceDependsOn.map(
    (factorId) => pack.pricingFactors.find((f) => f.id === factorId)?.label ?? factorId,
  );
  const price = service.priceCents;
  return {
    tenantId: at.tenantId,
    id: at.id,
    name: service.name,
    description: service.description,
    durationMinutes: service.durationMinutes,
    priceCents: typeof price === "number" ? price : null,
    priceMinCents: typeof price === "number" ? null : price.min,
    priceMaxCents: typeof price === "number" ? null : price.max,
    priceDependsOn: labels.length > 0 ? labels.join(", ") : null,
    assetKind: service.assetKind ?? null,
    sizeAdjustments: (service.sizeAdjustments ?? []).map((adjustment) => ({ ...adjustment })),
    position: at.position,
    packItemId: service.id,
  };
}

/**
 * `serviceRowIds` maps pack service ids to the business's service row ids. A pack service the
 * business does not have (never installed, or removed) is left out rather than pointing nowhere.
 */
export function addOnRow(
  addOn: PackAddOn,
  serviceRowIds: ReadonlyMap<string, string>,
  at: { tenantId: string; id: string; position: number },
): AddOnRow {
  return {
    tenantId: at.tenantId,
    id: at.id,
    name: addOn.name,
    description: addOn.description,
    durationMinutes: addOn.durationMinutes,
    priceCents: addOn.priceCents,
    serviceIds: addOn.serviceIds.flatMap((packServiceId) => {
      const rowId = serviceRowIds.get(packServiceId);
      return rowId ? [rowId] : [];
    }),
    offerWhen: addOn.offerWhen,
    position: at.position,
    packItemId: addOn.id,
  };
}

export const faqRow = (faq: PackFaq, at: { tenantId: string; id: string; position: number }): FaqRow => ({
  tenantId: at.tenantId,
  id: at.id,
  question: faq.question,
  answer: faq.answer,
  position: at.position,
  packItemId: faq.id,
});

/** Fills `{businessName}` (the only placeholder a spoken greeting can know at set-up). */
export const fillBusinessName = (template: string, businessName: string): string =>
  template.replaceAll("{businessName}", businessName);
