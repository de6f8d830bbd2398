import { join } from 'node:path';
import { CitationFileSource } from '../../src/ingest/citation-file/citation-file.source.js';
import { SnapshotSource } from '../../src/ingest/snapshot/snapshot.source.js';
import { ingestFrom } from '../../src/services/ingest.service.js';
import type { Store } from '../../src/store/store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { refreshIndexes } from '../../src/services/index.service.js';
import { searchDeps, type SearchDeps } from '../../src/services/search.service.js';
import { openSemantic } from '../../src/services/semantic.service.js';
import { csDailySnapshot, hepthSnapshot, writeJsonl } from './convert.js';
import { sharedData } from './shared-data.js';
import { each, take, tempDir } from './snapshot-files.js';

/** How much real data {@link loadDemoData} puts in a store. */
export interface DemoDataOptions {
  /** Lines of the CS daily set (first-listing dates from 2025-03-18 on). @default 3000 */
  csPapers?: number;
  /** Lines of hep-th 1992– (with Paperscape's citation edges among them). @default 3000 */
  hepthPapers?: number;
  /** Load the Paperscape citation edge list. @default true */
  citations?: boolean;
}

/**
 * Fills a store with real papers from ../shared/data: a slice of the CS daily listings (feeds,
 * categories, authors) and of hep-th with the Paperscape citation graph (citation counts,
 * h-index, cited-by lists), then builds every search index (full text, the built-in embedding
 * model, vectors, ANN). Used by browser and web tests.
 */
export async function loadDemoData(store: Store, options: DemoDataOptions = {}): Promise<DemoSearch> {
  const tmp = tempDir('papersift-demo-');
  try {
    const file = join(tmp.dir, 'demo.jsonl');
    const cs = await take(csDailySnapshot(), options.csPapers ?? 3000);
    const hepth = await take(hepthSnapshot(), options.hepthPapers ?? 3000);
    await writeJsonl(each([...cs, ...hepth]), file);
    const papers = await ingestFrom(store, new SnapshotSource({ file, worker: false }), 'papers');
    if (papers.status !== 'completed') throw new Error(`demo papers failed: ${papers.error}`);
    if (options.citations ?? true) {
      const edges = await ingestFrom(store, new CitationFileSource({ path: sharedData('paperscape_1991_1996/citations_1991_1996.tsv.gz'), sourceName: 'paperscape' }), 'citations');
      if (edges.status !== 'completed') throw new Error(`demo citations failed: ${edges.error}`);
    }
  } finally {
    tmp.remove();
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'papersift-demo-ann-'));
  const settings = { dataDir, embeddingModel: 'builtin' };
  await refreshIndexes(store, { semantic: settings });
  return { search: searchDeps(store, await openSemantic(store, settings)), remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Search over the demo store (keyword and built-in semantic index), and how to delete the ANN files. */
export interface DemoSearch {
  search: SearchDeps;
  remove(): void;
}
