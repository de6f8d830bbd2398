import type { Doc } from '../datasets/corpus.js';
import type { SparseVector } from './sparse.js';
import { ARXIV_SANITY_TFIDF, fitTfidf, transform, type TfidfModel, type TfidfOptions } from './tfidf.js';
import { paperText } from './tokenize.js';

/** One tf-idf model and every doc's vector, shared by tf-idf cosine and the SVM. */
export interface Features {
  model: TfidfModel;
  vectors: SparseVector[];
}

/** Fits the vectoriser on the corpus's title + abstract and vectorises every doc. */
export function buildFeatures(docs: readonly Doc[], options: TfidfOptions = ARXIV_SANITY_TFIDF): Features {
  const texts = docs.map(paperText);
  const model = fitTfidf(texts, options);
  return { model, vectors: texts.map((t) => transform(model, t)) };
}

/** Memoises {@link buildFeatures} for one corpus. */
export function lazyFeatures(docs: readonly Doc[], options?: TfidfOptions): () => Features {
  let cached: Features | undefined;
  return () => (cached ??= buildFeatures(docs, options));
}
