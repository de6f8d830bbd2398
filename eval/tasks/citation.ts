import type { Corpus } from '../datasets/corpus.js';
import { range, type EvalQuery, type Task } from './task.js';

/** Settings of the citation-prediction task. */
export interface CitationTaskOptions {
  /** Query papers are from these years. @default [1995, 1996] */
  queryYears?: [number, number];
  /** A query needs at least this many cited papers among its candidates. @default 5 */
  minCited?: number;
}

/**
 * Citation prediction: every paper of the query years citing at least `minCited` earlier
 * corpus papers is a query; its candidates are all papers that came before it (corpus order is
 * submission order); the truth is the candidates it cites. Edges to later papers (Paperscape
 * reads references from the latest version) cannot be candidates and are left out of the truth.
 */
export function citationTask(corpus: Corpus, options: CitationTaskOptions = {}): Task {
  const [y0, y1] = options.queryYears ?? [1995, 1996];
  const minCited = options.minCited ?? 5;
  const queries: EvalQuery[] = [];
  let candidates = 0;
  corpus.docs.forEach((doc, i) => {
    if (doc.year < y0 || doc.year > y1) return;
    const truth = new Set(corpus.refs[i]!.filter((j) => j < i));
    if (truth.size < minCited) return;
    queries.push({ key: doc.arxivId, positives: [i], truth, candidates: () => range(0, i) });
    candidates += i;
  });
  return {
    name: 'citation',
    metrics: ['MAP', 'nDCG@10', 'R@20', 'R@100', 'MRR'],
    primary: 'MAP',
    queries,
    facts: {
      corpus: corpus.docs.length, queries: queries.length,
      meanCandidates: Math.round(candidates / Math.max(1, queries.length)),
      meanCited: round(queries.reduce((s, q) => s + q.truth.size, 0) / Math.max(1, queries.length)),
    },
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
