/**
 * Domain types for papers as Papersift stores and serves them. Sources produce
 * {@link PaperRecord}s; the store keeps them; nothing here knows about SQL or HTTP.
 */

/** One arXiv version of a paper (v1, v2, …) and when it was submitted. */
export interface PaperVersion {
  /** Version number: 1 for v1. */
  version: number;
  /** Submission time as an ISO 8601 UTC string, or a bare `YYYY-MM-DD` when only the date is known. */
  createdAt: string;
}

/** An author as written on one paper, with the normalised key that groups their papers. */
export interface AuthorName {
  /** The name as the source wrote it, accents decoded (`Péter E. Frenkel`). */
  name: string;
  /** Normalised grouping key from {@link authorKey} (`peter-e-frenkel`). */
  key: string;
}

/** Everything Papersift knows about one paper, independent of the store. */
export interface PaperRecord {
  /** Versionless arXiv id (`2503.11731`, `hep-th/9407087`). */
  arxivId: string;
  title: string;
  abstract: string;
  /** Authors in paper order. */
  authors: AuthorName[];
  /** arXiv categories, primary first, no duplicates. */
  categories: string[];
  comments: string | null;
  journalRef: string | null;
  doi: string | null;
  license: string | null;
  reportNo: string | null;
  /** Every known version, ascending by number. May be empty when a source gives none. */
  versions: PaperVersion[];
  /** `YYYY-MM-DD` the paper first appeared in an arXiv listing; null when unknown. */
  firstListed: string | null;
  /** `YYYY-MM-DD` of the source's last metadata change (Kaggle `update_date`, OAI datestamp). */
  updated: string | null;
}

/** Latest version number of a record, or 0 when it lists none. */
export function latestVersion(record: Pick<PaperRecord, 'versions'>): number {
  let max = 0;
  for (const v of record.versions) if (v.version > max) max = v.version;
  return max;
}

/** A paper as read back from the store. */
export interface StoredPaper extends PaperRecord {
  /** The store's internal id (stable within one store). */
  id: number;
  primaryCategory: string;
  /** `YYYY-MM-DD` of v1, or of the first listing when no version dates are known. */
  published: string | null;
}

/**
 * A paper as lists show it (feeds, profiles, category pages, a paper's citations): what a card
 * needs and nothing more. Read from the store in bulk, so a page of them costs a fixed number
 * of queries.
 */
export interface PaperSummary {
  arxivId: string;
  title: string;
  abstract: string;
  /** All authors in paper order. */
  authors: AuthorName[];
  primaryCategory: string;
  /** All categories, primary first. */
  categories: string[];
  /** `YYYY-MM-DD`: the first-listing date when known, else the v1 date; null when neither is. */
  date: string | null;
  /** Distinct papers in the store's citation graph that cite this one (any source). */
  citationCount: number;
  comments: string | null;
}
