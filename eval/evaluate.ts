import { metricSpecs } from './metrics.js';
import type { Ranker } from './methods/method.js';
import { progress } from './progress.js';
import { bootstrap, type Estimate } from './stats.js';
import type { EvalQuery, Task } from './tasks/task.js';

/** One method's result on one task. */
export interface MethodResult {
  method: string;
  /** Queries scored (a deterministic sample when the method has a budget). */
  n: number;
  /** Mean per metric with its 95% bootstrap interval. */
  metrics: Record<string, Estimate>;
  /** Seconds spent ranking (building the method is not included). */
  seconds: number;
  /** Paired difference from the baseline on the queries both ranked (same metric, this − baseline). */
  paired?: { against: string; metric: string; diff: Estimate };
}

/** A method's rankings on a sample of queries, kept for fusion. */
export interface Rankings {
  queries: EvalQuery[];
  lists: number[][];
  seconds: number;
}

/** Ranks every query of `sample` with `ranker`, with progress; lists are cut at `depth`. */
export async function rankAll(label: string, ranker: Ranker, sample: EvalQuery[], depth: number, quiet = false): Promise<Rankings> {
  const bar = progress(label, sample.length, quiet);
  const started = Date.now();
  const lists: number[][] = [];
  for (const q of sample) {
    const candidates = q.candidates();
    const list = await ranker.rank({ positives: q.positives, candidates, ...(q.pool ? { pool: q.pool() } : {}), depth });
    assertWithin(label, q, list, candidates);
    lists.push(list);
    bar.tick(lists.length);
  }
  const seconds = (Date.now() - started) / 1000;
  bar.done(`${sample.length} queries, ${(sample.length / Math.max(seconds, 1e-3)).toFixed(1)}/s`);
  return { queries: sample, lists, seconds };
}

/** Per-query values of one metric. */
export function perQuery(task: Task, metric: string, rankings: Rankings): number[] {
  const spec = metricSpecs([metric])[0]!;
  return rankings.queries.map((q, i) => spec.of(rankings.lists[i]!, q.truth));
}

/** Scores rankings with the task's metrics and bootstraps each mean (fixed seed). */
export function score(task: Task, method: string, rankings: Rankings, seed: number): MethodResult {
  const metrics: Record<string, Estimate> = {};
  for (const m of task.metrics) metrics[m] = bootstrap(perQuery(task, m, rankings), { seed });
  return { method, n: rankings.queries.length, metrics, seconds: Math.round(rankings.seconds * 10) / 10 };
}

/**
 * The paired difference `method − baseline` of one metric on the queries both ranked, with a
 * bootstrap interval over those queries. Both rankings must be prefixes of the same query order.
 */
export function pairedDiff(task: Task, metric: string, method: Rankings, baseline: Rankings, seed: number): Estimate {
  const n = Math.min(method.queries.length, baseline.queries.length);
  const cut = (r: Rankings): Rankings => ({ queries: r.queries.slice(0, n), lists: r.lists.slice(0, n), seconds: 0 });
  const a = perQuery(task, metric, cut(method));
  const b = perQuery(task, metric, cut(baseline));
  return bootstrap(a.map((x, i) => x - b[i]!), { seed });
}

/** Guards against leakage by any method: a ranked list may hold only candidates, each once. */
function assertWithin(label: string, q: EvalQuery, list: number[], candidates: Int32Array): void {
  const allowed = new Set(candidates);
  const seen = new Set<number>();
  for (const d of list) {
    if (!allowed.has(d) || seen.has(d)) throw new Error(`${label}: query ${q.key} ranked ${d}, which is ${seen.has(d) ? 'a duplicate' : 'not a candidate'}`);
    seen.add(d);
  }
}
