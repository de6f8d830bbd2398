import type { RefreshReport } from '../index/search-index.js';
import type { Store } from '../store/store.js';
import { searchDeps } from './search.service.js';
import { refreshSemantic, type SemanticReport, type SemanticSettings } from './semantic.service.js';

/** Steps of {@link refreshIndexes}, in order, as progress reports name them. */
export type IndexStep = 'keyword' | 'fit:read' | 'fit:weigh' | 'fit:svd' | 'vectors' | 'ann';

/** Options of {@link refreshIndexes}. */
export interface RefreshOptions {
  /** Semantic search settings; without them only the keyword index is refreshed. */
  semantic?: SemanticSettings;
  /** Fit a new built-in model even when one exists. @default false */
  refit?: boolean;
  onProgress?: (step: IndexStep, done: number, total: number) => void;
  log?: (message: string) => void;
}

/** What a refresh did. */
export interface IndexReport {
  keyword: RefreshReport;
  semantic: SemanticReport | null;
  elapsedMs: number;
}

/**
 * Brings the search indexes up to date with the store: the full-text and author-name index
 * (papers changed since the last refresh), then, with semantic settings, the embedding model
 * (fitted when there is none), the paper vectors and the ANN index. Incremental and
 * resumable; run after every ingest (the CLI does) and by `papersift index`.
 */
export async function refreshIndexes(store: Store, options: RefreshOptions = {}): Promise<IndexReport> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => undefined);
  const keyword = await searchDeps(store).keyword.refresh((done, total) => progress('keyword', done, total));
  const semantic = options.semantic
    ? await refreshSemantic(store, options.semantic, { refit: options.refit ?? false, onProgress: progress, ...(options.log ? { log: options.log } : {}) })
    : null;
  return { keyword, semantic, elapsedMs: Date.now() - started };
}
