import { describe, expect, it } from "vitest";
import { priceAndDuration } from "./index.ts";

const fixed = { durationMinutes: 60, priceCents: 8500, priceMinCents: null, priceMaxCents: null };

describe("priceAndDuration", () => {
  it("should add add-ons and asset adjustments to a fixed price and the duration", () => {
    const suv = { durationMinutes: 30, priceCents: 4000 };
    const wax = { durationMinutes: 15, priceCents: 2500 };
    expect(priceAndDuration({ service: fixed, addOns: [wax], adjustments: [suv] })).toEqual({
      durationMinutes: 105,
      priceCents: 15000,
      priceMinCents: null,
      priceMaxCents: null,
    });
  });

  it("should add to both ends of a range and leave a quoted price unpriced", () => {
    const range = { durationMinutes: 90, priceCents: null, priceMinCents: 12000, priceMaxCents: 18000 };
    expect(
      priceAndDuration({ service: range, addOns: [{ durationMinutes: 0, priceCents: 1000 }], adjustments: [] }),
    ).toEqual({
      durationMinutes: 90,
      priceCents: null,
      priceMinCents: 13000,
      priceMaxCents: 19000,
    });
    const quoted = { durationMinutes: 120, priceCents: null, priceMinCents: null, priceMaxCents: null };
    expect(
      priceAndDuration({ service: quoted, addOns: [], adjustments: [{ durationMinutes: 30, priceCents: 4000 }] }),
    ).toEqual({
      ...quoted,
      durationMinutes: 150,
    });
  });

  it.each([
    { service: { ...fixed, durationMinutes: -1 }, addOns: [], adjustments: [] },
    { service: { ...fixed, priceCents: -100 }, addOns: [], adjustments: [] },
    { service: fixed, addOns: [{ durationMinutes: -15, priceCents: 0 }], adjustments: [] },
    { service: fixed, addOns: [], adjustments: [{ durationMinutes: 30, priceCents: -4000 }] },
    { service: fixed, addOns: [], adjustments: [{ durationMinutes: 0.5, priceCents: 0 }] },
  ])("should refuse a negative or fractional amount with a RangeError (%#)", (input) => {
    expect(() => priceAndDuration(input)).toThrow(RangeError);
  });
});
