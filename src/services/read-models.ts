import type { RankedPaper } from '../rank/author-metrics.js';
import type { StoredPaper } from '../core/paper.js';

/**
 * What the read use cases return to the web layer: domain shapes, no rows. The web app's
 * views and JSON presenters are written against these types; services fill them from the store.
 */

/** A paper as listed on cards (feeds, profiles, category pages, search). */
export interface PaperCard {
  arxivId: string;
  title: string;
  abstract: string;
  /** All authors in order; views show the first three and expand the rest. */
  authors: { name: string; key: string }[];
  primaryCategory: string;
  categories: string[];
  /** `YYYY-MM-DD`: first listing date when known, else v1 date. */
  date: string | null;
  /** Distinct papers in the store's citation graph that cite this one. */
  citationCount: number;
  comments: string | null;
}

/** A metric tile's value, or why there is none yet; with where it links and the data it counts. */
export type MetricValue = ({ value: number; display: string } | { value: null; reason: string }) & MetricTrace;

/** Traceability of a tile: the source and as-of date of its data (views add the link to what it counts). */
export interface MetricTrace {
  /** Where the data comes from, e.g. "internal citation graph (paperscape)". */
  source?: string;
  /** As of when, e.g. "citing papers up to 1996; computed 2025-03-18". */
  asOf?: string;
}

/** Where a profile's metrics come from. */
export interface MetricsProvenance {
  /** `materialised`: the `author_metrics` row (it matched the cards); `live`: computed for this request. */
  kind: 'materialised' | 'live';
  /** Sources of the counted citation edges, e.g. `['paperscape']`. */
  sources: string[];
  /** The last year of the h5 window: the year of the newest dated citing paper in the store. */
  asOfYear: number;
  /** The h5 window, inclusive calendar years. */
  window: { from: number; to: number };
  /** When the materialised row was computed (ISO), or null for live. */
  computedAt: string | null;
  /** The recompute generation of the row, or null for live. */
  generation: number | null;
}

/** The metrics on an author profile. Novelty and impact arrive with the metrics issue. */
export interface AuthorMetrics {
  papers: MetricValue;
  citations: MetricValue;
  hIndex: MetricValue;
  i10Index: MetricValue;
  /** h-index counting only citations from papers dated in the last five years (see docs/METRICS.md). */
  h5Index: MetricValue;
  novelty: MetricValue;
  impact: MetricValue;
}

/** Everything the author profile page shows. */
export interface AuthorProfile {
  key: string;
  name: string;
  /** ORCID iD (bare `0000-0002-1825-0097` form) a source gave for this author, or null. */
  orcid: string | null;
  /** Semantic Scholar author id a source gave for this author, or null. */
  s2AuthorId: string | null;
  /** Most frequent primary category of the author's papers (ties: alphabetical), or null. */
  primaryCategory: string | null;
  metrics: AuthorMetrics;
  /** Citations received per calendar year of the citing paper, ascending, gaps filled with 0. */
  citationsPerYear: { year: number; citations: number }[];
  /** Citations whose citing paper has no known year: the chart plus these equal the citations tile. */
  undatedCitations: number;
  /** First and last year of publication (null without papers). */
  years: { first: number | null; last: number | null };
  /** Where the metrics come from and as of when. */
  provenance: MetricsProvenance;
  coauthors: { key: string; name: string; papers: number }[];
  /** Every paper, in `sort` order (the tiles count them all). */
  papers: PaperCard[];
  sort: 'newest' | 'cited';
  /** The page of `papers` a profile page shows. */
  paperPage: { page: number; pageSize: number };
}

/** A paper with everything its page shows. */
export interface PaperDetail {
  paper: StoredPaper;
  citationCount: number;
  /** Papers in the store citing this one (newest first), and papers it cites that are in the store. */
  citedBy: PaperCard[];
  references: PaperCard[];
  /** References whose target is not in the store (ids as reported). */
  externalReferences: string[];
  /** External counts (Semantic Scholar, OpenAlex) with source and date, and per year where the source gives them. */
  externalCounts: { source: string; count: number; retrievedAt: string; byYear?: { year: number; count: number }[] }[];
}

/** A daily, weekly or monthly list. */
export interface FeedPage {
  kind: 'daily' | 'weekly' | 'monthly';
  /** `2025-03-18`, `2025-W12` or `2025-03`. */
  label: string;
  /** Inclusive `YYYY-MM-DD` range of first-listing dates. */
  from: string;
  to: string;
  /** Labels of the nearest earlier / later period that has papers (for this category filter), or null. */
  previous: string | null;
  next: string | null;
  category: string | null;
  papers: PaperCard[];
  /** Total papers in the period (the list may be paginated). */
  total: number;
  page: number;
  pageSize: number;
}

/** A category page. */
export interface CategoryPage {
  id: string;
  name: string;
  group: string;
  papers: PaperCard[];
  total: number;
  page: number;
  pageSize: number;
}

/** One citing paper on `/authors/<key>/citations`, with the author's papers it cites. */
export interface CitingEntry {
  /** The citing ref (arXiv id, or as reported). */
  ref: string;
  /** Its card when the paper is in the store. */
  card: PaperCard | null;
  date: string | null;
  /** The author's papers it cites (each one counted citation). */
  cites: { arxivId: string; title: string }[];
}

/** The citing papers of an author, paginated by citing paper. */
export interface AuthorCitationsPage {
  key: string;
  name: string;
  /** Citations counted (distinct citing → cited pairs): the citations tile. */
  citations: number;
  /** Distinct citing papers. */
  citingPapers: number;
  sources: string[];
  entries: CitingEntry[];
  page: number;
  pageSize: number;
}

/** One paper on `/authors/<key>/h-core`, in citation order, with what it counts towards (its place in {@link RankedPaper} terms). */
export interface CoreEntry extends Omit<RankedPaper, 'arxivId'> {
  card: PaperCard;
  /** External counts of this paper, each with its source and retrieval date. */
  external: { source: string; count: number; retrievedAt: string }[];
}

/** An author's papers most cited first, with the h-core, h5-core and i10 papers marked. */
export interface AuthorCorePage {
  key: string;
  name: string;
  metrics: AuthorMetrics;
  provenance: MetricsProvenance;
  entries: CoreEntry[];
}
