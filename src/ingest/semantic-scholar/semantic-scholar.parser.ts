import { findArxivId } from '../../core/arxiv-id.js';
import { normaliseOrcid } from '../../core/author-identity.js';
import type { AuthorIdentity, CitationCount, CitationEdge, PaperRef } from '../../core/citation.js';
import { SourceError } from '../../core/errors.js';
import type { RecordFailure } from '../../core/ingest-report.js';

/**
 * Pure functions from Semantic Scholar Graph API JSON to CitationRecords. No I/O: the
 * source (`semantic-scholar.source.ts`) fetches, these parse. A structurally wrong body
 * (not an object, `data` not a list) throws SourceError; a bad entry in a good body is a
 * RecordFailure and the rest of the page goes on.
 */

/** `source` written on every record from Semantic Scholar. */
export const SEMANTIC_SCHOLAR_SOURCE = 'semantic-scholar';

/** The `externalIds` fields we use (S2 sends more: MAG, DBLP, CorpusId, PubMed…). */
export interface S2ExternalIds {
  ArXiv?: string | null;
  DOI?: string | null;
}

/** The paper fields we use; `paperId` is null for references S2 could not resolve. */
export interface S2Paper {
  paperId: string | null;
  externalIds?: S2ExternalIds | null;
  citationCount?: number | null;
  title?: string | null;
}

/** Which list a page came from: `references` (papers this one cites) or `citations` (papers citing it). */
export type S2LinkKind = 'references' | 'citations';

/** One parsed `/references` or `/citations` page: its edges, failures and paging info. */
export interface S2LinkPage {
  edges: CitationEdge[];
  failures: RecordFailure[];
  /** `offset` of this page. */
  offset: number;
  /** `offset` of the next page, undefined on the last page. */
  next: number | undefined;
}

/** A parsed `/paper/{id}` answer: the paper's ref, its count when present, and failures. */
export interface S2PaperResult {
  ref: PaperRef;
  count: CitationCount | undefined;
  /** One record per listed author with an authorId or a valid ORCID (needs `authors` in `fields`). */
  authors: AuthorIdentity[];
  failures: RecordFailure[];
}

/**
 * A paper's PaperRef: the versionless arXiv id from `externalIds.ArXiv`, else
 * `doi:<lowercased DOI>`, else `s2:<paperId>`; undefined when it has none of these.
 */
export function paperRefOf(paper: S2Paper): PaperRef | undefined {
  const arxiv = paper.externalIds?.ArXiv ? findArxivId(paper.externalIds.ArXiv) : undefined;
  if (arxiv) return arxiv.id;
  const doi = paper.externalIds?.DOI?.trim();
  if (doi) return `doi:${doi.toLowerCase()}`;
  return paper.paperId ? `s2:${paper.paperId}` : undefined;
}

/**
 * Parses a `/paper/{id}?fields=externalIds,citationCount` body. `position` names the input
 * (`paper 2503.11731`) in failures; `retrievedAt` is the ISO time stamped on the count.
 * A body without a numeric `citationCount` gives a failure instead of a count.
 */
export function parsePaper(body: unknown, options: { position: string; retrievedAt: string }): S2PaperResult {
  const paper = asPaper(body);
  const ref = paper ? paperRefOf(paper) : undefined;
  if (!paper || !ref) throw new SourceError(`${options.position}: Semantic Scholar answered without a paperId`);
  const authors = parseAuthorIds((body as Record<string, unknown>).authors, ref, options.retrievedAt);
  if (typeof paper.citationCount !== 'number') {
    return { ref, count: undefined, authors, failures: [{ position: options.position, reason: 'Semantic Scholar answered without a citationCount' }] };
  }
  const count: CitationCount = { kind: 'count', paper: ref, count: paper.citationCount, source: SEMANTIC_SCHOLAR_SOURCE, retrievedAt: options.retrievedAt };
  return { ref, count, authors, failures: [] };
}

/**
 * A paper object's `authors` list (`[{ authorId, name, externalIds?: { ORCID? } }]`) as
 * author-identity records for `paper`, position = index in the list. Authors without a name,
 * or with neither an authorId nor a valid ORCID, are left out; an invalid ORCID is dropped.
 */
export function parseAuthorIds(list: unknown, paper: PaperRef, retrievedAt: string): AuthorIdentity[] {
  if (!Array.isArray(list)) return [];
  const out: AuthorIdentity[] = [];
  list.forEach((value, position) => {
    const a = asObject(value);
    const name = typeof a?.name === 'string' ? a.name.trim() : '';
    const s2AuthorId = typeof a?.authorId === 'string' && /^\d+$/.test(a.authorId) ? a.authorId : undefined;
    const rawOrcid = asObject(a?.externalIds)?.ORCID;
    const orcid = typeof rawOrcid === 'string' ? normaliseOrcid(rawOrcid) : undefined;
    if (!name || (!s2AuthorId && !orcid)) return;
    out.push({ kind: 'author-id', paper, position, name, ...(s2AuthorId ? { s2AuthorId } : {}), ...(orcid ? { orcid } : {}), source: SEMANTIC_SCHOLAR_SOURCE, retrievedAt });
  });
  return out;
}

/** Parses a `/paper/{id}/references` page (`data[].citedPaper`) into edges `self` → cited. */
export function parseReferencesPage(body: unknown, self: PaperRef, position: string): S2LinkPage {
  return parseLinkPage(body, self, 'references', position);
}

/** Parses a `/paper/{id}/citations` page (`data[].citingPaper`) into edges citing → `self`. */
export function parseCitationsPage(body: unknown, self: PaperRef, position: string): S2LinkPage {
  return parseLinkPage(body, self, 'citations', position);
}

/**
 * Parses either link page. Entries with a null paperId (S2's unresolved references) are
 * skipped and reported as failures at `<position> <reference|citation> <index>`, where the
 * index counts from the first page (offset + position in `data`).
 */
export function parseLinkPage(body: unknown, self: PaperRef, kind: S2LinkKind, position: string): S2LinkPage {
  const page = asObject(body);
  if (!page || !Array.isArray(page.data)) throw new SourceError(`${position} ${kind}: Semantic Scholar answered without a data list`);
  const offset = typeof page.offset === 'number' ? page.offset : 0;
  const next = typeof page.next === 'number' ? page.next : undefined;
  const linked = page.data.map((entry) => asObject(entry)?.[kind === 'references' ? 'citedPaper' : 'citingPaper']);
  return { ...linkedPapersToEdges(linked, self, kind, position, offset), offset, next };
}

/**
 * Parses the `citations` and `references` lists embedded in a full paper object (asked for
 * with `fields=citations,references` on `/paper/{id}`); entries are paper objects directly.
 */
export function parseEmbeddedLinks(body: unknown, self: PaperRef, position: string): { edges: CitationEdge[]; failures: RecordFailure[] } {
  const paper = asObject(body) ?? {};
  const lists = (['references', 'citations'] as const).map((kind) => {
    const list = paper[kind];
    return linkedPapersToEdges(Array.isArray(list) ? list : [], self, kind, position, 0);
  });
  return { edges: lists.flatMap((l) => l.edges), failures: lists.flatMap((l) => l.failures) };
}

function linkedPapersToEdges(linked: unknown[], self: PaperRef, kind: S2LinkKind, position: string, offset: number) {
  const edges: CitationEdge[] = [];
  const failures: RecordFailure[] = [];
  linked.forEach((value, i) => {
    const paper = asPaper(value);
    const other = paper?.paperId ? paperRefOf(paper) : undefined;
    if (other) edges.push(kind === 'references' ? edge(self, other) : edge(other, self));
    else failures.push(unresolved(paper, kind, `${position} ${kind === 'references' ? 'reference' : 'citation'} ${offset + i}`));
  });
  return { edges, failures };
}

function unresolved(paper: S2Paper | undefined, kind: S2LinkKind, position: string): RecordFailure {
  const what = kind === 'references' ? 'reference' : 'citing paper';
  const title = paper?.title ? `: ${JSON.stringify(paper.title.length > 120 ? `${paper.title.slice(0, 120)}…` : paper.title)}` : '';
  return { position, reason: `${what} not resolved by Semantic Scholar (null paperId)${title}` };
}

function edge(citing: PaperRef, cited: PaperRef): CitationEdge {
  return { kind: 'edge', citing, cited, source: SEMANTIC_SCHOLAR_SOURCE };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Narrows an unknown JSON value to the S2Paper fields we read, dropping wrongly typed ones. */
function asPaper(value: unknown): S2Paper | undefined {
  const o = asObject(value);
  if (!o) return undefined;
  const ids = asObject(o.externalIds);
  return {
    paperId: typeof o.paperId === 'string' && o.paperId !== '' ? o.paperId : null,
    externalIds: ids ? { ArXiv: stringOrNull(ids.ArXiv), DOI: stringOrNull(ids.DOI) } : null,
    citationCount: typeof o.citationCount === 'number' ? o.citationCount : null,
    title: stringOrNull(o.title),
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
