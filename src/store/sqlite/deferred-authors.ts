import type BetterSqlite3 from 'better-sqlite3';
import { AUTHORS_INDEX } from '../migrations.js';

/**
 * Authors during a SQLite bulk load. While the `paper_authors_author` read index is missing
 * (dropped for a bulk load into an empty store, see READ_INDEXES), batches write authorships
 * but no `authors` rows; building the index fills `authors` from the authorships in the same
 * transaction. The missing index is the durable marker, so a killed bulk load heals on the next
 * start (`migrate()` builds missing indexes), and a process that builds the index mid-load
 * (another process's `migrate()`) simply ends the deferral for later batches.
 *
 * The name kept for a key is the one on its lowest (paper id, position): papers get ids in
 * input order, so that is the first name seen, as a per-batch `ON CONFLICT DO NOTHING` keeps.
 * A batch that would replace a stored paper's authorships first ends the deferral, so names
 * never come from a later version.
 */

// One pass over the covering (author_key, paper_id, position, name) index in key order: no sort,
// no lookups into paper_authors, and `authors` (keyed by key, WITHOUT ROWID) is appended to in
// order. `name` is a bare column beside min(), so SQLite takes it from the row holding the minimum
// (documented behaviour). 2^20 positions per paper is far beyond any.
const FILL = `INSERT INTO authors (key, name)
  SELECT author_key, name FROM (
    SELECT author_key, name, min(paper_id * 1048576 + position) FROM paper_authors INDEXED BY ${AUTHORS_INDEX} GROUP BY author_key)
  WHERE true ORDER BY author_key
  ON CONFLICT (key) DO NOTHING`;

/** Names of the indexes that exist in the database. */
export function existingIndexes(db: BetterSqlite3.Database): Set<string> {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[];
  return new Set(rows);
}

/** True while authors are deferred (the marker index is missing). */
export function authorsDeferred(db: BetterSqlite3.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(AUTHORS_INDEX) === undefined;
}

/**
 * Creates the missing read indexes (`creates`: index name → CREATE INDEX statement) in one
 * IMMEDIATE transaction, filling deferred authors right after building the marker index.
 * Call inside a transaction or not: better-sqlite3 nests it as a savepoint.
 */
export function buildIndexesAndAuthors(db: BetterSqlite3.Database, creates: ReadonlyMap<string, string>): void {
  const run = () => {
    const have = existingIndexes(db);
    const marker = creates.get(AUTHORS_INDEX);
    if (marker && !have.has(AUTHORS_INDEX)) {
      db.exec(marker);
      db.exec(FILL);
    }
    for (const [name, create] of creates) if (!have.has(name) && name !== AUTHORS_INDEX) db.exec(create);
  };
  if (db.inTransaction) db.transaction(run)();
  else db.transaction(run).immediate();
}
