import type { Config } from '../config/config.js';
import { openPostgresStore } from '../store/postgres/postgres-store.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

/**
 * Chooses the store from config: PostgreSQL when DATABASE_URL is set, else the SQLite file
 * under PAPERSIFT_DATA. The only place that picks a concrete Store. Migrates before returning.
 */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'sqliteFile'>): Promise<Store> {
  const store = config.databaseUrl
    ? await openPostgresStore({ url: config.databaseUrl })
    : openSqliteStore({ file: config.sqliteFile });
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
