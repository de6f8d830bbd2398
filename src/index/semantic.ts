import type { EmbedText } from './embedder.js';
import type { VectorHit } from './vector-index.js';

/**
 * Semantic retrieval as the services see it: an embedder, the stored vectors and the ANN
 * index behind one small interface (built by `openSemanticIndex` in `semantic-index.ts`).
 * Null where no vectors have been built yet; callers then fall back to keyword search.
 */
export interface SemanticIndex {
  /** The embedding model whose vectors are searched. */
  readonly modelId: string;
  /** Papers nearest in meaning to a query text, nearest first. */
  searchText(text: string, k: number): Promise<VectorHit[]>;
  /** For each given paper that has a vector, its `k` nearest other papers, nearest first. */
  neighboursOf(paperIds: readonly number[], k: number): Promise<Map<number, VectorHit[]>>;
  /** The most informative terms two papers share (tf-idf weighted), for "why this paper". */
  sharedTerms(a: EmbedText, b: EmbedText, n: number): string[];
  /** A paper's most distinctive terms (tf-idf weighted; word pairs as two words), for a keyword query like it. */
  topTerms(text: EmbedText, n: number): string[];
}
