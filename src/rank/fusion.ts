/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009): each list gives an item
 * `weight / (k + rank)` (rank from 1) and the sums decide. It needs no score calibration
 * between engines, which is why hybrid search uses it to merge keyword and vector results.
 */

/** One ranked list to fuse: ids best first, and the list's weight. */
export interface RankedList<T> {
  name: string;
  ids: readonly T[];
  weight: number;
}

/** A fused item: its score and its 1-based rank in each list that had it. */
export interface FusedItem<T> {
  id: T;
  score: number;
  ranks: Record<string, number>;
}

/** The conventional RRF constant; larger values flatten the head of each list. */
export const RRF_K = 60;

/** Fuses ranked lists; ties keep the order of first appearance across lists. */
export function reciprocalRankFusion<T>(lists: readonly RankedList<T>[], k = RRF_K): FusedItem<T>[] {
  const fused = new Map<T, FusedItem<T>>();
  for (const list of lists) {
    list.ids.forEach((id, i) => {
      const item = fused.get(id) ?? fused.set(id, { id, score: 0, ranks: {} }).get(id)!;
      if (item.ranks[list.name] !== undefined) return;
      item.ranks[list.name] = i + 1;
      item.score += list.weight / (k + i + 1);
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score);
}
