import { NotFoundError } from '../core/errors.js';
import { rankCore } from '../rank/author-metrics.js';
import { AuthorTraceRepository, type CitationPair } from '../store/author-trace.repository.js';
import type { Store } from '../store/store.js';
import { authorMetrics } from './author.service.js';
import { loadAuthorMetrics } from './metrics-source.js';
import type { AuthorCitationsPage, AuthorCorePage, CitingEntry, PaperCard } from './read-models.js';

/**
 * The pages behind an author's numbers: the citing papers (what the citations tile sums) and
 * the papers most cited first with the h-core, h5-core and i10 papers marked (what the h-,
 * h5- and i10-indexes count). Both read the same pairs as the tiles.
 */

/** Citing papers per page of `/authors/<key>/citations`. */
export const CITATIONS_PAGE_SIZE = 50;

/** The citing papers of an author's papers, newest first, each with the author's papers it cites. */
export async function getAuthorCitations(store: Store, key: string, options: { page?: number } = {}): Promise<AuthorCitationsPage> {
  const author = await store.authors.findByKey(key);
  if (!author) throw new NotFoundError('author', key);
  const repo = new AuthorTraceRepository(store.db);
  const [pairs, sources, papers] = await Promise.all([repo.citationPairs(key), repo.citationSources(key), store.authors.papers(key)]);
  const titles = new Map(papers.map((p) => [p.arxivId, p.title]));
  const groups = groupByCiting(pairs);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const slice = groups.slice((page - 1) * CITATIONS_PAGE_SIZE, page * CITATIONS_PAGE_SIZE);
  const cards = new Map((await repo.cards(slice.flatMap((g) => (g.citingId === null ? [] : [g.citingId])))).map((c) => [c.arxivId, c]));
  const entries: CitingEntry[] = slice.map((g) => ({
    ref: g.citing, card: cards.get(g.citing) ?? null, date: g.date,
    cites: g.cited.map((id) => ({ arxivId: id, title: titles.get(id) ?? id })),
  }));
  return { key: author.key, name: author.name, citations: pairs.length, citingPapers: groups.length, sources, entries, page, pageSize: CITATIONS_PAGE_SIZE };
}

/** The author's papers most cited first, with what each counts towards and its external counts. */
export async function getAuthorCore(store: Store, key: string): Promise<AuthorCorePage> {
  const author = await store.authors.findByKey(key);
  if (!author) throw new NotFoundError('author', key);
  const [cards, hasCitations, external] = await Promise.all([store.authors.papers(key), store.citations.hasEdges(), new AuthorTraceRepository(store.db).externalCounts(key)]);
  const loaded = await loadAuthorMetrics(store, key, cards, { withPapers: true });
  const byId = new Map<string, PaperCard>(cards.map((c) => [c.arxivId, c]));
  const entries = rankCore(loaded.papers!, loaded.provenance.window).flatMap((r) => {
    const card = byId.get(r.arxivId);
    if (!card) return [];
    const ext = external.filter((e) => e.paper === r.arxivId).map((e) => ({ source: e.source, count: e.count, retrievedAt: e.retrievedAt }));
    return [{ card, rank: r.rank, citations: r.citations, windowCitations: r.windowCitations, inHCore: r.inHCore, inI10: r.inI10, inH5Core: r.inH5Core, external: ext }];
  });
  return { key: author.key, name: author.name, metrics: authorMetrics(loaded.values, hasCitations, { key, provenance: loaded.provenance }), provenance: loaded.provenance, entries };
}

/** Pairs (newest citing first) grouped by citing paper, keeping that order. */
function groupByCiting(pairs: readonly CitationPair[]): { citing: string; citingId: number | null; date: string | null; cited: string[] }[] {
  const out = new Map<string, { citing: string; citingId: number | null; date: string | null; cited: string[] }>();
  for (const p of pairs) {
    const g = out.get(p.citing);
    if (g) g.cited.push(p.cited);
    else out.set(p.citing, { citing: p.citing, citingId: p.citingId, date: p.date, cited: [p.cited] });
  }
  return [...out.values()];
}
