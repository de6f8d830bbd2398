import { createHash } from 'node:crypto';
import { findArxivId } from '../../core/arxiv-id.js';
import { ValidationError } from '../../core/errors.js';
import type { PaperRecord } from '../../core/paper.js';
import type { HttpClient } from '../http.js';
import type { ReadOptions, Source, SourceBatch } from '../source.js';
import { parseArxivAtom } from './arxiv-atom.parser.js';

/** The arXiv API's query endpoint. */
export const DEFAULT_ARXIV_API_BASE_URL = 'https://export.arxiv.org/api/query';

/** Default entries per request. arXiv allows up to 2000 per request; 100 keeps responses small. */
export const DEFAULT_ARXIV_API_PAGE_SIZE = 100;

/** Largest `max_results` arXiv accepts in one request. */
export const ARXIV_API_MAX_PAGE_SIZE = 2000;

/** Sort keys of the arXiv API (`sortBy`). */
export type ArxivSortBy = 'relevance' | 'lastUpdatedDate' | 'submittedDate';

/** Sort directions of the arXiv API (`sortOrder`). */
export type ArxivSortOrder = 'ascending' | 'descending';

/** Options of {@link ArxivApiSource}. Exactly one of `ids` and `query` is required. */
export interface ArxivApiSourceOptions {
  /** The client to fetch with; build it with `arxivHttpClient` (one request every 3000 ms). */
  http: HttpClient;
  /** @default DEFAULT_ARXIV_API_BASE_URL (`https://export.arxiv.org/api/query`) */
  baseUrl?: string;
  /** arXiv ids to fetch (`id_list`), any spelling findArxivId reads; sent `pageSize` at a time. */
  ids?: string[];
  /** An arXiv `search_query`, e.g. `cat:cs.RO AND abs:neural`. */
  query?: string;
  /** Entries per request, 1–2000. @default DEFAULT_ARXIV_API_PAGE_SIZE (100) */
  pageSize?: number;
  /** Stop after this many entries. @default no cap (arXiv itself stops paging at 30,000) */
  maxResults?: number;
  /** @default arXiv's default (relevance) */
  sortBy?: ArxivSortBy;
  /** @default arXiv's default (descending) */
  sortOrder?: ArxivSortOrder;
}

/** What to fetch: a list of ids, or a search query. */
type Target = { kind: 'ids'; ids: string[] } | { kind: 'query'; query: string };

/**
 * The arXiv API as a Source: either a list of ids (`id_list`, chunked `pageSize` at a time)
 * or a search (`search_query`, paged with `start`/`max_results`). Each response is one
 * batch; the checkpoint is the offset of the next page as a decimal string (into the id
 * list, or into the query's results), null after the last page. A query stops when a page
 * has fewer entries than asked for, or the offset reaches `totalResults` (capped by
 * `maxResults`), which is also `progress.total`. For an id list, `progress` counts ids
 * (`total` is the number of distinct ids, capped by `maxResults`), whether or not arXiv
 * returned an entry for each.
 */
export class ArxivApiSource implements Source<PaperRecord> {
  /** Recorded on the ingest run. */
  readonly name = 'arxiv-api';
  /** `arxiv-api:<baseUrl>|…` with the query and sort, or a digest of the id list. */
  readonly resumeKey: string;
  readonly #http: HttpClient;
  readonly #baseUrl: string;
  readonly #target: Target;
  readonly #pageSize: number;
  readonly #maxResults: number;
  readonly #sort: Array<[string, string]>;

  /** Validates the options; throws ValidationError naming the first bad one. */
  constructor(options: ArxivApiSourceOptions) {
    this.#http = options.http;
    this.#baseUrl = options.baseUrl ?? DEFAULT_ARXIV_API_BASE_URL;
    if (!URL.canParse(this.#baseUrl)) throw new ValidationError('baseUrl', `not a URL: ${JSON.stringify(this.#baseUrl)}`);
    this.#target = target(options);
    this.#pageSize = checkCount('pageSize', options.pageSize ?? DEFAULT_ARXIV_API_PAGE_SIZE, ARXIV_API_MAX_PAGE_SIZE);
    this.#maxResults = options.maxResults === undefined ? Infinity : checkCount('maxResults', options.maxResults, Infinity);
    this.#sort = [];
    if (options.sortBy) this.#sort.push(['sortBy', options.sortBy]);
    if (options.sortOrder) this.#sort.push(['sortOrder', options.sortOrder]);
    this.resumeKey = this.#makeResumeKey();
  }

  /** The URL of the page starting at `offset` with `count` entries (ids from the list for an id source). */
  pageUrl(offset: number, count: number): string {
    const t = this.#target;
    const params = t.kind === 'ids'
      ? `id_list=${t.ids.slice(offset, offset + count).map(encodeURIComponent).join(',')}&start=0&max_results=${count}`
      : `search_query=${encodeURIComponent(t.query)}&start=${offset}&max_results=${count}`;
    const sort = this.#sort.map(([k, v]) => `&${k}=${v}`).join('');
    return `${this.#baseUrl}?${params}${sort}`;
  }

  /** Reads page by page from offset 0, or from the offset in `resumeFrom`. */
  async *batches(options: ReadOptions = {}): AsyncIterable<SourceBatch<PaperRecord>> {
    let offset = parseOffset(options.resumeFrom);
    let cap = this.#target.kind === 'ids' ? Math.min(this.#target.ids.length, this.#maxResults) : this.#maxResults;
    while (offset < cap) {
      options.signal?.throwIfAborted();
      const count = Math.min(this.#pageSize, cap - offset);
      const page = parseArxivAtom(await this.#http.text(this.pageUrl(offset, count), options.signal ? { signal: options.signal } : {}));
      const entries = page.records.length + page.failures.length;
      const byIds = this.#target.kind === 'ids';
      if (!byIds) cap = Math.min(cap, page.totalResults);
      const next = offset + count;
      const last = next >= cap || (!byIds && entries < count);
      yield {
        items: page.records, failures: page.failures,
        checkpoint: last ? null : String(next),
        // ids: progress counts ids asked for (unknown ids return no entry); query: entries received
        progress: { done: byIds ? next : offset + entries, total: cap },
      };
      if (last) return;
      offset = next;
    }
  }

  #makeResumeKey(): string {
    const t = this.#target;
    const what = t.kind === 'ids'
      ? `ids=${t.ids.length}:${createHash('sha256').update(t.ids.join(',')).digest('hex').slice(0, 16)}`
      : `query=${t.query}`;
    const cap = Number.isFinite(this.#maxResults) ? `|maxResults=${this.#maxResults}` : '';
    return `arxiv-api:${this.#baseUrl}|${what}${this.#sort.map(([k, v]) => `|${k}=${v}`).join('')}${cap}`;
  }
}

/** Exactly one of ids/query; ids validated and normalised (versionless or `…vN`), duplicates dropped. */
function target(o: ArxivApiSourceOptions): Target {
  if ((o.ids === undefined) === (o.query === undefined)) throw new ValidationError('ids/query', 'give exactly one of ids and query');
  if (o.query !== undefined) {
    if (!o.query.trim()) throw new ValidationError('query', 'must not be empty');
    return { kind: 'query', query: o.query.trim() };
  }
  const ids = new Set<string>();
  const bad: string[] = [];
  for (const raw of o.ids ?? []) {
    const p = findArxivId(raw);
    if (p) ids.add(p.version === null ? p.id : `${p.id}v${p.version}`);
    else bad.push(raw);
  }
  if (bad.length > 0) throw new ValidationError('ids', `not arXiv ids: ${bad.slice(0, 5).map((b) => JSON.stringify(b)).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}`);
  if (ids.size === 0) throw new ValidationError('ids', 'must not be empty');
  return { kind: 'ids', ids: [...ids] };
}

function checkCount(field: string, n: number, max: number): number {
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ValidationError(field, `must be an integer from 1 to ${max}, not ${n}`);
  return n;
}

function parseOffset(resumeFrom: string | null | undefined): number {
  if (!resumeFrom) return 0;
  if (!/^\d+$/.test(resumeFrom)) throw new ValidationError('resumeFrom', `not an arXiv API offset: ${JSON.stringify(resumeFrom)}`);
  return Number(resumeFrom);
}
