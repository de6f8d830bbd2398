import type { PaperSummary } from '../core/paper.js';
import { computeAuthorMetrics, h5Window, type AuthorMetricValues, type PaperCitations } from '../rank/author-metrics.js';
import { hIndex } from '../rank/h-index.js';
import { i10Index } from '../rank/i10-index.js';
import { AuthorTraceRepository } from '../store/author-trace.repository.js';
import { MetricsRepository, type AuthorMetricsRow } from '../store/metrics.repository.js';
import type { Store } from '../store/store.js';
import type { MetricsProvenance } from './read-models.js';

/**
 * An author's metric values for a page, never inconsistent with the page's own cards: the
 * materialised `author_metrics` row when it agrees with the cards (same papers, same citation
 * sum, same h and i10 from the cards' counts, current as-of year), otherwise computed live from
 * the same data the recompute reads.
 */

/** Metric values with their provenance, and the per-paper input when computed live. */
export interface LoadedMetrics {
  values: AuthorMetricValues;
  provenance: MetricsProvenance;
  /** The per-paper input (always loaded when `withPapers`; otherwise only for live values). */
  papers: PaperCitations[] | null;
}

/** Loads the author's metrics, consistent with `cards` (the author's papers as cards). */
export async function loadAuthorMetrics(store: Store, key: string, cards: readonly PaperSummary[], options: { withPapers?: boolean } = {}): Promise<LoadedMetrics> {
  const repo = new MetricsRepository(store.db, store.capabilities.dialect);
  const [row, stateAsOf, sources] = await Promise.all([repo.get(key), repo.state('as_of_year'), new AuthorTraceRepository(store.db).citationSources(key)]);
  const asOfYear = stateAsOf ? Number(stateAsOf) : (await repo.newestCitingYear()) ?? new Date().getUTCFullYear();
  const window = h5Window(asOfYear);
  const base = { sources, asOfYear, window };
  const papers = options.withPapers || !row || !agrees(row, cards, asOfYear) ? (await repo.papersOf([key])).get(key) ?? [] : null;
  if (row && agrees(row, cards, asOfYear)) {
    return { values: fromRow(row), provenance: { ...base, kind: 'materialised', computedAt: row.computed_at, generation: Number(row.generation) }, papers };
  }
  return { values: computeAuthorMetrics(papers!, window), provenance: { ...base, kind: 'live', computedAt: null, generation: null }, papers };
}

/** Whether a materialised row says exactly what the cards say. */
export function agrees(row: AuthorMetricsRow, cards: readonly PaperSummary[], asOfYear: number): boolean {
  const counts = cards.map((c) => c.citationCount);
  return Number(row.papers) === cards.length && Number(row.citations) === counts.reduce((a, b) => a + b, 0)
    && Number(row.h_index) === hIndex(counts) && Number(row.i10_index) === i10Index(counts) && Number(row.as_of_year) === asOfYear;
}

/** The values a row holds. */
export function fromRow(row: AuthorMetricsRow): AuthorMetricValues {
  return {
    papers: Number(row.papers), citations: Number(row.citations), hIndex: Number(row.h_index), i10Index: Number(row.i10_index),
    h5Index: Number(row.h5_index), windowCitations: Number(row.window_citations), undatedCitations: Number(row.undated_citations),
    citationsPerYear: JSON.parse(row.per_year) as AuthorMetricValues['citationsPerYear'],
    firstYear: row.first_year === null ? null : Number(row.first_year), lastYear: row.last_year === null ? null : Number(row.last_year),
  };
}
