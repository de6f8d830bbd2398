/** One evaluation query: a profile to rank for, what may be ranked, and what should come first. */
export interface EvalQuery {
  /** The query paper's id or the author's key. */
  key: string;
  /** Corpus indices making up the profile. */
  positives: number[];
  /** Corpus indices that count as hits. */
  truth: Set<number>;
  /** Corpus indices that may be ranked (built on demand: they can be thousands per query). */
  candidates(): Int32Array;
  /** Negatives for trained methods; defaults to the candidates. */
  pool?(): Int32Array;
}

/** A task: its queries and the metrics reported for it. */
export interface Task {
  name: string;
  /** Metric names understood by `metricSpecs`, or `pos>neg` for triplets. */
  metrics: string[];
  /** The metric methods are compared on (paired differences, choosing the hybrid's embedder). */
  primary: string;
  queries: EvalQuery[];
  /** How deep rankings go (default: the harness's depth, 1000). */
  depth?: number;
  /** Facts about the query set for the report (counts, mean candidates, …). */
  facts: Record<string, number | string>;
}

/** Indices lo..hi-1 as an Int32Array. */
export function range(lo: number, hi: number): Int32Array {
  return Int32Array.from({ length: Math.max(0, hi - lo) }, (_, i) => lo + i);
}
