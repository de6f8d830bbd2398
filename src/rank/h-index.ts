/**
 * The h-index (Hirsch 2005): the largest h such that h of the papers have at least h citations
 * each. `[10, 8, 5, 4, 3]` → 4 (four papers with ≥ 4; not five with ≥ 5); `[]` → 0;
 * `[0, 0]` → 0; `[100]` → 1.
 *
 * Pure and order-independent. `counts` holds one citation count per paper; counts that are
 * not positive numbers (0, negative, NaN) never count towards h. Always 0 ≤ h ≤ papers and
 * h² ≤ the sum of the counts. O(n log n).
 */
export function hIndex(counts: readonly number[]): number {
  // Only counts ≥ 1 can support h ≥ 1; dropping the rest also keeps NaN out of the sort.
  const sorted = counts.filter((c) => c >= 1).sort((a, b) => b - a);
  let h = 0;
  // sorted[h] is the (h+1)-th highest count: h grows while it can still support h+1.
  while (h < sorted.length && sorted[h]! >= h + 1) h++;
  return h;
}
