import { computeAuthorMetrics, h5Window, type AuthorMetricValues } from '../rank/author-metrics.js';
import { MetricsRepository, type AuthorMetricsRow } from '../store/metrics.repository.js';
import type { Store } from '../store/store.js';

/**
 * Recomputes the materialised author metrics (`author_metrics`) after an ingest. Incremental:
 * only authors touched since the last run are recomputed — authors of papers whose internal
 * citation count changed (new citation edges), of papers added or changed since the papers
 * watermark, and of papers those changed papers cite (their citing dates may have changed).
 * A change of the as-of year (the h5 window moves) or `full` recomputes everyone. See
 * docs/METRICS.md.
 */

/** Options of {@link recomputeMetrics}. */
export interface RecomputeOptions {
  /** Recompute every author, not only the touched ones. @default false */
  full?: boolean;
  /** Called as work proceeds: step name, done, total. */
  onProgress?: (step: string, done: number, total: number) => void;
  /** The clock for `computed_at`. @default () => new Date() */
  now?: () => Date;
  /** Authors per batch. @default 2000 */
  batchSize?: number;
}

/** What a recompute did. */
export interface RecomputeReport {
  /** Whether every author was recomputed (first run, `full`, or a moved as-of year). */
  full: boolean;
  /** Authors recomputed. */
  authors: number;
  /** Cited papers whose internal count changed since the last run. */
  changedPapers: number;
  /** Rows in `author_metrics` afterwards. */
  rows: number;
  generation: number;
  asOfYear: number;
  elapsedMs: number;
}

/** Runs one recompute. Safe to interrupt: state and totals are written last, so a rerun redoes the work. */
export async function recomputeMetrics(store: Store, options: RecomputeOptions = {}): Promise<RecomputeReport> {
  const started = Date.now();
  const now = (options.now ?? (() => new Date()))();
  const repo = new MetricsRepository(store.db, store.capabilities.dialect);
  const progress = options.onProgress ?? (() => undefined);
  progress('scan', 0, 1);
  const plan = await planRecompute(repo, now, !!options.full);
  progress('scan', 1, 1);
  const generation = Number((await repo.state('generation')) ?? '0') + 1;
  const stamp = { asOfYear: plan.asOfYear, generation, computedAt: now.toISOString() };
  const batch = options.batchSize ?? 2000;
  for (let i = 0; i < plan.authors.length; i += batch) {
    const keys = plan.authors.slice(i, i + batch);
    const papers = await repo.papersOf(keys);
    const rows = [...papers].map(([key, list]) => toRow(key, computeAuthorMetrics(list, h5Window(plan.asOfYear)), stamp));
    await repo.write(rows, keys.filter((k) => !papers.has(k)));
    progress('authors', Math.min(i + batch, plan.authors.length), plan.authors.length);
  }
  await repo.writeTotals(plan.totalChanges);
  await repo.setState({ generation: String(generation), as_of_year: String(plan.asOfYear), computed_at: stamp.computedAt, ...(plan.watermark ? { papers_watermark: plan.watermark } : {}) });
  return { full: plan.full, authors: plan.authors.length, changedPapers: plan.totalChanges.size, rows: await repo.count(), generation, asOfYear: plan.asOfYear, elapsedMs: Date.now() - started };
}

/** Who to recompute, and what to record afterwards. */
interface Plan {
  full: boolean;
  authors: string[];
  asOfYear: number;
  watermark: string | null;
  totalChanges: Map<string, number>;
}

async function planRecompute(repo: MetricsRepository, now: Date, forceFull: boolean): Promise<Plan> {
  const [current, stored, watermark, lastWatermark, newest, lastAsOf] = await Promise.all([
    repo.currentTotals(), repo.storedTotals(), repo.papersWatermark(), repo.state('papers_watermark'), repo.newestCitingYear(), repo.state('as_of_year'),
  ]);
  const asOfYear = newest ?? now.getUTCFullYear();
  const totalChanges = diffTotals(current, stored);
  const full = forceFull || lastAsOf === null || Number(lastAsOf) !== asOfYear;
  if (full) return { full, authors: await repo.allAuthorKeys(), asOfYear, watermark, totalChanges };
  const changed = lastWatermark && watermark ? await repo.papersChanged(lastWatermark, watermark) : [];
  const touched = [...new Set([...totalChanges.keys(), ...changed, ...(await repo.citedBy(changed))])];
  return { full, authors: [...(await repo.authorsOf(touched))].sort(), asOfYear, watermark, totalChanges };
}

/** Refs whose count differs between now and the last run (0 for refs no longer cited). */
export function diffTotals(current: ReadonlyMap<string, number>, stored: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [ref, n] of current) if (stored.get(ref) !== n) out.set(ref, n);
  for (const ref of stored.keys()) if (!current.has(ref)) out.set(ref, 0);
  return out;
}

/** A row of `author_metrics`. */
export function toRow(key: string, m: AuthorMetricValues, stamp: { asOfYear: number; generation: number; computedAt: string }): AuthorMetricsRow {
  return {
    author_key: key, papers: m.papers, citations: m.citations, h_index: m.hIndex, i10_index: m.i10Index, h5_index: m.h5Index,
    window_citations: m.windowCitations, undated_citations: m.undatedCitations, first_year: m.firstYear, last_year: m.lastYear,
    per_year: JSON.stringify(m.citationsPerYear), as_of_year: stamp.asOfYear, generation: stamp.generation, computed_at: stamp.computedAt,
  };
}
