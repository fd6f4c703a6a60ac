// Small conversions for the catalog screens: the API speaks cents and minutes, people type dollars.

/** "45 min", "1 h", "2 h 30 min". */
export function durationLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** 4550 → "45.50", 4500 → "45": what a price field starts with. */
export const dollarsText = (cents: number | null): string =>
  cents === null ? "" : cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);

/** "45", "$45.50", "1,200" → cents; null when it is not an amount of dollars. */
export function parseDollars(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "").replaceAll(",", "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

export const DOLLARS_HINT = "Enter dollars, e.g. 85 or 85.50.";
