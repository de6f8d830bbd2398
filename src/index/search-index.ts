/**
 * The keyword-search seam: full-text search over title, abstract and authors, with filters,
 * paging and highlighted snippets, plus typo- and accent-tolerant author lookup. One contract
 * suite (`test/contract/search-index.contract.test.ts`) runs on both implementations: SQLite
 * FTS5 (bm25 with field weights) and PostgreSQL full text (tsvector, GIN, ts_rank_cd).
 */
export interface SearchIndex {
  /** Which implementation this is. */
  readonly kind: 'sqlite-fts5' | 'postgres-fts';
  /**
   * Brings the index up to date with the store: indexes papers changed since the last refresh
   * (everything on the first), in transactions of a few thousand; safe to interrupt and rerun.
   */
  refresh(onProgress?: (done: number, total: number) => void): Promise<RefreshReport>;
  /** Ranked matches for a query, best first. An empty or stop-word-only query matches nothing. */
  search(query: KeywordQuery): Promise<KeywordResult>;
  /** Authors whose name matches `name` despite typos, accents, initials and "Last, F." order. */
  lookupAuthors(name: string, limit?: number): Promise<AuthorMatch[]>;
}

/** What a refresh did. */
export interface RefreshReport {
  indexed: number;
  authors: number;
}

/** Filters shared by keyword, semantic and hybrid search. */
export interface SearchFilters {
  /** Papers in any of these categories (primary or cross-list). */
  categories?: readonly string[];
  /** Card date (first listing, else v1) on or after `YYYY-MM-DD`. */
  from?: string;
  /** Card date on or before `YYYY-MM-DD`. */
  to?: string;
  /** Papers by any of these author keys. */
  authorKeys?: readonly string[];
}

/** A keyword query: the user's text (words, "phrases", prefix*, -exclusions, OR) and paging. */
export interface KeywordQuery {
  text: string;
  filters?: SearchFilters;
  limit: number;
  offset: number;
}

/** Marks the start of a matched span in highlighted text (a private-use character, never in input). */
export const MARK_START = '\uE000';
/** Marks the end of a matched span in highlighted text. */
export const MARK_END = '\uE001';

/** One keyword match. Highlight strings are raw text with MARK_START/MARK_END around matches. */
export interface KeywordHit {
  paperId: number;
  arxivId: string;
  /** Engine score, higher is better; comparable only within one result list. */
  score: number;
  /** The title with matches marked. */
  title: string;
  /** A short excerpt of the abstract around the matches, marked; '' when only the title or authors match. */
  snippet: string;
}

/** A page of keyword matches. */
export interface KeywordResult {
  hits: KeywordHit[];
  /** Matches for the query and filters (not just this page), counted up to {@link TOTAL_CAP}. */
  total: number;
  /** False when counting stopped at {@link TOTAL_CAP}: there are at least that many. */
  totalIsExact: boolean;
}

/** Matches are counted up to this many; beyond it the total is shown as "10,000+". */
export const TOTAL_CAP = 10_000;

/** One author lookup result. */
export interface AuthorMatch {
  key: string;
  name: string;
  papers: number;
  /** Similarity in (0, 1]; 1 is an exact match of the normalised name. */
  score: number;
}
