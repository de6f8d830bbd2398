import { findArxivId } from '../../core/arxiv-id.js';
import { normaliseOrcid } from '../../core/author-identity.js';
import type { AuthorIdentity, CitationCount, PaperRef } from '../../core/citation.js';
import type { RecordFailure } from '../../core/ingest-report.js';

/**
 * Parses an OpenAlex Work object (`GET /works/{id}`) into a citation count with its per-year
 * breakdown and its authors' ORCIDs. Built to the documented schema (`id`, `doi`, `ids`, `cited_by_count`,
 * `counts_by_year: [{ year, cited_by_count }]`, the last ten years, zero years omitted;
 * `authorships: [{ author_position, author: { id, display_name, orcid } }]`); it
 * has NOT been checked against a recorded response (none exists in shared/data).
 */

/** Source name recorded on every OpenAlex count. */
export const OPENALEX_SOURCE = 'openalex';

/** One year of an OpenAlex `counts_by_year` list. */
export interface YearCount {
  year: number;
  count: number;
}

/** A work's count, its per-year counts, and the ref that names it. */
export interface OpenAlexWorkResult {
  ref: PaperRef;
  /** `openalex:W…`, the work's own id. */
  openAlexId: string | null;
  count: CitationCount | undefined;
  byYear: YearCount[];
  /** Author-identity records for the authors with a valid ORCID. */
  authors: AuthorIdentity[];
  failures: RecordFailure[];
}

/** Reads one Work; `preferred` (an arXiv id given as input) wins over the refs the work names. */
export function parseWork(body: unknown, o: { position: string; retrievedAt: string; preferred?: PaperRef }): OpenAlexWorkResult {
  const w = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const openAlexId = shortId(w['id']);
  const ref = o.preferred ?? workRef(w, openAlexId);
  const failures: RecordFailure[] = [];
  const n = w['cited_by_count'];
  const count = typeof n === 'number' && Number.isInteger(n) && n >= 0
    ? { kind: 'count' as const, paper: ref, count: n, source: OPENALEX_SOURCE, retrievedAt: o.retrievedAt }
    : undefined;
  if (!count) failures.push({ position: o.position, reason: 'OpenAlex answered without a cited_by_count' });
  const authors = authorIds(w['authorships'], ref, o.retrievedAt);
  return { ref, openAlexId, count, byYear: count ? yearCounts(w['counts_by_year']) : [], authors, failures };
}

/**
 * `authorships[].author.{display_name, orcid}` as author-identity records for `paper`,
 * position = index in the list (OpenAlex keeps the byline order). Only authors with a name
 * and a valid ORCID (`https://orcid.org/…`, normalised to the bare form) give a record.
 */
export function authorIds(v: unknown, paper: PaperRef, retrievedAt: string): AuthorIdentity[] {
  if (!Array.isArray(v)) return [];
  const out: AuthorIdentity[] = [];
  v.forEach((entry: unknown, position) => {
    const a = (entry as Record<string, unknown> | null)?.['author'] as Record<string, unknown> | null | undefined;
    const name = typeof a?.['display_name'] === 'string' ? (a['display_name'] as string).trim() : '';
    const orcid = typeof a?.['orcid'] === 'string' ? normaliseOrcid(a['orcid'] as string) : undefined;
    if (name && orcid) out.push({ kind: 'author-id', paper, position, name, orcid, source: OPENALEX_SOURCE, retrievedAt });
  });
  return out;
}

/** `counts_by_year` entries with an integer year and a non-negative integer count, oldest first. */
export function yearCounts(v: unknown): YearCount[] {
  if (!Array.isArray(v)) return [];
  const out: YearCount[] = [];
  for (const e of v as Record<string, unknown>[]) {
    const year = e?.['year'], count = e?.['cited_by_count'];
    if (Number.isInteger(year) && Number.isInteger(count) && (count as number) >= 0) out.push({ year: year as number, count: count as number });
  }
  return out.sort((a, b) => a.year - b.year);
}

/** The arXiv id behind a work's DOI (arXiv's DataCite DOIs are `10.48550/arXiv.<id>`), else `doi:<lowercased>`, else `openalex:W…`. */
function workRef(w: Record<string, unknown>, openAlexId: string | null): PaperRef {
  const ids = (w['ids'] && typeof w['ids'] === 'object' ? w['ids'] : {}) as Record<string, unknown>;
  const doi = typeof w['doi'] === 'string' ? w['doi'] : typeof ids['doi'] === 'string' ? ids['doi'] : undefined;
  const bare = doi?.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '').toLowerCase();
  const arxiv = bare?.startsWith('10.48550/arxiv.') ? findArxivId(bare.slice('10.48550/arxiv.'.length)) : undefined;
  if (arxiv) return arxiv.id;
  if (bare) return `doi:${bare}`;
  return `openalex:${openAlexId ?? 'unknown'}`;
}

/** `https://openalex.org/W123` → `W123`. */
function shortId(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = /(?:^|\/)([WAISCPFT]\d+)$/i.exec(v.trim());
  return m ? m[1]!.toUpperCase() : null;
}
