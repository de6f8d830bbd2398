import type { Kysely } from 'kysely';
import { normalizeEmail } from '../core/email.js';
import type { Database } from './tables.js';

/** A subscription as the rest of the app sees it. */
export interface Subscription {
  email: string;
  categories: string[];
  status: 'pending';
  createdAt: string | null;
}

/** Digest subscriptions, one per normalised address. Shared by both backends. */
export class SubscriptionRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /**
   * Records a pending subscription for `email` (stored trimmed) with `categories` (ids), created
   * at `now` (ISO 8601). Idempotent per normalised address (`normalizeEmail`): when one
   * exists already, nothing changes, its categories included. Returns true when a row was added.
   */
  async addPending(email: string, categories: readonly string[], now: string): Promise<boolean> {
    const row = await this.#db.insertInto('subscriptions')
      .values({ email: email.trim(), email_normalized: normalizeEmail(email), categories: categories.join(' '), status: 'pending', created_at: now })
      .onConflict((oc) => oc.column('email_normalized').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The subscription of `email` (any spelling of it), or undefined. */
  async findByEmail(email: string): Promise<Subscription | undefined> {
    const row = await this.#db.selectFrom('subscriptions').select(['email', 'categories', 'status', 'created_at'])
      .where('email_normalized', '=', normalizeEmail(email)).executeTakeFirst();
    if (!row) return undefined;
    return { email: row.email, categories: row.categories ? row.categories.split(' ') : [], status: row.status, createdAt: row.created_at };
  }
}
