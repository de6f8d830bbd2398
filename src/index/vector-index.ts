/**
 * The approximate-nearest-neighbour seam. The store's `paper_vectors` table is the source of
 * truth; a VectorIndex serves them fast, is persisted beside the store, updated incrementally
 * and rebuilt from the store whenever it is missing or stale. Keys are paper ids.
 */
export interface VectorIndex {
  /** The embedding model whose vectors this index holds. */
  readonly modelId: string;
  /** Number of vectors held. */
  readonly size: number;
  /** Adds or replaces vectors. */
  upsert(keys: readonly number[], vectors: readonly Float32Array[]): void;
  /** Removes vectors; unknown keys are ignored. */
  remove(keys: readonly number[]): void;
  /** The `k` nearest keys to `query`, nearest first, with cosine similarity. */
  search(query: Float32Array, k: number): VectorHit[];
  /** Writes the index to its file (atomically: temp file then rename). */
  save(): Promise<void>;
}

/** One neighbour. */
export interface VectorHit {
  key: number;
  /** Cosine similarity in [-1, 1]; higher is closer. */
  similarity: number;
}
