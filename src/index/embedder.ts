/**
 * The Embedder seam: turns paper text and search queries into dense vectors. Implementations:
 * the built-in model fitted on the store's own corpus (default, no download) and a local
 * transformer sentence-embedding model. Every vector is L2-normalised, so cosine similarity
 * is a dot product, and is stored with the `modelId` that made it.
 */
export interface Embedder {
  /** Model identity and version, e.g. `lsa-256-3f2a9c1b`; stored with every vector it makes. */
  readonly modelId: string;
  /** Length of every vector. */
  readonly dimensions: number;
  /** Embeds papers (title + abstract), in input order. */
  embedDocuments(docs: readonly EmbedText[]): Promise<Float32Array[]>;
  /** Embeds a search query (some model families encode queries differently from documents). */
  embedQuery(query: string): Promise<Float32Array>;
}

/** The text of a paper that embedders read. */
export interface EmbedText {
  title: string;
  abstract: string;
}

/** Dot product of two equal-length vectors (cosine similarity for unit vectors). */
export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Scales a vector to unit length in place (a zero vector stays zero) and returns it. */
export function normalize(v: Float32Array): Float32Array {
  const n = Math.sqrt(dot(v, v));
  if (n > 0) for (let i = 0; i < v.length; i++) v[i]! /= n;
  return v;
}
