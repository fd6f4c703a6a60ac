/** A service's own duration and price; null prices mean "not that kind of price". */
export type PricedService = {
  durationMinutes: number;
  priceCents: number | null;
  priceMinCents: number | null;
  priceMaxCents: number | null;
};
/** What an add-on or an asset adjustment (e.g. an SUV: +30 min, +$40) adds. */
export type PriceAddition = { durationMinutes: number; priceCents: number };

/**
 * The job's total: the service plus every add-on and adjustment. A fixed price and both ends of a
 * range each gain the additions; a price that is null (quoted, or the other kind) stays null.
 * Negative or fractional amounts are a RangeError: the API validates first, this is a guard.
 */
export function priceAndDuration(input: {
  service: PricedService;
  addOns: PriceAddition[];
  adjustments: PriceAddition[];
}): PricedService {
  const { service, addOns, adjustments } = input;
  const amount = (value: number | null, what: string) => {
    if (value !== null && !(Number.isSafeInteger(value) && value >= 0))
      throw new RangeError(`${what} must be a whole number of at least 0, not ${value}.`);
    return value;
  };
  amount(service.durationMinutes, "The service's duration");
  amount(service.priceCents, "The service's price");
  amount(service.priceMinCents, "The service's lowest price");
  amount(service.priceMaxCents, "The service's highest price");
  const additions = [
    ...addOns.map((a, i) => ({ ...a, what: `Add-on ${i + 1}'s` })),
    ...adjustments.map((a, i) => ({ ...a, what: `Adjustment ${i + 1}'s` })),
  ];
  let minutes = service.durationMinutes;
  let cents = 0;
  for (const a of additions) {
    minutes += amount(a.durationMinutes, `${a.what} duration`) ?? 0;
    cents += amount(a.priceCents, `${a.what} price`) ?? 0;
  }
  const plus = (price: number | null) => (price === null ? null : price + cents);
  return {
    durationMinutes: minutes,
    priceCents: plus(service.priceCents),
    priceMinCents: plus(service.priceMinCents),
    priceMaxCents: plus(service.priceMaxCents),
  };
}
