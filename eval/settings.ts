import { ARXIV_SANITY_SVM } from './methods/linear-svm.js';
import { ARXIV_SANITY_TFIDF } from './methods/tfidf.js';
import { BM25_QUERY_TERMS } from './methods/bm25.js';
import { RRF_K } from '../src/rank/fusion.js';
import { METHOD } from './methods/names.js';


/** The settings of a full `npm run eval`, recorded in its JSON. */
export const EVAL_SETTINGS = {
  /** Seed of query sampling, bootstrap resampling and the SVM's coordinate order. */
  seed: 6,
  /** Rankings are cut here; MAP is average precision at this depth. */
  depth: 1000,
  /** Bootstrap resamples per interval. */
  resamples: 1000,
  /** Built-in LSA dimensionalities compared. */
  lsaDimensions: [128, 256, 384],
  /** BM25 weights of the hybrid grid (the embedder gets 1 − w). */
  fusionWeights: [0.2, 0.35, 0.5, 0.65, 0.8],
  /** Queries per task at most, for the methods too slow to rank all of them (a seeded sample). */
  budgets: { [METHOD.bm25]: 800, [METHOD.svm]: 400 } as Record<string, number>,
  tfidf: ARXIV_SANITY_TFIDF,
  svm: ARXIV_SANITY_SVM,
  bm25QueryTerms: BM25_QUERY_TERMS,
  rrfK: RRF_K,
};
