/**
 * Intervals sorted once by start, for "which of these overlap [a, b)?" without scanning them all: a
 * binary search on start bounds the right side, and one on the running maximum of ends bounds the
 * left (intervals before it all ended by a). A year of appointments costs a sort, then each question
 * reads only its neighbours.
 */
export class IntervalIndex {
  private readonly starts: number[];
  private readonly ends: number[];
  private readonly maxEndSoFar: number[];

  /** `extendMs` is added to every end (the buffer after each job). */
  constructor(intervals: readonly { start: Date; end: Date }[], extendMs = 0) {
    const sorted = intervals.map((i) => [+i.start, +i.end + extendMs] as const).sort((x, y) => x[0] - y[0]);
    this.starts = sorted.map((i) => i[0]);
    this.ends = sorted.map((i) => i[1]);
    let max = Number.NEGATIVE_INFINITY;
    this.maxEndSoFar = this.ends.map((end) => {
      max = Math.max(max, end);
      return max;
    });
  }

  /** The [start, end) pairs that overlap [a, b). */
  overlapping(a: number, b: number): [number, number][] {
    const first = firstIndex(this.maxEndSoFar, (end) => end > a);
    const stop = firstIndex(this.starts, (start) => start >= b);
    const out: [number, number][] = [];
    for (let i = first; i < stop; i++) {
      const end = this.ends[i] as number;
      if (end > a) out.push([this.starts[i] as number, end]);
    }
    return out;
  }

  overlaps(a: number, b: number): boolean {
    return this.overlapping(a, b).length > 0;
  }

  /** The most intervals open at one instant within [a, b). */
  peak(a: number, b: number): number {
    const events: [number, number][] = [];
    for (const [s, e] of this.overlapping(a, b)) events.push([Math.max(s, a), 1], [Math.min(e, b), -1]);
    // Ends before starts at the same instant: [9, 10) and [10, 11) are never open together.
    events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    let open = 0;
    let peak = 0;
    for (const [, step] of events) {
      open += step;
      peak = Math.max(peak, open);
    }
    return peak;
  }
}

/** The first index whose value satisfies `test` in an array where it is monotone (false… then true…). */
function firstIndex(values: readonly number[], test: (value: number) => boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(values[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
