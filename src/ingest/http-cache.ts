import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The response cache behind {@link HttpClient} for external count lookups (Semantic Scholar,
 * OpenAlex): one JSON file per GET URL under a directory (normally `<PAPERSIFT_DATA>/http-cache`),
 * written atomically, read back while younger than the TTL. Only the URL is the key: API keys
 * travel in headers and do not change the answer.
 */

/** One cached answer: status, body and content type, and when it was fetched (ms since the epoch). */
export interface CachedResponse {
  url: string;
  status: number;
  contentType: string | null;
  body: string;
  fetchedAt: number;
}

/** Where a client keeps responses; `get` returns only entries younger than its TTL. */
export interface ResponseCache {
  /** The entry for `url` if it is fresh at `now`. */
  get(url: string, now: number): CachedResponse | undefined;
  /** Stores an entry (replacing any older one). */
  put(entry: CachedResponse): void;
}

/** A {@link ResponseCache} of files in `dir`; `ttlMs` 0 or less caches nothing. */
export class FileResponseCache implements ResponseCache {
  readonly #dir: string;
  readonly #ttlMs: number;

  /** @param dir Created on the first write. @param ttlMs How long an entry stays fresh. */
  constructor(dir: string, ttlMs: number) {
    this.#dir = dir;
    this.#ttlMs = ttlMs;
  }

  /** See {@link ResponseCache.get}; a missing, unreadable or other-URL file is a miss. */
  get(url: string, now: number): CachedResponse | undefined {
    if (this.#ttlMs <= 0) return undefined;
    try {
      const e = JSON.parse(readFileSync(this.#file(url), 'utf8')) as CachedResponse;
      return e.url === url && now - e.fetchedAt < this.#ttlMs ? e : undefined;
    } catch {
      return undefined;
    }
  }

  /** See {@link ResponseCache.put}. */
  put(entry: CachedResponse): void {
    if (this.#ttlMs <= 0) return;
    mkdirSync(this.#dir, { recursive: true });
    const file = this.#file(entry.url), tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, file);
  }

  #file(url: string): string {
    return join(this.#dir, `${createHash('sha256').update(url).digest('hex')}.json`);
  }
}

/** Response header carrying when a (possibly cached) response was fetched, as an ISO date. */
export const FETCHED_AT_HEADER = 'x-papersift-fetched-at';

/** When `res` was fetched: the cache's header, else `fallback` (ISO date). */
export function fetchedAt(res: Response, fallback: string): string {
  return res.headers.get(FETCHED_AT_HEADER) ?? fallback;
}
