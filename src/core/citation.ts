/**
 * Citation data as sources report it. Papers are named by a {@link PaperRef}: the bare
 * versionless arXiv id when one is known (so edges join papers in the store directly),
 * otherwise a prefixed external id (`doi:10.1/x`, `s2:<paperId>`).
 */

/** A paper reference: an arXiv id, or `doi:…` / `s2:…` when no arXiv id is known. */
export type PaperRef = string;

/** One citing → cited link and which source reported it. */
export interface CitationEdge {
  kind: 'edge';
  citing: PaperRef;
  cited: PaperRef;
  /** Source name (`paperscape`, `edge-file:refs.tsv`, `semantic-scholar`). */
  source: string;
}

/** A citation count a source reported for one paper, as of a date. */
export interface CitationCount {
  kind: 'count';
  paper: PaperRef;
  count: number;
  source: string;
  /** ISO 8601 time the count was retrieved. */
  retrievedAt: string;
  /** Citations per year as the source reports them (OpenAlex `counts_by_year`); stored in `citation_counts_by_year`, replacing the source's earlier years for the paper. */
  byYear?: { year: number; count: number }[];
}

/**
 * An author's identifiers as a source reports them for one paper's author list. The batch
 * writers match it to the paper's authorship (by position when the names agree, else by name)
 * and fill `authors.s2_author_id` / `authors.orcid` where they are still empty.
 */
export interface AuthorIdentity {
  kind: 'author-id';
  paper: PaperRef;
  /** 0-based order on the paper as the source lists it; null when unknown. */
  position: number | null;
  /** The name as the source writes it (S2 often abbreviates given names). */
  name: string;
  s2AuthorId?: string;
  /** Bare form `0000-0002-1825-0097` (see normaliseOrcid in author-identity.ts). */
  orcid?: string;
  source: string;
  /** ISO 8601 time the record was retrieved. */
  retrievedAt: string;
}

/** What citation sources produce. */
export type CitationRecord = CitationEdge | CitationCount | AuthorIdentity;

const SOURCE_NAMES: Record<string, string> = { 'semantic-scholar': 'Semantic Scholar', openalex: 'OpenAlex', paperscape: 'Paperscape' };

/** How a citation source id reads on a page ("semantic-scholar" → "Semantic Scholar"); unknown ids as they are. */
export function citationSourceName(source: string): string {
  return SOURCE_NAMES[source] ?? source;
}
