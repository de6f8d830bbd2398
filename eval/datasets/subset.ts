import { seededRng, shuffled } from '../stats.js';
import { hepthOrder } from './corpus.js';
import { edgeRows } from './hepth-load.js';

/** Settings of {@link smokeSubset}. */
export interface SubsetOptions {
  /** 1996 papers taken as seeds. */
  seeds: number;
  /** Further random 1992–1995 papers. */
  others: number;
  seed: number;
}

const inWindow = (id: string) => {
  const o = hepthOrder(id);
  return o !== undefined && o >= 9200000 && o < 9700000;
};

/**
 * A small, deterministic slice of hep-th 1992–1996 on which every task has queries: `seeds`
 * random 1996 papers citing at least five earlier hep-th papers, everything they cite (which
 * includes their authors' own earlier papers, so authors get profiles), and `others` random
 * papers of 1992–1995. Returns the arXiv ids.
 */
export async function smokeSubset(options: SubsetOptions): Promise<Set<string>> {
  const refs = new Map<string, string[]>();
  const earlier = new Set<string>();
  for await (const [citing, cited] of edgeRows()) {
    if (!inWindow(citing) || !inWindow(cited) || hepthOrder(cited)! >= hepthOrder(citing)!) continue;
    refs.set(citing, [...(refs.get(citing) ?? []), cited]);
    earlier.add(cited);
  }
  const rng = seededRng(options.seed);
  const seeds = shuffled([...refs].filter(([id, r]) => id.startsWith('hep-th/96') && r.length >= 5).map(([id]) => id).sort(), rng).slice(0, options.seeds);
  const ids = new Set(seeds.flatMap((s) => [s, ...refs.get(s)!]));
  const pool = [...earlier].filter((id) => !id.startsWith('hep-th/96') && !ids.has(id)).sort();
  for (const id of shuffled(pool, rng).slice(0, options.others)) ids.add(id);
  return ids;
}
