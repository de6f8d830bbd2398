import { findArxivId } from '../core/arxiv-id.js';
import { ValidationError } from '../core/errors.js';
import { isIsoDate } from '../core/text.js';
import { findCategory } from '../core/taxonomy.js';
import { passingFilters } from '../index/fts/filters.js';
import { MARK_START, type AuthorMatch, type KeywordHit, type SearchFilters, type SearchIndex } from '../index/search-index.js';
import type { SemanticIndex } from '../index/semantic.js';
import { reciprocalRankFusion } from '../rank/fusion.js';
import type { Store } from '../store/store.js';
import { openSearchIndex } from '../index/fts/open.js';
import { resolvePaging, type PagingOptions } from './paging.js';
import type { PaperCard } from './read-models.js';

export { MARK_END, MARK_START } from '../index/search-index.js';

/** How a query is answered. */
export type SearchMode = 'keyword' | 'semantic' | 'hybrid';

/** The modes, default first. */
export const SEARCH_MODES: readonly SearchMode[] = ['hybrid', 'keyword', 'semantic'];

/**
 * Hybrid fusion settings: candidates taken from each engine and the RRF weights, chosen by
 * `npm run eval` (docs/RELEVANCE.md, 2026-11-22): on hep-th citation prediction, keyword 0.35
 * : semantic 0.65 gave the best MAP (.231 vs .219 at 1 : 1 over the top 100 each; weights from
 * 0.2 to 0.5 tie), and cutting each list at 100 cost .009 MAP, hence 300 per engine.
 */
export const HYBRID = { candidates: 300, keywordWeight: 0.35, semanticWeight: 0.65 } as const;

/** A search as the web, API and CLI pass it (raw strings validated here). */
export interface SearchRequest extends PagingOptions {
  q: string;
  mode?: string | null;
  category?: string | null;
  /** `YYYY-MM-DD` bounds on the card date. */
  from?: string | null;
  to?: string | null;
  /** An author key (`milad-kazemi`) or a name in any spelling (`Kazemi, M.`). */
  author?: string | null;
}

/** One result: the card, its highlighted title and snippet, and why it was found. */
export interface SearchHit {
  paper: PaperCard;
  /** Title with MARK_START/MARK_END around matched words, or null (semantic-only hit). */
  titleHighlight: string | null;
  /** Abstract excerpt with marked matches; '' when none. */
  snippet: string;
  /** Short human reasons: "title match", "similar in meaning (0.62)", "keyword #3 · semantic #12". */
  why: string[];
}

/** A page of search results. */
export interface SearchResults {
  query: string;
  mode: SearchMode;
  /** Set when the asked mode could not be served as asked (e.g. no vectors yet). */
  notice: string | null;
  hits: SearchHit[];
  total: number;
  totalIsExact: boolean;
  page: number;
  pageSize: number;
  /** Authors whose names match the query (name-like queries only). */
  authors: AuthorMatch[];
  /** The authors an `author` filter resolved to. */
  authorFilter: { key: string; name: string }[];
  filters: { category: string | null; from: string | null; to: string | null; author: string | null };
}

/** What search needs: the store, its keyword index and, once vectors exist, the semantic index. */
export interface SearchDeps {
  store: Store;
  keyword: SearchIndex;
  semantic: SemanticIndex | null;
}

/** Search over a store with its keyword index; `semantic` once vectors exist. */
export function searchDeps(store: Store, semantic: SemanticIndex | null = null): SearchDeps {
  return { store, keyword: openSearchIndex(store), semantic };
}

interface Ranked { id: number; keyword?: KeywordHit; similarity?: number; why: string[] }

/**
 * Searches papers. An arXiv id (any spelling) goes straight to that paper; otherwise the
 * mode decides: keyword (full text), semantic (nearest vectors) or hybrid (both, fused by
 * reciprocal rank). Filters apply to every mode. ValidationError names a bad field.
 */
export async function searchPapers(deps: SearchDeps, request: SearchRequest): Promise<SearchResults> {
  const q = request.q.trim();
  if (q.length > 500) throw new ValidationError('q', 'must be at most 500 characters');
  let mode = parseMode(request.mode);
  const paging = resolvePaging({ page: request.page ?? 1, pageSize: request.pageSize ?? 20 });
  const { filters, authorFilter } = await resolveFilters(deps, request);
  let notice: string | null = null;
  if (mode !== 'keyword' && !deps.semantic) {
    notice = 'Semantic search is not ready yet (no vectors built; run `papersift index`), so these are keyword results.';
    mode = 'keyword';
  }
  const base = { query: q, mode, notice, page: paging.page, pageSize: paging.pageSize, authorFilter, filters: { category: request.category || null, from: request.from || null, to: request.to || null, author: request.author?.trim() || null } };
  if (q === '') return { ...base, hits: [], total: 0, totalIsExact: true, authors: [] };
  const idHit = await byArxivId(deps.store, q);
  if (idHit) return { ...base, hits: [idHit], total: 1, totalIsExact: true, authors: [] };
  const [ranked, authors] = await Promise.all([rank(deps, mode, q, filters, paging.offset, paging.pageSize), nameMatches(deps.keyword, q)]);
  return { ...base, hits: await toHits(deps.store, ranked.page), total: ranked.total, totalIsExact: ranked.exact, authors };
}

function parseMode(mode: string | null | undefined): SearchMode {
  if (mode === null || mode === undefined || mode === '') return SEARCH_MODES[0]!;
  if (!(SEARCH_MODES as readonly string[]).includes(mode)) throw new ValidationError('mode', `must be one of ${SEARCH_MODES.join(', ')}, got ${JSON.stringify(mode)}`);
  return mode as SearchMode;
}

async function resolveFilters(deps: SearchDeps, r: SearchRequest): Promise<{ filters: SearchFilters; authorFilter: { key: string; name: string }[] }> {
  const filters: SearchFilters = {};
  if (r.category) {
    if (!findCategory(r.category)) throw new ValidationError('category', `not an arXiv category: ${JSON.stringify(r.category)}`);
    filters.categories = [r.category];
  }
  for (const field of ['from', 'to'] as const) {
    const v = r[field];
    if (v && !isIsoDate(v)) throw new ValidationError(field, `must be a date YYYY-MM-DD, got ${JSON.stringify(v)}`);
    if (v) filters[field] = v;
  }
  let authorFilter: { key: string; name: string }[] = [];
  if (r.author && r.author.trim()) {
    const exact = await deps.store.authors.findByKey(r.author.trim());
    authorFilter = exact ? [exact] : (await deps.keyword.lookupAuthors(r.author, 10)).filter((a) => a.score >= 0.6).map((a) => ({ key: a.key, name: a.name }));
    filters.authorKeys = authorFilter.map((a) => a.key);
  }
  return { filters, authorFilter };
}

async function byArxivId(store: Store, q: string): Promise<SearchHit | null> {
  const parsed = findArxivId(q);
  if (!parsed) return null;
  const ids = await store.papers.internalIds([parsed.id]);
  const id = ids.get(parsed.id);
  if (id === undefined) return null;
  const [card] = await store.papers.cards([id]);
  return card ? { paper: card, titleHighlight: null, snippet: '', why: ['arXiv id'] } : null;
}

/** Whether a query reads like a person's name: "Yang Liu", "Kazemi, M.", "de Witt, C." (2–4 words). */
export function looksLikeName(q: string): boolean {
  const words = q.split(/\s+/).filter(Boolean);
  if (!/^[\p{L}.,'\- ]+$/u.test(q) || words.length < 2 || words.length > 4) return false;
  return q.includes(',') || words.filter((w) => /^\p{Lu}/u.test(w)).length >= 2;
}

/** Author suggestions for name-like queries. */
async function nameMatches(index: SearchIndex, q: string): Promise<AuthorMatch[]> {
  if (!looksLikeName(q)) return [];
  return (await index.lookupAuthors(q, 5)).filter((a) => a.score >= 0.75);
}

async function rank(deps: SearchDeps, mode: SearchMode, q: string, filters: SearchFilters, offset: number, limit: number): Promise<{ page: Ranked[]; total: number; exact: boolean }> {
  if (mode === 'keyword') {
    const res = await deps.keyword.search({ text: q, filters, offset, limit });
    return { page: res.hits.map((h) => ({ id: h.paperId, keyword: h, why: [keywordReason(h)] })), total: res.total, exact: res.totalIsExact };
  }
  const depth = Math.max(HYBRID.candidates, offset + limit);
  const semantic = await semanticCandidates(deps, q, filters, depth);
  if (mode === 'semantic') {
    return { page: semantic.slice(offset, offset + limit).map((s) => ({ id: s.key, similarity: s.similarity, why: [similarityReason(s.similarity)] })), total: semantic.length, exact: semantic.length < depth };
  }
  const keyword = await deps.keyword.search({ text: q, filters, offset: 0, limit: depth });
  const fused = fuseHybrid(keyword.hits.map((h) => h.paperId), semantic.map((s) => s.key));
  const kw = new Map(keyword.hits.map((h) => [h.paperId, h]));
  const sim = new Map(semantic.map((s) => [s.key, s.similarity]));
  const page = fused.slice(offset, offset + limit).map((f) => ({
    id: f.id, keyword: kw.get(f.id), similarity: sim.get(f.id),
    why: [Object.entries(f.ranks).map(([name, r]) => `${name} #${r}`).join(' · ')],
  }));
  return { page, total: fused.length, exact: keyword.totalIsExact && keyword.total <= depth && semantic.length < depth };
}

/** Nearest papers to the query that pass the filters, widening the ANN search when filters reject many. */
async function semanticCandidates(deps: SearchDeps, q: string, filters: SearchFilters, depth: number): Promise<{ key: number; similarity: number }[]> {
  for (let k = depth; ; k *= 4) {
    const hits = await deps.semantic!.searchText(q, k);
    const kept = await passingFilters(deps.store.db, hits.map((h) => h.key), filters);
    const out = hits.filter((h) => kept.has(h.key));
    if (out.length >= depth || hits.length < k || k >= depth * 64) return out.slice(0, depth);
  }
}

function keywordReason(h: KeywordHit): string {
  const where = [h.title.includes(MARK_START) ? 'title' : null, h.snippet ? 'abstract' : null].filter(Boolean);
  return where.length > 0 ? `matches in ${where.join(' and ')}` : 'matches an author';
}

function similarityReason(similarity: number): string {
  return `similar in meaning (${similarity.toFixed(2)})`;
}

async function toHits(store: Store, ranked: Ranked[]): Promise<SearchHit[]> {
  const cards = new Map((await store.papers.cards(ranked.map((r) => r.id))).map((c) => [c.arxivId, c]));
  const byId = await store.papers.arxivIds(ranked.map((r) => r.id));
  return ranked.flatMap((r) => {
    const card = cards.get(byId.get(r.id) ?? '');
    if (!card) return [];
    return [{ paper: card, titleHighlight: r.keyword?.title ?? null, snippet: r.keyword?.snippet ?? '', why: r.why }];
  });
}

/** Keyword and semantic rankings fused by reciprocal rank fusion with the {@link HYBRID} weights (search and similar papers alike). */
export function fuseHybrid(keywordIds: readonly number[], semanticIds: readonly number[]) {
  return reciprocalRankFusion([
    { name: 'keyword', ids: [...keywordIds], weight: HYBRID.keywordWeight },
    { name: 'semantic', ids: [...semanticIds], weight: HYBRID.semanticWeight },
  ]);
}
