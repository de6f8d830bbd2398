/**
 * Simple author disambiguation, pure: the papers under one name key are linked when they share
 * a co-author or a category; each connected group is a candidate identity. One group means
 * no split is suggested; several groups have pairwise disjoint co-authors and categories.
 */

/** One paper under a name key: its id, co-author keys (the author excluded) and categories. */
export interface KeyPaper {
  id: number;
  coauthors: readonly string[];
  categories: readonly string[];
}

/** Groups of paper ids (each sorted; groups ordered by size desc, then smallest id). */
export function disjointGroups(papers: readonly KeyPaper[]): number[][] {
  const parent = papers.map((_, i) => i);
  const find = (i: number): number => { while (parent[i] !== i) { parent[i] = parent[parent[i]!]!; i = parent[i]!; } return i; };
  const owner = new Map<string, number>();
  papers.forEach((p, i) => {
    for (const tag of [...p.coauthors.map((c) => `a:${c}`), ...p.categories.map((c) => `c:${c}`)]) {
      const j = owner.get(tag);
      if (j === undefined) owner.set(tag, i); else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  papers.forEach((p, i) => { const r = find(i); (groups.get(r) ?? groups.set(r, []).get(r)!).push(p.id); });
  return [...groups.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}
