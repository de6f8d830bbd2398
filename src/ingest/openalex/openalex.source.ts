import { createHash } from 'node:crypto';
import { findArxivId } from '../../core/arxiv-id.js';
import type { CitationRecord, PaperRef } from '../../core/citation.js';
import { SourceError, ValidationError } from '../../core/errors.js';
import type { RecordFailure } from '../../core/ingest-report.js';
import { HttpClient, systemClock, type Clock, type FetchLike } from '../http.js';
import { fetchedAt, type ResponseCache } from '../http-cache.js';
import type { ReadOptions, Source, SourceBatch } from '../source.js';
import { parseWork } from './openalex.parser.js';

/** Default OpenAlex API root. */
export const OPENALEX_BASE_URL = 'https://api.openalex.org';
/** `select` of each work lookup: only what the parser reads. */
export const OPENALEX_SELECT = 'id,doi,ids,cited_by_count,counts_by_year,authorships';

/** Options of {@link OpenAlexSource}. */
export interface OpenAlexSourceOptions {
  /** Shared HTTP client; see {@link openAlexHttpClient}. */
  http: HttpClient;
  /** Works to look up: OpenAlex ids (`W123`, `https://openalex.org/W123`), arXiv ids, or DOIs. */
  ids: string[];
  /** @default OPENALEX_BASE_URL */
  baseUrl?: string;
  /** Sent as `mailto` (the polite pool). */
  mailto?: string;
  /** Sent as `api_key`. */
  apiKey?: string;
  /** Stamps `retrievedAt` when the answer did not come through a cache. @default systemClock */
  clock?: Clock;
}

/**
 * The HttpClient OpenAlex needs: at most 10 requests a second (`minIntervalMs` 100; the
 * documented limit, with 100,000 a day), retries with backoff and Retry-After, and the
 * response cache when given.
 */
export function openAlexHttpClient(fetch: FetchLike, options: { clock?: Clock; cache?: ResponseCache } = {}): HttpClient {
  return new HttpClient({ fetch, clock: options.clock ?? systemClock, minIntervalMs: 100, ...(options.cache ? { cache: options.cache } : {}) });
}

/** The `/works/…` path segment for an input id: `W…`, `doi:10.48550/arXiv.<id>` for arXiv ids, `doi:<doi>` for DOIs. */
export function openAlexWorkPath(id: string): string {
  return workInput(id).path;
}

/** An input id's path and, when it is an arXiv id, that id (it then names the count). */
function workInput(id: string): { path: string; arxiv?: string } {
  const s = id.trim();
  const w = /^(?:https?:\/\/openalex\.org\/)?(W\d+)$/i.exec(s);
  if (w) return { path: w[1]!.toUpperCase() };
  const doi = s.replace(/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  if (/^10\.[^\s/]+\/\S+$/.test(doi)) return { path: `doi:${doi}` };
  const arxiv = findArxivId(s);
  if (arxiv) return { path: `doi:10.48550/arXiv.${arxiv.id}`, arxiv: arxiv.id };
  throw new ValidationError('openalex ids', `not an OpenAlex id, arXiv id or DOI: ${JSON.stringify(id)}`);
}

/**
 * Citation counts from the OpenAlex works API: per id, `GET /works/{id}` gives `cited_by_count`
 * (a count record with source `openalex` and its retrieval date) and `counts_by_year` (carried
 * on the count as `byYear`) and `authorships` (author-id records for authors with an ORCID). One batch per id; the checkpoint is the next id's index; a 404 is
 * a RecordFailure. NOT tested against a real OpenAlex response: see docs/METRICS.md.
 */
export class OpenAlexSource implements Source<CitationRecord> {
  /** Recorded on the ingest run. */
  readonly name = 'openalex';
  /** `openalex:<number of ids>:<hash of ids>`. */
  readonly resumeKey: string;
  readonly #o: OpenAlexSourceOptions & { baseUrl: string; clock: Clock };

  /** Validates every id; makes no request. */
  constructor(options: OpenAlexSourceOptions) {
    options.ids.forEach(openAlexWorkPath);
    this.#o = { ...options, ids: [...options.ids], baseUrl: (options.baseUrl ?? OPENALEX_BASE_URL).replace(/\/+$/, ''), clock: options.clock ?? systemClock };
    this.resumeKey = `openalex:${options.ids.length}:${createHash('sha256').update(options.ids.join('\n')).digest('hex').slice(0, 16)}`;
  }

  /** One batch per id from the checkpoint on; the last batch has checkpoint null. */
  async *batches(options: ReadOptions = {}): AsyncGenerator<SourceBatch<CitationRecord>> {
    const ids = this.#o.ids;
    const start = options.resumeFrom ? Number(options.resumeFrom) : 0;
    if (!Number.isInteger(start) || start < 0 || start > ids.length) throw new ValidationError('resumeFrom', `not an id index from 0 to ${ids.length}`);
    if (start >= ids.length) yield { items: [], failures: [], checkpoint: null, progress: { done: ids.length, total: ids.length } };
    for (let i = start; i < ids.length; i++) {
      options.signal?.throwIfAborted();
      const { items, failures } = await this.#readWork(ids[i]!, options.signal);
      yield { items, failures, checkpoint: i + 1 < ids.length ? String(i + 1) : null, progress: { done: i + 1, total: ids.length } };
    }
  }

  /** The work URL with `select`, `mailto` and `api_key`. */
  workUrl(id: string): string {
    const q = new URLSearchParams({ select: OPENALEX_SELECT });
    if (this.#o.mailto) q.set('mailto', this.#o.mailto);
    if (this.#o.apiKey) q.set('api_key', this.#o.apiKey);
    return `${this.#o.baseUrl}/works/${openAlexWorkPath(id).split('/').map(encodeURIComponent).join('/').replace(/%3A/gi, ':')}?${q}`;
  }

  async #readWork(input: string, signal?: AbortSignal): Promise<{ items: CitationRecord[]; failures: RecordFailure[] }> {
    const position = `work ${input}`;
    const res = await this.#o.http.request(this.workUrl(input), { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
    const text = await res.text();
    if (res.status === 404) return { items: [], failures: [{ position, reason: 'not found in OpenAlex' }] };
    if (!res.ok) throw new SourceError(`OpenAlex answered HTTP ${res.status} for work ${input}: ${text.slice(0, 200)}`);
    let body: unknown;
    try { body = JSON.parse(text); } catch (err) { throw new SourceError(`OpenAlex answered invalid JSON for work ${input}`, { cause: err }); }
    const retrievedAt = fetchedAt(res, new Date(this.#o.clock.now()).toISOString());
    const preferred: PaperRef | undefined = workInput(input).arxiv;
    const r = parseWork(body, { position, retrievedAt, ...(preferred ? { preferred } : {}) });
    return { items: [...(r.count ? [{ ...r.count, byYear: r.byYear }] : []), ...r.authors], failures: r.failures };
  }
}
