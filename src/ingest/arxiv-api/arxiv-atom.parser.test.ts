import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SourceError, ValidationError } from '../../core/errors.js';
import { parseArxivAtom } from './arxiv-atom.parser.js';

// Real API responses recorded by other projects, see /work/shared/data/fixtures/PROVENANCE.md.
const FIXTURES = new URL('../../../../shared/data/fixtures/arxiv_api/', import.meta.url);
const ID_LIST = readFileSync(new URL('query_id_list_1601.00001_2020-09-04.xml', FIXTURES), 'utf8');
const CS_RO = readFileSync(new URL('query_cat_cs.RO_neural_2025-10-17.xml', FIXTURES), 'utf8');

/**
 * HAND-MADE error feed: no recorded one exists in shared/data. It is modelled on the
 * example in the arXiv API user manual ("Errors"): one entry whose id is
 * `http://arxiv.org/api/errors#…` and whose summary is the message.
 */
const ERROR_FEED = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <link href="http://arxiv.org/api/query?search_query=&amp;id_list=1234.12345&amp;start=0&amp;max_results=10" rel="self" type="application/atom+xml"/>
  <title type="html">ArXiv Query: search_query=&amp;id_list=1234.12345&amp;start=0&amp;max_results=10</title>
  <id>http://arxiv.org/api/kvuntZ8c9a4Eq5CF7KY03nMug+Q</id>
  <updated>2007-10-12T00:00:00-04:00</updated>
  <opensearch:totalResults>1</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345</summary>
    <updated>2007-10-12T00:00:00-04:00</updated>
    <link href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345" rel="alternate" type="text/html"/>
    <author><name>arXiv api core</name></author>
  </entry>
</feed>`;

test('id_list feed: 1601.00001 with doi, journal ref and primary category', () => {
  const page = parseArxivAtom(ID_LIST);
  assert.deepEqual([page.totalResults, page.startIndex, page.itemsPerPage], [1, 0, 10]);
  assert.deepEqual(page.failures, []);
  assert.equal(page.records.length, 1);
  const { abstract, ...rest } = page.records[0]!;
  assert.deepEqual(rest, {
    arxivId: '1601.00001',
    title: 'Inelastic effects in molecular transport junctions: The probe technique at high bias',
    authors: [{ name: 'Michael Kilgour', key: 'michael-kilgour' }, { name: 'Dvira Segal', key: 'dvira-segal' }],
    categories: ['cond-mat.mes-hall'],
    comments: null,
    journalRef: 'J. Chem. Phys. 144, 124107 (2016)',
    doi: '10.1063/1.4944470',
    license: null,
    reportNo: null,
    versions: [{ version: 1, createdAt: '2015-12-26T21:19:45Z' }],
    firstListed: null,
    updated: '2015-12-26',
  });
  // TeX in abstracts is kept verbatim; only whitespace is normalised
  assert.ok(abstract.startsWith('We extend the Landauer-B\\"uttiker probe formalism for conductances to the high bias regime,'), abstract);
  assert.ok(abstract.endsWith('on molecular electronic transport far-from-equilibrium.'), abstract);
  assert.doesNotMatch(abstract, /\n|\s{2}/);
});

test('search feed: totalResults 5619, two entries, comment, categories with the primary first', () => {
  const page = parseArxivAtom(CS_RO);
  assert.deepEqual([page.totalResults, page.startIndex, page.itemsPerPage], [5619, 0, 2]);
  assert.deepEqual(page.records.map((r) => r.arxivId), ['2510.14968', '2510.14827']);
  const [a, b] = page.records;
  assert.equal(a?.title, 'RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks');
  assert.equal(a?.comments, '39th Conference on Neural Information Processing Systems (NeurIPS 2025); Project Website: rdd-neurips.github.io');
  assert.deepEqual(a?.categories, ['cs.RO', 'cs.AI', 'cs.CV', 'cs.LG', 'cs.SY', 'eess.SY']);
  assert.deepEqual(a?.authors.map((x) => x.name), ['Mingxuan Yan', 'Yuping Wang', 'Zechun Liu', 'Jiachen Li']);
  assert.deepEqual(a?.versions, [{ version: 1, createdAt: '2025-10-16T17:59:37Z' }]);
  assert.equal(a?.doi, null);
  assert.equal(b?.comments, null);
  assert.deepEqual(b?.categories, ['cs.RO']);
  assert.deepEqual(b?.authors.map((x) => x.key), ['yufei-zhu', 'shih-min-yang', 'andrey-rudenko', 'tomasz-p-kucner', 'achim-j-lilienthal', 'martin-magnusson']);
  assert.equal(b?.abstract.split(' ').slice(0, 4).join(' '), 'Safe and efficient robot');
});

test('a primary category that is not the first <category> still comes first (recorded feed, primary edited)', () => {
  const xml = CS_RO.replace(/(<arxiv:primary_category [^>]*term=")cs\.RO"/, '$1cs.AI"');
  assert.deepEqual(parseArxivAtom(xml).records[0]?.categories, ['cs.AI', 'cs.RO', 'cs.CV', 'cs.LG', 'cs.SY', 'eess.SY']);
});

test('a vN entry (recorded feed, id and updated edited) has v1 at published and vN at updated', () => {
  const xml = ID_LIST.replace('<id>http://arxiv.org/abs/1601.00001v1</id>', '<id>http://arxiv.org/abs/1601.00001v3</id>')
    .replace('<updated>2015-12-26T21:19:45Z</updated>', '<updated>2016-03-01T12:00:00-05:00</updated>');
  const r = parseArxivAtom(xml).records[0];
  assert.deepEqual(r?.versions, [{ version: 1, createdAt: '2015-12-26T21:19:45Z' }, { version: 3, createdAt: '2016-03-01T17:00:00Z' }]);
  assert.equal(r?.updated, '2016-03-01');
});

test('an entry without title or with a bad id is a failure; the others are kept', () => {
  const xml = CS_RO.replace('<title>Neural Implicit Flow Fields for Spatio-Temporal Motion Mapping</title>', '')
    .replace('<id>http://arxiv.org/abs/2510.14968v1</id>', '<id>http://arxiv.org/abs/2510.1496v1</id>');
  const page = parseArxivAtom(xml);
  assert.deepEqual(page.records, []);
  assert.deepEqual(page.failures, [
    { position: 'entry http://arxiv.org/abs/2510.1496v1', reason: 'invalid arXiv id "http://arxiv.org/abs/2510.1496v1" in <id>' },
    { position: 'entry http://arxiv.org/abs/2510.14827v1', reason: 'missing <title>' },
  ]);
  const one = parseArxivAtom(CS_RO.replace('<id>http://arxiv.org/abs/2510.14968v1</id>', ''));
  assert.deepEqual(one.failures, [{ position: 'entry #1', reason: 'missing <id>' }]);
  assert.deepEqual(one.records.map((r) => r.arxivId), ['2510.14827']);
});

test('the API error feed (hand-made from the manual) throws ValidationError with its text', () => {
  assert.throws(() => parseArxivAtom(ERROR_FEED), (e: unknown) =>
    e instanceof ValidationError && e.message.includes('incorrect id format for 1234.12345'));
});

test('a response that is not a feed throws SourceError', () => {
  assert.throws(() => parseArxivAtom('<html><body>Rate exceeded.</body></html>'), SourceError);
  assert.throws(() => parseArxivAtom(ID_LIST.replace(/<opensearch:totalResults[^>]*>1<\/opensearch:totalResults>/, '')), SourceError);
});
