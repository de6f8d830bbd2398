import { dot } from '../embedder.js';
import type { VectorHit } from '../vector-index.js';
import type { StoredVector } from './vector-table.js';
import { usearch } from './usearch-module.js';

/**
 * Exact nearest neighbours: the ground truth ANN results are checked against. Vectors are
 * unit length, so cosine similarity is the dot product.
 */

/** The `k` most similar stored vectors to `query` by brute force, nearest first (ties by key). */
export function nearestExact(vectors: Iterable<StoredVector>, query: Float32Array, k: number): VectorHit[] {
  const all: VectorHit[] = [];
  for (const v of vectors) all.push({ key: v.paperId, similarity: cosine(v.vector, query) });
  return all.sort((a, b) => b.similarity - a.similarity || a.key - b.key).slice(0, Math.max(0, k));
}

/** Cosine similarity of two vectors (0 when either is zero). */
export function cosine(a: Float32Array, b: Float32Array): number {
  const n = Math.sqrt(dot(a, a) * dot(b, b));
  return n > 0 ? dot(a, b) / n : 0;
}

/** Bytes usearch's exact search may allocate per call: it keeps a key and a distance for every (row, query) pair. */
const EXACT_BUDGET_BYTES = 256 * 2 ** 20;

/**
 * Exact top-`k` rows of `dataset` (a flat row-major matrix) for every row of `queries`, by
 * cosine, nearest first, as row indices. Uses usearch's multi-threaded brute force over slices
 * of the dataset small enough that its scratch space (16 bytes per row and query: 24 GB for
 * 1.5M rows and 1,000 queries in one call) stays within 256 MiB, merging the slices' answers.
 * `sliceRows` overrides the slice size; `threads` 0 means all cores.
 */
export function exactTopK(dataset: Float32Array, queries: Float32Array, dimensions: number, k: number, opts: { threads?: number; sliceRows?: number } = {}): number[][] {
  const rows = dataset.length / dimensions;
  const nq = queries.length / dimensions;
  const slice = opts.sliceRows ?? Math.max(k, Math.floor(EXACT_BUDGET_BYTES / (16 * Math.max(1, nq))));
  const best = Array.from({ length: nq }, () => [] as { row: number; distance: number }[]);
  // usearch's exactSearch reads from the start of the typed arrays' buffers (it ignores their
  // byteOffset), so it is given copies, never views.
  const ownQueries = queries.slice();
  for (let start = 0; start < rows; start += slice) {
    const end = Math.min(rows, start + slice);
    const want = Math.min(k, end - start);
    const m = usearch.exactSearch(dataset.slice(start * dimensions, end * dimensions), ownQueries, dimensions, want, usearch.MetricKind.Cos, opts.threads ?? 0);
    for (let q = 0; q < nq; q++) {
      for (let i = q * want; i < (q + 1) * want; i++) best[q]!.push({ row: start + Number(m.keys[i]!), distance: m.distances[i]! });
      best[q] = best[q]!.sort((a, b) => a.distance - b.distance || a.row - b.row).slice(0, k);
    }
  }
  return best.map((b) => b.map((x) => x.row));
}
