import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ValidationError } from '../../core/errors.js';
import { parseSnapshotLine, parseSnapshotObject } from './snapshot.parser.js';

// The first 200 records of the real Kaggle arXiv metadata snapshot (0704.0001 …), see
// /work/shared/data/fixtures/PROVENANCE.md. The repo is /work/main.
const HEAD = new URL('../../../../shared/data/fixtures/kaggle_arxiv_snapshot/arxiv-metadata-oai-snapshot.head.jsonl', import.meta.url);
const LINES = readFileSync(HEAD, 'utf8').split('\n').filter((l) => l.trim() !== '');
const RAW = new Map(LINES.map((l) => [(JSON.parse(l) as { id: string }).id, l]));

/** The real line of `id`. */
function lineOf(id: string): string {
  const l = RAW.get(id);
  assert.ok(l, `${id} is in the head file`);
  return l;
}

/** The real record of `id` as a mutable object, to damage one field at a time. */
function objOf(id: string): Record<string, unknown> {
  return JSON.parse(lineOf(id)) as Record<string, unknown>;
}

/** The real record with `edit` applied, as a JSON line. */
function edited(id: string, edit: (o: Record<string, unknown>) => void): string {
  const o = objOf(id);
  edit(o);
  return JSON.stringify(o);
}

/** Asserts that parsing `line` throws a ValidationError for `field` whose message mentions `words`. */
function rejects(line: string, field: string, words?: RegExp): void {
  assert.throws(() => parseSnapshotLine(line), (err: unknown) => {
    assert.ok(err instanceof ValidationError, `expected a ValidationError, got ${String(err)}`);
    assert.equal(err.field, field);
    assert.ok(err.message.startsWith(`${field}: `), err.message);
    if (words) assert.match(err.message, words);
    return true;
  });
}

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('parseSnapshotLine on the real Kaggle head file', () => {
  test('the file has 200 records and every one parses', () => {
    assert.equal(LINES.length, 200);
    const records = LINES.map((l) => parseSnapshotLine(l));
    assert.equal(new Set(records.map((r) => r.arxivId)).size, 200);
    assert.equal(records[0]!.arxivId, '0704.0001');
    assert.equal(records[199]!.arxivId, '0704.0200');
    for (const r of records) {
      assert.ok(r.authors.length > 0 && r.authors.every((a) => a.name !== '' && /^[\p{Ll}\p{N}-]+$/u.test(a.key)), `${r.arxivId} authors`);
      assert.ok(r.authors.every((a) => !/[\\{}]/.test(a.name)), `${r.arxivId}: TeX left in ${r.authors.map((a) => a.name).join(', ')}`);
      assert.ok(r.categories.length > 0, `${r.arxivId} categories`);
      assert.ok(r.versions.length > 0, `${r.arxivId} versions`);
      assert.deepEqual(r.versions.map((v) => v.version), r.versions.map((_v, i) => i + 1), `${r.arxivId} versions ascending from v1`);
      for (const v of r.versions) assert.match(v.createdAt, ISO_SECONDS);
      assert.match(r.updated ?? '', /^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('0704.0001 maps every field', () => {
    const r = parseSnapshotLine(lineOf('0704.0001'));
    assert.equal(r.arxivId, '0704.0001');
    assert.equal(r.title, 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies');
    assert.ok(r.abstract.startsWith('A fully differential calculation in perturbative quantum chromodynamics is presented for the production of massive photon pairs at hadron colliders. All next-to-leading order'), r.abstract.slice(0, 120));
    assert.ok(r.abstract.endsWith('enhanced sensitivity to the signal can be obtained with judicious selection of events.'));
    assert.deepEqual(r.authors, [
      { name: 'C. Balázs', key: 'c-balazs' },
      { name: 'E. L. Berger', key: 'e-l-berger' },
      { name: 'P. M. Nadolsky', key: 'p-m-nadolsky' },
      { name: 'C. -P. Yuan', key: 'c-p-yuan' },
    ]);
    // Precomposed á (NFC), as arXiv's own authors_parsed has it.
    assert.equal(r.authors[0]!.name, 'C. Bal\u00e1zs');
    assert.deepEqual(r.versions, [
      { version: 1, createdAt: '2007-04-02T19:18:42Z' },
      { version: 2, createdAt: '2007-07-24T20:10:27Z' },
    ]);
    assert.equal(r.doi, '10.1103/PhysRevD.76.013009');
    assert.equal(r.journalRef, 'Phys.Rev.D76:013009,2007');
    assert.equal(r.reportNo, 'ANL-HEP-PR-07-12');
    assert.equal(r.comments, '37 pages, 15 figures; published version');
    assert.deepEqual(r.categories, ['hep-ph']);
    assert.equal(r.license, null);
    assert.equal(r.updated, '2008-11-26');
    assert.equal(r.firstListed, null);
  });

  test('0704.0002: categories keep their order, primary first; license, absent doi and journal ref', () => {
    const r = parseSnapshotLine(lineOf('0704.0002'));
    assert.deepEqual(r.categories, ['math.CO', 'cs.CG']);
    assert.deepEqual(r.authors.map((a) => a.name), ['Ileana Streinu', 'Louis Theran']);
    assert.equal(r.license, 'http://arxiv.org/licenses/nonexclusive-distrib/1.0/');
    assert.equal(r.doi, null);
    assert.equal(r.journalRef, null);
    assert.equal(r.reportNo, null);
    assert.deepEqual(r.versions, [
      { version: 1, createdAt: '2007-03-31T02:26:18Z' },
      { version: 2, createdAt: '2008-12-13T17:26:00Z' },
    ]);
    assert.equal(r.updated, '2008-12-13');
  });

  test('titles and abstracts have their hard line breaks and indents collapsed', () => {
    const rawTitles = LINES.map((l) => (JSON.parse(l) as { title: string }).title);
    assert.equal(rawTitles.filter((t) => t.includes('\n')).length, 68, 'the real data does wrap titles');
    for (const l of LINES) {
      const r = parseSnapshotLine(l);
      for (const [what, s] of [['title', r.title], ['abstract', r.abstract]] as const) {
        assert.ok(!/\s{2}|[\n\r\t]/.test(s) && s === s.trim(), `${r.arxivId} ${what}: ${JSON.stringify(s.slice(0, 80))}`);
      }
    }
    // 0704.0001's raw title has "and\n  LHC": one space, not three.
    assert.match(JSON.parse(lineOf('0704.0001')).title as string, /and\n {2}LHC/);
    assert.match(parseSnapshotLine(lineOf('0704.0001')).title, /Tevatron and LHC energies$/);
  });

  test('without authors_parsed, TeX accents in the authors string are decoded to the same names arXiv parsed', () => {
    const expected: Record<string, string[]> = {
      '0704.0001': ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C.-P. Yuan'],
      '0704.0028': ['Péter E. Frenkel'],
      '0704.0032': ['A. Esteban-Pretel', 'R. Tomàs', 'J. W. F. Valle'],
      '0704.0049': ['Mikkel Øbro'],
      '0704.0062': ['Rastislav Šrámek', 'Broňa Brejová', 'Tomáš Vinař'],
    };
    for (const [id, names] of Object.entries(expected)) {
      const raw = objOf(id);
      assert.match(String(raw['authors']), /\\/, `${id} has TeX in its authors string`);
      const fromString = parseSnapshotLine(edited(id, (o) => { delete o['authors_parsed']; }));
      assert.deepEqual(fromString.authors.map((a) => a.name), names, id);
      // The same people arXiv's own parse gives (same grouping keys, same accented family names).
      const fromParsed = parseSnapshotLine(lineOf(id));
      assert.deepEqual(fromString.authors.map((a) => a.key), fromParsed.authors.map((a) => a.key), id);
    }
    const vinar = parseSnapshotLine(lineOf('0704.0062')).authors[2]!;
    assert.deepEqual(vinar, { name: 'Tomáš Vinař', key: 'tomas-vinar' });
    assert.equal(parseSnapshotLine(lineOf('0704.0049')).authors[0]!.key, 'mikkel-obro');
  });

  test('an authors string with a serial comma ("A, B, and C") gives three authors, none named "and …"', () => {
    const o = objOf('0704.0024');
    assert.equal(o['authors'], 'A.A. Serga, M. Kostylev, and B. Hillebrands');
    delete o['authors_parsed'];
    assert.deepEqual(parseSnapshotObject(o).authors.map((a) => a.name), ['A.A. Serga', 'M. Kostylev', 'B. Hillebrands']);
  });

  test('first_listed, Papersift\'s extension, is read when present', () => {
    assert.equal(parseSnapshotLine(edited('0704.0001', (o) => { o['first_listed'] = '2007-04-03'; })).firstListed, '2007-04-03');
    assert.equal(parseSnapshotLine(edited('0704.0001', (o) => { o['first_listed'] = null; })).firstListed, null);
    assert.equal(parseSnapshotLine(edited('0704.0001', (o) => { o['first_listed'] = '  '; })).firstListed, null);
  });

  test('versions are sorted whatever their order in the record', () => {
    const r = parseSnapshotLine(edited('0704.0002', (o) => { (o['versions'] as unknown[]).reverse(); }));
    assert.deepEqual(r.versions.map((v) => v.version), [1, 2]);
  });

  test('ACM and MSC codes among the categories are dropped, arXiv categories kept', () => {
    const r = parseSnapshotLine(edited('0704.0002', (o) => { o['categories'] = 'cs.CL I.2.7 68T05 cs.CL'; }));
    assert.deepEqual(r.categories, ['cs.CL']);
  });
});

describe('parseSnapshotLine rejects malformed records with a ValidationError naming the field', () => {
  test('bad JSON (a truncated line) and a JSON value that is not an object', () => {
    const line = lineOf('0704.0001');
    rejects(line.slice(0, Math.floor(line.length / 2)), 'json');
    rejects('[1, 2, 3]', 'json', /not a JSON object/);
    rejects('null', 'json', /not a JSON object/);
  });

  test('missing id', () => {
    rejects(edited('0704.0001', (o) => { delete o['id']; }), 'id', /missing/);
    rejects(edited('0704.0001', (o) => { o['id'] = 704.0001; }), 'id', /missing/);
  });

  test('an id that is not an arXiv id', () => {
    rejects(edited('0704.0001', (o) => { o['id'] = 'not-an-id'; }), 'id', /not an arXiv id: "not-an-id"/);
    // Five-digit numbers only exist from 1501 on; month 13 does not exist.
    rejects(edited('0704.0001', (o) => { o['id'] = '0704.00001'; }), 'id', /not an arXiv id/);
    rejects(edited('0704.0001', (o) => { o['id'] = '0713.0001'; }), 'id', /not an arXiv id/);
  });

  test('an empty or missing title', () => {
    rejects(edited('0704.0001', (o) => { o['title'] = ' \n  '; }), 'title', /missing or empty/);
    rejects(edited('0704.0001', (o) => { delete o['title']; }), 'title', /missing or empty/);
  });

  test('no authors', () => {
    rejects(edited('0704.0001', (o) => { delete o['authors_parsed']; delete o['authors']; }), 'authors', /missing/);
    rejects(edited('0704.0001', (o) => { o['authors_parsed'] = []; o['authors'] = ''; }), 'authors', /no author names/);
    rejects(edited('0704.0001', (o) => { o['authors_parsed'] = [[' ', '', '']]; }), 'authors', /no author names/);
    rejects(edited('0704.0001', (o) => { o['authors_parsed'] = [['Balázs', 'C.', ''], 42]; }), 'authors_parsed[1]');
  });

  test('categories with only ACM codes, or none', () => {
    rejects(edited('0704.0001', (o) => { o['categories'] = 'I.2.7'; }), 'categories', /no arXiv category in "I\.2\.7"/);
    rejects(edited('0704.0001', (o) => { o['categories'] = 'I.2.7 F.2.2 68T05'; }), 'categories', /no arXiv category/);
    rejects(edited('0704.0001', (o) => { delete o['categories']; }), 'categories', /missing/);
  });

  test('a bad version string', () => {
    rejects(edited('0704.0001', (o) => { (o['versions'] as { version: string }[])[1]!.version = '2'; }), 'versions[1].version', /expected "v<N>", got "2"/);
    rejects(edited('0704.0001', (o) => { (o['versions'] as { version: string }[])[0]!.version = 'version 1'; }), 'versions[0].version');
    rejects(edited('0704.0001', (o) => { o['versions'] = 'v1'; }), 'versions', /expected an array/);
  });

  test('a bad created date', () => {
    rejects(edited('0704.0001', (o) => { (o['versions'] as { created: string }[])[1]!.created = 'sometime in July'; }), 'versions[1].created', /not a date: "sometime in July"/);
    rejects(edited('0704.0001', (o) => { delete (o['versions'] as { created?: string }[])[0]!.created; }), 'versions[0].created');
  });

  test('a bad first_listed', () => {
    rejects(edited('0704.0001', (o) => { o['first_listed'] = '2007-13-01'; }), 'first_listed', /not a YYYY-MM-DD date: 2007-13-01/);
    rejects(edited('0704.0001', (o) => { o['first_listed'] = '03/04/2007'; }), 'first_listed');
    rejects(edited('0704.0001', (o) => { o['first_listed'] = '2007-02-30'; }), 'first_listed');
  });
});
