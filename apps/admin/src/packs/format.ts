// How the console shows pack prices and durations. Kept here (not imported from
// @servicepro/industry-packs) so the browser bundle carries no zod schemas.

/** A fixed price or a {min, max} range, in US cents (the packs' unit). */
export type PackPrice = number | { min: number; max: number };

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: cents % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;

/** "$85" or "$150–$275". */
export const formatPrice = (price: PackPrice): string =>
  typeof price === "number" ? dollars(price) : `${dollars(price.min)}–${dollars(price.max)}`;

/** "45 min", "2 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "6 services · 4 add-ons · 8 FAQs" */
export const countsLine = (counts: { services: number; addOns: number; faqs: number }) =>
  [
    plural(counts.services, "service", "services"),
    plural(counts.addOns, "add-on", "add-ons"),
    plural(counts.faqs, "FAQ", "FAQs"),
  ].join(" · ");
