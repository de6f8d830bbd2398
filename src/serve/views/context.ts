/**
 * What every page view needs from the request besides its read model. Routes build one per
 * request; views never read the clock or the request themselves.
 */
export interface PageContext {
  /** The current time (card dates drop the year within the current UTC year). */
  now: Date;
  /** The request path (`/today`, `/authors/ada-lovelace`), for marking the current nav item. */
  path: string;
}
