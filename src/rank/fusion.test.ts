import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reciprocalRankFusion } from './fusion.js';

describe('reciprocal rank fusion', () => {
  it('sums weight / (k + rank) over the lists (hand-computed, k = 60)', () => {
    const fused = reciprocalRankFusion([
      { name: 'keyword', ids: ['a', 'b', 'c'], weight: 1 },
      { name: 'semantic', ids: ['c', 'a'], weight: 1 },
    ]);
    assert.deepEqual(fused.map((f) => f.id), ['a', 'c', 'b']);
    assert.ok(Math.abs(fused[0]!.score - (1 / 61 + 1 / 62)) < 1e-12);
    assert.ok(Math.abs(fused[1]!.score - (1 / 63 + 1 / 61)) < 1e-12);
    assert.deepEqual(fused[1]!.ranks, { keyword: 3, semantic: 1 });
  });
  it('weights tilt the result toward one list', () => {
    const lists = (w: number) => [{ name: 'k', ids: ['x', 'y'], weight: 1 }, { name: 's', ids: ['y', 'x'], weight: w }];
    assert.equal(reciprocalRankFusion(lists(2))[0]!.id, 'y');
    assert.equal(reciprocalRankFusion(lists(0.5))[0]!.id, 'x');
  });
  it('counts an id once per list and handles empty input', () => {
    assert.equal(reciprocalRankFusion([{ name: 'k', ids: [1, 1], weight: 1 }])[0]!.score, 1 / 61);
    assert.deepEqual(reciprocalRankFusion([]), []);
  });
});
