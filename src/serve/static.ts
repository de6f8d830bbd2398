import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { SITE_CSS } from './assets/site-css.js';
import { SITE_JS } from './assets/site-js.js';

/**
 * Static assets under `/static/`: the site stylesheet and script (from string modules) and
 * KaTeX's stylesheet and fonts, read from the installed `katex` package — served from this
 * host, never a CDN. Only a fixed list of names is served, so no request path reaches the
 * file system. Responses carry an ETag; versioned URLs (`?v=`) are cached for a year.
 */

/** An asset in memory. */
interface Asset {
  body: Uint8Array | string;
  type: string;
  etag: string;
}

const require = createRequire(import.meta.url);
const KATEX_DIST = dirname(require.resolve('katex'));
const KATEX_VERSION = (require('katex/package.json') as { version: string }).version;
const FONT_NAME = /^KaTeX_[A-Za-z0-9_-]+\.(woff2|woff|ttf)$/;
const FONT_TYPES: Record<string, string> = { woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf' };

function etagOf(body: Uint8Array | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
}

function asset(body: Uint8Array | string, type: string): Asset {
  return { body, type, etag: etagOf(body) };
}

const SITE_ASSETS: Record<string, Asset> = {
  'site.css': asset(SITE_CSS, 'text/css; charset=utf-8'),
  'site.js': asset(SITE_JS, 'text/javascript; charset=utf-8'),
};

const katexCache = new Map<string, Asset>();

/** KaTeX's CSS or one of its fonts, read once; undefined for any other name. */
function katexAsset(name: string): Asset | undefined {
  const cached = katexCache.get(name);
  if (cached) return cached;
  let found: Asset | undefined;
  if (name === 'katex.min.css') found = asset(readFileSync(join(KATEX_DIST, 'katex.min.css'), 'utf8'), 'text/css; charset=utf-8');
  const font = name.startsWith('fonts/') ? FONT_NAME.exec(name.slice('fonts/'.length)) : null;
  if (font) found = readFont(name, FONT_TYPES[font[1]!]!);
  if (found) katexCache.set(name, found);
  return found;
}

function readFont(name: string, type: string): Asset | undefined {
  try {
    return asset(readFileSync(join(KATEX_DIST, name)), type);
  } catch {
    return undefined; // a well-formed name KaTeX does not ship
  }
}

/** The asset a `/static/…` sub-path names, if any. */
export function findStaticAsset(path: string): Asset | undefined {
  if (path.startsWith('katex/')) return katexAsset(path.slice('katex/'.length));
  return SITE_ASSETS[path];
}

/**
 * The URL the layout links for an asset, with a version query so browsers may cache it for a
 * year: the content hash for the site's own files, the package version for KaTeX's.
 */
export function assetUrl(name: 'site.css' | 'site.js' | 'katex/katex.min.css'): string {
  const version = name.startsWith('katex/') ? KATEX_VERSION : SITE_ASSETS[name]!.etag.slice(1, 9);
  return `/static/${name}?v=${version}`;
}

function respond(c: Context, found: Asset): Response {
  const versioned = c.req.query('v') !== undefined;
  const headers: Record<string, string> = {
    'content-type': found.type,
    etag: found.etag,
    'cache-control': versioned || found.type.startsWith('font/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
    'x-content-type-options': 'nosniff',
  };
  if (c.req.header('if-none-match') === found.etag) return new Response(null, { status: 304, headers });
  return new Response(found.body, { status: 200, headers });
}

/**
 * A sub-app serving the assets; mount it with `app.route('/static', staticAssets())`.
 * Unknown names fall through to the parent app's not-found handler.
 */
export function staticAssets(): Hono {
  const app = new Hono();
  app.get('/*', (c, next) => {
    const found = findStaticAsset(c.req.path.replace(/^.*?\/static\//, ''));
    return found ? respond(c, found) : next();
  });
  return app;
}
