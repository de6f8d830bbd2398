import type { RefreshReport } from '../index/search-index.js';
import type { Store } from '../store/store.js';
import { searchDeps } from './search.service.js';

/** Steps of {@link refreshIndexes}, in order, as progress reports name them. */
export type IndexStep = 'keyword' | 'fit' | 'vectors' | 'ann';

/** Options of {@link refreshIndexes}. */
export interface RefreshOptions {
  onProgress?: (step: IndexStep, done: number, total: number) => void;
}

/** What a refresh did. */
export interface IndexReport {
  keyword: RefreshReport;
  elapsedMs: number;
}

/**
 * Brings the search indexes up to date with the store: the full-text index (papers changed
 * since the last refresh) and the author-name index. Incremental and resumable; run after
 * every ingest (the CLI does) and by `papersift index`.
 */
export async function refreshIndexes(store: Store, options: RefreshOptions = {}): Promise<IndexReport> {
  const started = Date.now();
  const keyword = await searchDeps(store).keyword.refresh((done, total) => options.onProgress?.('keyword', done, total));
  return { keyword, elapsedMs: Date.now() - started };
}
