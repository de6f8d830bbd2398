import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { PapersiftError } from '../core/errors.js';
import type { Store } from '../store/store.js';
import { searchDeps, type SearchDeps } from '../services/search.service.js';
import { apiRoutes } from './routes/api.routes.js';
import { pageContext } from './routes/context.js';
import { feedRoutes } from './routes/feeds.routes.js';
import { pageRoutes } from './routes/pages.routes.js';
import { Csrf } from './security/csrf.js';
import { staticAssets } from './static.js';
import { pageCache } from './page-cache.js';
import { renderBadRequestPage, renderNotFoundPage, renderServerErrorPage } from './views/error-page.js';

/** What the web app needs. */
export interface AppDeps {
  store: Store;
  /** Signs CSRF tokens: at least 32 bytes, stable across restarts. */
  secret: Buffer;
  /** Absolute site address, for Atom links. @default http://localhost */
  baseUrl?: string;
  /** Serving over HTTPS: cookies get the Secure flag. @default false */
  https?: boolean;
  /** The clock. @default () => new Date() */
  now?: () => Date;
  /** Shown on `/` while the store is empty (e.g. the offline advice). */
  emptyStoreNotice?: () => string | undefined;
  /** Subscription attempts allowed per client per 15 minutes. @default 10 */
  subscribeLimit?: number;
  /** Bytes of rendered pages kept in memory between ingests; 0 disables the cache. @default 64 MiB */
  cacheBytes?: number;
  /** Milliseconds a read of the store's version is reused by the page cache (0: every request). @default 0 */
  versionTtlMs?: number;
  /** Searches per client per minute, pages and API each. @default 120 */
  searchLimit?: number;
  /** Search (keyword index, and semantic index once vectors exist). @default keyword-only over `store` */
  search?: SearchDeps;
  /** Called with unexpected errors (they become a plain 500). */
  onError?: (err: unknown) => void;
}

// KaTeX writes inline style attributes, hence 'unsafe-inline' for styles only; the one script is same-origin.
const CSP = {
  defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], fontSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'], objectSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"], frameAncestors: ["'none'"],
};

/**
 * The web app: server-rendered pages, the JSON API under `/api/v1`, Atom feeds under `/feeds`,
 * static assets. One error handler renders every PapersiftError by its status (HTML pages for
 * people, JSON for the API); anything else is logged and becomes a plain 500.
 */
export function createApp(deps: AppDeps): Hono {
  const now = deps.now ?? (() => new Date());
  const app = new Hono();
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, referrerPolicy: 'strict-origin-when-cross-origin' }));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/static', staticAssets());
  const csrf = new Csrf(deps.secret, { secure: deps.https ?? false });
  app.use('*', pageCache({
    generation: () => deps.store.version(), generationTtlMs: deps.versionTtlMs ?? 0, today: () => String(Math.floor(now().getTime() / 86_400_000)), csrfToken: (c) => csrf.token(c),
    ...(deps.cacheBytes !== undefined ? { maxBytes: deps.cacheBytes } : {}),
  }));
  const search = deps.search ?? searchDeps(deps.store);
  app.route('/api/v1', apiRoutes(deps.store, search, deps.searchLimit));
  app.route('/feeds', feedRoutes({ store: deps.store, baseUrl: deps.baseUrl ?? 'http://localhost', now }));
  app.route('/', pageRoutes({ store: deps.store, search, csrf, now, ...pick(deps, 'emptyStoreNotice', 'subscribeLimit', 'searchLimit') }));
  app.notFound(async (c) => (wantsJson(c) ? c.json({ error: 'not_found', message: `no route for ${c.req.path}` }, 404) : c.html(await renderNotFoundPage(pageContext(c, now)), 404)));
  app.onError(async (err, c) => {
    const known = err instanceof PapersiftError ? err : undefined;
    if (!known) deps.onError?.(err);
    const status = (known?.status ?? 500) as 400 | 404 | 500;
    if (wantsJson(c)) return c.json({ error: known?.code ?? 'internal', message: known?.message ?? 'internal server error' }, status);
    const ctx = pageContext(c, now);
    if (status === 404) return c.html(await renderNotFoundPage(ctx, known!.message), 404);
    if (status === 400) return c.html(await renderBadRequestPage(ctx, known!.message), 400);
    return c.html(await renderServerErrorPage(ctx), 500);
  });
  return app;
}

function wantsJson(c: Context): boolean {
  return c.req.path.startsWith('/api/') || c.req.path.startsWith('/feeds/');
}

function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
