import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findArxivId, parseArxivIdOrThrow } from './arxiv-id.js';

test('new-style ids, with versions and common prefixes', () => {
  assert.deepEqual(findArxivId('2503.11731'), { id: '2503.11731', version: null });
  assert.deepEqual(findArxivId('arXiv:2503.11731v2'), { id: '2503.11731', version: 2 });
  assert.deepEqual(findArxivId('https://arxiv.org/abs/2510.14968v1'), { id: '2510.14968', version: 1 });
  assert.deepEqual(findArxivId('http://export.arxiv.org/pdf/0704.0001v3.pdf'), { id: '0704.0001', version: 3 });
  assert.deepEqual(findArxivId('oai:arXiv.org:0704.0002'), { id: '0704.0002', version: null });
});

test('old-style ids keep the archive and drop the subject class', () => {
  assert.deepEqual(findArxivId('hep-th/9407087'), { id: 'hep-th/9407087', version: null });
  assert.deepEqual(findArxivId('math.GT/0309136v2'), { id: 'math/0309136', version: 2 });
  assert.deepEqual(findArxivId('oai:arXiv.org:cond-mat/9501001'), { id: 'cond-mat/9501001', version: null });
});

test('non-ids are rejected', () => {
  for (const bad of ['', 'hello', '2513.00001', '1412.12345', '1501.1234', '10.1103/PhysRevD.76.013009', 'hep-th/940708', 'HEP-TH/9407087']) {
    assert.equal(findArxivId(bad), undefined, bad);
  }
  assert.throws(() => parseArxivIdOrThrow('nope', 'ids[3]'), { code: 'invalid_input', message: /^ids\[3\]: not an arXiv id/ });
});
