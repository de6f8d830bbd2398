import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNovelty, median, midRankPercentiles, noveltyDistance } from './novelty.js';

test('noveltyDistance: 1 − mean of the k most similar, null with too few', () => {
  assert.equal(noveltyDistance([0.9, 0.1, 0.5], 2), 1 - (0.9 + 0.5) / 2);
  assert.equal(noveltyDistance([1, 1], 2), 0);
  assert.equal(noveltyDistance([0.9], 2), null);
  assert.equal(noveltyDistance([], 0), null);
});

test('midRankPercentiles: known answers, ties share, mean is 50', () => {
  assert.deepEqual(midRankPercentiles([3, 1, 2, 4]), [62.5, 12.5, 37.5, 87.5]);
  assert.deepEqual(midRankPercentiles([5, 5]), [50, 50]);
  assert.deepEqual(midRankPercentiles([]), []);
  const xs = Array.from({ length: 101 }, (_, i) => (i * 37) % 11);
  const p = midRankPercentiles(xs);
  assert.ok(Math.abs(p.reduce((s, x) => s + x, 0) / p.length - 50) < 1e-9);
  for (let i = 0; i < xs.length; i++) for (let j = 0; j < xs.length; j++) if (xs[i]! < xs[j]!) assert.ok(p[i]! < p[j]!);
});

test('median and display', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.equal(median([]), null);
  assert.equal(formatNovelty(72.6), 'Novelty 73%');
});
