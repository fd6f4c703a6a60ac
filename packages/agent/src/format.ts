/**
 * How the agent writes times and money in a text, in English or Spanish: short enough for SMS,
 * always in the business's zone ("Sat, Dec 5 at 9:00 AM" / "sáb 5 dic, 9:00").
 */
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { es } from "date-fns/locale";
import type { Language, Price } from "./types.ts";

/** One start as the customer reads it. */
export function formatStart(start: Date, timeZone: string, language: Language): string {
  const local = new TZDate(start.getTime(), timeZone);
  return language === "es"
    ? format(local, "EEE d 'de' MMM 'a las' H:mm", { locale: es })
    : format(local, "EEE, MMM d 'at' h:mm a");
}

/** Only the time of day ("9:00 AM" / "9:00"), for starts on the same day. */
export function formatTime(start: Date, timeZone: string, language: Language): string {
  const local = new TZDate(start.getTime(), timeZone);
  return language === "es" ? format(local, "H:mm") : format(local, "h:mm a");
}

/** The day alone ("Saturday, Dec 5" / "sábado 5 de dic"). */
export function formatDay(start: Date, timeZone: string, language: Language): string {
  const local = new TZDate(start.getTime(), timeZone);
  return language === "es" ? format(local, "EEEE d 'de' MMM", { locale: es }) : format(local, "EEEE, MMM d");
}

/** Several starts as one list: grouped by day when they share one ("Sat, Dec 5 at 9:00 AM, 11:00 AM or 1:00 PM"). */
export function formatStarts(starts: readonly Date[], timeZone: string, language: Language): string {
  if (starts.length === 0) return "";
  const or = language === "es" ? " o " : " or ";
  const join = (items: string[]) =>
    items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")}${or}${items.at(-1)}`;
  const days = new Set(starts.map((s) => formatDay(s, timeZone, language)));
  if (days.size === 1) {
    const [first, ...rest] = starts;
    return join([formatStart(first!, timeZone, language), ...rest.map((s) => formatTime(s, timeZone, language))]);
  }
  return join(starts.map((s) => formatStart(s, timeZone, language)));
}

/** Cents as dollars: "$150", "$12.50". */
export function formatMoney(cents: number): string {
  const dollars = cents / 100;
  return Number.isInteger(dollars)
    ? `$${dollars.toLocaleString("en-US")}`
    : `$${dollars.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A configured price in words; null for a quoted price (priced on site). */
export function formatPrice(price: Price, language: Language): string | null {
  switch (price.type) {
    case "fixed":
      return formatMoney(price.cents);
    case "range":
      return `${formatMoney(price.minCents)}–${formatMoney(price.maxCents)}${price.dependsOn ? (language === "es" ? ` (según ${price.dependsOn})` : ` (depending on ${price.dependsOn})`) : ""}`;
    case "tiered":
      return price.tiers.map((t) => `${t.label} ${formatMoney(t.cents)}`).join(", ");
    case "hourly": {
      const rate = `${formatMoney(price.centsPerHour)}${language === "es" ? "/hora" : "/hour"}`;
      if (!price.minimumHours) return rate;
      return language === "es"
        ? `${rate} (mínimo ${price.minimumHours} h)`
        : `${rate} (${price.minimumHours}-hour minimum)`;
    }
    case "quote":
      return null;
  }
}

/** Every amount a configured price states, in cents (what a reply may quote). */
export function priceAmounts(price: Price): number[] {
  switch (price.type) {
    case "fixed":
      return [price.cents];
    case "range":
      return [price.minCents, price.maxCents];
    case "tiered":
      return price.tiers.map((t) => t.cents);
    case "hourly":
      return price.minimumHours
        ? [price.centsPerHour, Math.round(price.centsPerHour * price.minimumHours)]
        : [price.centsPerHour];
    case "quote":
      return [];
  }
}

/** An ISO instant with the business's offset ("2026-12-05T09:00:00-06:00"): what replays and logs print. */
export function isoInZone(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ssXXX");
}
