import { HttpClient, type Clock, type FetchLike } from '../http.js';

/**
 * Minimum milliseconds between two requests to arXiv's machine interfaces. arXiv's API
 * terms of use ask clients to "make no more than one request every three seconds" and to
 * use a single connection at a time (https://info.arxiv.org/help/api/tou.html); the same
 * limit applies to the OAI-PMH endpoint, which answers faster clients with `503` and a
 * `Retry-After` header (that header is honoured by {@link HttpClient}).
 */
export const ARXIV_MIN_INTERVAL_MS = 3000;

/**
 * An {@link HttpClient} that keeps to arXiv's rate limit: one request every
 * {@link ARXIV_MIN_INTERVAL_MS} (3000 ms), with HttpClient's default retries, backoff and
 * `Retry-After` handling. Use one client per process for every arXiv source (API and
 * OAI-PMH alike), so their requests share the one budget.
 *
 * @param fetch the fetch to send requests with (the global `fetch` in production, a fake in tests)
 * @param clock time source for the rate limit and retries; defaults to the system clock
 */
export function arxivHttpClient(fetch: FetchLike, clock?: Clock): HttpClient {
  return new HttpClient(clock ? { fetch, clock, minIntervalMs: ARXIV_MIN_INTERVAL_MS } : { fetch, minIntervalMs: ARXIV_MIN_INTERVAL_MS });
}
