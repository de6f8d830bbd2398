import { fromMap, type SparseVector } from './sparse.js';
import { ngrams, words } from './tokenize.js';

/** Vectoriser settings, named as scikit-learn's TfidfVectorizer names them. */
export interface TfidfOptions {
  ngramRange: [number, number];
  /** Drop terms in more than this fraction of documents. */
  maxDf: number;
  /** Drop terms in fewer than this many documents. */
  minDf: number;
  /** Keep at most this many terms, the most frequent over the corpus. */
  maxFeatures: number;
  /** tf → 1 + ln(tf). */
  sublinearTf: boolean;
}

/** arxiv-sanity-lite's settings as issue 6 fixes them. */
export const ARXIV_SANITY_TFIDF: TfidfOptions = { ngramRange: [1, 2], maxDf: 0.1, minDf: 5, maxFeatures: 20_000, sublinearTf: true };

/** A fitted vectoriser: vocabulary (term → feature index) and smoothed idf per feature. */
export interface TfidfModel {
  options: TfidfOptions;
  vocabulary: Map<string, number>;
  idf: Float64Array;
}

/**
 * Fits like scikit-learn's `TfidfVectorizer.fit` with `smooth_idf=True`: document frequencies,
 * then the max_df/min_df cut, then the `maxFeatures` most frequent terms (total count; ties by
 * term, alphabetically), features numbered alphabetically; idf = ln((1+n)/(1+df)) + 1.
 */
export function fitTfidf(texts: readonly string[], options: TfidfOptions): TfidfModel {
  const df = new Map<string, number>();
  const total = new Map<string, number>();
  for (const text of texts) {
    const counts = termCounts(text, options);
    for (const [t, c] of counts) {
      df.set(t, (df.get(t) ?? 0) + 1);
      total.set(t, (total.get(t) ?? 0) + c);
    }
  }
  const maxDocs = options.maxDf * texts.length;
  const kept = [...df].filter(([, d]) => d <= maxDocs && d >= options.minDf).map(([t]) => t);
  kept.sort((a, b) => total.get(b)! - total.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const terms = kept.slice(0, options.maxFeatures).sort();
  const idf = Float64Array.from(terms, (t) => Math.log((1 + texts.length) / (1 + df.get(t)!)) + 1);
  return { options, vocabulary: new Map(terms.map((t, i) => [t, i])), idf };
}

/** Raw counts of every n-gram of a text. */
export function termCounts(text: string, options: Pick<TfidfOptions, 'ngramRange'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const g of ngrams(words(text), options.ngramRange[0], options.ngramRange[1])) counts.set(g, (counts.get(g) ?? 0) + 1);
  return counts;
}

/** The L2-normalised tf-idf vector of a text (out-of-vocabulary terms ignored). */
export function transform(model: TfidfModel, text: string): SparseVector {
  const m = new Map<number, number>();
  let norm = 0;
  for (const [t, c] of termCounts(text, model.options)) {
    const f = model.vocabulary.get(t);
    if (f === undefined) continue;
    const w = (model.options.sublinearTf ? 1 + Math.log(c) : c) * model.idf[f]!;
    m.set(f, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [f, w] of m) m.set(f, w / norm);
  return fromMap(m);
}
