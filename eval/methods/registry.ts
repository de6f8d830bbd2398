import { openSearchIndex } from '../../src/index/fts/open.js';
import { bm25Method } from './bm25.js';
import { lsaMethod, transformerMethod } from './embedders.js';
import { METHOD } from './names.js';
import type { Method } from './method.js';
import { svmMethod } from './svm.js';
import { tfidfCosine } from './tfidf-cosine.js';
import type { SvmOptions } from './linear-svm.js';

/** The methods of one run and the roles the harness gives some of them. */
export interface MethodSet {
  methods: Method[];
  /** Fused in the hybrid. */
  keyword: string;
  /** Candidates for the hybrid's dense side. */
  embedders: string[];
  /** Every other method is compared with this one, paired. */
  baseline: string;
}

/** What {@link evalMethods} includes. */
export interface MethodOptions {
  lsaDimensions: readonly number[];
  svm: SvmOptions;
  /** A transformers.js model (directory or cached Hub name) to add as one more embedder. */
  transformer?: string;
}

/**
 * BM25 on Papersift's keyword index, tf-idf cosine, the arxiv-sanity SVM, the built-in LSA
 * embedder at each dimensionality and, when given, a transformer embedder.
 */
export function evalMethods(options: MethodOptions): MethodSet {
  const embedders = options.lsaDimensions.map(lsaMethod);
  if (options.transformer) embedders.push(transformerMethod(options.transformer));
  return {
    methods: [bm25Method(openSearchIndex), tfidfCosine, svmMethod(options.svm, METHOD.svm), ...embedders],
    keyword: METHOD.bm25,
    embedders: embedders.map((m) => m.name),
    baseline: METHOD.svm,
  };
}
