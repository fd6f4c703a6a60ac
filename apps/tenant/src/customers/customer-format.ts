// How the customer screens word dates and money.

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export const dateLabel = (iso: string) => dateFormat.format(new Date(iso));
export const dateTimeLabel = (iso: string) => dateTimeFormat.format(new Date(iso));

export const lastVisitLabel = (iso: string | null) => (iso ? dateLabel(iso) : "Never");

/** Whole dollars when there are no cents: "$85", "$1,240.50". */
export function moneyLabel(cents: number): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}

/** An appointment's price: fixed, a range, or none set. */
export function priceLabel(a: {
  priceCents: number | null;
  priceMinCents: number | null;
  priceMaxCents: number | null;
}) {
  if (a.priceCents !== null) return moneyLabel(a.priceCents);
  if (a.priceMinCents !== null && a.priceMaxCents !== null)
    return `${moneyLabel(a.priceMinCents)}–${moneyLabel(a.priceMaxCents)}`;
  return "Quoted";
}
