import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hIndex } from './h-index.js';

test('hand-computed h-indexes', () => {
  assert.equal(hIndex([]), 0);
  assert.equal(hIndex([0, 0, 0]), 0);
  assert.equal(hIndex([100]), 1);
  assert.equal(hIndex([10, 8, 5, 4, 3]), 4); // four papers with ≥ 4, not five with ≥ 5
  assert.equal(hIndex([25, 8, 5, 3, 3]), 3);
  assert.equal(hIndex([3, 0, 6, 1, 5]), 3); // order does not matter
  assert.equal(hIndex([1, 1, 1, 1]), 1);
  assert.equal(hIndex([4, 4, 4, 4]), 4);
  assert.equal(hIndex([5, 5, 5, 5]), 4); // capped by the number of papers
  assert.equal(hIndex([2, 2]), 2);
  assert.equal(hIndex([-3, Number.NaN, 2, 7]), 2);
});

test('hIndex does not reorder its input', () => {
  const counts = [1, 9, 3];
  hIndex(counts);
  assert.deepEqual(counts, [1, 9, 3]);
});

/** A small seeded generator (LCG), so a failing case can be replayed. */
function randomArrays(seed: number, n: number): number[][] {
  let s = seed;
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const len = Math.floor(rand() * 60);
    // Heavy-tailed like citation counts: mostly small, a few large.
    out.push(Array.from({ length: len }, () => Math.floor(rand() ** 3 * 200)));
  }
  return out;
}

/** h straight from the definition: the largest h with at least h counts ≥ h. */
function hByDefinition(counts: number[]): number {
  for (let h = counts.length; h > 0; h--) if (counts.filter((c) => c >= h).length >= h) return h;
  return 0;
}

test('property: 0 ≤ h ≤ papers, h² ≤ sum, h matches the definition and ignores order', () => {
  for (const counts of randomArrays(42, 3000)) {
    const h = hIndex(counts);
    const sum = counts.reduce((a, b) => a + b, 0);
    assert.ok(h >= 0 && h <= counts.length, `h ≤ papers for ${counts}`);
    assert.ok(h * h <= sum, `h² ≤ sum for ${counts}`);
    assert.equal(h, hByDefinition(counts));
    assert.equal(hIndex([...counts].reverse()), h);
    // Adding a citation never lowers h; adding an uncited paper never changes it.
    if (counts.length > 0) assert.ok(hIndex([counts[0]! + 1, ...counts.slice(1)]) >= h);
    assert.equal(hIndex([...counts, 0]), h);
  }
});
