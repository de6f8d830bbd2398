import type pg from 'pg';

/**
 * Runs `fn` in a transaction holding the batch writers' advisory lock, so concurrent writers
 * (web and worker) never race on ids or on the author fill. Its commit does not wait for the
 * WAL to reach disk: every such transaction carries its ingest run's checkpoint (or is the fill,
 * which the next `migrate()` redoes), so a commit lost to a server crash is work the resumed run
 * does again; atomicity and consistency are unchanged, and PostgreSQL never corrupts on it.
 */
export async function inWriterTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SET LOCAL synchronous_commit = off');
    await c.query("SELECT pg_advisory_xact_lock(hashtext('papersift:batch-writer'))");
    const result = await fn(c);
    await c.query('COMMIT');
    return result;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}
