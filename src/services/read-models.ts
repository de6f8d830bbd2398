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

/** A metric tile's value, or why there is none yet. */
export type MetricValue = { value: number; display: string } | { value: null; reason: string };

/** The metrics on an author profile. Novelty and impact arrive with the metrics issue. */
export interface AuthorMetrics {
  papers: MetricValue;
  citations: MetricValue;
  hIndex: MetricValue;
  i10Index: MetricValue;
  novelty: MetricValue;
  impact: MetricValue;
}

/** Everything the author profile page shows. */
export interface AuthorProfile {
  key: string;
  name: string;
  /** Most frequent primary category of the author's papers (ties: alphabetical), or null. */
  primaryCategory: string | null;
  metrics: AuthorMetrics;
  /** Citations received per calendar year of the citing paper, ascending, gaps filled with 0. */
  citationsPerYear: { year: number; citations: number }[];
  coauthors: { key: string; name: string; papers: number }[];
  papers: PaperCard[];
  sort: 'newest' | 'cited';
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
  /** External counts (Semantic Scholar, …) with source and date. */
  externalCounts: { source: string; count: number; retrievedAt: string }[];
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
