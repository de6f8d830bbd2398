import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARXIV_SANITY_SVM, decision, trainLinearSvm, type SvmOptions } from '../../eval/methods/linear-svm.js';
import type { SparseVector } from '../../eval/methods/sparse.js';
import { seededRng } from '../../eval/stats.js';

const vec = (entries: [number, number][]): SparseVector => ({ idx: Int32Array.from(entries, (e) => e[0]), val: Float32Array.from(entries, (e) => e[1]) });
const opts = (o: Partial<SvmOptions>): SvmOptions => ({ ...ARXIV_SANITY_SVM, tolerance: 1e-8, maxIterations: 10_000, ...o });

describe('linear SVM (dual coordinate descent, squared hinge)', () => {
  it('finds the closed-form optimum of a two-point problem', () => {
    // x = ±1 on one feature: min ½(w² + b²) + C·Σ max(0, 1 − y(wx + b))² gives b = 0 and
    // w = 4C / (1 + 4C); with C = 1, w = 0.8.
    const m = trainLinearSvm([vec([[0, 1]]), vec([[0, -1]])], [1, -1], 1, opts({ c: 1, balanced: false }), seededRng(1));
    assert.ok(Math.abs(m.w[0]! - 0.8) < 1e-6, `w = ${m.w[0]}`);
    assert.ok(Math.abs(m.bias) < 1e-6, `b = ${m.bias}`);
  });

  it('separates a linearly separable toy set', () => {
    // Positives load on features 0/1, negatives on 2/3, with some shared noise on 4.
    const xs = [
      vec([[0, 0.9], [1, 0.4]]), vec([[0, 0.7], [4, 0.2]]), vec([[1, 0.8], [4, 0.5]]),
      vec([[2, 0.9], [3, 0.3]]), vec([[3, 0.8], [4, 0.4]]), vec([[2, 0.6], [4, 0.6]]), vec([[2, 0.5], [3, 0.5]]),
    ];
    const ys = [1, 1, 1, -1, -1, -1, -1];
    const m = trainLinearSvm(xs, ys, 5, opts({ c: 10 }), seededRng(2));
    xs.forEach((x, i) => assert.ok(ys[i]! * decision(m, x) > 0, `point ${i} on the wrong side: ${decision(m, x)}`));
    assert.ok(m.w[0]! > 0 && m.w[1]! > 0 && m.w[2]! < 0 && m.w[3]! < 0);
  });

  it('ranks the exemplar first and its near neighbour above the rest (arxiv-sanity settings)', () => {
    const xs = [vec([[0, 1]]), vec([[0, 0.8], [1, 0.6]]), vec([[1, 1]]), vec([[2, 1]]), vec([[2, 0.6], [3, 0.8]])];
    const m = trainLinearSvm(xs, [1, -1, -1, -1, -1], 4, ARXIV_SANITY_SVM, seededRng(3));
    const order = xs.map((x, i) => [i, decision(m, x)] as const).sort((a, b) => b[1] - a[1]).map(([i]) => i);
    assert.deepEqual(order.slice(0, 2), [0, 1]);
  });

  it('is deterministic for a seed', () => {
    const xs = [vec([[0, 1]]), vec([[1, 1]]), vec([[0, 0.5], [1, 0.5]])];
    const a = trainLinearSvm(xs, [1, -1, -1], 2, ARXIV_SANITY_SVM, seededRng(4));
    const b = trainLinearSvm(xs, [1, -1, -1], 2, ARXIV_SANITY_SVM, seededRng(4));
    assert.deepEqual([...a.w, a.bias], [...b.w, b.bias]);
  });
});
