import type { Context } from 'hono';
import type { PageContext } from '../views/context.js';

/** The page context of a request: the clock's now and the request path. */
export function pageContext(c: Context, now: () => Date): PageContext {
  return { now: now(), path: c.req.path };
}

/** A positive integer query parameter, or undefined when absent (validation happens in services). */
export function intQuery(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
}

/** The search parameters of a request (validated by the search service). */
export function searchQuery(c: { req: { query(name: string): string | undefined } }) {
  return {
    mode: c.req.query('mode') ?? null, category: c.req.query('category') ?? null, from: c.req.query('from') ?? null,
    to: c.req.query('to') ?? null, author: c.req.query('author') ?? null, page: intQuery(c.req.query('page')),
  };
}
