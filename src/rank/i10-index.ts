/**
 * The i10-index (as Google Scholar shows it): how many papers have at least 10 citations.
 * `[12, 10, 9, 0]` → 2; `[]` → 0.
 *
 * Pure and order-independent; `counts` holds one citation count per paper (NaN never counts).
 * Always 0 ≤ i10 ≤ papers, and 10·i10 ≤ the sum of the counts.
 */
export function i10Index(counts: readonly number[]): number {
  let n = 0;
  for (const c of counts) if (c >= 10) n++;
  return n;
}
