import { SourceError, ValidationError } from '../../core/errors.js';
import type { PaperRecord } from '../../core/paper.js';
import type { HttpClient } from '../http.js';
import type { ReadOptions, Source, SourceBatch } from '../source.js';
import { parseListRecordsPage, type ListRecordsPage } from './oai-pmh.parser.js';

/**
 * arXiv's OAI-PMH endpoint. arXiv moved OAI-PMH here from `http://export.arxiv.org/oai2`
 * (which the 2018 recordings in shared/data came from); the old address redirects.
 */
export const DEFAULT_OAI_PMH_BASE_URL = 'https://oaipmh.arxiv.org/oai';

/** arXiv's OAI-PMH metadata formats Papersift reads. `arXivRaw` is the one with version history. */
export type ArxivMetadataPrefix = 'arXiv' | 'arXivRaw';

/** Options of {@link OaiPmhSource}. */
export interface OaiPmhSourceOptions {
  /**
   * The client to fetch with. Build it with `arxivHttpClient` (arxiv-common/arxiv-http.ts), which
   * keeps arXiv's limit of one request every 3000 ms; 503 + Retry-After is handled there.
   */
  http: HttpClient;
  /** @default DEFAULT_OAI_PMH_BASE_URL (`https://oaipmh.arxiv.org/oai`) */
  baseUrl?: string;
  /**
   * `arXivRaw` gives every version with its submission time; `arXiv` gives parsed author
   * names but only v1's date. @default 'arXivRaw'
   */
  metadataPrefix?: ArxivMetadataPrefix;
  /** First datestamp to harvest, `YYYY-MM-DD` (inclusive). */
  from?: string;
  /** Last datestamp to harvest, `YYYY-MM-DD` (inclusive). */
  until?: string;
  /** OAI set to restrict to, e.g. `cs` or `physics:hep-th`. */
  set?: string;
  /**
   * Called with the versionless ids of each page's deleted records (a Source batch has no
   * place for them). They count towards `progress.done`. @default ignore them
   */
  onDeleted?: (ids: string[]) => void;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * An arXiv OAI-PMH `ListRecords` harvest as a Source. Each response page (1000 records at
 * arXiv) is one batch; its checkpoint is the page's resumption token, so resuming asks for
 * the page after the last one committed. Resumption tokens expire after a while on arXiv's
 * side: resuming with a stale one fails with a ValidationError (`badResumptionToken`), and
 * the harvest has to start again (records are upserts, so that is safe).
 * `progress.total` is the token's `completeListSize`, `progress.done` counts from its `cursor`.
 */
export class OaiPmhSource implements Source<PaperRecord> {
  /** Recorded on the ingest run. */
  readonly name = 'oai-pmh';
  /** `oai-pmh:<baseUrl>|metadataPrefix=…|from=…|until=…|set=…`: one harvest's parameters. */
  readonly resumeKey: string;
  readonly #http: HttpClient;
  readonly #baseUrl: string;
  readonly #params: Array<[string, string]>;
  readonly #onDeleted: ((ids: string[]) => void) | undefined;

  /** Validates the options (throws ValidationError) and fixes the harvest's parameters. */
  constructor(options: OaiPmhSourceOptions) {
    this.#http = options.http;
    this.#baseUrl = checkBaseUrl(options.baseUrl ?? DEFAULT_OAI_PMH_BASE_URL);
    this.#params = harvestParams(options);
    this.#onDeleted = options.onDeleted;
    this.resumeKey = `oai-pmh:${this.#baseUrl}|${['metadataPrefix', 'from', 'until', 'set'].map((k) => `${k}=${this.#param(k)}`).join('|')}`;
  }

  /** The URL of the first page (no token) or of the page a resumption token points to. */
  pageUrl(resumptionToken?: string | null): string {
    const params: Array<[string, string]> = resumptionToken
      ? [['verb', 'ListRecords'], ['resumptionToken', resumptionToken]]
      : [['verb', 'ListRecords'], ...this.#params];
    return `${this.#baseUrl}?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
  }

  /** Harvests page by page from the start, or from the resumption token in `resumeFrom`. */
  async *batches(options: ReadOptions = {}): AsyncIterable<SourceBatch<PaperRecord>> {
    let token = options.resumeFrom || null;
    let done = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      const text = await this.#http.text(this.pageUrl(token), options.signal ? { signal: options.signal } : {});
      const page = parseListRecordsPage(text);
      if (page.deletedIds.length > 0) this.#onDeleted?.(page.deletedIds);
      done = (page.cursor ?? done) + page.records.length + page.failures.length + page.deletedIds.length;
      if (page.resumptionToken !== null && page.resumptionToken === token) {
        throw new SourceError(`OAI-PMH server returned the same resumption token again: ${token}`);
      }
      yield toBatch(page, done);
      if (page.resumptionToken === null) return;
      token = page.resumptionToken;
    }
  }

  #param(name: string): string {
    return this.#params.find(([k]) => k === name)?.[1] ?? '';
  }
}

function toBatch(page: ListRecordsPage, done: number): SourceBatch<PaperRecord> {
  const progress: SourceBatch<PaperRecord>['progress'] = { done };
  if (page.completeListSize !== undefined) progress.total = page.completeListSize;
  return { items: page.records, failures: page.failures, checkpoint: page.resumptionToken, progress };
}

function checkBaseUrl(url: string): string {
  if (!URL.canParse(url)) throw new ValidationError('baseUrl', `not a URL: ${JSON.stringify(url)}`);
  return url;
}

/** The first request's parameters after `verb`, in order, validated. */
function harvestParams(o: OaiPmhSourceOptions): Array<[string, string]> {
  const prefix = o.metadataPrefix ?? 'arXivRaw';
  if (prefix !== 'arXiv' && prefix !== 'arXivRaw') throw new ValidationError('metadataPrefix', `must be arXiv or arXivRaw, not ${JSON.stringify(prefix)}`);
  for (const [field, day] of [['from', o.from], ['until', o.until]] as const) {
    if (day !== undefined && !DAY.test(day)) throw new ValidationError(field, `must be YYYY-MM-DD, not ${JSON.stringify(day)}`);
  }
  if (o.from && o.until && o.from > o.until) throw new ValidationError('until', `${o.until} is before from ${o.from}`);
  if (o.set !== undefined && !/^[A-Za-z0-9.:_-]+$/.test(o.set)) throw new ValidationError('set', `not an OAI set spec: ${JSON.stringify(o.set)}`);
  const params: Array<[string, string]> = [['metadataPrefix', prefix]];
  if (o.from) params.push(['from', o.from]);
  if (o.until) params.push(['until', o.until]);
  if (o.set) params.push(['set', o.set]);
  return params;
}
