import { NotFoundError, ValidationError } from '../core/errors.js';
import { feedPeriodOf, isFeedKind, parseFeedPeriod, type FeedKind, type FeedPeriod } from '../core/feed-period.js';
import { findCategory } from '../core/taxonomy.js';
import type { Store } from '../store/store.js';
import { resolvePaging, type PagingOptions } from './paging.js';
import type { FeedPage } from './read-models.js';

/** Options of {@link getFeed}. */
export interface FeedOptions extends PagingOptions {
  /** Only papers in this arXiv category (at any position, cross-lists included). @default null */
  category?: string | null;
}

/**
 * A daily, weekly or monthly feed: papers whose first-listing date falls in the period, newest
 * first, paginated, with the labels of the nearest earlier and later periods that have papers
 * (for the same category filter).
 *
 * `kind` is `daily`, `weekly` or `monthly`; `label` is that kind's label (`2025-03-18`,
 * `2025-W12` for an ISO-8601 week, `2025-03`) or `latest`, the period of the newest listing.
 * Everything is validated strictly: a bad kind, label, category or paging throws a
 * ValidationError naming the field (`kind`, `label`, `category`, `page`, `pageSize`). `latest`
 * on a store where no paper (of the category) has a listing date throws NotFoundError.
 */
export async function getFeed(store: Store, kind: string, label: string, options: FeedOptions = {}): Promise<FeedPage> {
  if (!isFeedKind(kind)) throw new ValidationError('kind', `must be daily, weekly or monthly, got ${JSON.stringify(kind)}`);
  const category = options.category ?? null;
  if (category !== null && !findCategory(category)) throw new ValidationError('category', `not an arXiv category: ${JSON.stringify(category)}`);
  const paging = resolvePaging(options);
  const period = await resolvePeriod(store, kind, label, category);
  const [list, previous, next] = await Promise.all([
    store.feeds.listed({ from: period.from, to: period.to, category }, { offset: paging.offset, limit: paging.pageSize }),
    neighbour(store, kind, 'before', period.from, category),
    neighbour(store, kind, 'after', period.to, category),
  ]);
  return {
    kind, label: period.label, from: period.from, to: period.to, previous, next, category,
    papers: list.papers, total: list.total, page: paging.page, pageSize: paging.pageSize,
  };
}

/** The period a label names; `latest` is the period of the newest listing date. */
async function resolvePeriod(store: Store, kind: FeedKind, label: string, category: string | null): Promise<FeedPeriod> {
  if (label !== 'latest') return parseFeedPeriod(kind, label, 'label');
  const latest = await store.feeds.latestListedDate(category);
  if (!latest) throw new NotFoundError('listed papers', category ? `latest in ${category}` : 'latest');
  return feedPeriodOf(kind, latest);
}

/** Label of the nearest period before `from` / after `to` that has papers, or null. */
async function neighbour(store: Store, kind: FeedKind, direction: 'before' | 'after', date: string, category: string | null): Promise<string | null> {
  const found = await store.feeds.nearestListedDate(direction, date, category);
  return found ? feedPeriodOf(kind, found).label : null;
}
