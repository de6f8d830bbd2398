import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../core/errors.js';

/**
 * Papersift's configuration, read once at startup from the environment (and CLI flags, which
 * the CLI folds into the same object before calling {@link loadConfig}). Every problem is
 * reported together; nothing below the composition root reads `process.env`.
 * docs/CONFIG.md documents each variable.
 */
export interface Config {
  /** Directory for the SQLite file and other local state (PAPERSIFT_DATA). @default ./data */
  dataDir: string;
  /** SQLite file path, derived: `<dataDir>/papersift.db`. */
  sqliteFile: string;
  /** PostgreSQL connection string (DATABASE_URL); when set, PostgreSQL is the store. */
  databaseUrl: string | null;
  /** HTTP port (PORT). @default 3000 */
  port: number;
  /** Interface to listen on (HOST). @default 127.0.0.1 */
  host: string;
  /** pino log level (LOG_LEVEL). @default info */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Categories harvested on first start and by default (PAPERSIFT_CATEGORIES). @default cs.AI,cs.CL,cs.CV,cs.LG */
  categories: string[];
  /** Days of arXiv harvested on first start with an empty store (PAPERSIFT_BOOTSTRAP_DAYS). @default 3 */
  bootstrapDays: number;
  /** Never touch the network (PAPERSIFT_OFFLINE=1). @default false */
  offline: boolean;
  /** arXiv OAI-PMH endpoint (ARXIV_OAI_URL). */
  arxivOaiUrl: string;
  /** arXiv API endpoint (ARXIV_API_URL). */
  arxivApiUrl: string;
  /** Semantic Scholar Graph API base (S2_API_URL). */
  s2ApiUrl: string;
  /** Semantic Scholar API key (S2_API_KEY), optional. */
  s2ApiKey: string | null;
  /** OpenAlex API base (OPENALEX_API_URL). @default https://api.openalex.org */
  openAlexApiUrl: string;
  /** Address sent as `mailto` so OpenAlex puts requests in its polite pool (OPENALEX_MAILTO), optional. */
  openAlexMailto: string | null;
  /** OpenAlex API key (OPENALEX_API_KEY), sent as `api_key`, optional. */
  openAlexApiKey: string | null;
  /** Directory of the external-count response cache, derived: `<dataDir>/http-cache`. */
  httpCacheDir: string;
  /** Seconds a cached Semantic Scholar / OpenAlex answer stays fresh (PAPERSIFT_HTTP_CACHE_TTL); 0 turns the cache off. @default 604800 (7 days) */
  httpCacheTtlSeconds: number;
  /** Contact address put in the User-Agent, as arXiv asks of harvesters (PAPERSIFT_CONTACT). */
  contact: string | null;
  /**
   * Secret for signing CSRF tokens (PAPERSIFT_SECRET, at least 32 characters). When unset, the
   * web role keeps a random one in `<dataDir>/secret`; set it when several web processes share
   * one PostgreSQL store.
   */
  secret: string | null;
  /** Whether the site is served over HTTPS (PAPERSIFT_HTTPS=1): cookies get the Secure flag. @default false */
  https: boolean;
  /** Public address of the site, for absolute links in Atom feeds (PAPERSIFT_BASE_URL). @default http://HOST:PORT */
  baseUrl: string;
  /** Searches per client per minute, pages and API each (PAPERSIFT_SEARCH_RATE); 0 turns the limit off. @default 120 */
  searchRate: number;
  /** Bytes of rendered pages the web server keeps between store changes (PAPERSIFT_PAGE_CACHE_MB, in MiB); 0 turns the cache off. @default 64 MiB */
  pageCacheBytes: number;
  /** Milliseconds the web server reuses its check of whether the store changed (PAPERSIFT_STORE_CHECK_MS): pages may lag a write by this long. 0 checks on every request. @default 1000 */
  storeCheckMs: number;
  /**
   * Embedding model (EMBEDDING_MODEL): `builtin` (the LSA model fitted on the store), a model
   * directory in the transformers.js layout, or a Hugging Face Hub name. @default builtin
   */
  embeddingModel: string;
  /** Weight format of a transformer embedding model (EMBEDDING_DTYPE). @default q8 */
  embeddingDtype: 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'bnb4' | 'q4f16';
}

const bool = z.enum(['0', '1', 'true', 'false', 'yes', 'no', '']).transform((v) => ['1', 'true', 'yes'].includes(v));
const url = (protocols: string[]) => z.string().refine((s) => { try { return protocols.includes(new URL(s).protocol); } catch { return false; } }, { message: `must be a ${protocols.join(' or ')} URL` });

const schema = z.object({
  PAPERSIFT_DATA: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PAPERSIFT_CATEGORIES: z.string().default('cs.AI,cs.CL,cs.CV,cs.LG')
    .transform((s) => s.split(',').map((c) => c.trim()).filter(Boolean))
    .refine((l) => l.length > 0 && l.every((c) => /^[a-z][a-z-]*(\.[A-Za-z-]+)?$/.test(c)), { message: 'must be a comma-separated list of arXiv categories such as cs.LG,cs.CL' }),
  PAPERSIFT_BOOTSTRAP_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  PAPERSIFT_OFFLINE: bool.default(false),
  ARXIV_OAI_URL: url(['http:', 'https:']).default('https://oaipmh.arxiv.org/oai'),
  ARXIV_API_URL: url(['http:', 'https:']).default('https://export.arxiv.org/api/query'),
  S2_API_URL: url(['http:', 'https:']).default('https://api.semanticscholar.org/graph/v1'),
  S2_API_KEY: z.string().min(1).optional(),
  OPENALEX_API_URL: url(['http:', 'https:']).default('https://api.openalex.org'),
  OPENALEX_MAILTO: z.string().regex(/^[^\s@]+@[^\s@]+$/, { message: 'must be an e-mail address' }).optional(),
  OPENALEX_API_KEY: z.string().min(1).optional(),
  PAPERSIFT_HTTP_CACHE_TTL: z.coerce.number().int().min(0).default(604_800),
  PAPERSIFT_CONTACT: z.string().min(3).optional(),
  PAPERSIFT_SECRET: z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  PAPERSIFT_HTTPS: bool.default(false),
  PAPERSIFT_BASE_URL: url(['http:', 'https:']).optional(),
  PAPERSIFT_SEARCH_RATE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  PAPERSIFT_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(65_536).default(64),
  PAPERSIFT_STORE_CHECK_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  EMBEDDING_MODEL: z.string().trim().min(1).default('builtin'),
  EMBEDDING_DTYPE: z.enum(['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'bnb4', 'q4f16']).default('q8'),
});

/** The environment variables Papersift reads, for docs and `--help`. */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

/**
 * Validates `env` (normally `process.env`, merged with CLI flags) and returns a frozen Config.
 * Throws ConfigError listing every invalid variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const relevant = Object.fromEntries(CONFIG_VARIABLES.map((k) => [k, env[k] === '' && k !== 'PAPERSIFT_OFFLINE' && k !== 'PAPERSIFT_HTTPS' ? undefined : env[k]]));
  const parsed = schema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'env'}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.PAPERSIFT_DATA);
  return Object.freeze({
    dataDir,
    sqliteFile: resolve(dataDir, 'papersift.db'),
    databaseUrl: e.DATABASE_URL ?? null,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    categories: e.PAPERSIFT_CATEGORIES,
    bootstrapDays: e.PAPERSIFT_BOOTSTRAP_DAYS,
    offline: e.PAPERSIFT_OFFLINE,
    arxivOaiUrl: e.ARXIV_OAI_URL,
    arxivApiUrl: e.ARXIV_API_URL,
    s2ApiUrl: e.S2_API_URL,
    s2ApiKey: e.S2_API_KEY ?? null,
    openAlexApiUrl: e.OPENALEX_API_URL.replace(/\/+$/, ''),
    openAlexMailto: e.OPENALEX_MAILTO ?? null,
    openAlexApiKey: e.OPENALEX_API_KEY ?? null,
    httpCacheDir: resolve(dataDir, 'http-cache'),
    httpCacheTtlSeconds: e.PAPERSIFT_HTTP_CACHE_TTL,
    contact: e.PAPERSIFT_CONTACT ?? null,
    secret: e.PAPERSIFT_SECRET ?? null,
    https: e.PAPERSIFT_HTTPS,
    searchRate: e.PAPERSIFT_SEARCH_RATE,
    pageCacheBytes: e.PAPERSIFT_PAGE_CACHE_MB * 1024 * 1024,
    storeCheckMs: e.PAPERSIFT_STORE_CHECK_MS,
    embeddingModel: e.EMBEDDING_MODEL,
    embeddingDtype: e.EMBEDDING_DTYPE,
    baseUrl: (e.PAPERSIFT_BASE_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
  });
}
