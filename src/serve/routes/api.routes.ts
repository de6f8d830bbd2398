import { Hono } from 'hono';
import type { PaperCard } from '../../services/read-models.js';
import { getAuthorProfile } from '../../services/author.service.js';
import { getAuthorCitations, getAuthorCore } from '../../services/author-trace.service.js';
import { getFeed } from '../../services/feed.service.js';
import { getPaperDetail } from '../../services/paper.service.js';
import type { Store } from '../../store/store.js';
import { searchPapers, type SearchDeps, type SearchResults } from '../../services/search.service.js';
import { markedHtml } from '../render/marked.js';
import { MAX_SEEDS, moreLikeThese, similarPapers, type SimilarPaper } from '../../services/similar.service.js';
import { ValidationError } from '../../core/errors.js';
import { searchRateLimit } from '../security/rate-limit.js';
import { OPENAPI } from '../api/openapi.js';
import { arxivAbsUrl, arxivPdfUrl, authorPath, paperPath } from '../urls.js';
import { intQuery, searchQuery } from './context.js';

/** The JSON API under `/api/v1` (documented in `api/openapi.ts`). Errors become `{ error, message }` in the app's handler. */
export function apiRoutes(store: Store, search: SearchDeps, searchLimit?: number): Hono {
  const app = new Hono();
  app.get('/search', searchRateLimit(searchLimit), async (c) => c.json(searchJson(await searchPapers(search, { ...searchQuery(c), q: c.req.query('q') ?? '' }))));
  app.get('/authors', searchRateLimit(searchLimit), async (c) => {
    const q = c.req.query('q') ?? '';
    return c.json({ query: q, authors: (await search.keyword.lookupAuthors(q, 20)).map((a) => ({ ...a, url: authorPath(a.key) })) });
  });
  app.get('/openapi.json', (c) => c.json(OPENAPI));
  app.get('/stats', async (c) => c.json(await store.stats.all()));
  app.get('/similar', async (c) => {
    const ids = (c.req.query('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return c.json(similarJson(search, await moreLikeThese(search, ids, limitQuery(c.req.query('limit'), 20))));
  });
  app.get('/authors/:key/similar', async (c) => {
    const profile = await getAuthorProfile(store, c.req.param('key'), { sort: 'newest' });
    return c.json(similarJson(search, await moreLikeThese(search, profile.papers.slice(0, MAX_SEEDS).map((p) => p.arxivId), limitQuery(c.req.query('limit'), 20))));
  });
  app.get('/papers/:id{.+}', async (c) => {
    // One route for both: the id itself may contain a slash (hep-th/9407087), so a separate
    // `/papers/:id{.+}/similar` route would race the greedy parameter.
    const similar = /^(.+)\/similar$/.exec(c.req.param('id'));
    if (similar) return c.json(similarJson(search, await similarPapers(search, similar[1]!, limitQuery(c.req.query('limit'), 10))));
    const d = await getPaperDetail(store, c.req.param('id'));
    const p = d.paper;
    return c.json({
      ...card({ arxivId: p.arxivId, title: p.title, abstract: p.abstract, authors: p.authors, primaryCategory: p.primaryCategory, categories: p.categories, date: p.firstListed ?? p.published, citationCount: d.citationCount, comments: p.comments }),
      versions: p.versions, comments: p.comments, journalRef: p.journalRef, doi: p.doi, license: p.license, reportNo: p.reportNo,
      firstListed: p.firstListed, published: p.published,
      links: { abs: arxivAbsUrl(p.arxivId), pdf: arxivPdfUrl(p.arxivId) },
      citedBy: d.citedBy.map(card), references: d.references.map(card), externalReferences: d.externalReferences, externalCounts: d.externalCounts,
    });
  });
  app.get('/authors/:key', async (c) => {
    const profile = await getAuthorProfile(store, c.req.param('key'), { sort: c.req.query('sort') === 'cited' ? 'cited' : 'newest' });
    return c.json({ ...profile, url: authorPath(profile.key), papers: profile.papers.map(card) });
  });
  app.get('/authors/:key/citations', async (c) => {
    const p = await getAuthorCitations(store, c.req.param('key'), { page: intQuery(c.req.query('page')) });
    return c.json({ ...p, url: authorPath(p.key), entries: p.entries.map((e) => ({ ref: e.ref, date: e.date, paper: e.card ? card(e.card) : null, cites: e.cites.map((x) => ({ ...x, url: paperPath(x.arxivId) })) })) });
  });
  app.get('/authors/:key/h-core', async (c) => {
    const p = await getAuthorCore(store, c.req.param('key'));
    return c.json({ ...p, url: authorPath(p.key), entries: p.entries.map(({ card: paper, ...rest }) => ({ ...rest, paper: card(paper) })) });
  });
  for (const kind of ['daily', 'weekly', 'monthly'] as const) {
    app.get(`/${kind}/:label`, async (c) => {
      const feed = await getFeed(store, kind, c.req.param('label'), { category: c.req.query('category') || null, page: intQuery(c.req.query('page')) });
      return c.json({ ...feed, papers: feed.papers.map(card) });
    });
  }
  return app;
}

/** The public JSON shape of a paper card. */
function card(p: PaperCard) {
  return {
    id: p.arxivId, title: p.title, abstract: p.abstract,
    authors: p.authors.map((a) => ({ name: a.name, key: a.key, url: authorPath(a.key) })),
    primaryCategory: p.primaryCategory, categories: p.categories, date: p.date, citationCount: p.citationCount, url: paperPath(p.arxivId),
  };
}

/** The public JSON shape of search results; highlights as escaped HTML with `<mark>`. */
function searchJson(r: SearchResults) {
  return {
    query: r.query, mode: r.mode, notice: r.notice, total: r.total, totalIsExact: r.totalIsExact, page: r.page, pageSize: r.pageSize,
    filters: r.filters, authorFilter: r.authorFilter, authors: r.authors.map((a) => ({ ...a, url: authorPath(a.key) })),
    results: r.hits.map((h) => ({ ...card(h.paper), why: h.why, titleHtml: h.titleHighlight === null ? null : markedHtml(h.titleHighlight), snippetHtml: markedHtml(h.snippet) })),
  };
}

/** Similar papers as JSON; `ready` is false until vectors exist (the list is then empty). */
function similarJson(search: SearchDeps, list: SimilarPaper[]) {
  return { ready: search.semantic !== null, model: search.semantic?.modelId ?? null, results: list.map((s) => ({ ...card(s.paper), similarity: s.similarity, why: s.why, closestTo: s.closestTo ?? null })) };
}

/** A `limit` query value from 1 to 100, or the default. */
function limitQuery(raw: string | undefined, def: number): number {
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new ValidationError('limit', `must be a whole number from 1 to 100, got ${JSON.stringify(raw)}`);
  return n;
}
