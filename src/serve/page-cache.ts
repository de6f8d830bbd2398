import { createHash } from 'node:crypto';
import { brotliCompress, constants } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import { gzipBody, plainBody, segmentBody, type SegmentedBody } from './gzip-segments.js';

/** Marker rendered in place of the per-browser CSRF token, swapped for the real one on every response. */
export const CSRF_PLACEHOLDER = 'csrf-placeholder-1f7c9a';

/** Options of {@link pageCache}. */
export interface PageCacheOptions {
  /** What the pages depend on, as a string that changes whenever the store changes (the ingest generation). */
  generation: () => Promise<string>;
  /** Milliseconds a generation read is reused before the store is asked again (0: every request). @default 0 */
  generationTtlMs?: number;
  /** The current (UTC) day, in any form that changes daily: card dates say "Apr 15" within the current year. */
  today: () => string;
  /** The per-request CSRF token, put where the rendered page has {@link CSRF_PLACEHOLDER}. */
  csrfToken: (c: Context) => string;
  /** Most bytes of rendered bodies kept; 0 turns caching off (the CSRF placeholder is still filled). @default 64 MiB */
  maxBytes?: number;
}

interface Entry {
  body: SegmentedBody;
  type: string;
  etag: string;
  /** The whole gzip body, when the page has no hole to fill (most pages: only forms carry tokens). */
  gzip: Buffer | undefined;
  /** The whole brotli body (about a fifth smaller than gzip), filled in off the event loop once compressed. */
  brotli?: Buffer;
}

/**
 * Caches successful GET responses (pages, API, feeds) in memory, keyed by URL, day and store
 * generation: pages change only when an ingest writes, so between ingests a profile is rendered
 * and gzip-compressed once instead of on every request. A new generation makes every older
 * entry unreachable. The CSRF token is per browser, so rendered HTML carries a placeholder
 * that each response fills, in the compressed body too (see gzip-segments.ts). Responses carry
 * an ETag and answer a matching If-None-Match with 304.
 */
export function pageCache(o: PageCacheOptions): MiddlewareHandler {
  const max = o.maxBytes ?? 64 * 1024 * 1024;
  const cache = max > 0 ? new LRUCache<string, Entry>({ maxSize: max, sizeCalculation: entrySize }) : undefined;
  const generation = reuseFor(o.generation, o.generationTtlMs ?? 0);
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const key = cache ? `${await generation()}|${o.today()}|${c.req.url}` : '';
    const hit = cache?.get(key);
    if (hit) return respond(c, hit, o.csrfToken);
    await next();
    if (c.res.status !== 200) return;
    const text = await c.res.clone().text();
    const type = c.res.headers.get('content-type') ?? 'text/html; charset=UTF-8';
    if (!cache) {
      if (text.includes(CSRF_PLACEHOLDER)) c.res = c.body(text.replaceAll(CSRF_PLACEHOLDER, o.csrfToken(c)), 200, { 'content-type': type });
      return;
    }
    const body = segmentBody(text, CSRF_PLACEHOLDER, 9);
    const entry: Entry = { body, type, etag: shortHash(text, 16), gzip: body.parts.length === 1 ? Buffer.concat(gzipBody(body, '')) : undefined };
    cache.set(key, entry);
    if (entry.gzip) addBrotli(entry, text);
    c.res = respond(c, entry, o.csrfToken);
  };
}

function respond(c: Context, e: Entry, csrfToken: (c: Context) => string): Response {
  const token = e.body.parts.length > 1 ? csrfToken(c) : '';
  const etag = token ? `"${e.etag}-${shortHash(token)}"` : `"${e.etag}"`;
  const headers: Record<string, string> = { etag, vary: 'Accept-Encoding', 'cache-control': token ? 'private, no-cache' : 'no-cache' };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  headers['content-type'] = e.type;
  const accept = c.req.header('accept-encoding');
  if (e.brotli && accepts(accept, 'br')) {
    headers['content-encoding'] = 'br';
    return c.body(bytes(e.brotli), 200, headers);
  }
  if (!accepts(accept, 'gzip')) return c.body(bytes(plainBody(e.body, token)), 200, headers);
  headers['content-encoding'] = 'gzip';
  return c.body(bytes(e.gzip ?? Buffer.concat(gzipBody(e.body, token))), 200, headers);
}

/** True when an Accept-Encoding header allows `coding` (named or `*`, not with q=0). */
export function accepts(header: string | undefined, coding: 'gzip' | 'br'): boolean {
  if (!header) return false;
  return header.split(',').some((item) => {
    const [name, ...params] = item.trim().toLowerCase().split(';');
    if (name !== coding && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function shortHash(text: string, length = 8): string {
  return createHash('sha1').update(text).digest('base64url').slice(0, length);
}

/** Buffers made here own plain ArrayBuffers (never shared memory), which Response bodies require. */
function bytes(b: Buffer): Uint8Array<ArrayBuffer> {
  return b as Uint8Array<ArrayBuffer>;
}

/** Compresses the page with brotli (quality 11) on the libuv thread pool; until then responses use gzip. */
function addBrotli(e: Entry, text: string): void {
  const input = Buffer.from(text, 'utf8');
  brotliCompress(input, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: input.length } }, (err, out) => {
    if (!err) e.brotli = out;
  });
}

function entrySize(e: Entry): number {
  return e.body.partBytes + e.body.deflated.reduce((n, d) => n + d.length, 0) + 2 * (e.gzip?.length ?? 0) + 256; // the brotli body, added later, is smaller than the gzip one
}

/** `read`, with its answer reused for `ttlMs` and one read in flight shared by concurrent callers. */
function reuseFor(read: () => Promise<string>, ttlMs: number): () => Promise<string> {
  if (ttlMs <= 0) return read;
  let value: Promise<string> | undefined;
  let at = 0;
  return () => {
    const now = Date.now();
    if (!value || now - at >= ttlMs) {
      at = now;
      value = read().catch((err: unknown) => { value = undefined; throw err; });
    }
    return value;
  };
}
