import { z } from 'zod';
import { ValidationError } from '../core/errors.js';
import { normalizeEmail } from '../core/email.js';
import { findCategory } from '../core/taxonomy.js';
import type { Store } from '../store/store.js';

/** What {@link subscribePending} did. */
export interface SubscribeResult {
  status: 'pending';
  /** False when the address (any spelling of it) had subscribed before; nothing changed then. */
  new: boolean;
}

// RFC 5321 caps a path at 256 octets, i.e. an address at 254 characters.
const EMAIL = z.email().max(254);

/**
 * Records a pending digest subscription. The address is trimmed and checked (zod), then keyed
 * case-insensitively, so `Ada@Example.org` and `ada@example.org` are one subscriber and a
 * second sign-up is a no-op (`new: false`). Categories are arXiv ids, validated against the
 * taxonomy and de-duplicated (order kept); an empty list is allowed. Throws ValidationError naming
 * `email` or `categories`. No mail is sent here: confirming is a later step.
 */
export async function subscribePending(store: Store, email: string, categories: readonly string[], now: Date): Promise<SubscribeResult> {
  const address = email.trim();
  if (!EMAIL.safeParse(normalizeEmail(address)).success) throw new ValidationError('email', 'not a valid email address');
  const unknown = categories.filter((c) => !findCategory(c));
  if (unknown.length > 0) throw new ValidationError('categories', `not arXiv categories: ${unknown.slice(0, 5).join(', ')}`);
  const added = await store.subscriptions.addPending(address, [...new Set(categories)], now.toISOString());
  return { status: 'pending', new: added };
}
