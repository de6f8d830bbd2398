import { authorImpact } from './impact.service.js';
import { authorNovelty } from './novelty.service.js';
import { NotFoundError, ValidationError } from '../core/errors.js';
import type { PaperSummary } from '../core/paper.js';
import { arxivIdYear } from '../core/arxiv-id.js';
import type { YearCount } from '../store/author.repository.js';
import type { Store } from '../store/store.js';
import type { AuthorMetricValues } from '../rank/author-metrics.js';
import { loadAuthorMetrics } from './metrics-source.js';
import { resolvePaging } from './paging.js';
import type { AuthorMetrics, AuthorProfile, MetricsProvenance, MetricTrace, MetricValue } from './read-models.js';

/** Options of {@link getAuthorProfile}. */
export interface AuthorProfileOptions {
  /** Paper order: newest first, or most cited first (ties newest first). @default 'newest' */
  sort?: 'newest' | 'cited';
  /** Which page of paper cards the profile shows ({@link PROFILE_PAGE_SIZE} each). @default 1 */
  page?: number;
}

/** Paper cards per profile page: long lists are split into pages (the metrics count every paper). */
export const PROFILE_PAGE_SIZE = 30;

/** Why novelty and impact have no value yet. */
export const METRICS_PIPELINE_PENDING = 'computed by the metrics pipeline (not yet available)';

/** Why citation metrics have no value when the store holds no citation edge at all. */
export const NO_CITATION_DATA = 'no citation data imported yet (papersift ingest citations)';

/**
 * The author profile for an author key: papers as cards, metrics, citations per year and
 * co-authors. Throws NotFoundError for an unknown key, ValidationError for an unknown sort.
 *
 * Citation figures have one definition: a paper's internal citation count (distinct citing
 * papers in the store's citation graph), as on its card. The metrics come from the materialised
 * `author_metrics` row only when it agrees with these cards (see `loadAuthorMetrics`), else they
 * are computed live from the same edges, so tiles, chart and cards always agree: the citations
 * tile is the sum of the cards, the chart plus `undatedCitations` adds up to it, and h5 ≤ h ≤
 * papers. When the store has no citation edge at all, the citation tiles give a reason instead
 * of a misleading 0. Every tile links to what it counts and names its source and as-of date.
 */
export async function getAuthorProfile(store: Store, key: string, options: AuthorProfileOptions = {}): Promise<AuthorProfile> {
  const sort = options.sort ?? 'newest';
  if (sort !== 'newest' && sort !== 'cited') throw new ValidationError('sort', `must be "newest" or "cited", got ${JSON.stringify(String(sort))}`);
  const paging = resolvePaging({ page: options.page ?? 1, pageSize: PROFILE_PAGE_SIZE });
  const author = await store.authors.findByKey(key);
  if (!author) throw new NotFoundError('author', key);
  const [papers, coauthors, hasCitations, ids] = await Promise.all([store.authors.papers(key), store.authors.coauthors(key), store.citations.hasEdges(), store.authors.externalIds(key)]);
  if (paging.offset > 0 && paging.offset >= papers.length) throw new NotFoundError('page', `${paging.page} of ${key}'s papers (${papers.length} papers, ${PROFILE_PAGE_SIZE} a page)`);
  const [{ values, provenance }, novelty, impact] = await Promise.all([loadAuthorMetrics(store, key, papers), authorNovelty(store, key), authorImpact(store, key)]);
  return {
    key: author.key,
    name: author.name,
    orcid: ids?.orcid ?? null,
    s2AuthorId: ids?.s2AuthorId ?? null,
    primaryCategory: mostFrequent(papers.map((p) => p.primaryCategory)),
    metrics: { ...authorMetrics(values, hasCitations, { key: author.key, provenance }), novelty, impact },
    citationsPerYear: hasCitations ? values.citationsPerYear : [],
    undatedCitations: values.undatedCitations,
    years: { first: values.firstYear, last: values.lastYear },
    provenance,
    coauthors,
    papers: sort === 'cited' ? mostCitedFirst(papers) : papers,
    sort,
    paperPage: { page: paging.page, pageSize: paging.pageSize },
  };
}

/** Whose tiles and where their data comes from; without it, tiles carry no source line. */
export interface TileContext {
  key: string;
  provenance: MetricsProvenance;
}

/** The metric tiles from an author's metric values (novelty and impact pending: the profile fills them from their services). */
export function authorMetrics(m: AuthorMetricValues, hasCitationData: boolean, ctx?: TileContext): AuthorMetrics {
  const pending: MetricValue = { value: null, reason: METRICS_PIPELINE_PENDING };
  const t = ctx ? traces(ctx) : undefined;
  const cite = (value: number, trace?: MetricTrace): MetricValue => (hasCitationData ? { ...metric(value), ...trace } : { value: null, reason: NO_CITATION_DATA, ...trace });
  return {
    papers: { ...metric(m.papers), ...t?.papers },
    citations: cite(m.citations, t?.citations),
    hIndex: cite(m.hIndex, t?.hIndex),
    i10Index: cite(m.i10Index, t?.i10Index),
    h5Index: cite(m.h5Index, t?.h5Index),
    novelty: pending,
    impact: pending,
  };
}

/** Each tile's source and as-of line (the views add the links). */
function traces(ctx: TileContext): Record<'papers' | 'citations' | 'hIndex' | 'i10Index' | 'h5Index', MetricTrace> {
  const p = ctx.provenance;
  const source = `internal citation graph${p.sources.length ? ` (${p.sources.join(', ')})` : ''}`;
  const computed = p.computedAt ? `computed ${p.computedAt.slice(0, 10)} (generation ${p.generation})` : 'computed live';
  const asOf = `citing papers up to ${p.asOfYear}; ${computed}`;
  return {
    papers: { source: 'papers in this index', asOf: 'live' },
    citations: { source, asOf },
    hIndex: { source, asOf },
    i10Index: { source, asOf },
    h5Index: { source, asOf: `citations from ${p.window.from}–${p.window.to}; ${computed}` },
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
