import type { Doc } from '../datasets/corpus.js';
import type { Store } from '../../src/store/store.js';
import type { Features } from './features.js';

/** What a ranker is asked: order `candidates` for a profile made of the `positives`. */
export interface RankRequest {
  /** Corpus indices of the query paper, or of an author's papers. */
  positives: readonly number[];
  /** Corpus indices that may be returned. */
  candidates: Int32Array;
  /** Negatives of trained methods (the SVM); defaults to the candidates. */
  pool?: Int32Array;
  /** Longest list to return. */
  depth: number;
}

/** Ranks candidates, best first, at most `depth` of them (fewer when a method matches fewer). */
export interface Ranker {
  rank(request: RankRequest): Promise<number[]>;
}

/** What methods are built from: one corpus, its shared tf-idf features, and the store that holds it. */
export interface MethodContext {
  docs: readonly Doc[];
  features(): Features;
  /** The store holding the corpus (BM25 searches it); absent when the corpus is not in a store. */
  store?: Store;
  seed: number;
}

/** A named ranking method. */
export interface Method {
  name: string;
  build(context: MethodContext): Promise<Ranker>;
}
