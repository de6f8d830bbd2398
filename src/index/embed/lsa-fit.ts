import { ValidationError } from '../../core/errors.js';
import type { Corpus } from './corpus.js';
import { createLsaModel, type LsaModel, type LsaParams } from './lsa-model.js';
import { randomizedSvd } from './randomized-svd.js';
import { CsrBuilder, type Csr } from './sparse.js';
import { TermCounter } from './term-counter.js';
import { smoothIdf, TermIndex } from './term-index.js';
import { paperText, tokenStream } from './tokenize.js';

/**
 * The built-in model's defaults. 384 dimensions: best on `npm run eval` (docs/RELEVANCE.md,
 * 2026-11-22: hep-th citation MAP .214 vs .207 at 256 and .192 at 128; author recommendation
 * MAP .098 vs .095), at 1.7× the fit time and 1.5× the vector storage of 256.
 */
export const LSA_DEFAULTS: Readonly<LsaParams> = Object.freeze({
  dimensions: 384,
  maxDocs: 100_000,
  minDf: 3,
  maxDf: 0.5,
  maxFeatures: 50_000,
  bigrams: true,
  oversampling: 10,
  powerIterations: 1,
  seed: 42,
});

/** Fitting phases, in order: reading the sample, weighing it into tf-idf rows, the SVD. */
export type FitPhase = 'read' | 'weigh' | 'svd';

/** Progress callback: `done` of `total` units of the current phase. */
export type FitProgress = (done: number, total: number, phase: FitPhase) => void;

/** Options of {@link fitLsa}: any model parameter, plus paging and progress. */
export interface LsaFitOptions extends Partial<LsaParams> {
  /** Documents read per page. @default 2000 */
  pageSize?: number;
  onProgress?: FitProgress;
}

/** A fitted model and what fitting it took. */
export interface LsaFit {
  model: LsaModel;
  /** Documents in the corpus. */
  corpusSize: number;
  /** Documents the model was fitted on. */
  sampleSize: number;
  vocabularySize: number;
  /** Non-zero entries of the tf-idf matrix. */
  nonZeros: number;
  /** Wall time of the whole fit. */
  seconds: number;
}

/**
 * Fits the built-in LSA model on a corpus: reads up to `maxDocs` documents sampled evenly over
 * the corpus order (deterministic: the same corpus gives the same sample and the same model),
 * chooses the vocabulary, weighs each document (sublinear tf × smoothed idf, L2-normalised)
 * and keeps the top right singular vectors of the resulting matrix as the projection.
 */
export async function fitLsa(corpus: Corpus, options: LsaFitOptions = {}): Promise<LsaFit> {
  const started = performance.now();
  const params = modelParams(options);
  const progress: FitProgress = options.onProgress ?? (() => undefined);
  const corpusSize = await corpus.count();
  const { csr, index } = weighSample(await readSample(corpus, corpusSize, params, options.pageSize ?? 2000, progress), params, progress);
  if (csr.rows === 0 || index.size === 0) throw new ValidationError('corpus', `nothing to fit the built-in embedding model on (${csr.rows} documents, ${index.size} terms kept)`);
  const svd = randomizedSvd(csr, { rank: params.dimensions, oversampling: params.oversampling, powerIterations: params.powerIterations, seed: params.seed, onStep: (d, t) => progress(d, t, 'svd') });
  const model = createLsaModel(params, index.terms, index.idf, svd.rightVectors, Float32Array.from(svd.singularValues));
  return { model, corpusSize, sampleSize: csr.rows, vocabularySize: index.size, nonZeros: csr.indices.length, seconds: (performance.now() - started) / 1000 };
}

function modelParams(options: LsaFitOptions): LsaParams {
  const params = { ...LSA_DEFAULTS };
  for (const key of Object.keys(LSA_DEFAULTS) as (keyof LsaParams)[]) if (options[key] !== undefined) (params as Record<string, unknown>)[key] = options[key];
  if (!(params.dimensions >= 1 && params.maxDocs >= 1 && params.maxFeatures >= 1 && params.maxDf > 0 && params.maxDf <= 1)) throw new RangeError(`invalid LSA parameters: ${JSON.stringify(params)}`);
  return params;
}

/** Whether the document at `rank` (0-based) belongs to an even sample of `m` out of `n`. */
export function inSample(rank: number, m: number, n: number): boolean {
  return rank < n && Math.floor(((rank + 1) * m) / n) > Math.floor((rank * m) / n);
}

async function readSample(corpus: Corpus, total: number, params: LsaParams, pageSize: number, progress: FitProgress): Promise<TermCounter> {
  const m = Math.min(total, params.maxDocs);
  const counter = new TermCounter();
  let rank = 0;
  for await (const page of corpus.pages(pageSize)) {
    for (const doc of page) if (inSample(rank++, m, total)) counter.add(tokenStream(paperText(doc.title, doc.abstract)));
    progress(Math.min(rank, total), total, 'read');
  }
  return counter;
}

/**
 * Chooses the vocabulary and weighs every sampled document into a CSR row, freeing each token
 * stream as it goes; the counter (and its pair table) is garbage once this returns.
 */
function weighSample(counter: TermCounter, params: LsaParams, progress: FitProgress): { csr: Csr; index: TermIndex } {
  const vocabulary = counter.select(params);
  const n = counter.docs.length;
  const index = new TermIndex(vocabulary.terms, Float32Array.from(vocabulary.df, (df) => smoothIdf(n, df)));
  const remap = Int32Array.from(counter.words, (w) => index.wordId(w));
  const builder = new CsrBuilder(index.size);
  for (let i = 0; i < n; i++) {
    const stream = counter.docs[i]!;
    builder.addRow(index.weighIds(stream, stream.length, remap));
    counter.docs[i] = EMPTY;
    if ((i + 1) % 10_000 === 0 || i + 1 === n) progress(i + 1, n, 'weigh');
  }
  return { csr: builder.build(), index };
}

const EMPTY = new Int32Array(0);
