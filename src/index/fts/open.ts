import type { Store } from '../../store/store.js';
import type { SearchIndex } from '../search-index.js';
import { PostgresFtsIndex } from './postgres-fts.js';
import { SqliteFtsIndex } from './sqlite-fts.js';

/** The keyword index for a store's backend: FTS5 on SQLite, tsvector/GIN on PostgreSQL. */
export function openSearchIndex(store: Store): SearchIndex {
  return store.capabilities.dialect === 'sqlite' ? new SqliteFtsIndex(store) : new PostgresFtsIndex(store);
}
