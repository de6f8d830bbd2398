import { createHash } from 'node:crypto';
import { findArxivId } from '../../core/arxiv-id.js';
import type { CitationEdge, CitationRecord, PaperRef } from '../../core/citation.js';
import { SourceError, ValidationError } from '../../core/errors.js';
import type { RecordFailure } from '../../core/ingest-report.js';
import { HttpClient, systemClock, type Clock, type FetchLike } from '../http.js';
import { fetchedAt, type ResponseCache } from '../http-cache.js';
import type { ReadOptions, Source, SourceBatch } from '../source.js';
import { parseLinkPage, parsePaper, type S2LinkKind, type S2PaperResult } from './semantic-scholar.parser.js';

/** What to fetch for each paper: its citation count, the papers it cites, the papers citing it. */
export type S2Include = 'count' | 'references' | 'citations';

/** Default Graph API root. */
export const SEMANTIC_SCHOLAR_BASE_URL = 'https://api.semanticscholar.org/graph/v1';
/** Default page size for references/citations: 1000, the API's maximum `limit` for them. */
export const SEMANTIC_SCHOLAR_PAGE_SIZE = 1000;
/** Default `fields` of each request kind: only what the parser reads. */
export const SEMANTIC_SCHOLAR_FIELDS = { paper: 'externalIds,citationCount,authors', links: 'externalIds' } as const;

/** Options of {@link SemanticScholarSource}. */
export interface SemanticScholarSourceOptions {
  /** Shared HTTP client; see {@link semanticScholarHttpClient} for the right rate limit. */
  http: HttpClient;
  /** Papers to look up: arXiv ids (sent as `arXiv:<id>`), DOIs (`10.…`, `doi:10.…`; sent as `DOI:<doi>`), `s2:<paperId>`, or any other S2 id (`CorpusID:123`) sent as given. */
  ids: string[];
  /** @default ['count', 'references', 'citations'] */
  include?: S2Include[];
  /** @default SEMANTIC_SCHOLAR_BASE_URL */
  baseUrl?: string;
  /** `limit` of references/citations pages. @default 1000 (the API maximum) */
  pageSize?: number;
  /** Sent as `x-api-key` on every request when given. */
  apiKey?: string;
  /** Stamps `retrievedAt` on counts. @default systemClock */
  clock?: Clock;
  /**
   * Overrides the `fields` parameter of paper lookups and of references/citations pages
   * (defaults in SEMANTIC_SCHOLAR_FIELDS). Exists so recorded responses replay with their
   * exact URLs; without `externalIds` papers fall back to `s2:` refs, without
   * `citationCount` counts become failures, and without `authors` no author ids are emitted.
   */
  fields?: { paper?: string; links?: string };
}

/** Options of {@link fetchLinkedEdges}. */
export interface FetchLinksOptions {
  http: HttpClient;
  /** Paper id as sent to S2 (see {@link semanticScholarPaperId}). */
  s2Id: string;
  /** PaperRef of that paper, the fixed end of every edge. */
  self: PaperRef;
  kind: S2LinkKind;
  /** Failure position prefix, e.g. `paper 2503.11731`. */
  position: string;
  /** @default SEMANTIC_SCHOLAR_BASE_URL */
  baseUrl?: string;
  /** @default SEMANTIC_SCHOLAR_PAGE_SIZE */
  pageSize?: number;
  /** @default SEMANTIC_SCHOLAR_FIELDS.links */
  fields?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * Builds the HttpClient Semantic Scholar needs: at most one request per second
 * (`minIntervalMs` 1000). Semantic Scholar allows 1 request/s without a key (unauthenticated
 * callers share one rate-limited pool, so 429s still happen and HttpClient retries them,
 * honouring Retry-After), and new API keys get 1 request/s too. The key, when given, is
 * sent as `x-api-key`. `clock` defaults to the system clock. With `cache`, repeated GETs are
 * answered from it while fresh, and counts keep the date the answer was first fetched.
 */
export function semanticScholarHttpClient(fetch: FetchLike, options: { apiKey?: string; clock?: Clock; cache?: ResponseCache } = {}): HttpClient {
  return new HttpClient({
    fetch,
    clock: options.clock ?? systemClock,
    minIntervalMs: 1000,
    headers: options.apiKey ? { 'x-api-key': options.apiKey } : {},
    ...(options.cache ? { cache: options.cache } : {}),
  });
}

/**
 * The id to put in a Graph API path: `arXiv:<versionless id>` for arXiv ids, `DOI:<doi>`
 * for DOIs (`10.…`, `doi:10.…`, `DOI:10.…`), the bare paperId for `s2:<paperId>`, and
 * anything else (`CorpusID:123`, a paperId) unchanged.
 */
export function semanticScholarPaperId(id: string): string {
  const arxiv = findArxivId(id);
  if (arxiv) return `arXiv:${arxiv.id}`;
  const doi = doiOf(id);
  if (doi) return `DOI:${doi}`;
  return id.trim().replace(/^s2:/, '');
}

/**
 * The PaperRef an input id names without asking S2: the arXiv id, `doi:<lowercased>`, or
 * `s2:<paperId>` for a 40-hex paperId; undefined for other ids (`CorpusID:…`), which need
 * a lookup.
 */
export function paperRefFromInput(id: string): PaperRef | undefined {
  const arxiv = findArxivId(id);
  if (arxiv) return arxiv.id;
  const doi = doiOf(id);
  if (doi) return `doi:${doi.toLowerCase()}`;
  const hex = /^(?:s2:)?([0-9a-f]{40})$/i.exec(id.trim());
  return hex ? `s2:${hex[1]!.toLowerCase()}` : undefined;
}

/**
 * Fetches every page of a paper's references or citations, following `next` until it is
 * absent, and parses them into edges. Returns undefined when S2 answers 404.
 */
export async function fetchLinkedEdges(o: FetchLinksOptions): Promise<{ edges: CitationEdge[]; failures: RecordFailure[] } | undefined> {
  const edges: CitationEdge[] = [];
  const failures: RecordFailure[] = [];
  const limit = o.pageSize ?? SEMANTIC_SCHOLAR_PAGE_SIZE;
  for (let offset: number | undefined = 0; offset !== undefined;) {
    const query = new URLSearchParams({ fields: o.fields ?? SEMANTIC_SCHOLAR_FIELDS.links, offset: String(offset), limit: String(limit) });
    const got = await getJson(o.http, `${o.baseUrl ?? SEMANTIC_SCHOLAR_BASE_URL}/paper/${pathId(o.s2Id)}/${o.kind}?${query}`, o.headers, o.signal);
    if (got === undefined) return undefined;
    const page = parseLinkPage(got.body, o.self, o.kind, o.position);
    edges.push(...page.edges);
    failures.push(...page.failures);
    if (page.next !== undefined && page.next <= offset) throw new SourceError(`${o.position} ${o.kind}: Semantic Scholar paging went backwards (offset ${offset}, next ${page.next})`);
    offset = page.next;
  }
  return { edges, failures };
}

/**
 * Citation data from the Semantic Scholar Graph API for a list of papers: per paper its
 * citation count and its authors' ids (`GET /paper/{id}`, author-id records), its references and its citations (paged
 * `GET /paper/{id}/references|citations`). One batch per input id with all its records;
 * the checkpoint is the index of the next id. An id S2 does not know (404) is a
 * RecordFailure, not a crash; other HTTP errors are SourceErrors.
 *
 * Edges need the queried paper's PaperRef. It comes from the input when that is an arXiv
 * id, DOI or paperId; otherwise, and whenever `count` is included, from the paper lookup
 * (whose `externalIds` may reveal the arXiv id behind a DOI).
 */
export class SemanticScholarSource implements Source<CitationRecord> {
  /** Recorded on the ingest run. */
  readonly name = 'semantic-scholar';
  /** `semantic-scholar:<include>:<number of ids>:<hash of ids>`. */
  readonly resumeKey: string;
  readonly #o: Required<Omit<SemanticScholarSourceOptions, 'apiKey' | 'fields'>> & { fields: { paper: string; links: string }; headers: Record<string, string> };

  /** Validates the options; makes no request. */
  constructor(options: SemanticScholarSourceOptions) {
    const include = options.include ?? ['count', 'references', 'citations'];
    const pageSize = options.pageSize ?? SEMANTIC_SCHOLAR_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > SEMANTIC_SCHOLAR_PAGE_SIZE) {
      throw new ValidationError('pageSize', `must be an integer from 1 to ${SEMANTIC_SCHOLAR_PAGE_SIZE}, got ${options.pageSize}`);
    }
    if (include.length === 0) throw new ValidationError('include', 'must name at least one of count, references, citations');
    this.#o = {
      http: options.http,
      ids: [...options.ids],
      include,
      baseUrl: (options.baseUrl ?? SEMANTIC_SCHOLAR_BASE_URL).replace(/\/+$/, ''),
      pageSize,
      clock: options.clock ?? systemClock,
      fields: { ...SEMANTIC_SCHOLAR_FIELDS, ...options.fields },
      headers: options.apiKey ? { 'x-api-key': options.apiKey } : {},
    };
    const hash = createHash('sha256').update(this.#o.ids.join('\n')).digest('hex').slice(0, 16);
    this.resumeKey = `semantic-scholar:${[...include].sort().join(',')}:${this.#o.ids.length}:${hash}`;
  }

  /** One batch per id from the checkpoint on; the last batch has checkpoint null. */
  async *batches(options: ReadOptions = {}): AsyncGenerator<SourceBatch<CitationRecord>> {
    const ids = this.#o.ids;
    const start = parseCheckpoint(options.resumeFrom, ids.length);
    if (start >= ids.length) {
      yield { items: [], failures: [], checkpoint: null, progress: { done: ids.length, total: ids.length } };
      return;
    }
    for (let i = start; i < ids.length; i++) {
      options.signal?.throwIfAborted();
      const { items, failures } = await this.#readPaper(ids[i]!, options.signal);
      const checkpoint = i + 1 < ids.length ? String(i + 1) : null;
      yield { items, failures, checkpoint, progress: { done: i + 1, total: ids.length } };
    }
  }

  /** All records of one input id; a 404 at any step ends it with a `not found` failure. */
  async #readPaper(input: string, signal?: AbortSignal): Promise<{ items: CitationRecord[]; failures: RecordFailure[] }> {
    const s2Id = semanticScholarPaperId(input);
    const position = `paper ${input}`;
    const items: CitationRecord[] = [];
    const failures: RecordFailure[] = [];
    const notFound = () => ({ items, failures: [...failures, { position, reason: 'not found in Semantic Scholar' }] });
    const fromInput = paperRefFromInput(input);
    const wantCount = this.#o.include.includes('count');
    let self: PaperRef;
    if (wantCount || fromInput === undefined) {
      const lookup = await this.#lookup(s2Id, position, signal);
      if (!lookup) return notFound();
      self = preferredRef(input, fromInput, lookup.ref);
      if (wantCount && lookup.count) items.push({ ...lookup.count, paper: self });
      if (wantCount) items.push(...lookup.authors.map((a) => ({ ...a, paper: self })));
      if (wantCount) failures.push(...lookup.failures);
    } else {
      self = fromInput;
    }
    for (const kind of ['references', 'citations'] as const) {
      if (!this.#o.include.includes(kind)) continue;
      const links = await fetchLinkedEdges({
        http: this.#o.http, baseUrl: this.#o.baseUrl, pageSize: this.#o.pageSize, fields: this.#o.fields.links,
        headers: this.#o.headers, s2Id, self, kind, position, signal,
      });
      if (!links) return notFound();
      items.push(...links.edges);
      failures.push(...links.failures);
    }
    return { items, failures };
  }

  /** `GET /paper/{id}`: the paper's ref and count, or undefined on 404. */
  async #lookup(s2Id: string, position: string, signal?: AbortSignal): Promise<S2PaperResult | undefined> {
    const query = new URLSearchParams({ fields: this.#o.fields.paper });
    const got = await getJson(this.#o.http, `${this.#o.baseUrl}/paper/${pathId(s2Id)}?${query}`, this.#o.headers, signal);
    if (got === undefined) return undefined;
    return parsePaper(got.body, { position, retrievedAt: got.fetchedAt ?? new Date(this.#o.clock.now()).toISOString() });
  }
}

/**
 * The queried paper's ref after a lookup: an arXiv id given as input wins, then the
 * lookup's arXiv id or DOI, then the input's DOI or paperId, then the lookup's `s2:` ref.
 */
function preferredRef(input: string, fromInput: PaperRef | undefined, fromLookup: PaperRef): PaperRef {
  const arxiv = findArxivId(input);
  if (arxiv) return arxiv.id;
  return fromLookup.startsWith('s2:') ? fromInput ?? fromLookup : fromLookup;
}

/** GETs `url` as JSON with when it was fetched (set when it came through a cache); undefined on 404, SourceError on any other non-2xx or bad JSON. */
async function getJson(http: HttpClient, url: string, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<{ body: unknown; fetchedAt: string | undefined } | undefined> {
  const res = await http.request(url, { headers: { accept: 'application/json', ...headers }, signal });
  if (res.status === 404) {
    await res.body?.cancel().catch(() => undefined);
    return undefined;
  }
  const text = await res.text();
  if (!res.ok) throw new SourceError(`Semantic Scholar answered HTTP ${res.status} for ${url}: ${text.slice(0, 200)}`);
  try {
    return { body: JSON.parse(text) as unknown, fetchedAt: fetchedAt(res, '') || undefined };
  } catch (err) {
    throw new SourceError(`Semantic Scholar answered invalid JSON for ${url}`, { cause: err });
  }
}

/** Percent-encodes an S2 id for a path, keeping the `:` of prefixes and the `/` of DOIs and old arXiv ids as S2 expects. */
function pathId(s2Id: string): string {
  return encodeURIComponent(s2Id).replace(/%2F/gi, '/').replace(/%3A/gi, ':');
}

function doiOf(id: string): string | undefined {
  const doi = id.trim().replace(/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i, '');
  return /^10\.[^\s/]+\/\S+$/.test(doi) ? doi : undefined;
}

function parseCheckpoint(value: string | null | undefined, length: number): number {
  if (value === undefined || value === null) return 0;
  if (!/^\d+$/.test(value) || Number(value) > length) {
    throw new ValidationError('resumeFrom', `not an id index from 0 to ${length}: ${JSON.stringify(value)}`);
  }
  return Number(value);
}
