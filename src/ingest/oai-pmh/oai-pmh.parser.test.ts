import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeTexName, joinNameParts } from '../../core/author-name.js';
import { SourceError, ValidationError } from '../../core/errors.js';
import type { PaperRecord } from '../../core/paper.js';
import { parseListRecordsPage, parseRfc2822Date } from './oai-pmh.parser.js';

// Real pages: the first 15 ListRecords pages (metadataPrefix=arXiv) of a 2018 harvest of
// export.arxiv.org/oai2, in /work/shared/data (see its PROVENANCE.md). The repo is /work/main.
const HARVEST = new URL('../../../../shared/data/arxiv_oai_pmh_2018_harvest/', import.meta.url);
const pages = new Map<number, string>();

function page(n: number): string {
  let xml = pages.get(n);
  if (xml === undefined) {
    xml = gunzipSync(readFileSync(new URL(`raw/ListRecords_page_${String(n).padStart(2, '0')}.xml.gz`, HARVEST))).toString('utf8');
    pages.set(n, xml);
  }
  return xml;
}

function byId(records: PaperRecord[], id: string): PaperRecord {
  const r = records.find((x) => x.arxivId === id);
  assert.ok(r, `record ${id} not found`);
  return r;
}

test('page 00 has 1000 records, no failures, and the real resumption token', () => {
  const p = parseListRecordsPage(page(0));
  assert.equal(p.records.length, 1000);
  assert.deepEqual(p.failures, []);
  assert.deepEqual(p.deletedIds, []);
  assert.equal(p.resumptionToken, '2752941|1001');
  assert.equal(p.completeListSize, 1405437);
  assert.equal(p.cursor, 0);
  assert.equal(p.records[0]?.arxivId, '0704.0001');
  assert.equal(p.records[999]?.arxivId, '0704.1000');
});

test('0704.0001 is read field by field', () => {
  const r = byId(parseListRecordsPage(page(0)).records, '0704.0001');
  const { abstract, ...rest } = r;
  assert.deepEqual(rest, {
    arxivId: '0704.0001',
    title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
    authors: [
      { name: 'C. Balázs', key: 'c-balazs' },
      { name: 'E. L. Berger', key: 'e-l-berger' },
      { name: 'P. M. Nadolsky', key: 'p-m-nadolsky' },
      { name: 'C. -P. Yuan', key: 'c-p-yuan' },
    ],
    categories: ['hep-ph'],
    comments: '37 pages, 15 figures; published version',
    journalRef: 'Phys.Rev.D76:013009,2007',
    doi: '10.1103/PhysRevD.76.013009',
    license: null,
    reportNo: 'ANL-HEP-PR-07-12',
    versions: [{ version: 1, createdAt: '2007-04-02' }],
    firstListed: null,
    updated: '2008-11-26',
  });
  assert.ok(abstract.startsWith('A fully differential calculation in perturbative quantum chromodynamics is presented for'), abstract);
  assert.ok(abstract.endsWith('can be obtained with judicious selection of events.'), abstract);
  assert.doesNotMatch(abstract, /\n|\s{2}/);
});

test('categories split with the primary first; license, suffix and entities are read', () => {
  const records = parseListRecordsPage(page(0)).records;
  const r2 = byId(records, '0704.0002');
  assert.deepEqual(r2.categories, ['math.CO', 'cs.CG']);
  assert.equal(r2.license, 'http://arxiv.org/licenses/nonexclusive-distrib/1.0/');
  assert.equal(r2.updated, '2008-12-13');
  assert.equal(r2.doi, null);
  assert.ok(byId(records, '0704.0009').authors.some((a) => a.name === 'Neal J. Evans II' && a.key === 'neal-j-evans-ii'));
  assert.equal(byId(records, '0704.1000').title, 'Measurement of D0-D0bar mixing in D0->Ks pi+ pi- decays');
});

test('odd real author names: a brace-wrapped accent is decoded, a name of punctuation dropped', () => {
  // 0705.3803 has forenames `J\{=}anis`: one TeX pass leaves `J\=anis`, the second gives `Jānis`.
  assert.deepEqual(byId(parseListRecordsPage(page(7)).records, '0705.3803').authors, [{ name: 'Jānis Cīrulis', key: 'janis-cirulis' }]);
  const xml = page(0).replace('<author><keyname>Berger</keyname><forenames>E. L.</forenames></author>', '<author><keyname>;</keyname></author>');
  assert.deepEqual(byId(parseListRecordsPage(xml).records, '0704.0001').authors.map((a) => a.key), ['c-balazs', 'p-m-nadolsky', 'c-p-yuan']);
});

test('every recorded page parses to 1000 records with tokens and cursors in sequence', () => {
  for (let n = 0; n < 15; n++) {
    const p = parseListRecordsPage(page(n));
    assert.equal(p.records.length, 1000, `page ${n}`);
    assert.equal(p.failures.length, 0, `page ${n}`);
    assert.equal(p.resumptionToken, `2752941|${(n + 1) * 1000 + 1}`);
    assert.equal(p.cursor, n * 1000);
  }
});

test('all 15,000 records agree with the derived records.jsonl.gz', () => {
  const lines = gunzipSync(readFileSync(new URL('records.jsonl.gz', HARVEST))).toString('utf8').trim().split('\n');
  assert.equal(lines.length, 15000);
  const parsed = new Map<string, PaperRecord>();
  for (let n = 0; n < 15; n++) for (const r of parseListRecordsPage(page(n)).records) parsed.set(r.arxivId, r);
  const squash = (s: string | undefined) => (s === undefined ? null : s.replace(/\s+/g, ' ').trim());
  for (const line of lines) {
    const { header, metadata: m } = JSON.parse(line) as JsonRecord;
    const r = parsed.get(m.id);
    assert.ok(r, `missing ${m.id}`);
    assert.equal(`oai:arXiv.org:${r.arxivId}`, header.identifier);
    assert.equal(r.updated, header.datestamp);
    assert.equal(r.title, squash(m.title));
    assert.equal(r.abstract, squash(m.abstract));
    assert.deepEqual(r.categories, m.categories.split(' '));
    // Names with no letter or digit (one record has an author whose keyname is ";") are dropped;
    // names are TeX-decoded twice (see the 0705.3803 test).
    const names = m.authors.map((a) => decodeTexName(joinNameParts(a.keyname, a.forenames, a.suffix))).filter((n) => /[\p{L}\p{N}]/u.test(n));
    assert.deepEqual(r.authors.map((a) => a.name), names, m.id);
    assert.equal(r.doi, squash(m.doi));
    assert.equal(r.journalRef, squash(m['journal-ref']));
    assert.equal(r.comments, squash(m.comments));
    assert.equal(r.reportNo, squash(m['report-no']));
    assert.equal(r.license, squash(m.license));
    assert.deepEqual(r.versions, [{ version: 1, createdAt: m.created }]);
  }
});

/** The derived JSON's shape (PROVENANCE.md of the harvest). */
interface JsonRecord {
  header: { identifier: string; datestamp: string };
  metadata: {
    id: string; created: string; title: string; abstract: string; categories: string;
    authors: Array<{ keyname: string; forenames?: string; suffix?: string }>;
    doi?: string; 'journal-ref'?: string; comments?: string; 'report-no'?: string; license?: string;
  };
}

test('a record with no id, no title or bad categories is a failure; the rest of the page is kept', () => {
  const xml = page(0)
    .replace('<id>0704.0002</id>', '')
    .replace(/(<id>0704\.0003<\/id>.*?)<title>[^<]*<\/title>/s, '$1')
    .replace(/(<id>0704\.0004<\/id>.*?)<categories>[^<]*<\/categories>/s, '$1<categories> </categories>');
  const p = parseListRecordsPage(xml);
  assert.deepEqual(p.failures, [
    { position: 'record oai:arXiv.org:0704.0002', reason: 'missing <id>' },
    { position: 'record oai:arXiv.org:0704.0003', reason: 'missing <title>' },
    { position: 'record oai:arXiv.org:0704.0004', reason: 'missing <categories>' },
  ]);
  assert.equal(p.records.length, 997);
  assert.deepEqual(p.records.slice(0, 2).map((r) => r.arxivId), ['0704.0001', '0704.0005']);
  assert.equal(p.resumptionToken, '2752941|1001');
});

test('an invalid id and a record without a header identifier are positioned usefully', () => {
  const xml = page(0)
    .replace('<id>0704.0002</id>', '<id>0704.00002</id>')
    .replace('<identifier>oai:arXiv.org:0704.0003</identifier>', '')
    .replace('<id>0704.0003</id>', '');
  const p = parseListRecordsPage(xml);
  assert.deepEqual(p.failures, [
    { position: 'record oai:arXiv.org:0704.0002', reason: 'invalid arXiv id "0704.00002" in <id>' },
    { position: 'record #3', reason: 'missing <id>' },
  ]);
});

test('deleted records (hand-made header, OAI-PMH 2.0 §2.5.1) are listed, not parsed', () => {
  const deleted = '<record><header status="deleted"><identifier>oai:arXiv.org:0704.0002</identifier><datestamp>2018-01-01</datestamp></header></record>';
  const xml = page(0).replace(/<record>\s*<header>\s*<identifier>oai:arXiv.org:0704.0002<\/identifier>.*?<\/record>/s, deleted);
  const p = parseListRecordsPage(xml);
  assert.deepEqual(p.deletedIds, ['0704.0002']);
  assert.equal(p.records.length, 999);
  assert.deepEqual(p.failures, []);
});

test('an empty resumption token ends the list but keeps its attributes', () => {
  const xml = page(14).replace(/(<resumptionToken[^>]*)>2752941\|15001<\/resumptionToken>/, '$1/>');
  const p = parseListRecordsPage(xml);
  assert.equal(p.resumptionToken, null);
  assert.equal(p.completeListSize, 1405437);
  assert.equal(p.cursor, 14000);
  assert.equal(p.records.length, 1000);
});

// Hand-made OAI-PMH error responses, in the form of the OAI-PMH 2.0 spec §3.6.
function oaiError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2024-01-01T00:00:00Z</responseDate>
<request verb="ListRecords">https://oaipmh.arxiv.org/oai</request><error code="${code}">${message}</error></OAI-PMH>`;
}

test('noRecordsMatch is an empty, complete list', () => {
  assert.deepEqual(parseListRecordsPage(oaiError('noRecordsMatch', 'No records match')), {
    records: [], failures: [], deletedIds: [], resumptionToken: null,
  });
});

test('other OAI errors throw with their code', () => {
  assert.throws(() => parseListRecordsPage(oaiError('badResumptionToken', 'expired')), (e: unknown) =>
    e instanceof ValidationError && e.field === 'resumptionToken' && /badResumptionToken: expired/.test(e.message));
  assert.throws(() => parseListRecordsPage(oaiError('cannotDisseminateFormat', 'nope')), (e: unknown) =>
    e instanceof ValidationError && e.field === 'metadataPrefix');
  assert.throws(() => parseListRecordsPage(oaiError('someNewCode', 'odd')), (e: unknown) =>
    e instanceof SourceError && /someNewCode: odd/.test(e.message));
});

test('a response that is not OAI-PMH throws SourceError', () => {
  assert.throws(() => parseListRecordsPage('<html><body>Service unavailable</body></html>'), SourceError);
  assert.throws(() => parseListRecordsPage(''), SourceError);
});

// HAND-MADE arXivRaw page: no recorded arXivRaw response exists in shared/data. Its
// structure follows arXiv's arXivRaw schema (http://arxiv.org/OAI/arXivRaw.xsd); the values
// are 0704.0001's and 0704.0002's as in the Kaggle snapshot fixture (authors string and
// version dates), so the expected results below are real.
const RAW_PAGE = `<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<responseDate>2024-01-01T00:00:00Z</responseDate>
<request verb="ListRecords" metadataPrefix="arXivRaw">https://oaipmh.arxiv.org/oai</request>
<ListRecords>
<record><header><identifier>oai:arXiv.org:0704.0001</identifier><datestamp>2008-11-26</datestamp><setSpec>physics:hep-ph</setSpec></header>
<metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/" xsi:schemaLocation="http://arxiv.org/OAI/arXivRaw/ http://arxiv.org/OAI/arXivRaw.xsd">
<id>0704.0001</id><submitter>Pavel Nadolsky</submitter>
<version version="v2"><date>Tue, 24 Jul 2007 20:10:27 GMT</date><size>261kb</size><source_type>D</source_type></version>
<version version="v1"><date>Mon, 2 Apr 2007 19:18:42 GMT</date><size>261kb</size><source_type>D</source_type></version>
<title>Calculation of prompt diphoton production cross sections at Tevatron and
  LHC energies</title>
<authors>C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan</authors>
<categories>hep-ph</categories><comments>37 pages, 15 figures; published version</comments>
<report-no>ANL-HEP-PR-07-12</report-no><journal-ref>Phys.Rev.D76:013009,2007</journal-ref><doi>10.1103/PhysRevD.76.013009</doi>
<abstract>  A fully differential calculation in perturbative quantum chromodynamics is
presented for the production of massive photon pairs at hadron colliders.
</abstract></arXivRaw></metadata></record>
<record><header><identifier>oai:arXiv.org:0704.0002</identifier><datestamp>2008-12-13</datestamp></header>
<metadata><arXivRaw><id>0704.0002</id>
<version version="v1"><date>Sat, 31 Mar 2007 02:26:18 GMT</date></version>
<version version="v2"><date>13/12/2008</date></version>
<title>Sparsity-certifying Graph Decompositions</title><authors>Ileana Streinu and Louis Theran</authors><categories>math.CO cs.CG</categories>
</arXivRaw></metadata></record>
<resumptionToken cursor="0" completeListSize="2"></resumptionToken>
</ListRecords></OAI-PMH>`;

test('arXivRaw (hand-made page): versions with RFC 2822 dates in ISO 8601, authors from the string', () => {
  const p = parseListRecordsPage(RAW_PAGE);
  assert.equal(p.resumptionToken, null);
  assert.equal(p.records.length, 1);
  const r = p.records[0]!;
  assert.deepEqual(r.versions, [
    { version: 1, createdAt: '2007-04-02T19:18:42Z' },
    { version: 2, createdAt: '2007-07-24T20:10:27Z' },
  ]);
  assert.deepEqual(r.authors, [
    { name: 'C. Balázs', key: 'c-balazs' },
    { name: 'E. L. Berger', key: 'e-l-berger' },
    { name: 'P. M. Nadolsky', key: 'p-m-nadolsky' },
    { name: 'C.-P. Yuan', key: 'c-p-yuan' },
  ]);
  assert.equal(r.title, 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies');
  assert.equal(r.abstract, 'A fully differential calculation in perturbative quantum chromodynamics is presented for the production of massive photon pairs at hadron colliders.');
  assert.equal(r.updated, '2008-11-26');
  assert.equal(r.doi, '10.1103/PhysRevD.76.013009');
  assert.deepEqual(p.failures, [{ position: 'record oai:arXiv.org:0704.0002', reason: 'unreadable date "13/12/2008" for v2' }]);
});

test('parseRfc2822Date reads arXiv dates, zones and rejects the rest', () => {
  assert.equal(parseRfc2822Date('Mon, 2 Apr 2007 19:18:42 GMT'), Date.UTC(2007, 3, 2, 19, 18, 42));
  assert.equal(parseRfc2822Date('2 Apr 2007 21:18:42 +0200'), Date.UTC(2007, 3, 2, 19, 18, 42));
  assert.equal(parseRfc2822Date('Mon, 2 Apr 2007 14:18:42 -0500'), Date.UTC(2007, 3, 2, 19, 18, 42));
  assert.equal(parseRfc2822Date('2007-04-02'), undefined);
  assert.equal(parseRfc2822Date('Mon, 2 Foo 2007 19:18:42 GMT'), undefined);
});
