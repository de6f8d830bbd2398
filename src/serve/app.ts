import { Hono } from 'hono';
import { html } from 'hono/html';
import type { Store } from '../store/store.js';
import { PapersiftError } from '../core/errors.js';

/** What the web app needs. */
export interface AppDeps {
  store: Store;
  /** A line shown on the home page when the store is empty (e.g. the offline advice). */
  emptyStoreNotice?: () => string | undefined;
  onError?: (err: unknown) => void;
}

/**
 * The web app factory. The foundation serves a home page with the newest papers, store
 * statistics as JSON and a health check; the web-app issue adds profiles, paper pages and feeds.
 * Every paper string goes through hono/html's escaping.
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/api/v1/stats', async (c) => c.json(await deps.store.stats.all()));
  app.get('/', async (c) => {
    const papers = await deps.store.papers.listRecent(50);
    const notice = papers.length === 0 ? deps.emptyStoreNotice?.() ?? 'The store is empty. Import papers with `npx papersift ingest snapshot <file>`.' : undefined;
    return c.html(html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Papersift</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}li{margin:.6rem 0}small{color:#666}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}</style></head>
<body><h1>Papersift</h1>${notice ? html`<pre role="status">${notice}</pre>` : ''}
<ol>${papers.map((p) => html`<li><a href="https://arxiv.org/abs/${p.arxivId}">${p.title}</a><br><small>${p.primaryCategory} · ${p.firstListed ?? p.published ?? ''} · ${p.authors.slice(0, 3).map((a) => a.name).join(', ')}${p.authors.length > 3 ? ' et al.' : ''}</small></li>`)}</ol></body></html>`);
  });
  app.notFound((c) => c.json({ error: 'not_found', message: `no route for ${c.req.path}` }, 404));
  app.onError((err, c) => {
    if (err instanceof PapersiftError) return c.json({ error: err.code, message: err.message }, err.status as 400);
    deps.onError?.(err);
    return c.json({ error: 'internal', message: 'internal server error' }, 500);
  });
  return app;
}
