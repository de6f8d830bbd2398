import { authorKey } from '../../src/core/author-name.js';
import type { PaperRecord } from '../../src/core/paper.js';

let seq = 0;

/** A valid PaperRecord with sensible defaults; override any field. Ids are unique per call. */
export function buildPaper(overrides: Partial<PaperRecord> & { authorNames?: string[] } = {}): PaperRecord {
  seq++;
  const { authorNames, ...rest } = overrides;
  const names = authorNames ?? ['Ada Lovelace', 'Alan Turing'];
  return {
    arxivId: `2501.${String(10000 + seq).padStart(5, '0')}`,
    title: `A study of things, part ${seq}`,
    abstract: 'We study things and find that they are interesting.',
    authors: names.map((name) => ({ name, key: authorKey(name) })),
    categories: ['cs.LG', 'stat.ML'],
    comments: null,
    journalRef: null,
    doi: null,
    license: null,
    reportNo: null,
    versions: [{ version: 1, createdAt: '2025-01-02T10:00:00.000Z' }],
    firstListed: '2025-01-03',
    updated: '2025-01-02',
    ...rest,
  };
}
