import type { Price } from "./schema.ts";

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: cents % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;

/** "$85" or "$150–$275": how the AI agent and the website quote a pack price. */
export function formatPrice(price: Price): string {
  return typeof price === "number" ? dollars(price) : `${dollars(price.min)}–${dollars(price.max)}`;
}
