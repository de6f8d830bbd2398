import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Corpus, Doc } from '../../eval/datasets/corpus.js';
import { authorTask } from '../../eval/tasks/author.js';
import { citationTask } from '../../eval/tasks/citation.js';

const d = (year: number, authors: string[]): Doc => ({ arxivId: `p${year}-${authors.join('+')}`, title: 't', abstract: 'a', authors, year, published: null });

// Docs in submission order; refs by index.
const docs = [d(1992, ['a']), d(1993, ['a', 'b']), d(1994, ['c']), d(1994, ['a']), d(1995, ['c']), d(1995, ['b']), d(1996, ['a']), d(1996, ['c'])];
const refs = [[], [0], [0, 1], [2], [2, 3], [1, 2, 3, 4], [2, 4, 5, 3, 7], [4, 5]];
const corpus: Corpus = { docs, refs };

describe('citation task', () => {
  const task = citationTask(corpus, { minCited: 2 });
  it('takes papers of the query years citing enough earlier papers; truth is what they cite before them', () => {
    assert.deepEqual(task.queries.map((q) => q.key), [docs[4]!.arxivId, docs[5]!.arxivId, docs[6]!.arxivId, docs[7]!.arxivId]);
    // doc 6 cites 7 (a later paper, as Paperscape sometimes has): not a candidate, not truth.
    assert.deepEqual([...task.queries[2]!.truth].sort(), [2, 3, 4, 5]);
  });
  it('never offers the query paper or a later paper as a candidate', () => {
    for (const q of task.queries) {
      const i = docs.findIndex((x) => x.arxivId === q.key);
      assert.ok([...q.candidates()].every((c) => c < i), q.key);
      assert.ok([...q.truth].every((t) => t < i));
    }
  });
});

describe('author task', () => {
  const task = authorTask(corpus, { minPapers: 2 });
  it('profiles authors with enough papers up to 1995 and scores what their 1996 papers cite', () => {
    // a: papers 0, 1, 3 up to 1995; 1996 paper 6 cites 2, 3, 4, 5, 7 → 1994–95 candidates not by a: 2, 4, 5.
    const a = task.queries.find((q) => q.key === 'a')!;
    assert.deepEqual(a.positives, [0, 1, 3]);
    assert.deepEqual([...a.truth].sort(), [2, 4, 5]);
    // c: papers 2, 4; 1996 paper 7 cites 4 (own) and 5 → truth {5}.
    assert.deepEqual([...task.queries.find((q) => q.key === 'c')!.truth], [5]);
    // b has two papers up to 1995 but none in 1996: nothing to score.
    assert.equal(task.queries.some((q) => q.key === 'b'), false);
  });
  it('never offers an author their own papers, and offers only 1994–95 papers', () => {
    for (const q of task.queries) {
      for (const c of q.candidates()) {
        assert.ok(!docs[c]!.authors.includes(q.key), `${q.key} offered own paper ${c}`);
        assert.ok(docs[c]!.year === 1994 || docs[c]!.year === 1995);
      }
      for (const n of q.pool!()) assert.ok(!docs[n]!.authors.includes(q.key) && docs[n]!.year <= 1995);
    }
  });
});
