import { namesCompatible } from '../core/author-identity.js';
import type { AuthorIdentity } from '../core/citation.js';
import type { IngestCounts, RecordFailure } from '../core/ingest-report.js';

/**
 * What both batch writers do with an AuthorIdentity record, minus the SQL: find the
 * authorship it names, then decide which of `authors.s2_author_id` / `authors.orcid` to fill.
 * Stored ids are never overwritten; a different stored id is a conflict (a record failure).
 */

/** The ids stored for an author key (`$1`). */
export const STORED_IDS_SQL = 'SELECT s2_author_id, orcid FROM authors WHERE key = $1';

/** A paper's authorships by arXiv id (`$1`), in byline order. */
export const AUTHORSHIPS_SQL = 'SELECT pa.position, pa.author_key, pa.name FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id WHERE p.arxiv_id = $1 ORDER BY pa.position';

/**
 * Sets ids on an author (`$1` key, `$2` name for a row not written yet, `$3` s2 id, `$4` ORCID),
 * keeping any id already stored.
 */
export const STORE_IDS_SQL = `INSERT INTO authors (key, name, s2_author_id, orcid) VALUES ($1, $2, $3, $4)
  ON CONFLICT (key) DO UPDATE SET s2_author_id = coalesce(authors.s2_author_id, excluded.s2_author_id), orcid = coalesce(authors.orcid, excluded.orcid)`;

/** One `paper_authors` row of the record's paper. */
export interface Authorship {
  position: number;
  author_key: string;
  name: string;
}

/** The ids stored on an `authors` row. */
export interface StoredIds {
  s2_author_id: string | null;
  orcid: string | null;
}

/** The outcome for one record: ids to set on `key`, nothing to do, or a failure. */
export type AuthorIdPlan =
  | { kind: 'set'; key: string; s2AuthorId: string | null; orcid: string | null }
  | { kind: 'unchanged' }
  | { kind: 'failure'; failure: RecordFailure };

/**
 * The authorship a record names: the one at its position when the names agree, else the
 * only authorship whose name agrees; undefined when none or several do.
 */
export function matchAuthorship(rec: AuthorIdentity, authorships: readonly Authorship[]): Authorship | undefined {
  const at = rec.position === null ? undefined : authorships.find((a) => a.position === rec.position);
  if (at && namesCompatible(at.name, rec.name)) return at;
  const named = authorships.filter((a) => namesCompatible(a.name, rec.name));
  return named.length === 1 ? named[0] : undefined;
}

/** Which ids to write on the matched author's row (`stored` undefined: no row yet), or the conflict. */
export function planAuthorIds(rec: AuthorIdentity, match: Authorship, stored: StoredIds | undefined): AuthorIdPlan {
  const conflicts: string[] = [];
  const s2 = pick(rec.s2AuthorId, stored?.s2_author_id ?? null, 'Semantic Scholar author id', conflicts);
  const orcid = pick(rec.orcid, stored?.orcid ?? null, 'ORCID', conflicts);
  if (conflicts.length > 0) {
    return { kind: 'failure', failure: { position: `paper ${rec.paper} author ${rec.name}`, reason: `${conflicts.join('; ')} (${rec.source}); stored author ${match.author_key} keeps its id` } };
  }
  return s2 === null && orcid === null ? { kind: 'unchanged' } : { kind: 'set', key: match.author_key, s2AuthorId: s2, orcid };
}

/** The id to write (null: nothing to write); a different stored id adds a conflict. */
function pick(given: string | undefined, stored: string | null, what: string, conflicts: string[]): string | null {
  if (!given || stored === given) return null;
  if (stored !== null) { conflicts.push(`${what} ${given} differs from stored ${stored}`); return null; }
  return given;
}

/** Adds one author-id outcome to the batch's counts (`updated`, `unchanged`) or its failures. */
export function countAuthorId(r: 'updated' | 'unchanged' | RecordFailure, c: IngestCounts, failures: RecordFailure[]): void {
  if (typeof r === 'string') c[r]++;
  else failures.push(r);
}
