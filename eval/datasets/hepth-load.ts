import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { createProgress } from '../../src/cli/progress.js';
import type { IngestReport } from '../../src/core/ingest-report.js';
import { CitationFileSource } from '../../src/ingest/citation-file/citation-file.source.js';
import { SnapshotSource } from '../../src/ingest/snapshot/snapshot.source.js';
import { ingestFrom } from '../../src/services/ingest.service.js';
import type { Store } from '../../src/store/store.js';
import { hepthSnapshot, paperscapeSnapshot, writeJsonl, type SnapshotObject } from '../../test/support/convert.js';
import { sharedData } from '../../test/support/shared-data.js';
import { tempDir } from '../../test/support/snapshot-files.js';

/** The Paperscape edge list (citing → cited arXiv ids, 1991–1996). */
export const PAPERSCAPE_EDGES = 'paperscape_1991_1996/citations_1991_1996.tsv.gz';

/** What {@link loadHepth} loads. */
export interface HepthLoadOptions {
  /** Only papers whose arXiv id passes (and edges with both ends passing); default all. */
  keep?: (arxivId: string) => boolean;
  /** Also load Paperscape's own paper list (titles, authors, categories of all 49,264 papers). @default true */
  paperscape?: boolean;
  /** Progress on stderr. @default true */
  progress?: boolean;
}

/** The three ingest reports of one load. */
export interface HepthLoadReport {
  hepth: IngestReport;
  paperscape?: IngestReport;
  edges: IngestReport;
}

/**
 * Loads the hep-th KDD Cup abstracts, then Paperscape's paper list for every paper the KDD
 * set lacks (so the richer KDD record of a hep-th paper is never replaced), then the
 * Paperscape citation edges. Idempotent: a rerun finds every record unchanged.
 */
export async function loadHepth(store: Store, options: HepthLoadOptions = {}): Promise<HepthLoadReport> {
  const keep = options.keep ?? (() => true);
  const tmp = tempDir('papersift-hepth-');
  try {
    const kddIds = new Set<string>();
    const hepthFile = join(tmp.dir, 'hepth.jsonl');
    await writeJsonl(filtered(hepthSnapshot(), (id) => keep(id) && (kddIds.add(id), true)), hepthFile);
    const hepth = await ingest(store, new SnapshotSource({ file: hepthFile }), 'papers', 'hep-th abstracts', options.progress);
    let paperscape: IngestReport | undefined;
    if (options.paperscape ?? true) {
      const file = join(tmp.dir, 'paperscape.jsonl');
      await writeJsonl(filtered(paperscapeSnapshot(), (id) => keep(id) && !kddIds.has(id)), file);
      paperscape = await ingest(store, new SnapshotSource({ file }), 'papers', 'paperscape papers', options.progress);
    }
    const edgeFile = options.keep ? await filteredEdges(keep, join(tmp.dir, 'edges.tsv')) : sharedData(PAPERSCAPE_EDGES);
    const edges = await ingest(store, new CitationFileSource({ path: edgeFile, sourceName: 'paperscape' }), 'citations', 'paperscape edges', options.progress);
    return { hepth, ...(paperscape ? { paperscape } : {}), edges };
  } finally {
    tmp.remove();
  }
}

async function* filtered(source: AsyncIterable<SnapshotObject>, keep: (id: string) => boolean): AsyncGenerator<SnapshotObject> {
  for await (const o of source) if (keep(String(o['id']))) yield o;
}

async function ingest(store: Store, source: SnapshotSource | CitationFileSource, kind: 'papers' | 'citations', label: string, progress = true): Promise<IngestReport> {
  const bar = createProgress(label, { quiet: !progress });
  const report = await ingestFrom(store, source, kind, { onProgress: (p) => bar.update(p) });
  bar.stop();
  if (report.status !== 'completed') throw new Error(`${label}: ingest failed: ${report.error}`);
  if (progress) process.stderr.write(`${label}: ${report.fetched} read, ${report.new} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.failed} failed (${(report.elapsedMs / 1000).toFixed(1)} s)\n`);
  return report;
}

/** Writes the edges whose both ends pass `keep` to `path` (TSV with header); returns the path. */
async function filteredEdges(keep: (id: string) => boolean, path: string): Promise<string> {
  const out = createWriteStream(path);
  out.write('citing_arxiv_id\tcited_arxiv_id\n');
  for await (const [citing, cited] of edgeRows()) {
    if (keep(citing) && keep(cited) && !out.write(`${citing}\t${cited}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}

/** The (citing, cited) pairs of the Paperscape edge list, streamed. */
export async function* edgeRows(): AsyncGenerator<[string, string]> {
  const rl = createInterface({ input: createReadStream(sharedData(PAPERSCAPE_EDGES)).pipe(createGunzip()), crlfDelay: Infinity });
  let header = true;
  for await (const line of rl) {
    if (header) { header = false; continue; }
    const [citing, cited] = line.split('\t');
    if (citing && cited) yield [citing.trim(), cited.trim()];
  }
}
