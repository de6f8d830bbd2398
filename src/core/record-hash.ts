import { createHash } from 'node:crypto';
import type { PaperRecord } from './paper.js';

/**
 * A content hash of everything in a record except its versions (which are merged, never
 * replaced). Ingest compares it with the stored hash, so re-ingesting the same record is a
 * no-op and a changed one is detected without comparing every column.
 */
export function recordHash(r: PaperRecord): string {
  const h = createHash('sha1');
  h.update(r.arxivId).update('\u0000').update(r.title).update('\u0000').update(r.abstract).update('\u0000');
  for (const a of r.authors) h.update(a.name).update('\u0001');
  h.update('\u0000').update(r.categories.join(' '));
  for (const v of [r.comments, r.journalRef, r.doi, r.license, r.reportNo, r.firstListed, r.updated]) {
    h.update('\u0000').update(v ?? '\u0002');
  }
  return h.digest('base64url');
}

/** `YYYY-MM-DD` of v1 when known, else the first-listing date, else null. */
export function publishedDate(r: PaperRecord): string | null {
  const v1 = r.versions.find((v) => v.version === 1) ?? r.versions[0];
  return v1 ? v1.createdAt.slice(0, 10) : r.firstListed;
}
