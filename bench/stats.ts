/**
 * The statistics every measurement of the bench reports with: quantiles, quartile spreads, and
 * the summaries of latencies. One place, so that a median means the same in every table.
 */

/** 25th percentile, median, 75th percentile. */
export interface Spread {
  p25: number;
  median: number;
  p75: number;
}

/** A latency's figures: the quartiles, and the worst case, which users notice most. */
export interface Summary extends Spread {
  max: number;
  /** How many values. */
  count: number;
}

/** Linear interpolation between order statistics (the usual "type 7" quantile). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function spreadOf(values: readonly number[]): Spread {
  return { p25: quantile(values, 0.25), median: quantile(values, 0.5), p75: quantile(values, 0.75) };
}

export function summaryOf(values: readonly number[]): Summary {
  return { ...spreadOf(values), max: values.length === 0 ? Number.NaN : Math.max(...values), count: values.length };
}

/**
 * The typical case against the worst: the median, the last (largest) value, and how far the
 * last is behind the median. For a burst, the gap is what queueing costs the unluckiest one.
 */
export interface MedianToLast {
  median: number;
  last: number;
  spread: number;
}

export function medianToLast(values: readonly number[]): MedianToLast {
  const median = quantile(values, 0.5);
  const last = values.length === 0 ? Number.NaN : Math.max(...values);
  return { median, last, spread: last - median };
}

/** Element by element `a[i] − b[i]`; the two series must be as long as each other (rounds paired). */
export function pairedDifferences(a: readonly number[], b: readonly number[]): number[] {
  if (a.length !== b.length) throw new Error(`bench: ${a.length} values paired with ${b.length}`);
  return a.map((value, index) => value - b[index]!);
}
