import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotObject } from '../../test/support/convert.js';
import { each, tempDir } from '../../test/support/snapshot-files.js';
import { writeJsonl } from '../../test/support/convert.js';
import { SnapshotSource } from '../../src/ingest/snapshot/snapshot.source.js';
import { ingestFrom } from '../../src/services/ingest.service.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { loadHepth, type HepthLoadOptions } from './hepth-load.js';
import { EXPECTED_TOP, mostCited } from './most-cited.js';

/**
 * Opens (creating it when needed) the evaluation's SQLite store `<dir>/papersift.db` and loads
 * the hep-th data unless a previous run already did: a full store is recognised by the sanity
 * check (hep-th/9407087 with 403 citing papers), a `subset` store by holding any edge.
 */
export async function openHepthStore(dir: string, options: HepthLoadOptions & { subset?: boolean } = {}): Promise<Store> {
  mkdirSync(dir, { recursive: true });
  const store = openSqliteStore({ file: join(dir, 'papersift.db') });
  await store.migrate();
  if (!(await isLoaded(store, options.subset ?? false))) await loadHepth(store, options);
  return store;
}

async function isLoaded(store: Store, subset: boolean): Promise<boolean> {
  if (subset) return store.citations.hasEdges();
  const [top] = await mostCited(store, 1);
  return top?.arxivId === EXPECTED_TOP.arxivId && top.citing === EXPECTED_TOP.citing;
}

/** A throw-away SQLite store holding the given snapshot objects (the triplet papers), and how to remove it. */
export async function scratchStore(objects: SnapshotObject[]): Promise<{ store: Store; dispose(): Promise<void> }> {
  const tmp = tempDir('papersift-eval-');
  const store = openSqliteStore({ file: join(tmp.dir, 'papersift.db') });
  await store.migrate();
  const file = join(tmp.dir, 'papers.jsonl');
  await writeJsonl(each(objects), file);
  const report = await ingestFrom(store, new SnapshotSource({ file, worker: false }), 'papers');
  if (report.status !== 'completed' || report.failed > 0) throw new Error(`scratch store: ${report.error ?? `${report.failed} records failed`}`);
  return { store, dispose: async () => { await store.close(); tmp.remove(); } };
}
