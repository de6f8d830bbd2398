import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery, toFts5 } from '../../src/index/fts/query.js';
import { bm25Query, termStats } from '../../eval/methods/bm25.js';
import { topK } from '../../eval/methods/top-k.js';
import type { Doc } from '../../eval/datasets/corpus.js';

const doc = (title: string, abstract = ''): Doc => ({ arxivId: title, title, abstract, authors: [], year: 1995, published: null });

describe('topK', () => {
  it('keeps the k best, best first, ties to the lower doc index, skipping -Infinity', () => {
    assert.deepEqual(topK([5, 3, 9, 1, 7], [0.5, 0.9, 0.5, -Infinity, 0.1], 3), [3, 5, 9]);
    assert.deepEqual(topK([5, 3], [1, 2], 10), [3, 5]);
    assert.deepEqual(topK([5, 3], [1, 2], 0), []);
  });
  it('agrees with a full sort on many candidates', () => {
    const c = Array.from({ length: 500 }, (_, i) => i);
    const s = c.map((i) => ((i * 7919) % 101) / 101);
    const full = [...c].sort((a, b) => s[b]! - s[a]! || a - b).slice(0, 50);
    assert.deepEqual(topK(c, s, 50), full);
  });
});

describe('BM25 query from a paper', () => {
  const corpus = [
    doc('Monopole condensation in supersymmetric Yang-Mills theory', 'We study monopoles and confinement.'),
    doc('Confinement and monopole condensation'),
    doc('Yang-Mills theory on the lattice'),
    doc('Black hole entropy in string theory'),
    doc('String theory dualities'),
  ];
  const stats = termStats(corpus);

  it('takes the most distinctive words (df ≥ 2, three letters or more), joined by OR', () => {
    const q = bm25Query([`${corpus[0]!.title} ${corpus[0]!.abstract}`], stats, 3);
    assert.deepEqual(q.split(' OR '), ['condensation', 'confinement', 'mills']);
  });
  it('renders as one OR group for FTS5', () => {
    assert.equal(toFts5(parseQuery('monopole OR confinement OR string')), '("monopole" OR "confinement" OR "string")');
  });
  it('is empty when no word qualifies', () => {
    assert.equal(bm25Query(['qq zz'], stats), '');
  });
});
