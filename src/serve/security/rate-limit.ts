import type { MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';

/**
 * Per-client rate limits for what can be abused (subscribing, searching). Keyed on the
 * socket address: X-Forwarded-For is not trusted, since any client can set it. Counts live in
 * this process's memory, so each process of a multi-process deployment limits on its own.
 */
export function clientRateLimit(options: { windowMs: number; limit: number; message: string }) {
  return rateLimiter({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => clientAddress(c.env) ?? 'unknown',
    message: options.message,
  });
}

function clientAddress(env: unknown): string | undefined {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

/** Searches a client may run per minute (pages and API together count separately). */
export const SEARCHES_PER_MINUTE = 120;

/** The search limiter; a limit of 0 turns it off. */
export function searchRateLimit(limit = SEARCHES_PER_MINUTE): MiddlewareHandler {
  if (limit === 0) return async (_c, next) => { await next(); };
  return clientRateLimit({ windowMs: 60_000, limit, message: 'Too many searches from this address. Try again in a minute.' });
}
