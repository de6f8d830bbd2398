/**
 * Ranking metrics for one query: `ranked` is the method's list, best first (cut at the
 * evaluation depth), `relevant` the truth. Relevant items the list misses count as misses, so
 * average precision is divided by all relevant items (trec_eval's definition).
 */

/** Average precision: mean over relevant items of the precision at their rank (0 when missed). */
export function averagePrecision(ranked: readonly number[], relevant: ReadonlySet<number>): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranked.forEach((d, i) => {
    if (relevant.has(d)) { hits++; sum += hits / (i + 1); }
  });
  return sum / relevant.size;
}

/** Binary-gain nDCG at k: Σ rel_i / log2(i + 1) over the top k, over the same for an ideal list. */
export function ndcgAt(ranked: readonly number[], relevant: ReadonlySet<number>, k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Share of the relevant items found in the top k. */
export function recallAt(ranked: readonly number[], relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) hits++;
  return hits / relevant.size;
}

/** 1 / rank of the first relevant item; 0 when the list holds none. */
export function reciprocalRank(ranked: readonly number[], relevant: ReadonlySet<number>): number {
  const i = ranked.findIndex((d) => relevant.has(d));
  return i < 0 ? 0 : 1 / (i + 1);
}

/**
 * Triplet score of a ranking of two candidates (cited, not cited): 1 when the cited paper comes
 * first, 0 when the other does, ½ when the method returned neither.
 */
export function posAboveNeg(ranked: readonly number[], relevant: ReadonlySet<number>): number {
  if (ranked.length === 0) return 0.5;
  return relevant.has(ranked[0]!) ? 1 : 0;
}

/** A named metric of one ranked list. */
export interface MetricSpec {
  name: string;
  of(ranked: readonly number[], relevant: ReadonlySet<number>): number;
}

/** Builds metric specs from short names: `MAP`, `MRR`, `nDCG@k`, `R@k`, `pos>neg`. */
export function metricSpecs(names: readonly string[]): MetricSpec[] {
  return names.map((name) => {
    if (name === 'MAP') return { name, of: averagePrecision };
    if (name === 'pos>neg') return { name, of: posAboveNeg };
    if (name === 'MRR') return { name, of: reciprocalRank };
    const m = /^(nDCG|R)@(\d+)$/.exec(name);
    if (!m) throw new Error(`unknown metric ${name}`);
    const k = Number(m[2]);
    return { name, of: m[1] === 'R' ? (r, rel) => recallAt(r, rel, k) : (r, rel) => ndcgAt(r, rel, k) };
  });
}
