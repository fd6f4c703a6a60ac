// Medians, ranges and the report's number format: two significant figures for every ratio.

export const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  // An even count (a subset run of 2 rounds) takes the mean of the middle two.
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The value at quantile q (0–1) of unsorted samples, nearest rank. */
export const quantile = (xs: readonly number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
};

/**
 * Two significant figures, never in exponent notation: 0.0043, 0.10, 1.3, 24, 130. A ratio of
 * 0.006 is "0.0060", not "0.01": rounding to fixed decimals hid a 1.5× difference in earlier reports.
 */
export function sig2(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const text = x.toPrecision(2);
  return text.includes("e") ? String(Number(text)) : text;
}

export type Spread = { median: number; min: number; max: number; n: number };

export const spread = (xs: readonly number[]): Spread => ({
  median: median(xs),
  min: Math.min(...xs),
  max: Math.max(...xs),
  n: xs.length,
});

/** "0.12× [0.10–0.13]": the median ratio and its range across rounds. */
export const ratioText = (s: Spread): string =>
  s.n > 1 ? `${sig2(s.median)}× [${sig2(s.min)}–${sig2(s.max)}]` : `${sig2(s.median)}×`;

/** Milliseconds for the tables: sub-millisecond values (the 1-connection client) keep two significant figures. */
export const ms = (x: number): string => (x >= 10 ? x.toFixed(0) : sig2(x));
