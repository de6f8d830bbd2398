import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** Name of the cookie holding the browser's random CSRF seed. */
export const CSRF_COOKIE = 'ps_csrf';
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
      seed = randomBytes(24).toString('base64url');
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
    return createHmac('sha256', this.#secret).update(seed).digest('base64url');
  }
}
