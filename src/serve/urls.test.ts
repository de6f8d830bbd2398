import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atomFeedPath, authorPath, categoryPath, doiUrl, feedPath, paperPath, withQuery } from './urls.js';

test('paper, author and category paths encode their parts', () => {
  assert.equal(paperPath('2503.11731'), '/papers/2503.11731');
  assert.equal(paperPath('hep-th/9407087'), '/papers/hep-th/9407087');
  assert.equal(authorPath('péter-e-frenkel'), '/authors/p%C3%A9ter-e-frenkel');
  assert.equal(authorPath('a-b', 'cited'), '/authors/a-b?sort=cited');
  assert.equal(authorPath('a-b', 'newest'), '/authors/a-b');
  assert.equal(categoryPath('cond-mat.str-el', 2), '/categories/cond-mat.str-el?page=2');
  assert.equal(categoryPath('cs.LG', 1), '/categories/cs.LG');
});

test('feed paths: latest without a label, query for category and later pages', () => {
  assert.equal(feedPath({ kind: 'daily' }), '/');
  assert.equal(feedPath({ kind: 'weekly', label: '2025-W12', category: 'cs.LG', page: 3 }), '/weekly/2025-W12?category=cs.LG&page=3');
  assert.equal(feedPath({ kind: 'monthly', label: '2025-03', page: 1 }), '/monthly/2025-03');
  assert.equal(atomFeedPath('cs.LG'), '/feeds/latest.atom?category=cs.LG');
});

test('withQuery drops empty values; DOIs are encoded per segment', () => {
  assert.equal(withQuery('/x', { a: '', b: null, c: undefined, d: 0 }), '/x?d=0');
  assert.equal(doiUrl('10.1051/0004-6361:20077530'), 'https://doi.org/10.1051/0004-6361%3A20077530');
  assert.equal(doiUrl('10.1000/a"b<c>'), 'https://doi.org/10.1000/a%22b%3Cc%3E');
});
