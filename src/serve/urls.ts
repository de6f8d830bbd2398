/**
 * Every site path the views link to, in one place: the route table the web app must serve.
 * Views never build a path by hand, so renaming a route is a change here and in the router.
 *
 * | path | page |
 * | --- | --- |
 * | `/`, `/daily/2025-03-18` | daily feed (latest day with papers / a given day) |
 * | `/weekly`, `/weekly/2025-W12` | weekly feed (latest ISO week / a given one) |
 * | `/monthly`, `/monthly/2025-03` | monthly feed |
 * | `/feed?kind=…&date=…&week=…&month=…&category=…` | the feed form's target: redirects to one of the above |
 * | `/papers/<arXiv id>` | paper page (old-style ids keep their slash: `/papers/hep-th/9407087`) |
 * | `/authors/<key>` | author profile (`?sort=newest|cited`) |
 * | `/authors/<key>/citations` | the papers citing the author's papers (`?page=`) |
 * | `/authors/<key>/h-core` | the author's papers most cited first, h-core marked (`?show=i10|h5`) |
 * | `/categories`, `/categories/<id>` | category index, category page |
 * | `/about`, `/search` | about page, search (keyword, semantic, hybrid) |
 * | `GET /subscribe` | digest subscription form (`?category=`) |
 * | `POST /subscribe` | stores the address as pending confirmation |
 * | `/feeds/latest.atom` | Atom feed of the newest papers (`?category=`) |
 * | `/feeds/daily/2025-03-18` (`/feeds/weekly/…`, `/feeds/monthly/…`) | Atom feed of one list (`?category=`) |
 * | `/feeds/authors/<key>` | Atom feed of an author's papers |
 * | `/static/…` | stylesheet, script, KaTeX CSS and fonts |
 *
 * Feed, category and profile pages take `?category=`, `?page=` and `?sort=` as query parameters.
 */
import type { SearchRequest } from '../services/search.service.js';

/** Query parameters; entries whose value is null, undefined or '' are left out. */
export type Query = Record<string, string | number | null | undefined>;

/** Appends a query string built from `query` (sorted as given), or nothing when it is empty. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** A paper's page. Old-style ids (`hep-th/9407087`) keep their slash, each part encoded. */
export function paperPath(arxivId: string): string {
  return `/papers/${arxivId.split('/').map(encodeURIComponent).join('/')}`;
}

/** An author's profile, optionally with a sort order other than the default (`newest`). */
export function authorPath(key: string, sort?: 'newest' | 'cited', page?: number): string {
  return withQuery(`/authors/${encodeURIComponent(key)}`, { sort: sort === 'cited' ? 'cited' : undefined, page: page && page > 1 ? String(page) : undefined });
}

/** The category index. */
export const CATEGORIES_PATH = '/categories';

/** A category's page. */
export function categoryPath(id: string, page?: number): string {
  return withQuery(`${CATEGORIES_PATH}/${encodeURIComponent(id)}`, { page: page && page > 1 ? page : undefined });
}

/** The three feed kinds and the path segment each lives under. */
export const FEED_SEGMENTS = { daily: 'daily', weekly: 'weekly', monthly: 'monthly' } as const;

/** Which feed: a kind and an optional label (`2025-03-18`, `2025-W12`, `2025-03`); no label = latest. */
export interface FeedTarget {
  kind: keyof typeof FEED_SEGMENTS;
  label?: string | null;
  category?: string | null;
  page?: number;
}

/** A feed page: `/daily/2025-03-18?category=cs.LG&page=2`; without a label, `/`, `/weekly`, `/monthly`. */
export function feedPath(target: FeedTarget): string {
  const base = target.label ? `/${FEED_SEGMENTS[target.kind]}/${encodeURIComponent(target.label)}` : LATEST_FEED_PATHS[target.kind];
  return withQuery(base, { category: target.category, page: target.page && target.page > 1 ? target.page : undefined });
}

/** Where the nav's Today / This week / This month links go. */
export const LATEST_FEED_PATHS = { daily: '/', weekly: '/weekly', monthly: '/monthly' } as const;

/** The feed form's GET target (see `feed-form.ts`). */
export const FEED_FORM_PATH = '/feed';

/** The about page. */
export const ABOUT_PATH = '/about';

/** The search page. */
export const SEARCH_PATH = '/search';

/** The search parameters a results URL carries (empty values are left out). */
export type SearchParams = Pick<SearchRequest, 'q' | 'mode' | 'category' | 'from' | 'to' | 'author' | 'page'>;

/** A search results URL. */
export function searchPath(p: SearchParams): string {
  return withQuery(SEARCH_PATH, { q: p.q, mode: p.mode || undefined, category: p.category || undefined, from: p.from || undefined, to: p.to || undefined, author: p.author || undefined, page: p.page && p.page > 1 ? String(p.page) : undefined });
}

/** The subscription form's page (GET) and POST target. */
export const SUBSCRIBE_PATH = '/subscribe';

/** The subscription form for one category's digest, or every category's. */
export function subscribePath(category?: string | null): string {
  return withQuery(SUBSCRIBE_PATH, { category });
}

/** The Atom feed of the newest papers, optionally for one category. */
export function atomFeedPath(category?: string | null): string {
  return withQuery('/feeds/latest.atom', { category });
}

/** The Atom feed of one daily, weekly or monthly list (the latest when `label` is absent). */
export function feedAtomPath(target: FeedTarget): string {
  return withQuery(`/feeds/${target.kind}${target.label ? `/${encodeURIComponent(target.label)}` : ''}`, { category: target.category });
}

/** The Atom feed of an author's papers. */
export function authorAtomPath(key: string): string {
  return `/feeds/authors/${encodeURIComponent(key)}`;
}

/** A static asset under `/static/`. */
export function staticPath(name: string): string {
  return `/static/${name}`;
}

/** arXiv's abstract page for a paper. */
export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId}`;
}

/** arXiv's PDF for a paper (latest version). */
export function arxivPdfUrl(arxivId: string): string {
  return `https://arxiv.org/pdf/${arxivId}`;
}

/** The resolver link for a DOI, each path segment encoded (`10.1103/PhysRevD.76.013009`). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;
}

/** The papers citing an author's papers, each with which of them it cites (`/authors/<key>/citations`). */
export function authorCitationsPath(key: string, page?: number): string {
  return withQuery(`/authors/${encodeURIComponent(key)}/citations`, { page: page && page > 1 ? page : undefined });
}

/** An author's papers most cited first with the h-core marked; `show` highlights the i10 or h5 papers instead. */
export function authorCorePath(key: string, show?: 'h' | 'i10' | 'h5'): string {
  return withQuery(`/authors/${encodeURIComponent(key)}/h-core`, { show: show && show !== 'h' ? show : undefined });
}

/** The papers section of an author's profile. */
export function authorPapersPath(key: string): string {
  return `${authorPath(key)}#papers`;
}
