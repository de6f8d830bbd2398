import { createHmac, randomFillSync, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** Name of the cookie holding the browser's random CSRF seed. */
export const CSRF_COOKIE = 'ps_csrf';
/** Random bytes in a seed (32 base64url characters). */
const SEED_BYTES = 24;

/** Name of the hidden form field carrying the token. */
export const CSRF_FIELD = '_csrf';

/**
 * CSRF protection for every form: a signed double-submit token. Each browser gets a random seed
 * in an HttpOnly, SameSite=Lax cookie; forms carry HMAC(secret, seed). A POST passes only when
 * its `_csrf` field matches the cookie's HMAC, so another site can neither read nor forge it.
 */
export class Csrf {
  readonly #secret: Buffer;
  readonly #secure: boolean;
  /** Tokens of recently seen seeds: a returning browser's token is not signed again on every page. */
  readonly #signed = new LRUCache<string, string>({ max: 10_000 });
  /** Random bytes drawn in bulk: one CSPRNG call serves many new browsers' seeds. */
  readonly #pool = Buffer.alloc(SEED_BYTES * 256);
  #poolAt = this.#pool.length;

  /** `secret`: at least 32 random bytes, kept across restarts. `secure`: set the cookie's Secure flag (HTTPS). */
  constructor(secret: Buffer, options: { secure?: boolean } = {}) {
    if (secret.length < 32) throw new Error('CSRF secret must be at least 32 bytes');
    this.#secret = secret;
    this.#secure = options.secure ?? false;
  }

  /** The token for this request's forms, setting the seed cookie when the browser has none. */
  token(c: Context): string {
    let seed = getCookie(c, CSRF_COOKIE);
    if (!seed || !/^[A-Za-z0-9_-]{32,64}$/.test(seed)) {
      seed = this.#newSeed();
      setCookie(c, CSRF_COOKIE, seed, { httpOnly: true, sameSite: 'Lax', path: '/', secure: this.#secure, maxAge: 60 * 60 * 24 * 30 });
    }
    return this.#sign(seed);
  }

  /** True when `submitted` is the valid token for the request's cookie. */
  verify(c: Context, submitted: unknown): boolean {
    const seed = getCookie(c, CSRF_COOKIE);
    if (!seed || typeof submitted !== 'string') return false;
    const expected = Buffer.from(this.#sign(seed));
    const got = Buffer.from(submitted);
    return got.length === expected.length && timingSafeEqual(got, expected);
  }

  /** Middleware rejecting unsafe-method requests with form bodies whose token does not verify (403). */
  protect(): MiddlewareHandler {
    return async (c, next) => {
      if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
      const body = await c.req.parseBody().catch(() => ({} as Record<string, unknown>));
      if (!this.verify(c, body[CSRF_FIELD])) {
        return c.text('The form expired or did not come from this site. Reload the page and try again.', 403);
      }
      return next();
    };
  }

  #sign(seed: string): string {
    let token = this.#signed.get(seed);
    if (token === undefined) {
      token = createHmac('sha256', this.#secret).update(seed).digest('base64url');
      this.#signed.set(seed, token);
    }
    return token;
  }

  #newSeed(): string {
    if (this.#poolAt + SEED_BYTES > this.#pool.length) {
      randomFillSync(this.#pool);
      this.#poolAt = 0;
    }
    const seed = this.#pool.toString('base64url', this.#poolAt, this.#poolAt + SEED_BYTES);
    this.#poolAt += SEED_BYTES;
    return seed;
  }
}
