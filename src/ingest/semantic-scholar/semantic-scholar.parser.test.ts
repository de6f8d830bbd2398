import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceError } from '../../core/errors.js';
import { paperRefOf, parseAuthorIds, parseCitationsPage, parseEmbeddedLinks, parsePaper, parseReferencesPage } from './semantic-scholar.parser.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const S2 = join(repoRoot, '..', 'shared', 'data', 'fixtures', 'semantic_scholar');

/** One recorded request/response of a decoded VCR cassette. */
interface Interaction { method: string; uri: string; status: number; date: string; body: unknown }

function cassette(name: string): Interaction[] {
  return JSON.parse(readFileSync(join(S2, 'responses', `${name}.json`), 'utf8')) as Interaction[];
}
function object(name: string): unknown {
  return JSON.parse(readFileSync(join(S2, 'objects', `${name}.json`), 'utf8')) as unknown;
}

const TURING = 'doi:10.1093/mind/lix.236.433';
const AT = '2024-12-08T00:42:47.000Z';

test('paperRefOf prefers the arXiv id, then the lowercased DOI, then the paperId', () => {
  assert.equal(paperRefOf({ paperId: 'abc', externalIds: { ArXiv: '1402.0030', DOI: '10.1/X' } }), '1402.0030');
  assert.equal(paperRefOf({ paperId: 'abc', externalIds: { ArXiv: 'hep-th/9109016' } }), 'hep-th/9109016');
  assert.equal(paperRefOf({ paperId: 'abc', externalIds: { DOI: '10.1109/LRA.2022.3229266' } }), 'doi:10.1109/lra.2022.3229266');
  assert.equal(paperRefOf({ paperId: 'abc', externalIds: { ArXiv: 'garbage', DOI: null } }), 's2:abc');
  assert.equal(paperRefOf({ paperId: 'abc', externalIds: null }), 's2:abc');
  assert.equal(paperRefOf({ paperId: null }), undefined);
});

test('Paper.json: the DOI-named ref and the real citationCount', () => {
  const r = parsePaper(object('Paper'), { position: 'paper x', retrievedAt: AT });
  assert.equal(r.ref, TURING);
  assert.deepEqual(r.count, { kind: 'count', paper: TURING, count: 10059, source: 'semantic-scholar', retrievedAt: AT });
  assert.deepEqual(r.failures, []);
});

test('test_get_paper (fields=title): s2 ref, no count, a failure saying why', () => {
  const [recorded] = cassette('test_get_paper');
  const r = parsePaper(recorded?.body, { position: 'paper 10.1093/mind/lix.236.433', retrievedAt: AT });
  assert.equal(r.ref, 's2:2d5673caa9e6af3a7b82a43f19ee920992db07ad');
  assert.equal(r.count, undefined);
  assert.deepEqual(r.failures, [{ position: 'paper 10.1093/mind/lix.236.433', reason: 'Semantic Scholar answered without a citationCount' }]);
});

test('a 404 body or non-object is not a paper', () => {
  const [notFound] = cassette('test_not_found');
  assert.throws(() => parsePaper(notFound?.body, { position: 'paper 0', retrievedAt: AT }), SourceError);
  assert.throws(() => parseReferencesPage([], 'x', 'paper 0'), SourceError);
});

test('references cassette: 2 pages, 44 edges, 23 unresolved references', () => {
  const self = 'doi:10.2139/ssrn.2250500';
  const pages = cassette('test_get_paper_references').map((i) => parseReferencesPage(i.body, self, 'paper 10.2139/ssrn.2250500'));
  assert.deepEqual(pages.map((p) => [p.offset, p.next, p.edges.length, p.failures.length]), [[0, 50, 40, 10], [50, undefined, 4, 13]]);
  const edges = pages.flatMap((p) => p.edges);
  assert.deepEqual(edges[0], { kind: 'edge', citing: self, cited: 's2:e945ca4fdcf45b1a118f1462db7afa12629a131f', source: 'semantic-scholar' });
  assert.ok(edges.every((e) => e.citing === self && e.cited.startsWith('s2:')));
  assert.deepEqual(pages[0]?.failures[0], {
    position: 'paper 10.2139/ssrn.2250500 reference 36',
    reason: 'reference not resolved by Semantic Scholar (null paperId): "Progress of the World\'s Women 2011–2012: In Pursuit of Justice"',
  });
  assert.equal(pages[1]?.failures[0]?.position, 'paper 10.2139/ssrn.2250500 reference 50');
});

test('citations cassette: 19 pages, 1873 citing papers, 8 unresolved', () => {
  const self = 's2:queried';
  const pages = cassette('test_get_paper_citations').map((i) => parseCitationsPage(i.body, self, 'paper CorpusID:14514057'));
  assert.equal(pages.length, 19);
  assert.deepEqual(pages.map((p) => p.next), [...Array.from({ length: 18 }, (_, i) => (i + 1) * 100), undefined]);
  const edges = pages.flatMap((p) => p.edges);
  const failures = pages.flatMap((p) => p.failures);
  assert.equal(edges.length, 1873);
  assert.equal(new Set(edges.map((e) => e.citing)).size, 1873);
  assert.ok(edges.every((e) => e.cited === self));
  assert.equal(edges[0]?.citing, 's2:344e7fb2000d9063cbc9deb550e46946bafe3c90');
  assert.equal(edges.at(-1)?.citing, 's2:82c49f56d781a62be4099857cecbffdb19696003');
  assert.equal(failures.length, 8);
  assert.deepEqual(failures.slice(0, 3).map((f) => f.position), ['paper CorpusID:14514057 citation 1297', 'paper CorpusID:14514057 citation 1492', 'paper CorpusID:14514057 citation 1579']);
  assert.match(failures[0]?.reason ?? '', /^citing paper not resolved by Semantic Scholar \(null paperId\): "Present Bias Predicts Low Adoption/);
});

test('Paper.json embedded lists: 8 + 1000 edges, 6 unresolved references, arXiv ids where S2 has them', () => {
  const { edges, failures } = parseEmbeddedLinks(object('Paper'), TURING, 'paper turing');
  const refs = edges.filter((e) => e.citing === TURING);
  const cites = edges.filter((e) => e.cited === TURING);
  assert.equal(refs.length, 8);
  assert.equal(cites.length, 1000);
  assert.ok(refs.some((e) => e.cited === 'doi:10.2307/2268810'), 'On Computable Numbers');
  assert.ok(refs.some((e) => e.cited === 'doi:10.1007/s00605-006-0423-7'), 'DOI lowercased');
  assert.equal(cites.filter((e) => /^\d{4}\.\d{4,5}$/.test(e.citing)).length, 243);
  assert.equal(cites.filter((e) => e.citing.startsWith('doi:')).length, 757);
  assert.ok(cites.some((e) => e.citing === '2405.19561'));
  assert.equal(failures.length, 6);
  assert.deepEqual(failures[0], { position: 'paper turing reference 5', reason: 'reference not resolved by Semantic Scholar (null paperId): "London Math. Soc"' });
});

test('Reference.json / Citation.json single entries', () => {
  const ref = parseReferencesPage({ offset: 0, data: [object('Reference')] }, 'me', 'p');
  assert.deepEqual(ref.edges, [{ kind: 'edge', citing: 'me', cited: '1402.0030', source: 'semantic-scholar' }]);
  const cit = parseCitationsPage({ offset: 0, data: [object('Citation')] }, 'me', 'p');
  assert.deepEqual(cit.edges, [{ kind: 'edge', citing: 'doi:10.1109/lra.2022.3229266', cited: 'me', source: 'semantic-scholar' }]);
  assert.equal(cit.next, undefined);
});

test('parseAuthorIds: the recorded paper-authors list gives ids by position; ORCIDs bare and validated; id-less authors skipped', () => {
  const data = (cassette('test_get_paper_authors')[0]!.body as { data: unknown[] }).data;
  assert.deepEqual(parseAuthorIds(data, '1304.5555', 'T').map((a) => [a.position, a.name, a.s2AuthorId, a.orcid]), [
    [0, 'E. Duflo', '2259683', undefined], [1, 'A. Banerjee', '2237651454', undefined], [2, 'R. Glennerster', '4249203', undefined], [3, 'Cynthia Kinnan', '31549526', undefined],
  ]);
  const synthetic = [
    { authorId: '1', name: 'Josiah Carberry', externalIds: { ORCID: 'https://orcid.org/0000-0002-1825-0097' } },
    { authorId: '2', name: 'Bad Orcid', externalIds: { ORCID: '0000-0002-1825-0098' } },
    { authorId: null, name: 'No Id' },
    { authorId: '3', name: '' },
  ];
  assert.deepEqual(parseAuthorIds(synthetic, 'p', 'T'), [
    { kind: 'author-id', paper: 'p', position: 0, name: 'Josiah Carberry', s2AuthorId: '1', orcid: '0000-0002-1825-0097', source: 'semantic-scholar', retrievedAt: 'T' },
    { kind: 'author-id', paper: 'p', position: 1, name: 'Bad Orcid', s2AuthorId: '2', source: 'semantic-scholar', retrievedAt: 'T' },
  ]);
  assert.deepEqual(parseAuthorIds(undefined, 'p', 'T'), []);
});
