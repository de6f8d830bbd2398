import { sql } from 'kysely';
import type { Store } from '../store/store.js';
import { trainImpactModel, type ImpactModelReport } from './impact.service.js';
import { recomputeMetrics, type RecomputeReport } from './metrics.service.js';
import { ANN_COST_PER_PAPER, noveltyMethod, refreshNovelty, type NoveltyReport } from './novelty.service.js';

/**
 * Everything computed from papers, citations and vectors after an ingest, in order: author
 * metrics (incremental), novelty (papers without a score), and the impact model (retrained on
 * the papers whose later citations are known). `papersift metrics` and every ingest run it.
 */

/**
 * Beyond this much novelty work in one run (exact comparisons, or the ANN path's equivalent:
 * {@link ANN_COST_PER_PAPER} per store paper) it waits for `--novelty`. Exact-only, this allowed a
 * first run of about 140k papers; with the ANN path a first run stays under it up to about 3
 * million papers (an estimate extrapolated from hep-th, not measured beyond 30k).
 */
export const NOVELTY_AUTO_LIMIT = 2e10;

/** Options of {@link refreshAnalytics}. */
export interface AnalyticsOptions {
  full?: boolean;
  /** Compute novelty however large the backlog. @default false */
  forceNovelty?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}

/** What {@link refreshAnalytics} did. */
export interface AnalyticsReport {
  metrics: RecomputeReport;
  novelty: NoveltyReport | { skipped: string };
  impact: ImpactModelReport | { skipped: string };
}

/** Recomputes metrics, then novelty and the impact model where the data allows. */
export async function refreshAnalytics(store: Store, options: AnalyticsOptions = {}): Promise<AnalyticsReport> {
  const progress = options.onProgress ?? (() => undefined);
  const metrics = await recomputeMetrics(store, { full: !!options.full, onProgress: progress });
  const backlog = await noveltyBacklog(store);
  const novelty = backlog.work > NOVELTY_AUTO_LIMIT && !options.forceNovelty
    ? { skipped: `${backlog.todo.toLocaleString('en')} papers need a novelty score, about ${(backlog.work / 1e9).toFixed(0)} billion vector comparisons or their ANN equivalent; run \`papersift metrics --novelty\` to compute them` }
    : await refreshNovelty(store, { full: !!options.full, onProgress: (d, t) => progress('novelty', d, t) });
  const impact = (await store.citations.hasEdges())
    ? await trainImpactModel(store)
    : { skipped: 'no citation data: the impact model needs papers whose later citations are known' };
  return { metrics, novelty, impact };
}

/** Papers with a vector but no novelty score, and roughly how many comparisons scoring them takes. */
async function noveltyBacklog(store: Store): Promise<{ todo: number; work: number }> {
  const count = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(store.db)).rows[0]?.n ?? 0);
  const vectors = await count(sql<{ n: number }>`select count(distinct paper_id) as n from paper_vectors`);
  const scored = await count(sql<{ n: number }>`select count(*) as n from paper_novelty`);
  const todo = Math.max(0, vectors - scored);
  return { todo, work: noveltyMethod(todo) === 'ann' ? vectors * ANN_COST_PER_PAPER : todo * vectors };
}
