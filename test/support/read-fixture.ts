import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { CitationFileSource } from '../../src/ingest/citation-file/citation-file.source.js';
import { SnapshotSource } from '../../src/ingest/snapshot/snapshot.source.js';
import { ingestFrom } from '../../src/services/ingest.service.js';
import type { Store } from '../../src/store/store.js';
import { csDailySnapshot, hepthSnapshot, writeJsonl, type SnapshotObject } from './convert.js';
import { sharedData } from './shared-data.js';
import { each, readEdgeFile, take, tempDir } from './snapshot-files.js';

/**
 * Real data for the read-side tests (feeds, profiles, paper pages): the first 3,000 papers of
 * the CS daily set (listing dates 2025-03-18 … 2025-04-03, ISO weeks 12–14, two months), the
 * first 3,000 of the hep-th set (1992-01 … 1993-10), and the Paperscape citation edges that
 * touch a hep-th paper of the slice (19,253 of 146,964; their other end is often outside the
 * store, which is what external references and year-less citations need).
 *
 * The objects and edge rows are returned too, so tests compute their expectations from the
 * source data with plain code, independently of the store.
 */

/** Size of each slice. */
export const SLICE = 3000;

/** The slices as files (for ingest) and as data (for expectations). */
export interface ReadFixture {
  cs: SnapshotObject[];
  hepth: SnapshotObject[];
  /** (citing, cited) rows kept from the edge file, in file order. */
  edges: [string, string][];
  files: { cs: string; hepth: string; edges: string };
  remove(): void;
}

/** Which slices to prepare. @default all of them */
export interface FixtureParts {
  cs?: boolean;
  /** The hep-th slice and its edges. */
  hepth?: boolean;
}

/** Writes the chosen slices to a temp directory (one per call; call `remove` when done). Slices not chosen are empty. */
export async function readFixture(parts: FixtureParts = { cs: true, hepth: true }): Promise<ReadFixture> {
  const tmp = tempDir('papersift-read-');
  const cs = parts.cs ? await take(csDailySnapshot(), SLICE) : [];
  const hepth = parts.hepth ? await take(hepthSnapshot(), SLICE) : [];
  const inSlice = new Set(hepth.map((o) => String(o['id'])));
  const edges = parts.hepth
    ? (await readEdgeFile(sharedData('paperscape_1991_1996/citations_1991_1996.tsv.gz'))).filter(([citing, cited]) => inSlice.has(citing) || inSlice.has(cited))
    : [];
  const files = { cs: join(tmp.dir, 'cs.jsonl'), hepth: join(tmp.dir, 'hepth.jsonl'), edges: join(tmp.dir, 'edges.tsv.gz') };
  await writeJsonl(each(cs), files.cs);
  await writeJsonl(each(hepth), files.hepth);
  writeFileSync(files.edges, gzipSync(`citing_arxiv_id\tcited_arxiv_id\n${edges.map((e) => e.join('\t')).join('\n')}\n`));
  return { cs, hepth, edges, files, remove: tmp.remove };
}

/** Ingests the chosen parts through `ingestFrom` (as `papersift ingest` does); throws if a run fails or rejects a record. */
export async function loadFixture(store: Store, fixture: ReadFixture, parts: { cs?: boolean; hepth?: boolean; edges?: boolean }): Promise<void> {
  const runs: [SnapshotSource | CitationFileSource, 'papers' | 'citations'][] = [];
  if (parts.cs) runs.push([new SnapshotSource({ file: fixture.files.cs }), 'papers']);
  if (parts.hepth) runs.push([new SnapshotSource({ file: fixture.files.hepth }), 'papers']);
  if (parts.edges) runs.push([new CitationFileSource({ path: fixture.files.edges, sourceName: 'paperscape' }), 'citations']);
  for (const [source, kind] of runs) {
    const report = await ingestFrom(store, source, kind);
    if (report.status !== 'completed' || report.failed > 0) throw new Error(`fixture ingest failed: ${JSON.stringify(report).slice(0, 500)}`);
  }
}

/** How many items share each key, e.g. CS objects per first-listing date. */
export function countBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

/** The category ids of a snapshot object (its space-separated `categories`). */
export function categoriesOf(o: SnapshotObject): string[] {
  return String(o['categories']).split(/\s+/).filter(Boolean);
}

/** Year (UTC) of a hep-th object's v1, from the raw `created` text. */
export function v1Year(o: SnapshotObject): number | undefined {
  const versions = o['versions'] as { created: string }[];
  return versions[0] ? new Date(Date.parse(versions[0].created)).getUTCFullYear() : undefined;
}
