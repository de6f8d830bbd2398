import crypto from 'node:crypto';
import type { PaperRecord } from './paper.js';

/**
 * A content hash of everything in a record except its versions (which are merged, never
 * replaced). Ingest compares it with the stored hash, so re-ingesting the same record is a
 * no-op and a changed one is detected without comparing every column.
 */
export function recordHash(r: PaperRecord): string {
  // One string, hashed in one call: per-field update() calls each converted a string to a
  // buffer (a third of the snapshot reader's hashing time). The bytes hashed are the same.
  const parts = [r.arxivId, '\u0000', r.title, '\u0000', r.abstract, '\u0000'];
  for (const a of r.authors) parts.push(a.name, '\u0001');
  parts.push('\u0000', r.categories.join(' '));
  for (const v of [r.comments, r.journalRef, r.doi, r.license, r.reportNo, r.firstListed, r.updated]) parts.push('\u0000', v ?? '\u0002');
  return sha1(parts.join(''));
}

// crypto.hash (one-shot) arrived in Node 20.12; older 20.x releases take the streaming API.
const sha1: (s: string) => string = typeof crypto.hash === 'function'
  ? (s) => crypto.hash('sha1', s, 'base64url')
  : (s) => crypto.createHash('sha1').update(s).digest('base64url');

/** `YYYY-MM-DD` of v1 when known, else the first-listing date, else null. */
export function publishedDate(r: PaperRecord): string | null {
  const v1 = r.versions.find((v) => v.version === 1) ?? r.versions[0];
  return v1 ? v1.createdAt.slice(0, 10) : r.firstListed;
}
