import type { Config } from '../config/config.js';
import { arxivHttpClient } from '../ingest/arxiv-common/arxiv-http.js';
import { ArxivApiSource } from '../ingest/arxiv-api/arxiv-api.source.js';
import { CitationFileSource } from '../ingest/citation-file/citation-file.source.js';
import type { Clock, FetchLike } from '../ingest/http.js';
import { FileResponseCache, type ResponseCache } from '../ingest/http-cache.js';
import { OpenAlexSource, openAlexHttpClient } from '../ingest/openalex/openalex.source.js';
import { OaiPmhSource, type ArxivMetadataPrefix } from '../ingest/oai-pmh/oai-pmh.source.js';
import { SemanticScholarSource, semanticScholarHttpClient } from '../ingest/semantic-scholar/semantic-scholar.source.js';
import { SnapshotSource } from '../ingest/snapshot/snapshot.source.js';

/** What the source factory needs: config for endpoints and keys, and the injected I/O. */
export interface SourceDeps {
  config: Pick<Config, 'arxivOaiUrl' | 'arxivApiUrl' | 's2ApiUrl' | 's2ApiKey'> & Partial<ExternalCountConfig> & Partial<Pick<Config, 'databaseUrl'>>;
  fetch: FetchLike;
  clock?: Clock;
  /** Response cache of the external-count clients. @default a FileResponseCache in config.httpCacheDir when that is set */
  cache?: ResponseCache;
}

/** The config the OpenAlex client and the response cache read. */
type ExternalCountConfig = Pick<Config, 'openAlexApiUrl' | 'openAlexMailto' | 'openAlexApiKey' | 'httpCacheDir' | 'httpCacheTtlSeconds'>;

/**
 * Builds every Source from config and injected fetch/clock, so the CLI, the bootstrap harvest
 * and jobs construct them the same way. arXiv sources share one rate-limited client per
 * factory, so two arXiv sources used together still keep one request every 3 s.
 */
export function createSources(deps: SourceDeps) {
  let arxivHttp: ReturnType<typeof arxivHttpClient> | undefined;
  const arxiv = () => (arxivHttp ??= arxivHttpClient(deps.fetch, deps.clock));
  const c = deps.config;
  const cache = deps.cache ?? (c.httpCacheDir ? new FileResponseCache(c.httpCacheDir, (c.httpCacheTtlSeconds ?? 0) * 1000) : undefined);
  const withClock = deps.clock ? { clock: deps.clock } : {}, withCache = cache ? { cache } : {};
  return {
    /**
     * The Kaggle-schema snapshot file (plain or gzipped JSON lines), in batches of `batchSize`
     * records per transaction: by default what `npm run bench:ingest` found fastest for the
     * configured store (1,000 on SQLite, 2,000 on PostgreSQL).
     */
    snapshot: (file: string, batchSize?: number) => new SnapshotSource({ file, batchSize: batchSize || (c.databaseUrl ? 2000 : 1000) }),
    /** An OAI-PMH ListRecords harvest. */
    oai: (o: { from?: string; until?: string; set?: string; metadataPrefix?: ArxivMetadataPrefix }) =>
      new OaiPmhSource({ http: arxiv(), baseUrl: deps.config.arxivOaiUrl, ...o }),
    /** The arXiv API by id list or search query. */
    arxivApi: (o: { ids?: string[]; query?: string; maxResults?: number }) =>
      new ArxivApiSource({ http: arxiv(), baseUrl: deps.config.arxivApiUrl, ...o }),
    /** A citing/cited edge-list file. */
    citationFile: (path: string, sourceName?: string) => new CitationFileSource({ path, ...(sourceName ? { sourceName } : {}) }),
    /** Semantic Scholar counts, references and citations for the given ids. */
    semanticScholar: (ids: string[]) => {
      const key = deps.config.s2ApiKey ?? undefined;
      const http = semanticScholarHttpClient(deps.fetch, { ...(key ? { apiKey: key } : {}), ...withClock, ...withCache });
      return new SemanticScholarSource({ http, ids, baseUrl: deps.config.s2ApiUrl, ...withClock });
    },
    /** OpenAlex `cited_by_count` and `counts_by_year` for the given ids (not yet tested against a real response). */
    openAlex: (ids: string[]) => new OpenAlexSource({
      http: openAlexHttpClient(deps.fetch, { ...withClock, ...withCache }), ids, ...withClock,
      ...(c.openAlexApiUrl ? { baseUrl: c.openAlexApiUrl } : {}), ...(c.openAlexMailto ? { mailto: c.openAlexMailto } : {}), ...(c.openAlexApiKey ? { apiKey: c.openAlexApiKey } : {}),
    }),
  };
}

/** The factory's type. */
export type Sources = ReturnType<typeof createSources>;
