import { hIndex } from './h-index.js';
import { i10Index } from './i10-index.js';

/**
 * Every citation metric of one author, computed from one input: the author's papers, each with
 * the years of the papers citing it (one entry per distinct citing paper, `null` when the
 * citing paper has no known year). Pure, no I/O; the store, the materialised `author_metrics`
 * table and the profile all call it, so the numbers agree by construction.
 */

/** One of the author's papers and who cites it. */
export interface PaperCitations {
  arxivId: string;
  /** Publication year of the paper, or null when unknown. */
  year: number | null;
  /** Year of each distinct citing paper (null: year unknown). Its length is the paper's citation count. */
  citingYears: readonly (number | null)[];
}

/** The window of the h5-index: citing papers dated in `from`…`to` (inclusive calendar years). */
export interface YearWindow {
  from: number;
  to: number;
}

/** An author's metrics. */
export interface AuthorMetricValues {
  papers: number;
  citations: number;
  hIndex: number;
  i10Index: number;
  /** h-index counting only citations from citing papers dated inside the window. */
  h5Index: number;
  /** Citations whose citing paper is dated inside the window (the sum h5 is computed from). */
  windowCitations: number;
  /** Citations per calendar year of the citing paper, ascending, gaps filled with 0. */
  citationsPerYear: { year: number; citations: number }[];
  /** Citations whose citing paper has no known year (not in the chart; chart + undated = citations). */
  undatedCitations: number;
  firstYear: number | null;
  lastYear: number | null;
}

/** The last five calendar years ending with `asOfYear`: `2024` → 2020…2024. */
export function h5Window(asOfYear: number): YearWindow {
  return { from: asOfYear - 4, to: asOfYear };
}

/** Citations of one paper from citing papers dated inside `window`. */
export function windowCount(paper: PaperCitations, window: YearWindow): number {
  let n = 0;
  for (const y of paper.citingYears) if (y !== null && y >= window.from && y <= window.to) n++;
  return n;
}

/** All metrics of an author from their papers (each paper once). */
export function computeAuthorMetrics(papers: readonly PaperCitations[], window: YearWindow): AuthorMetricValues {
  const counts = papers.map((p) => p.citingYears.length);
  const inWindow = papers.map((p) => windowCount(p, window));
  const { perYear, undated } = citationsByYear(papers);
  const years = papers.map((p) => p.year).filter((y): y is number => y !== null);
  return {
    papers: papers.length,
    citations: sum(counts),
    hIndex: hIndex(counts),
    i10Index: i10Index(counts),
    h5Index: hIndex(inWindow),
    windowCitations: sum(inWindow),
    citationsPerYear: perYear,
    undatedCitations: undated,
    firstYear: years.length ? Math.min(...years) : null,
    lastYear: years.length ? Math.max(...years) : null,
  };
}

/** Citations per citing year (gaps filled with 0) and the number without a year. */
export function citationsByYear(papers: readonly PaperCitations[]): { perYear: { year: number; citations: number }[]; undated: number } {
  const by = new Map<number, number>();
  let undated = 0;
  for (const p of papers) for (const y of p.citingYears) {
    if (y === null) undated++;
    else by.set(y, (by.get(y) ?? 0) + 1);
  }
  if (by.size === 0) return { perYear: [], undated };
  const keys = [...by.keys()];
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const perYear = Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, citations: by.get(first + i) ?? 0 }));
  return { perYear, undated };
}

/**
 * Ranks papers for the h-core page: most cited first (ties by arXiv id), each with its rank
 * and whether it is in the h-core (rank ≤ h), counts towards i10 (≥ 10 citations) and the
 * h5-core (among the h5 papers with most in-window citations, each having ≥ h5 of them).
 */
export function rankCore(papers: readonly PaperCitations[], window: YearWindow): RankedPaper[] {
  const counts = papers.map((p) => p.citingYears.length);
  const h = hIndex(counts);
  const h5 = hIndex(papers.map((p) => windowCount(p, window)));
  const h5Core = new Set([...papers].map((p) => ({ id: p.arxivId, n: windowCount(p, window) }))
    .sort((a, b) => b.n - a.n || cmp(a.id, b.id)).slice(0, h5).map((x) => x.id));
  return [...papers].sort((a, b) => b.citingYears.length - a.citingYears.length || cmp(a.arxivId, b.arxivId)).map((p, i) => ({
    arxivId: p.arxivId, rank: i + 1, citations: p.citingYears.length, windowCitations: windowCount(p, window),
    inHCore: i < h, inI10: p.citingYears.length >= 10, inH5Core: h5Core.has(p.arxivId),
  }));
}

/** A paper's place in its author's citation ranking. */
export interface RankedPaper {
  arxivId: string;
  rank: number;
  citations: number;
  windowCitations: number;
  inHCore: boolean;
  inI10: boolean;
  inH5Core: boolean;
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
