import type { Kysely } from 'kysely';
import type { Database } from '../store/tables.js';

/**
 * Named watermarks of the search indexes in `search_state`, so a refresh knows where the
 * last one stopped. Writes take the caller's transaction, so a watermark commits with the
 * work it records.
 */

/** Reads a value, or null when it was never set. */
export async function readState(db: Kysely<Database>, name: string): Promise<string | null> {
  const row = await db.selectFrom('search_state').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value ?? null;
}

/** Sets a value (insert or replace). */
export async function writeState(db: Kysely<Database>, name: string, value: string): Promise<void> {
  await db.insertInto('search_state').values({ name, value })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value })).execute();
}

/** Removes a value. */
export async function clearState(db: Kysely<Database>, name: string): Promise<void> {
  await db.deleteFrom('search_state').where('name', '=', name).execute();
}
