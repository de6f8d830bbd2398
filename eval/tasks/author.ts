import type { Corpus } from '../datasets/corpus.js';
import type { EvalQuery, Task } from './task.js';

/** Settings of the author-recommendation task. */
export interface AuthorTaskOptions {
  /** Profile papers are up to the end of this year. @default 1995 */
  profileUntil?: number;
  /** An author needs at least this many profile papers. @default 3 */
  minPapers?: number;
  /** Candidates are papers of these years. @default [1994, 1995] */
  candidateYears?: [number, number];
  /** Truth comes from the citations of the author's papers of this year. @default 1996 */
  truthYear?: number;
}

/**
 * Author recommendation: for each author (store author key) with at least `minPapers` papers up
 * to `profileUntil`, the profile is those papers; the candidates are every paper of the
 * candidate years the author did not write; the truth is the candidates their papers of
 * `truthYear` cite. Authors whose truth is empty cannot be scored and are left out. The SVM's
 * negatives are every paper up to `profileUntil` the author did not write.
 */
export function authorTask(corpus: Corpus, options: AuthorTaskOptions = {}): Task {
  const until = options.profileUntil ?? 1995;
  const [c0, c1] = options.candidateYears ?? [1994, 1995];
  const truthYear = options.truthYear ?? 1996;
  const byAuthor = papersByAuthor(corpus);
  const inYears = (lo: number, hi: number) => corpus.docs.flatMap((d, i) => (d.year >= lo && d.year <= hi ? [i] : []));
  const candidateYears = inYears(c0, c1);
  const upToUntil = inYears(0, until);
  const queries: EvalQuery[] = [];
  let eligible = 0;
  for (const [key, papers] of byAuthor) {
    const profile = papers.filter((i) => corpus.docs[i]!.year <= until);
    if (profile.length < (options.minPapers ?? 3)) continue;
    eligible++;
    const own = new Set(papers);
    const isCandidate = (j: number) => !own.has(j) && corpus.docs[j]!.year >= c0 && corpus.docs[j]!.year <= c1;
    const truth = new Set(papers.filter((i) => corpus.docs[i]!.year === truthYear).flatMap((i) => corpus.refs[i]!.filter(isCandidate)));
    if (truth.size === 0) continue;
    queries.push({
      key, positives: profile, truth,
      candidates: () => Int32Array.from(candidateYears.filter((j) => !own.has(j))),
      pool: () => Int32Array.from(upToUntil.filter((j) => !own.has(j))),
    });
  }
  return {
    name: 'author',
    metrics: ['R@50', 'MAP', 'nDCG@20'],
    primary: 'MAP',
    queries,
    facts: {
      eligibleAuthors: eligible, queries: queries.length, candidatePapers: candidateYears.length,
      meanProfile: round(queries.reduce((s, q) => s + q.positives.length, 0) / Math.max(1, queries.length)),
      meanTruth: round(queries.reduce((s, q) => s + q.truth.size, 0) / Math.max(1, queries.length)),
    },
  };
}

/** Author key → corpus indices of their papers, ascending; authors in first-appearance order. */
function papersByAuthor(corpus: Corpus): Map<string, number[]> {
  const out = new Map<string, number[]>();
  corpus.docs.forEach((d, i) => d.authors.forEach((a) => {
    const list = out.get(a);
    if (list) list.push(i); else out.set(a, [i]);
  }));
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
