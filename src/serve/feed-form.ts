import { ValidationError } from '../core/errors.js';
import { isFeedKind, parseFeedPeriod } from '../core/feed-period.js';
import { findCategory } from '../core/taxonomy.js';
import { feedPath, type FeedTarget } from './urls.js';

/**
 * The feed picker is a GET form (`/feed?kind=weekly&date=…&week=2025-W12&month=…&category=cs.LG`)
 * whose submit buttons choose the kind; this turns its query into the canonical feed URL to
 * redirect to, validating every field with core/feed-period (bad input is a 400, not a crash
 * or an open redirect). Browsers without `<input type=week|month>` send the typed text, which
 * is held to the same formats.
 */

/** The form's field names. */
export const FEED_FORM_FIELDS = { kind: 'kind', date: 'date', week: 'week', month: 'month', category: 'category' } as const;

const LABEL_FIELD = { daily: 'date', weekly: 'week', monthly: 'month' } as const;

/** Reads the form query into a feed target; throws ValidationError naming the bad field. */
export function parseFeedForm(query: Record<string, string | undefined>): FeedTarget {
  const kind = query.kind ?? 'daily';
  if (!isFeedKind(kind)) throw new ValidationError('kind', 'expected daily, weekly or monthly');
  const field = LABEL_FIELD[kind];
  const raw = query[field]?.trim() || null;
  const label = raw ? parseFeedPeriod(kind, raw, field).label : null;
  const category = query.category?.trim() || null;
  if (category && !findCategory(category)) throw new ValidationError('category', `unknown arXiv category: ${category.slice(0, 40)}`);
  return { kind, label, category };
}

/** The canonical URL the form submission redirects to. */
export function feedFormRedirect(query: Record<string, string | undefined>): string {
  return feedPath(parseFeedForm(query));
}
