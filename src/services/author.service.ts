import { NotFoundError, ValidationError } from '../core/errors.js';
import type { PaperSummary } from '../core/paper.js';
import { arxivIdYear } from '../core/arxiv-id.js';
import { hIndex } from '../rank/h-index.js';
import { i10Index } from '../rank/i10-index.js';
import type { YearCount } from '../store/author.repository.js';
import type { Store } from '../store/store.js';
import type { AuthorMetrics, AuthorProfile, MetricValue } from './read-models.js';

/** Options of {@link getAuthorProfile}. */
export interface AuthorProfileOptions {
  /** Paper order: newest first, or most cited first (ties newest first). @default 'newest' */
  sort?: 'newest' | 'cited';
}

/** Why novelty and impact have no value yet. */
export const METRICS_PIPELINE_PENDING = 'computed by the metrics pipeline (not yet available)';

/** Why citation metrics have no value when the store holds no citation edge at all. */
export const NO_CITATION_DATA = 'no citation data imported yet (papersift ingest citations)';

/**
 * The author profile for an author key: papers as cards, metrics, citations per year and
 * co-authors. Throws NotFoundError for an unknown key, ValidationError for an unknown sort.
 *
 * Citation figures have one definition: a paper's internal citation count (distinct citing
 * papers in the store's citation graph), as on its card. The citations tile is the sum of
 * those counts, and the h- and i10-indexes are computed from them, so tiles and cards always
 * agree. `citationsPerYear` splits the same citations by the citing paper's year (its date in the
 * store, else the year its arXiv id encodes), so the chart adds up to the tile. When the store has no
 * citation edge at all, the three citation tiles give a reason instead of a misleading 0.
 */
export async function getAuthorProfile(store: Store, key: string, options: AuthorProfileOptions = {}): Promise<AuthorProfile> {
  const sort = options.sort ?? 'newest';
  if (sort !== 'newest' && sort !== 'cited') throw new ValidationError('sort', `must be "newest" or "cited", got ${JSON.stringify(String(sort))}`);
  const author = await store.authors.findByKey(key);
  if (!author) throw new NotFoundError('author', key);
  const [papers, coauthors, perYear, hasCitations] = await Promise.all([
    store.authors.papers(key), store.authors.coauthors(key), store.authors.citingDates(key), store.citations.hasEdges(),
  ]);
  return {
    key: author.key,
    name: author.name,
    primaryCategory: mostFrequent(papers.map((p) => p.primaryCategory)),
    metrics: authorMetrics(papers.map((p) => p.citationCount), hasCitations),
    citationsPerYear: hasCitations ? fillYears(countByYear(perYear)) : [],
    coauthors,
    papers: sort === 'cited' ? mostCitedFirst(papers) : papers,
    sort,
  };
}

/** The metric tiles from per-paper internal citation counts (one entry per paper). */
export function authorMetrics(counts: readonly number[], hasCitationData: boolean): AuthorMetrics {
  const pending: MetricValue = { value: null, reason: METRICS_PIPELINE_PENDING };
  const cite = (value: number): MetricValue => (hasCitationData ? metric(value) : { value: null, reason: NO_CITATION_DATA });
  return {
    papers: metric(counts.length),
    citations: cite(counts.reduce((a, b) => a + b, 0)),
    hIndex: cite(hIndex(counts)),
    i10Index: cite(i10Index(counts)),
    novelty: pending,
    impact: pending,
  };
}

/** A number as a tile shows it: `1,234`. */
function metric(value: number): MetricValue {
  return { value, display: value.toLocaleString('en-US') };
}

/** Consecutive years from the first to the last in `counts`, missing ones as 0. */
export function fillYears(counts: readonly YearCount[]): YearCount[] {
  if (counts.length === 0) return [];
  const by = new Map(counts.map((c) => [c.year, c.citations]));
  const first = Math.min(...by.keys());
  const last = Math.max(...by.keys());
  return Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, citations: by.get(first + i) ?? 0 }));
}

/** The most frequent value (ties: alphabetically first), or null for none. */
function mostFrequent(values: readonly string[]): string | null {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, c] of n) if (best === null || c > n.get(best)! || (c === n.get(best) && v < best)) best = v;
  return best;
}

/** Most cited first; the sort is stable, so ties keep their newest-first order. */
function mostCitedFirst(papers: PaperSummary[]): PaperSummary[] {
  return [...papers].sort((a, b) => b.citationCount - a.citationCount);
}

/**
 * Citations per year of the citing paper: the store's date for it when known, else the year
 * its arXiv id encodes. Only citing references that are neither (a DOI-only paper missing from
 * the store) are left out, so the series adds up to the citations tile in practice.
 */
export function countByYear(citing: readonly { citing: string; date: string | null }[]): YearCount[] {
  const years = new Map<number, number>();
  for (const c of citing) {
    const year = c.date ? Number(c.date.slice(0, 4)) : arxivIdYear(c.citing);
    if (year) years.set(year, (years.get(year) ?? 0) + 1);
  }
  return [...years].sort((a, b) => a[0] - b[0]).map(([year, citations]) => ({ year, citations }));
}
