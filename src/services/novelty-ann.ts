import { usearch } from '../index/vectors/usearch-module.js';
import { noveltyDistance } from '../rank/novelty.js';
import type { VectorMatrix } from './vector-matrix.js';

/**
 * Approximate novelty distances for a large first run (docs/METRICS.md § Novelty): papers are
 * visited in date order, one date at a time; each paper of the date asks an incremental usearch
 * HNSW index (inner product, which is the cosine of the unit LSA vectors) for its k nearest
 * papers among those already added, i.e. dated strictly earlier; then the date's papers are
 * added. About n·log n work instead of the exact n²/2 comparisons.
 */

/** HNSW settings of the novelty index. */
export interface AnnSettings {
  connectivity: number;
  expansionAdd: number;
  expansionSearch: number;
  threads: number;
}

/** Defaults measured on hep-th (see docs/METRICS.md § Novelty). */
export const NOVELTY_ANN: AnnSettings = { connectivity: 16, expansionAdd: 128, expansionSearch: 128, threads: 2 };

/**
 * Distances of every row of `m` in `wanted` (row → distance, null when the row predates
 * `warm` or has fewer than k earlier rows); rows not wanted are only added to the index.
 */
export function annDistances(m: VectorMatrix, wanted: ReadonlySet<number>, k: number, warm: string, s: AnnSettings = NOVELTY_ANN, onDate?: (done: number) => void): Map<number, number | null> {
  const d = m.dimensions, n = m.papers.length;
  const index = new usearch.Index({ dimensions: d, metric: usearch.MetricKind.IP, quantization: usearch.ScalarKind.F32, connectivity: s.connectivity, expansion_add: s.expansionAdd, expansion_search: s.expansionSearch, multi: false });
  const out = new Map<number, number | null>();
  let added = 0;
  for (let r = 0; r < n;) {
    let e = r + 1;
    while (e < n && sameDay(m, e, r)) e++;
    const queries = rangeRows(r, e).filter((q) => wanted.has(q));
    for (const q of queries) out.set(q, null);
    const ask = queries.filter((q) => m.papers[q]!.date >= warm);
    if (added >= k && ask.length > 0) searchInto(index, m, ask, k, s.threads, out);
    const keys = BigUint64Array.from(rangeRows(r, e), (x) => BigInt(x));
    index.add(keys, m.rows.subarray(r * d, e * d), s.threads);
    added += e - r;
    r = e;
    onDate?.(r);
  }
  return out;
}

function searchInto(index: InstanceType<typeof usearch.Index>, m: VectorMatrix, rows: number[], k: number, threads: number, out: Map<number, number | null>): void {
  const d = m.dimensions;
  const flat = new Float32Array(rows.length * d);
  rows.forEach((r, j) => flat.set(m.rows.subarray(r * d, (r + 1) * d), j * d));
  const res = index.search(flat, k, threads) as unknown as { distances: Float32Array; counts: BigUint64Array | ArrayLike<bigint> };
  rows.forEach((r, j) => {
    const c = Number(rows.length === 1 ? res.distances.length : (res.counts as BigUint64Array)[j]!);
    const sims = Array.from(res.distances.subarray(j * k, j * k + Math.min(c, k)), (x) => 1 - x);
    out.set(r, noveltyDistance(sims, k));
  });
}

function rangeRows(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function sameDay(m: VectorMatrix, a: number, b: number): boolean {
  return m.papers[a]!.date.slice(0, 10) === m.papers[b]!.date.slice(0, 10);
}
