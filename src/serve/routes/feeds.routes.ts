import { Hono, type Context } from 'hono';
import { findCategory } from '../../core/taxonomy.js';
import { getAuthorProfile } from '../../services/author.service.js';
import { getFeed } from '../../services/feed.service.js';
import type { PaperCard } from '../../services/read-models.js';
import type { Store } from '../../store/store.js';
import { paperCardToAtomEntry, renderAtom } from '../render/atom.js';
import { authorPath, feedPath } from '../urls.js';

/** What the Atom routes need. */
export interface FeedRouteDeps {
  store: Store;
  /** Absolute site address for links (`PAPERSIFT_BASE_URL`). */
  baseUrl: string;
  now: () => Date;
}

const ATOM = 'application/atom+xml; charset=utf-8';

/** Atom feeds: every daily, weekly and monthly list (`/feeds/daily/2025-03-18`), the latest (`/feeds/daily`), and every author. */
export function feedRoutes(deps: FeedRouteDeps): Hono {
  const app = new Hono();
  const label = (id: string) => findCategory(id)?.name;
  const atom = (c: Context, title: string, page: string, cards: PaperCard[]) => {
    const fallback = deps.now().toISOString();
    const self = new URL(c.req.path + (new URL(c.req.url).search), deps.baseUrl).href;
    const body = renderAtom({
      id: self, title, selfLink: self, alternateLink: new URL(page, deps.baseUrl).href,
      ...(cards.length === 0 ? { updated: fallback } : {}),
      entries: cards.map((card) => paperCardToAtomEntry(card, deps.baseUrl, fallback, label)),
    });
    return c.body(body, 200, { 'content-type': ATOM });
  };
  for (const kind of ['daily', 'weekly', 'monthly'] as const) {
    const handler = async (c: Context, requested: string) => {
      const feed = await getFeed(deps.store, kind, requested, { category: c.req.query('category') || null });
      const title = `Papersift ${kind} papers ${feed.label}${feed.category ? ` in ${feed.category}` : ''}`;
      return atom(c, title, feedPath({ kind, label: feed.label, category: feed.category }), feed.papers);
    };
    app.get(`/${kind}`, (c) => handler(c, 'latest'));
    app.get(`/${kind}/:label`, (c) => handler(c, c.req.param('label')));
  }
  app.get('/latest.atom', async (c) => {
    const feed = await getFeed(deps.store, 'daily', 'latest', { category: c.req.query('category') || null });
    return atom(c, `Papersift: newest papers${feed.category ? ` in ${feed.category}` : ''}`, feedPath({ kind: 'daily', category: feed.category }), feed.papers);
  });
  app.get('/authors/:key', async (c) => {
    const profile = await getAuthorProfile(deps.store, c.req.param('key'));
    return atom(c, `Papersift: papers by ${profile.name}`, authorPath(profile.key), profile.papers.slice(0, 50));
  });
  return app;
}
