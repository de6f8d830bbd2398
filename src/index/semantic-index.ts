import type { Store } from '../store/store.js';
import { dot, type Embedder, type EmbedText } from './embedder.js';
import type { SemanticIndex } from './semantic.js';
import type { VectorHit, VectorIndex } from './vector-index.js';
import { readVectors } from './vectors/vector-table.js';

/** Term weighting for explanations and keyword queries (the built-in model's tf-idf weights). */
export interface TermExplainer {
  /** Terms two papers share, most informative first. */
  shared(a: EmbedText, b: EmbedText, n: number): string[];
  /** A paper's most distinctive terms. */
  top(text: EmbedText, n: number): string[];
}

/**
 * The semantic index over a store: queries are embedded by the model that made the stored
 * vectors, answered by the ANN index, and a paper's own stored vector seeds "similar papers".
 */
export class StoredSemanticIndex implements SemanticIndex {
  readonly modelId: string;
  readonly #store: Store;
  readonly #embedder: Embedder;
  readonly #index: VectorIndex;
  readonly #explain: TermExplainer;

  constructor(store: Store, embedder: Embedder, index: VectorIndex, explain: TermExplainer) {
    if (embedder.modelId !== index.modelId) throw new Error(`the index holds ${index.modelId}, the embedder is ${embedder.modelId}`);
    this.modelId = embedder.modelId;
    this.#store = store;
    this.#embedder = embedder;
    this.#index = index;
    this.#explain = explain;
  }

  /** Papers nearest to the query text; none when the text has no known term (zero vector). */
  async searchText(text: string, k: number): Promise<VectorHit[]> {
    const v = await this.#embedder.embedQuery(text);
    if (dot(v, v) === 0) return [];
    return this.#index.search(v, k);
  }

  /** Each paper's nearest others, from its stored vector; papers without one are left out. */
  async neighboursOf(paperIds: readonly number[], k: number): Promise<Map<number, VectorHit[]>> {
    const vectors = await readVectors(this.#store.db, this.modelId, paperIds);
    const out = new Map<number, VectorHit[]>();
    for (const [id, v] of vectors) out.set(id, this.#index.search(v, k + 1).filter((h) => h.key !== id).slice(0, k));
    return out;
  }

  /** Terms the two papers share, most informative first. */
  sharedTerms(a: EmbedText, b: EmbedText, n: number): string[] {
    return this.#explain.shared(a, b, n);
  }

  /** The paper's most distinctive terms. */
  topTerms(text: EmbedText, n: number): string[] {
    return this.#explain.top(text, n);
  }
}
