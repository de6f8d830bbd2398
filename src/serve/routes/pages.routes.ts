import { Hono } from 'hono';
import { NotFoundError, ValidationError } from '../../core/errors.js';
import { findCategory } from '../../core/taxonomy.js';
import { getAuthorProfile } from '../../services/author.service.js';
import { getCategoryPage } from '../../services/category.service.js';
import { getFeed } from '../../services/feed.service.js';
import { getPaperDetail } from '../../services/paper.service.js';
import { subscribePending } from '../../services/subscription.service.js';
import type { Store } from '../../store/store.js';
import { searchPapers, type SearchDeps } from '../../services/search.service.js';
import { renderSearchPage } from '../views/search-page.js';
import { similarPapers } from '../../services/similar.service.js';
import { impactModelReport } from '../../services/impact.service.js';

/** Similar papers listed on a paper page. */
const SIMILAR_ON_PAGE = 8;
import { feedFormRedirect } from '../feed-form.js';
import type { Csrf } from '../security/csrf.js';
import { CSRF_PLACEHOLDER } from '../page-cache.js';
import { clientRateLimit, searchRateLimit } from '../security/rate-limit.js';
import { FEED_SEGMENTS, FEED_FORM_PATH, SEARCH_PATH, SUBSCRIBE_PATH } from '../urls.js';
import { renderAboutPage } from '../views/about-page.js';
import { renderAuthorPage } from '../views/author-page.js';
import { renderAuthorCitationsPage, renderAuthorCorePage } from '../views/author-trace-pages.js';
import { getAuthorCitations, getAuthorCore } from '../../services/author-trace.service.js';
import { renderCategoriesIndexPage, renderCategoryPage } from '../views/category-page.js';
import { renderFeedPage } from '../views/feed-page.js';
import { renderSubscribePage } from '../views/subscribe-page.js';
import { renderMessagePage } from '../views/message-page.js';
import { renderPaperPage } from '../views/paper-page.js';
import { intQuery, pageContext, searchQuery } from './context.js';

/** What the page routes need. */
export interface PageRouteDeps {
  store: Store;
  search: SearchDeps;
  csrf: Csrf;
  now: () => Date;
  /** Shown on `/` while the store holds no listed paper (e.g. the offline advice). */
  emptyStoreNotice?: () => string | undefined;
  /** Subscription attempts per client per 15 minutes. @default 10 */
  subscribeLimit?: number;
  /** Searches per client per minute. @default 120 */
  searchLimit?: number;
}

/** The server-rendered pages. Errors (bad input, unknown ids) propagate to the app's error handler. */
export function pageRoutes(deps: PageRouteDeps): Hono {
  const app = new Hono();
  const ctx = (c: Parameters<typeof pageContext>[0]) => pageContext(c, deps.now);

  for (const kind of ['daily', 'weekly', 'monthly'] as const) {
    const render = async (c: Parameters<typeof pageContext>[0], label: string) => {
      const feed = await getFeed(deps.store, kind, label, { category: c.req.query('category') || null, page: intQuery(c.req.query('page')) });
      return c.html(await renderFeedPage(feed, ctx(c)));
    };
    const base = kind === 'daily' ? '/' : `/${FEED_SEGMENTS[kind]}`;
    app.get(base, async (c) => {
      try {
        return await render(c, 'latest');
      } catch (err) {
        if (!(err instanceof NotFoundError) || c.req.query('category')) throw err;
        return c.html(await renderMessagePage(emptyIndex(deps.emptyStoreNotice?.()), ctx(c)));
      }
    });
    app.get(`/${FEED_SEGMENTS[kind]}/:label`, (c) => render(c, c.req.param('label')));
  }
  app.get(FEED_FORM_PATH, (c) => c.redirect(feedFormRedirect(c.req.query()), 303));

  app.get('/papers/:id{.+}', async (c) => {
    const id = c.req.param('id');
    const [detail, similar] = await Promise.all([getPaperDetail(deps.store, id), deps.search.semantic ? similarPapers(deps.search, id, SIMILAR_ON_PAGE) : null]);
    return c.html(await renderPaperPage(detail, ctx(c), similar));
  });
  app.get('/authors/:key', async (c) => {
    const sort = c.req.query('sort') === 'cited' ? 'cited' : 'newest';
    const page = intQuery(c.req.query('page'));
    return c.html(await renderAuthorPage(await getAuthorProfile(deps.store, c.req.param('key'), { sort, ...(page !== undefined ? { page } : {}) }), ctx(c)));
  });
  app.get('/authors/:key/citations', async (c) => c.html(await renderAuthorCitationsPage(await getAuthorCitations(deps.store, c.req.param('key'), { page: intQuery(c.req.query('page')) }), ctx(c))));
  app.get('/authors/:key/h-core', async (c) => {
    const show = c.req.query('show') === 'i10' ? 'i10' : c.req.query('show') === 'h5' ? 'h5' : 'h';
    return c.html(await renderAuthorCorePage(await getAuthorCore(deps.store, c.req.param('key')), show, ctx(c)));
  });
  app.get('/categories', async (c) => c.html(await renderCategoriesIndexPage(ctx(c))));
  app.get('/categories/:id', async (c) => {
    const page = await getCategoryPage(deps.store, c.req.param('id'), { page: intQuery(c.req.query('page')) });
    return c.html(await renderCategoryPage(page, ctx(c)));
  });
  app.get('/about', async (c) => c.html(await renderAboutPage(ctx(c), await impactModelReport(deps.store))));
  app.get(SEARCH_PATH, searchRateLimit(deps.searchLimit), async (c) => {
    const q = c.req.query('q');
    const results = q === undefined ? null : await searchPapers(deps.search, { ...searchQuery(c), q });
    return c.html(await renderSearchPage(results, ctx(c)));
  });

  app.get(SUBSCRIBE_PATH, async (c) => {
    const category = c.req.query('category') || null;
    if (category !== null && !findCategory(category)) throw new ValidationError('category', `unknown arXiv category ${JSON.stringify(category)}`);
    return c.html(await renderSubscribePage({ category, csrfToken: CSRF_PLACEHOLDER }, ctx(c)));
  });
  app.post(SUBSCRIBE_PATH, subscribeLimiter(deps.subscribeLimit ?? 10), deps.csrf.protect(), async (c) => {
    const body = await c.req.parseBody();
    const email = typeof body['email'] === 'string' ? body['email'] : '';
    const category = typeof body['category'] === 'string' && body['category'] ? [body['category']] : [];
    const result = await subscribePending(deps.store, email, category, deps.now());
    return c.html(await renderMessagePage({
      title: result.new ? 'Address saved, pending confirmation' : 'Already pending',
      paragraphs: [
        result.new
          ? 'We stored your address as pending confirmation. No email has been sent: Papersift does not send mail yet. When digests are switched on, you will get one message asking you to confirm before anything else is sent.'
          : 'This address was already stored as pending confirmation. Nothing changed, and no email has been sent.',
      ],
    }, ctx(c)));
  });
  return app;
}

function emptyIndex(notice: string | undefined) {
  return {
    title: 'No papers yet',
    paragraphs: [notice ? 'The index is empty.' : 'The index is empty: no paper with a listing date has been imported yet.'],
    code: notice ?? 'npx papersift ingest snapshot arxiv-metadata-oai-snapshot.json',
  };
}

function subscribeLimiter(limit: number) {
  return clientRateLimit({ windowMs: 15 * 60 * 1000, limit, message: 'Too many subscription attempts from this address. Try again in a few minutes.' });
}

