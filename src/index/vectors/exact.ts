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

/**
 * Exact top-`k` rows of `dataset` (a flat row-major matrix) for every row of `queries`, by
 * cosine, using usearch's multi-threaded brute force. Returns row indices, nearest first.
 */
export function exactTopK(dataset: Float32Array, queries: Float32Array, dimensions: number, k: number, threads = 0): number[][] {
  const n = queries.length / dimensions;
  const m = usearch.exactSearch(dataset, queries, dimensions, k, usearch.MetricKind.Cos, threads);
  const out: number[][] = [];
  for (let q = 0; q < n; q++) out.push(Array.from(m.keys.subarray(q * k, (q + 1) * k), Number));
  return out;
}
