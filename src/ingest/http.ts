import { SourceError } from '../core/errors.js';
import { FETCHED_AT_HEADER, type CachedResponse, type ResponseCache } from './http-cache.js';

/**
 * The one HTTP helper every source uses: a user agent, a minimum interval between
 * requests (arXiv asks for one every 3 s; Semantic Scholar allows 1/s without a key),
 * retries with exponential backoff on network errors, 429 and 5xx, and `Retry-After`
 * honoured on 503 and 429, and an optional response cache for GETs (2xx and 404 answers kept
 * for the cache's TTL; a hit costs no request and no rate-limit slot). `fetch` and the clock are
 * injected, so tests run on recorded responses and fake time, and never on the network.
 */

/** The narrow slice of `fetch` the sources call. */
export type FetchLike = (url: string, init?: { headers?: Record<string, string>; method?: string; body?: string; signal?: AbortSignal }) => Promise<Response>;

/** Time, injected so tests need not wait. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds (or rejects when `signal` aborts). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const t = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason); }, { once: true });
    }),
};

/** Options of {@link HttpClient}. */
export interface HttpClientOptions {
  fetch: FetchLike;
  /** @default systemClock */
  clock?: Clock;
  /** @default 'Papersift/0.1 (+https://github.com/papersift/papersift)' */
  userAgent?: string;
  /** Minimum milliseconds between the starts of two requests. @default 0 */
  minIntervalMs?: number;
  /** Retries after the first attempt. @default 4 */
  maxRetries?: number;
  /** First backoff delay; doubles each retry. @default 1000 */
  backoffMs?: number;
  /** Longest Retry-After honoured before giving up. @default 600_000 */
  maxRetryAfterMs?: number;
  /** Headers sent with every request (an API key, say). */
  headers?: Record<string, string>;
  /** Abort a single attempt after this many milliseconds (then retry). @default 60_000 */
  timeoutMs?: number;
  /** Keeps GET answers (2xx, 404); responses then carry `x-papersift-fetched-at`. @default none */
  cache?: ResponseCache;
}

/** Statuses a cache keeps: answers, and "not found" (which is an answer too). */
const CACHEABLE = (status: number) => (status >= 200 && status < 300) || status === 404;

const RETRYABLE = new Set([408, 429, 500, 502, 503, 504]);
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** A polite HTTP client shared by all sources. */
export class HttpClient {
  readonly #o: Required<Omit<HttpClientOptions, 'headers' | 'cache'>> & { headers: Record<string, string>; cache?: ResponseCache };
  #nextSlot = 0;

  constructor(options: HttpClientOptions) {
    this.#o = {
      clock: systemClock,
      userAgent: 'Papersift/0.1 (+https://github.com/papersift/papersift)',
      minIntervalMs: 0,
      maxRetries: 4,
      backoffMs: 1000,
      maxRetryAfterMs: 600_000,
      timeoutMs: 60_000,
      headers: {},
      ...options,
    };
  }

  /**
   * GETs (or POSTs) `url` and returns the response once it is 2xx or a non-retryable status
   * (the caller decides what a 404 means). Throws SourceError when retries are exhausted,
   * with `offline` set when the network could not be reached at all.
   */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const cache = (init.method ?? 'GET').toUpperCase() === 'GET' && !init.body ? this.#o.cache : undefined;
    if (!cache) return this.#send(url, init);
    const hit = cache.get(url, this.#o.clock.now());
    if (hit) return cachedResponse(hit);
    const res = await this.#send(url, init);
    if (!CACHEABLE(res.status)) return res;
    const entry = { url, status: res.status, contentType: res.headers.get('content-type'), body: await res.text(), fetchedAt: this.#o.clock.now() };
    cache.put(entry);
    return cachedResponse(entry);
  }

  async #send(url: string, init: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      await this.#waitForSlot(init.signal);
      let res: Response;
      try {
        const timeout = AbortSignal.timeout(this.#o.timeoutMs);
        const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        res = await this.#o.fetch(url, { ...init, signal, headers: { 'user-agent': this.#o.userAgent, ...this.#o.headers, ...init.headers } });
      } catch (err) {
        if (init.signal?.aborted) throw err;
        const offline = isOfflineError(err);
        if (attempt >= this.#o.maxRetries || offline && attempt >= 1) {
          throw new SourceError(`${offline ? 'cannot reach' : 'request failed for'} ${hostOf(url)}: ${errorText(err)}`, { cause: err, offline });
        }
        await this.#o.clock.sleep(this.#backoff(attempt), init.signal);
        continue;
      }
      if (!RETRYABLE.has(res.status)) return res;
      const wait = this.#retryDelay(res, attempt);
      await res.body?.cancel().catch(() => undefined);
      if (attempt >= this.#o.maxRetries || wait > this.#o.maxRetryAfterMs) {
        throw new SourceError(`${hostOf(url)} answered HTTP ${res.status} after ${attempt + 1} attempts`);
      }
      await this.#o.clock.sleep(wait, init.signal);
    }
  }

  /** Like {@link request} but throws SourceError on any non-2xx status and returns the body text. */
  async text(url: string, init?: RequestInit): Promise<string> {
    const res = await this.request(url, init);
    if (!res.ok) throw new SourceError(`${hostOf(url)} answered HTTP ${res.status} for ${url}`);
    return res.text();
  }

  async #waitForSlot(signal?: AbortSignal): Promise<void> {
    const now = this.#o.clock.now();
    const slot = Math.max(now, this.#nextSlot);
    this.#nextSlot = slot + this.#o.minIntervalMs;
    if (slot > now) await this.#o.clock.sleep(slot - now, signal);
  }

  #backoff(attempt: number): number {
    return this.#o.backoffMs * 2 ** attempt;
  }

  #retryDelay(res: Response, attempt: number): number {
    const header = res.headers.get('retry-after');
    const parsed = header ? parseRetryAfter(header, this.#o.clock.now()) : undefined;
    return parsed ?? this.#backoff(attempt);
  }
}

/** What {@link HttpClient.request} takes besides the URL. */
export interface RequestInit { method?: string; body?: string; headers?: Record<string, string>; signal?: AbortSignal }

function cachedResponse(e: CachedResponse): Response {
  const headers: Record<string, string> = { [FETCHED_AT_HEADER]: new Date(e.fetchedAt).toISOString() };
  if (e.contentType) headers['content-type'] = e.contentType;
  return new Response(e.status === 204 ? null : e.body, { status: e.status, headers });
}

/** Parses a Retry-After header (delta-seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function isOfflineError(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && OFFLINE_CODES.has(code)) return true;
  }
  return false;
}

function errorText(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}
