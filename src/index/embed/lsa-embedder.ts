import type { Embedder, EmbedText } from '../embedder.js';
import { projectVector, weighPaper, type LsaModel } from './lsa-model.js';
import type { SparseVector } from './term-index.js';

/**
 * The built-in embedder: a fitted LSA model. A document is weighed (sublinear tf × idf over
 * words and word pairs of title and abstract), projected onto the model's singular vectors and
 * L2-normalised; a query is embedded the same way, as a title with no abstract. Text with no
 * known term gives the zero vector. Synchronous work under a Promise: callers batch.
 */
export class LsaEmbedder implements Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  private readonly acc: Float64Array;

  constructor(readonly model: LsaModel) {
    this.modelId = model.id;
    this.dimensions = model.dimensions;
    this.acc = new Float64Array(model.dimensions);
  }

  /** Embeds one paper synchronously. */
  embed(doc: EmbedText): Float32Array {
    return projectVector(this.model, weighPaper(this.model, doc), this.acc);
  }

  /** Embeds papers, in input order. */
  async embedDocuments(docs: readonly EmbedText[]): Promise<Float32Array[]> {
    return docs.map((d) => this.embed(d));
  }

  /** Embeds a query exactly as a paper with this title and no abstract. */
  async embedQuery(query: string): Promise<Float32Array> {
    return this.embed({ title: query, abstract: '' });
  }
}

/** A term and how much it contributes. */
export interface WeightedTerm {
  /** A word, or two words for a pair ("neural network"). */
  term: string;
  weight: number;
}

function entries(v: SparseVector): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < v.length; i++) m.set(v.cols[i]!, v.weights[i]!);
  return m;
}

function top(model: LsaModel, scored: [number, number][], n: number): WeightedTerm[] {
  const terms = model.index.terms;
  return scored
    .sort((x, y) => y[1] - x[1] || (terms[x[0]]! < terms[y[0]]! ? -1 : 1))
    .slice(0, Math.max(0, n))
    .map(([col, weight]) => ({ term: terms[col]!, weight }));
}

/**
 * The top `n` terms two papers share, weighted by the product of their tf-idf weights (the
 * terms' share of the two papers' tf-idf cosine): why one was found similar to the other.
 */
export function sharedTerms(model: LsaModel, a: EmbedText, b: EmbedText, n: number): WeightedTerm[] {
  const wa = entries(weighPaper(model, a));
  const vb = weighPaper(model, b);
  const scored: [number, number][] = [];
  for (let i = 0; i < vb.length; i++) {
    const w = wa.get(vb.cols[i]!);
    if (w !== undefined) scored.push([vb.cols[i]!, w * vb.weights[i]!]);
  }
  return top(model, scored, n);
}

/** The top `n` terms of a paper by tf-idf weight. */
export function topTerms(model: LsaModel, text: EmbedText, n: number): WeightedTerm[] {
  return top(model, [...entries(weighPaper(model, text))], n);
}
