import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectDelimiter, isHeaderLine, isIgnorableLine, parseEdgeId, parseEdgeLine, splitFields } from './citation-file.parser.js';

test('detectDelimiter prefers tab, then comma, and falls back to tab', () => {
  assert.equal(detectDelimiter('hep-th/9109016\thep-th/9201061'), '\t');
  assert.equal(detectDelimiter('hep-th/9109016,hep-th/9201061'), ',');
  assert.equal(detectDelimiter('10.1/a,b\t2503.11731'), '\t');
  assert.equal(detectDelimiter('hep-th/9109016 hep-th/9201061'), '\t');
});

test('isIgnorableLine skips blanks and # comments only', () => {
  assert.equal(isIgnorableLine(''), true);
  assert.equal(isIgnorableLine('   '), true);
  assert.equal(isIgnorableLine('# generated 2018'), true);
  assert.equal(isIgnorableLine('hep-th/9109016\thep-th/9201061'), false);
});

test('splitFields handles quoted CSV fields and trims', () => {
  assert.deepEqual(splitFields(' a ,b', ','), ['a', 'b']);
  assert.deepEqual(splitFields('"10.1000/x,y","2503.11731"', ','), ['10.1000/x,y', '2503.11731']);
  assert.deepEqual(splitFields('"say ""hi""",b', ','), ['say "hi"', 'b']);
  assert.deepEqual(splitFields('a,b\tc', '\t'), ['a,b', 'c']);
});

test('parseEdgeId normalises arXiv ids and DOIs, rejects the rest', () => {
  assert.equal(parseEdgeId('hep-th/9109016'), 'hep-th/9109016');
  assert.equal(parseEdgeId('arXiv:2503.11731v2'), '2503.11731');
  assert.equal(parseEdgeId('math.GT/0309136'), 'math/0309136');
  assert.equal(parseEdgeId('10.1093/MIND/LIX.236.433'), 'doi:10.1093/mind/lix.236.433');
  assert.equal(parseEdgeId('doi:10.1103/PhysRevD.1.1'), 'doi:10.1103/physrevd.1.1');
  assert.equal(parseEdgeId('https://doi.org/10.1103/PhysRevD.1.1'), 'doi:10.1103/physrevd.1.1');
  assert.equal(parseEdgeId('10.'), undefined);
  assert.equal(parseEdgeId('citing_arxiv_id'), undefined);
  assert.equal(parseEdgeId(''), undefined);
});

test('isHeaderLine: two fields and neither is an id', () => {
  assert.equal(isHeaderLine(['citing_arxiv_id', 'cited_arxiv_id']), true);
  assert.equal(isHeaderLine(['citing', 'cited']), true);
  assert.equal(isHeaderLine(['hep-th/9109016', 'cited']), false);
  assert.equal(isHeaderLine(['citing', 'cited', 'weight']), false);
});

test('parseEdgeLine yields an edge with the given source', () => {
  const r = parseEdgeLine('hep-th/9109016v2\t10.1/ABC', 7, '\t', 'edge-file:x.tsv');
  assert.deepEqual(r, { ok: true, edge: { kind: 'edge', citing: 'hep-th/9109016', cited: 'doi:10.1/abc', source: 'edge-file:x.tsv' } });
});

test('parseEdgeLine fails with line position and reason', () => {
  const fail = (line: string, delimiter: '\t' | ',' = '\t') => {
    const r = parseEdgeLine(line, 12, delimiter, 's');
    assert.equal(r.ok, false);
    return r.ok ? undefined : r.failure;
  };
  assert.deepEqual(fail('hep-th/9109016'), { position: 'line 12', reason: 'expected 2 fields (citing, cited) separated by a tab, found 1' });
  assert.deepEqual(fail('a,b,c', ','), { position: 'line 12', reason: 'expected 2 fields (citing, cited) separated by a comma, found 3' });
  assert.deepEqual(fail('foo\thep-th/9109016'), { position: 'line 12', reason: 'citing id "foo" is neither an arXiv id nor a DOI' });
  assert.deepEqual(fail('hep-th/9109016\t1234.5678'), { position: 'line 12', reason: 'cited id "1234.5678" is neither an arXiv id nor a DOI' });
  assert.deepEqual(fail('hep-th/9112048\thep-th/9112048v3'), { position: 'line 12', reason: 'self-citation: hep-th/9112048 cites itself' });
});
