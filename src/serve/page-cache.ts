import type { MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';

/** Marker rendered in place of the per-browser CSRF token, swapped for the real one on every response. */
export const CSRF_PLACEHOLDER = 'csrf-placeholder-1f7c9a';

/** Options of {@link pageCache}. */
export interface PageCacheOptions {
  /** What the pages depend on, as a string that changes whenever the store changes (the ingest generation). Read on every request. */
  generation: () => Promise<string>;
  /** The current day (`YYYY-MM-DD`): card dates say "Apr 15" within the current year. */
  today: () => string;
  /** The per-request CSRF token, put where the rendered page has {@link CSRF_PLACEHOLDER}. */
  csrfToken: (c: Parameters<MiddlewareHandler>[0]) => string;
  /** Most bytes of rendered bodies kept; 0 turns caching off (the CSRF placeholder is still filled). @default 64 MiB */
  maxBytes?: number;
}

interface Entry { body: string; type: string; status: number }

/**
 * Caches successful GET responses (pages, API, feeds) in memory, keyed by URL, day and store
 * generation: pages change only when an ingest writes, so between ingests a profile is rendered
 * once instead of on every request. A new generation makes every older entry unreachable.
 * The CSRF token is per browser, so rendered HTML carries a placeholder that each response fills.
 */
export function pageCache(o: PageCacheOptions): MiddlewareHandler {
  const max = o.maxBytes ?? 64 * 1024 * 1024;
  const cache = max > 0 ? new LRUCache<string, Entry>({ maxSize: max, sizeCalculation: (e) => e.body.length * 2 + 64 }) : undefined;
  const fill = (c: Parameters<MiddlewareHandler>[0], e: Entry) =>
    c.body(e.body.includes(CSRF_PLACEHOLDER) ? e.body.replaceAll(CSRF_PLACEHOLDER, o.csrfToken(c)) : e.body, e.status as 200, { 'content-type': e.type });
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const key = cache ? `${await o.generation()}|${o.today()}|${c.req.url}` : '';
    const hit = cache?.get(key);
    if (hit) return fill(c, hit);
    await next();
    if (c.res.status !== 200) return;
    const entry = { body: await c.res.clone().text(), type: c.res.headers.get('content-type') ?? 'text/html; charset=UTF-8', status: 200 };
    cache?.set(key, entry);
    c.res = fill(c, entry);
  };
}
