import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nameParts, scoreName, trigramSimilarity, trigrams } from './author-match.js';

describe('author name matching', () => {
  it('splits both name orders and folds accents and TeX', () => {
    assert.deepEqual(nameParts('Kazemi, M.'), { surname: 'kazemi', given: ['m'] });
    assert.deepEqual(nameParts('Bal\\\'azs Szegedy'), { surname: 'szegedy', given: ['balazs'] });
    assert.deepEqual(nameParts('Jan Smith, Jr.'), { surname: 'smith', given: ['jan'] });
  });
  it('pads trigrams like pg_trgm', () => {
    assert.deepEqual(trigrams('ab'), ['  a', ' ab', 'ab ']);
  });
  it('"Kazemi, M." finds Milad Kazemi but not Ali Kazemi', () => {
    const q = nameParts('Kazemi, M.');
    assert.ok(scoreName(q, 'Milad Kazemi') > 0.9);
    assert.equal(scoreName(q, 'Ali Kazemi'), 0);
  });
  it('tolerates a typo and missing accents', () => {
    assert.ok(scoreName(nameParts('Milad Kazemy'), 'Milad Kazemi') > 0.4);
    assert.ok(scoreName(nameParts('Jurgen Schmidhuber'), 'Jürgen Schmidhuber') === 1);
    assert.ok(trigramSimilarity('kazemi', 'kazemy') < 1);
  });
  it('rejects a different surname', () => {
    assert.equal(scoreName(nameParts('Yann LeCun'), 'Yann Dauphin'), 0);
  });
});
