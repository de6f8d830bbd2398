import { latestVersion, type PaperRecord } from '../core/paper.js';
import { publishedDate, recordHash } from '../core/record-hash.js';

/**
 * Backend-neutral decisions of the paper upsert, shared by the SQLite and PostgreSQL
 * writers so both apply exactly the same rules.
 */

/** The stored state a writer compares an incoming record with. */
export interface StoredState {
  id: number;
  content_hash: string;
  latest_version: number;
  source_updated: string | null;
}

/** A record with its derived columns computed once. */
export interface PreparedRecord {
  record: PaperRecord;
  hash: string;
  latest: number;
  published: string | null;
}

/** Computes hash, latest version and published date of a record. */
export function prepareRecord(record: PaperRecord): PreparedRecord {
  return { record, hash: recordHash(record), latest: latestVersion(record), published: publishedDate(record) };
}

/**
 * How an incoming record relates to the stored one: `same` (identical content), `stale`
 * (older than what is stored: lower latest version, or the same version with an older
 * update date), or `newer` (its fields replace the stored ones).
 */
export function compareWithStored(p: PreparedRecord, s: StoredState): 'same' | 'stale' | 'newer' {
  if (p.hash === s.content_hash) return 'same';
  if (p.latest < s.latest_version) return 'stale';
  const u = p.record.updated;
  if (p.latest === s.latest_version && u && s.source_updated && u < s.source_updated) return 'stale';
  return 'newer';
}

/**
 * Splits a batch so no arXiv id appears twice in one part (a later duplicate must see the
 * earlier one's write). Order is kept.
 */
export function uniqueRuns(items: PaperRecord[]): PaperRecord[][] {
  const parts: PaperRecord[][] = [[]];
  let seen = new Set<string>();
  for (const r of items) {
    if (seen.has(r.arxivId)) { parts.push([]); seen = new Set(); }
    seen.add(r.arxivId);
    parts[parts.length - 1]!.push(r);
  }
  return parts;
}

/** The `papers` columns a writer sets for a record, in the order both writers insert them. */
export const PAPER_ROW_COLUMNS = ['arxiv_id', 'title', 'abstract', 'comments', 'journal_ref', 'doi', 'license', 'report_no', 'primary_category',
  'published', 'first_listed', 'latest_version', 'source_updated', 'content_hash', 'first_seen_at', 'last_changed_at'] as const;

/** A `papers` row for a record (no id), written at `now`. */
export type PaperRow = Record<(typeof PAPER_ROW_COLUMNS)[number], string | number | null>;

/** The row a writer stores for a prepared record: the one mapping from record to columns. */
export function paperRow(p: PreparedRecord, now: string): PaperRow {
  const r = p.record;
  return {
    arxiv_id: r.arxivId, title: r.title, abstract: r.abstract, comments: r.comments, journal_ref: r.journalRef, doi: r.doi,
    license: r.license, report_no: r.reportNo, primary_category: r.categories[0]!, published: p.published, first_listed: r.firstListed,
    latest_version: p.latest, source_updated: r.updated, content_hash: p.hash, first_seen_at: now, last_changed_at: now,
  };
}

/** The row's values in {@link PAPER_ROW_COLUMNS} order. */
export function paperRowValues(row: PaperRow): (string | number | null)[] {
  return PAPER_ROW_COLUMNS.map((c) => row[c]);
}
