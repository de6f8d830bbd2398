import { seededRandom } from '../src/core/random.js';
/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** The seeded generator every sample and resample uses ({@link seededRandom}, mulberry32). */
export const seededRng: (seed: number) => Rng = seededRandom;

/** A shuffled copy (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Arithmetic mean (NaN for an empty list). */
export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

/** Quantile `q` of ascending `sorted` values by linear interpolation (NumPy's default, type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** A mean with its bootstrap confidence interval. */
export interface Estimate {
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

/** Settings of {@link bootstrap}. */
export interface BootstrapOptions {
  /** Resamples drawn. @default 1000 */
  resamples?: number;
  /** Coverage of the interval. @default 0.95 */
  level?: number;
  /** Seed of the resampling generator. @default 6 */
  seed?: number;
}

/**
 * The mean of per-query values with a percentile bootstrap interval: `resamples` times, draw
 * n values with replacement and take their mean; the interval is the (1−level)/2 and
 * (1+level)/2 quantiles of those means.
 */
export function bootstrap(values: readonly number[], options: BootstrapOptions = {}): Estimate {
  const n = values.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, n };
  const rng = seededRng(options.seed ?? 6);
  const level = options.level ?? 0.95;
  const means: number[] = [];
  for (let b = 0; b < (options.resamples ?? 1000); b++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(rng() * n)]!;
    means.push(s / n);
  }
  means.sort((a, b) => a - b);
  return { mean: mean(values), lo: quantile(means, (1 - level) / 2), hi: quantile(means, (1 + level) / 2), n };
}
