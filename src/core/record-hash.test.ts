import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { PaperRecord } from './paper.js';
import { recordHash } from './record-hash.js';

/**
 * The hash as stores already hold it: field by field through update(). A different hash for
 * the same record would make the next ingest rewrite every stored paper as "updated".
 */
function storedHash(r: PaperRecord): string {
  const h = createHash('sha1');
  h.update(r.arxivId).update('\u0000').update(r.title).update('\u0000').update(r.abstract).update('\u0000');
  for (const a of r.authors) h.update(a.name).update('\u0001');
  h.update('\u0000').update(r.categories.join(' '));
  for (const v of [r.comments, r.journalRef, r.doi, r.license, r.reportNo, r.firstListed, r.updated]) h.update('\u0000').update(v ?? '\u0002');
  return h.digest('base64url');
}

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const optional = fc.option(text, { nil: null });
const record: fc.Arbitrary<PaperRecord> = fc.record({
  arxivId: fc.constantFrom('2501.00001', 'hep-th/9407087'), title: text, abstract: text,
  authors: fc.array(fc.record({ name: text, key: text }), { minLength: 1, maxLength: 4 }),
  categories: fc.array(fc.constantFrom('cs.LG', 'cs.CL', 'hep-th'), { minLength: 1, maxLength: 3 }),
  comments: optional, journalRef: optional, doi: optional, license: optional, reportNo: optional,
  versions: fc.constant([]), firstListed: optional, updated: optional,
});

test('recordHash gives the hash stores already hold, for any record', () => {
  fc.assert(fc.property(record, (r) => assert.equal(recordHash(r), storedHash(r))), { numRuns: 2_000 });
});

test('recordHash changes when any hashed field changes', () => {
  const base: PaperRecord = { arxivId: '2501.00001', title: 'T', abstract: 'A', authors: [{ name: 'Ada Lovelace', key: 'ada-lovelace' }], categories: ['cs.LG'],
    comments: null, journalRef: null, doi: null, license: null, reportNo: null, versions: [], firstListed: null, updated: null };
  const h = recordHash(base);
  for (const changed of [{ title: 'T2' }, { abstract: 'A.' }, { comments: '' }, { doi: '10.1/x' }, { categories: ['cs.LG', 'cs.AI'] }, { authors: [{ name: 'Ada Byron', key: 'ada-byron' }] }]) {
    assert.notEqual(recordHash({ ...base, ...changed }), h, JSON.stringify(changed));
  }
  assert.equal(recordHash({ ...base, versions: [{ version: 2, createdAt: '2025-01-02T00:00:00Z' }] }), h, 'versions are merged, not hashed');
});
