import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averagePrecision, metricSpecs, ndcgAt, posAboveNeg, recallAt, reciprocalRank } from '../../eval/metrics.js';
import { bootstrap, mean, quantile, seededRng, shuffled } from '../../eval/stats.js';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`);

describe('ranking metrics (hand-computed)', () => {
  // Ranked 1..6; relevant: 1, 3 and 9 (9 is never retrieved).
  const ranked = [1, 2, 3, 4, 5, 6];
  const relevant = new Set([1, 3, 9]);

  it('average precision divides by every relevant item, found or not', () => {
    // hits at ranks 1 and 3: (1/1 + 2/3) / 3 = 0.5555…
    close(averagePrecision(ranked, relevant), (1 + 2 / 3) / 3);
    close(averagePrecision([2, 1], new Set([1])), 0.5);
    close(averagePrecision([], new Set([1])), 0);
  });

  it('nDCG@k uses binary gains and the ideal list of min(k, |relevant|) hits', () => {
    // DCG@3 = 1/log2(2) + 1/log2(4) = 1.5; IDCG@3 = 1 + 1/log2(3) + 1/log2(4) = 2.1309…
    close(ndcgAt(ranked, relevant, 3), 1.5 / (1 + 1 / Math.log2(3) + 0.5));
    // k = 1: the first item is relevant.
    close(ndcgAt(ranked, relevant, 1), 1);
    // one relevant item at rank 2: (1/log2 3) / 1
    close(ndcgAt([5, 7], new Set([7]), 10), 1 / Math.log2(3));
  });

  it('recall@k counts relevant items in the top k', () => {
    close(recallAt(ranked, relevant, 1), 1 / 3);
    close(recallAt(ranked, relevant, 2), 1 / 3);
    close(recallAt(ranked, relevant, 3), 2 / 3);
    close(recallAt(ranked, relevant, 100), 2 / 3);
  });

  it('reciprocal rank is 1 / rank of the first hit, 0 without one', () => {
    close(reciprocalRank([4, 5, 3], relevant), 1 / 3);
    close(reciprocalRank([4, 5], relevant), 0);
  });

  it('scores triplets: cited first 1, other first 0, neither ½', () => {
    assert.equal(posAboveNeg([7, 8], new Set([7])), 1);
    assert.equal(posAboveNeg([8, 7], new Set([7])), 0);
    assert.equal(posAboveNeg([8], new Set([7])), 0);
    assert.equal(posAboveNeg([], new Set([7])), 0.5);
  });

  it('builds metrics from their names', () => {
    const specs = metricSpecs(['MAP', 'nDCG@10', 'R@20', 'MRR']);
    assert.deepEqual(specs.map((s) => s.name), ['MAP', 'nDCG@10', 'R@20', 'MRR']);
    close(specs[2]!.of(ranked, relevant), 2 / 3);
    assert.throws(() => metricSpecs(['P@5']), /unknown metric/);
  });
});

describe('bootstrap and sampling', () => {
  it('interpolates quantiles like NumPy', () => {
    close(quantile([1, 2, 3, 4], 0.25), 1.75);
    close(quantile([1, 2, 3, 4], 0.5), 2.5);
    close(quantile([5], 0.9), 5);
  });

  it('gives a zero-width interval for constant values', () => {
    const e = bootstrap([0.25, 0.25, 0.25]); // exact in binary floating point
    assert.deepEqual(e, { mean: 0.25, lo: 0.25, hi: 0.25, n: 3 });
  });

  it('spans {0, 1} for two values 0 and 1 (resample means 0, ½, 1 with 25/50/25 %)', () => {
    const e = bootstrap([0, 1], { resamples: 2000 });
    assert.deepEqual([e.mean, e.lo, e.hi], [0.5, 0, 1]);
  });

  it('matches the normal approximation on 100 Bernoulli(0.3) values', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i < 30 ? 1 : 0));
    const e = bootstrap(values, { resamples: 4000 });
    const half = 1.96 * Math.sqrt((0.3 * 0.7) / 100); // ≈ 0.0898
    close(e.mean, 0.3);
    close(e.lo, 0.3 - half, 0.02);
    close(e.hi, 0.3 + half, 0.02);
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const values = Array.from({ length: 50 }, (_, i) => (i * 7919) % 13 / 13);
    assert.deepEqual(bootstrap(values, { seed: 1 }), bootstrap(values, { seed: 1 }));
    assert.notDeepEqual(bootstrap(values, { seed: 1 }), bootstrap(values, { seed: 2 }));
  });

  it('returns NaN for no values', () => {
    assert.ok(Number.isNaN(bootstrap([]).mean));
  });

  it('shuffles reproducibly without losing items', () => {
    const a = shuffled([1, 2, 3, 4, 5, 6, 7, 8], seededRng(6));
    assert.deepEqual(a, shuffled([1, 2, 3, 4, 5, 6, 7, 8], seededRng(6)));
    assert.deepEqual([...a].sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
    close(mean([1, 2, 3]), 2);
  });
});
