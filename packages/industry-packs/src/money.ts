import type { PriceRange } from "./schema.ts";

/** Whole or fractional US dollars to cents, for readable pack files. */
export const usd = (dollars: number): number => Math.round(dollars * 100);

/** A {min, max} price range in cents from dollar amounts. */
export const usdRange = (min: number, max: number): PriceRange => ({ min: usd(min), max: usd(max) });
