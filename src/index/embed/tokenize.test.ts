import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BREAK, foldAccents, normalizeText, stripLatex, tokenize, tokenStream } from './tokenize.js';

describe('tokenize', () => {
  test('lowercases, drops stop words, numbers and one-letter words', () => {
    assert.deepEqual(tokenize('We Propose a NEW method for the 3 tasks in 2024, x and y.'), ['propose', 'new', 'method', 'tasks']);
  });

  test('keeps words with digits that have a letter (3d, gpt4), up to 40 characters', () => {
    assert.deepEqual(tokenize('3D reconstruction with GPT4 and a ' + 'x'.repeat(41)), ['3d', 'reconstruction', 'gpt4']);
  });

  test('folds accents, also in LaTeX accent commands', () => {
    assert.equal(foldAccents('Schrödinger équation Erdős Straße'), 'Schrodinger equation Erdos Strasse');
    assert.deepEqual(tokenize('Schr\\"odinger and Poincar\\\'{e} and \\v{C}ech and Schrödinger'), ['schrodinger', 'poincare', 'cech', 'schrodinger']);
  });

  test('math keeps only its words, each its own phrase; commands are dropped, their arguments kept', () => {
    assert.deepEqual(tokenize('$\\mathcal{N}=4$ super Yang-Mills on $AdS_5 \\times S^5$'), ['super', 'yang', 'mills', 'ads']);
    assert.deepEqual(tokenize('an \\emph{exact} result \\cite{Witten1998} in $$\\int d^4x \\, \\mathrm{SU}(N)$$ theory'), ['exact', 'result', 'su', 'theory']);
    assert.deepEqual(tokenize('the \\(O(n \\log n)\\) bound and \\[ x^2 \\]'), ['bound']);
  });

  test('drops URLs', () => {
    assert.deepEqual(tokenize('Code: https://github.com/foo/bar-baz and www.example.org/x.'), ['code']);
  });

  test('phrase breaks at punctuation and dropped words, but not at hyphens or slashes', () => {
    assert.deepEqual(tokenStream('Self-supervised learning, graph neural networks of encoder/decoder models'),
      ['self', 'supervised', 'learning', BREAK, 'graph', 'neural', 'networks', BREAK, 'encoder', 'decoder', 'models']);
  });

  test('a stream never starts or ends with a break and never has two in a row', () => {
    for (const text of ['. , the a ; word ; ; the other . ', '', '   ', '$x$', 'one. the. of. two']) {
      const s = tokenStream(text);
      assert.notEqual(s[0], BREAK);
      assert.notEqual(s.at(-1), BREAK);
      s.forEach((t, i) => assert.ok(!(t === BREAK && s[i + 1] === BREAK), `double break in ${JSON.stringify(s)}`));
    }
    assert.deepEqual(tokenStream('one. the. of. two'), ['one', BREAK, 'two']);
  });

  test('text without LaTeX passes stripLatex unchanged; normalizeText lowercases', () => {
    const plain = 'Plain text (with brackets) 100%';
    assert.equal(stripLatex(plain), plain);
    assert.equal(normalizeText('ÄBC'), 'abc');
  });

  test('appends to a given array', () => {
    const out = ['first'];
    tokenStream('second word', out);
    assert.deepEqual(out, ['first', 'second', 'word']);
  });
});
