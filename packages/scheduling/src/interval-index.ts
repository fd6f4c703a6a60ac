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
    const n = intervals.length;
    const starts = new Array<number>(n);
    const ends = new Array<number>(n);
    let sorted = true;
    for (let i = 0; i < n; i++) {
      const interval = intervals[i] as { start: Date; end: Date };
      starts[i] = interval.start.getTime();
      ends[i] = interval.end.getTime() + extendMs;
      if (i > 0 && (starts[i] as number) < (starts[i - 1] as number)) sorted = false;
    }
    // Callers usually pass appointments already in start order (the query sorts them): no sort then.
    if (!sorted) {
      const order = Array.from({ length: n }, (_, i) => i).sort(
        (x, y) => (starts[x] as number) - (starts[y] as number),
      );
      this.starts = order.map((i) => starts[i] as number);
      this.ends = order.map((i) => ends[i] as number);
    } else {
      this.starts = starts;
      this.ends = ends;
    }
    const maxEndSoFar = new Array<number>(n);
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      max = Math.max(max, this.ends[i] as number);
      maxEndSoFar[i] = max;
    }
    this.maxEndSoFar = maxEndSoFar;
  }

  // Called for every candidate start and staff member (hundreds per availability request): walks the
  // neighbours in place instead of building the `overlapping` list.
  overlaps(a: number, b: number): boolean {
    const starts = this.starts;
    const ends = this.ends;
    for (let i = firstAbove(this.maxEndSoFar, a); i < starts.length && (starts[i] as number) < b; i++)
      if ((ends[i] as number) > a) return true;
    return false;
  }

  /** The most intervals open at one instant within [a, b). */
  peak(a: number, b: number): number {
    const starts = this.starts;
    const ends = this.ends;
    const first = firstAbove(this.maxEndSoFar, a);
    let count = 0;
    let last = first;
    for (let i = first; i < starts.length && (starts[i] as number) < b; i++)
      if ((ends[i] as number) > a) {
        count++;
        last = i;
      }
    // Zero or one overlapping interval (the usual answer): no sweep needed.
    if (count <= 1) return count;
    const events: [number, number][] = [];
    for (let i = first; i <= last; i++) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      if (e > a && s < b) events.push([Math.max(s, a), 1], [Math.min(e, b), -1]);
    }
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

/** The first index whose running-maximum end is after `a` (every interval before it ended by `a`). */
function firstAbove(maxEndSoFar: readonly number[], a: number): number {
  let lo = 0;
  let hi = maxEndSoFar.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((maxEndSoFar[mid] as number) > a) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
