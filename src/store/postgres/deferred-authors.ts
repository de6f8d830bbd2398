import type pg from 'pg';
import { AUTHORS_INDEX } from '../migrations.js';

/**
 * Authors during a PostgreSQL bulk load, as on SQLite (see ../sqlite/deferred-authors.ts): while
 * the `paper_authors_author` read index is missing (dropped for a bulk load into an empty store),
 * batches write authorships but no `authors` rows; building the index fills `authors` once, in
 * key order, from the authorships (first name seen = lowest paper id and position). The missing
 * index is the durable marker: a killed load heals on the next `migrate()`. Both the check and
 * the fill run inside `inWriterTransaction` (writer-transaction.ts), so a concurrent writer never
 * slips a batch in between building the index and filling.
 */

// Sorted by bytes ("C"), not the database's collation: the same groups (both are deterministic),
// and the sort took ~20% less time than comparing with strcoll.
const FILL = `INSERT INTO authors (key, name)
  SELECT DISTINCT ON (author_key COLLATE "C") author_key, name FROM paper_authors ORDER BY author_key COLLATE "C", paper_id, position
  ON CONFLICT (key) DO NOTHING`;

/** True while authors are deferred (the marker index is missing from the current schema). */
export async function authorsDeferred(c: pg.ClientBase): Promise<boolean> {
  const r = await c.query<{ missing: boolean }>(`SELECT to_regclass(quote_ident(current_schema()) || '.${AUTHORS_INDEX}') IS NULL AS missing`);
  return r.rows[0]?.missing ?? false;
}

/** Builds the marker index (`createIndex`: its CREATE INDEX IF NOT EXISTS) and fills `authors`; call inside `inWriterTransaction`. */
export async function endDeferral(c: pg.ClientBase, createIndex: string): Promise<void> {
  if (!(await authorsDeferred(c))) return;
  await c.query(createIndex);
  await c.query(FILL);
}
