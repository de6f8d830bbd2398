import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sharedData } from '../../test/support/shared-data.js';
import type { SnapshotObject } from '../../test/support/convert.js';
import type { Corpus, Doc } from './corpus.js';

/** The SciRepEval SPECTER sample (200 query / cited / not-cited triplets). */
export const SPECTER_SAMPLE = 'scirepeval_specter_sample/specter_small.json.gz';

interface Paper {
  sha: string;
  title: string;
  abstract: string | null;
}

/** The triplet corpus: its distinct papers and, per triplet, the corpus indices of query, cited and not-cited paper. */
export interface TripletSet {
  corpus: Corpus;
  triplets: [number, number, number][];
}

/**
 * Reads the triplets; each distinct paper (by S2 sha) becomes one doc with a synthetic
 * new-style arXiv id (`1501.00001`, …) so it can be loaded into a store for BM25. Papers
 * without an abstract keep their title only.
 */
export function readSpecterTriplets(path = sharedData(SPECTER_SAMPLE)): TripletSet {
  const rows = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as { query: Paper; pos: Paper; neg: Paper }[];
  const docs: Doc[] = [];
  const index = new Map<string, number>();
  const add = (p: Paper): number => {
    let i = index.get(p.sha);
    if (i === undefined) {
      i = docs.length;
      index.set(p.sha, i);
      docs.push({ arxivId: `1501.${String(i + 1).padStart(5, '0')}`, title: p.title, abstract: p.abstract ?? '', authors: [], year: 2015, published: null });
    }
    return i;
  };
  const triplets = rows.map((r): [number, number, number] => [add(r.query), add(r.pos), add(r.neg)]);
  return { corpus: { docs, refs: docs.map(() => []) }, triplets };
}

/** The triplet papers as snapshot objects, for loading them into a store. */
export function tripletSnapshot(docs: readonly Doc[]): SnapshotObject[] {
  return docs.map((d) => ({ id: d.arxivId, title: d.title, abstract: d.abstract, authors: 'Anonymous', categories: 'cs.DL', versions: [] }));
}
