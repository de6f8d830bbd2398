import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hIndex } from './h-index.js';
import { i10Index } from './i10-index.js';

test('hand-computed i10-indexes', () => {
  assert.equal(i10Index([]), 0);
  assert.equal(i10Index([9, 9, 9]), 0);
  assert.equal(i10Index([12, 10, 9, 0]), 2); // exactly 10 counts
  assert.equal(i10Index([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10]), 11);
  assert.equal(i10Index([Number.NaN, 50]), 1);
});

test('property: 0 ≤ i10 ≤ papers, 10·i10 ≤ sum, and i10 ≥ 10 implies h ≥ 10', () => {
  let s = 9;
  const rand = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 3000; i++) {
    const counts = Array.from({ length: Math.floor(rand() * 60) }, () => Math.floor(rand() ** 2 * 40));
    const i10 = i10Index(counts);
    assert.ok(i10 >= 0 && i10 <= counts.length);
    assert.ok(10 * i10 <= counts.reduce((a, b) => a + b, 0));
    assert.equal(i10, counts.filter((c) => c >= 10).length);
    if (i10 >= 10) assert.ok(hIndex(counts) >= 10);
  }
});
