import type { Config } from '../config/config.js';
import type { Store } from '../store/store.js';

/**
 * Chooses the store from config: PostgreSQL when DATABASE_URL is set, else the SQLite file
 * under PAPERSIFT_DATA. The only place that picks a concrete Store. Migrates before returning.
 * Only the chosen backend's modules are loaded (each costs every command start-up otherwise).
 */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'sqliteFile'>): Promise<Store> {
  const store = config.databaseUrl
    ? await (await import('../store/postgres/postgres-store.js')).openPostgresStore({ url: config.databaseUrl })
    : (await import('../store/sqlite/sqlite-store.js')).openSqliteStore({ file: config.sqliteFile });
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
