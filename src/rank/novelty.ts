/**
 * Novelty, pure math (docs/METRICS.md § Novelty). A paper's raw novelty is how far its text
 * lies from the k nearest papers published before it: 1 − the mean cosine similarity to those
 * k neighbours in the built-in vector space. It is then expressed as a percentile within the
 * paper's primary category and year, and an author's novelty is the median of their papers'
 * percentiles.
 */

/** Default number of earlier neighbours. */
export const NOVELTY_K = 10;
/** Smallest (category, year) group whose papers get a percentile. */
export const MIN_GROUP = 20;

/**
 * Raw novelty from the similarities of the nearest earlier papers: 1 − mean of the `k` largest
 * (cosine in [−1, 1], so the result is in [0, 2]); null when fewer than `k` are given.
 */
export function noveltyDistance(similarities: readonly number[], k: number = NOVELTY_K): number | null {
  if (k < 1 || similarities.length < k) return null;
  const top = [...similarities].sort((a, b) => b - a).slice(0, k);
  return 1 - top.reduce((s, x) => s + x, 0) / k;
}

/**
 * Mid-rank percentiles (0–100) of `values`: for each value, 100 × (number below + half the
 * number equal) / n. Ties get the same percentile; the mean percentile is always 50.
 */
export function midRankPercentiles(values: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return [];
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(n);
  for (let s = 0; s < n;) {
    let e = s;
    while (e + 1 < n && order[e + 1]!.v === order[s]!.v) e++;
    const p = (100 * (s + (e - s + 1) / 2)) / n;
    for (let j = s; j <= e; j++) out[order[j]!.i] = p;
    s = e + 1;
  }
  return out;
}

/** Median of `values` (mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The display form of a novelty percentile: "Novelty 73%". */
export function formatNovelty(percentile: number): string {
  return `Novelty ${Math.round(percentile)}%`;
}
