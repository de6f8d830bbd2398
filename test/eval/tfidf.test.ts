import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitTfidf, transform, type TfidfOptions } from '../../eval/methods/tfidf.js';
import { ngrams, words } from '../../eval/methods/tokenize.js';

const base: TfidfOptions = { ngramRange: [1, 1], maxDf: 1, minDf: 1, maxFeatures: 100, sublinearTf: false };
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} ≉ ${b}`);

describe('tokenizer (scikit-learn analyzer as arxiv-sanity-lite sets it)', () => {
  it('strips accents, lower-cases, needs a leading letter and two characters, drops stop words', () => {
    assert.deepEqual(words('The Schrödinger équation in 2d: a SU(2) x_1 model'), ['schrodinger', 'equation', 'su', 'x_1', 'model']);
  });
  it('builds bigrams after stop-word removal', () => {
    assert.deepEqual(ngrams(words('string theory of the black holes'), 1, 2), ['string', 'theory', 'black', 'holes', 'string theory', 'theory black', 'black holes']);
  });
});

describe('tf-idf vectoriser (scikit-learn semantics)', () => {
  const texts = ['apple banana', 'apple cherry', 'banana banana'];

  it('uses smoothed idf ln((1+n)/(1+df)) + 1 and numbers features alphabetically', () => {
    const m = fitTfidf(texts, base);
    assert.deepEqual([...m.vocabulary], [['apple', 0], ['banana', 1], ['cherry', 2]]);
    close(m.idf[0]!, Math.log(4 / 3) + 1);
    close(m.idf[2]!, Math.log(4 / 2) + 1);
  });

  it('L2-normalises, with raw or sublinear tf', () => {
    const m = fitTfidf(texts, base);
    const v = transform(m, 'apple cherry cherry');
    const a = m.idf[0]!, c = 2 * m.idf[2]!;
    close(v.val[0]!, a / Math.hypot(a, c));
    close(v.val[1]!, c / Math.hypot(a, c));
    const s = transform(fitTfidf(texts, { ...base, sublinearTf: true }), 'apple cherry cherry');
    const cs = (1 + Math.log(2)) * m.idf[2]!;
    close(s.val[1]!, cs / Math.hypot(a, cs));
  });

  it('cuts by max_df, min_df and max_features (most frequent over the corpus)', () => {
    assert.deepEqual([...fitTfidf(texts, { ...base, maxDf: 0.5 }).vocabulary.keys()], ['cherry']); // df 2/3 > 0.5 dropped
    assert.deepEqual([...fitTfidf(texts, { ...base, minDf: 2 }).vocabulary.keys()], ['apple', 'banana']);
    assert.deepEqual([...fitTfidf(texts, { ...base, maxFeatures: 1 }).vocabulary.keys()], ['banana']); // 3 occurrences
  });

  it('ignores unknown terms and gives the zero vector for text with none', () => {
    const v = transform(fitTfidf(texts, base), 'durian');
    assert.equal(v.idx.length, 0);
  });
});
