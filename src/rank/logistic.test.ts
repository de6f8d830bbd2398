import assert from 'node:assert/strict';
import { seededRandom } from '../core/random.js';

import { test } from 'node:test';
import { auc, aucStandardError, brierScore, fitLogistic, predictLogistic, reliabilityBins, sigmoid } from './logistic.js';

const rng = seededRandom;

test('auc: known answers, ties half, null with one class', () => {
  assert.equal(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
  assert.equal(auc([0.5, 0.5], [0, 1]), 0.5);
  assert.equal(auc([1, 2, 3], [1, 1, 1]), null);
  assert.equal(auc([3, 2, 1], [1, 0, 0]), 1);
});

test('fitLogistic recovers known coefficients from simulated data', () => {
  const r = rng(3);
  const x: number[][] = [], y: number[] = [];
  for (let i = 0; i < 4000; i++) {
    const a = r() * 4 - 2, b = r() * 4 - 2, noise = r();
    x.push([a, b, noise]);
    y.push(r() < sigmoid(-1 + 2 * a - 1 * b) ? 1 : 0);
  }
  const m = fitLogistic(x, y, { l2: 0.01 });
  // Back to raw-feature units.
  const w = m.weights.map((v, j) => v / m.scales[j]!);
  assert.ok(Math.abs(w[0]! - 2) < 0.25, `a: ${w[0]}`);
  assert.ok(Math.abs(w[1]! + 1) < 0.2, `b: ${w[1]}`);
  assert.ok(Math.abs(w[2]!) < 0.4, `noise: ${w[2]}`);
  const p = x.map((row) => predictLogistic(m, row));
  assert.ok(auc(p, y)! > 0.8);
  // Calibrated in-sample: every well-filled bin's observed rate is near its mean prediction.
  for (const b of reliabilityBins(p, y)) if (b.count > 200) assert.ok(Math.abs(b.meanPredicted! - b.observed!) < 0.08, JSON.stringify(b));
  assert.ok(brierScore(p, y) < 0.25);
});

test('a stronger penalty shrinks the weights', () => {
  const x = [[0], [1], [2], [3], [4], [5]], y = [0, 0, 1, 0, 1, 1];
  assert.ok(Math.abs(fitLogistic(x, y, { l2: 100 }).weights[0]!) < Math.abs(fitLogistic(x, y, { l2: 0.1 }).weights[0]!));
});

test('reliability bins and AUC standard error', () => {
  const bins = reliabilityBins([0.05, 0.15, 0.12, 0.95], [0, 1, 0, 1], 10);
  assert.equal(bins.length, 10);
  assert.deepEqual({ c: bins[1]!.count, o: bins[1]!.observed }, { c: 2, o: 0.5 });
  assert.equal(bins[5]!.meanPredicted, null);
  const se = aucStandardError(0.75, 100, 900);
  assert.ok(se > 0.01 && se < 0.05, String(se));
});
