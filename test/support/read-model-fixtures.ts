import { readFileSync } from 'node:fs';
import type { PaperRecord, StoredPaper } from '../../src/core/paper.js';
import { parseSnapshotLine } from '../../src/ingest/snapshot/snapshot.parser.js';
import type { PaperCard } from '../../src/services/read-models.js';
import { sharedData } from './shared-data.js';

/**
 * Read models built from real arXiv records (the head of the Kaggle snapshot in
 * shared/data/fixtures), for view and presenter tests. Only the fields a service would compute
 * (ids, citation counts) are made up.
 */

const SNAPSHOT_HEAD = 'fixtures/kaggle_arxiv_snapshot/arxiv-metadata-oai-snapshot.head.jsonl';

let records: Map<string, PaperRecord> | undefined;

/** A real record from the snapshot head by arXiv id (`0704.0001`); throws when absent. */
export function realRecord(arxivId: string): PaperRecord {
  records ??= new Map(
    readFileSync(sharedData(SNAPSHOT_HEAD), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => parseSnapshotLine(l))
      .map((r) => [r.arxivId, r]),
  );
  const r = records.get(arxivId);
  if (!r) throw new Error(`${arxivId} is not in the snapshot head`);
  return r;
}

let nextId = 1;

/** A real record as the store would return it. */
export function storedPaper(arxivId: string, overrides: Partial<StoredPaper> = {}): StoredPaper {
  const r = realRecord(arxivId);
  return {
    ...r,
    id: nextId++,
    primaryCategory: r.categories[0] ?? 'unknown',
    published: r.versions[0]?.createdAt.slice(0, 10) ?? r.firstListed,
    ...overrides,
  };
}

/** A real record as a feed/profile card. */
export function paperCard(arxivId: string, overrides: Partial<PaperCard> = {}): PaperCard {
  const p = storedPaper(arxivId);
  return {
    arxivId: p.arxivId,
    title: p.title,
    abstract: p.abstract,
    authors: p.authors.map((a) => ({ name: a.name, key: a.key })),
    primaryCategory: p.primaryCategory,
    categories: p.categories,
    date: p.firstListed ?? p.published,
    citationCount: 0,
    comments: p.comments,
    ...overrides,
  };
}

/** `n` authors with hostile-looking names (`<b>` and `&` in them), keys `author-0` … */
export function manyAuthors(n: number): { name: string; key: string }[] {
  return Array.from({ length: n }, (_, i) => ({ name: `Researcher ${i} <b>&amp; Co</b>`, key: `author-${i}` }));
}
