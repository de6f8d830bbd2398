import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { openSearchIndex } from '../../src/index/fts/open.js';
import { MARK_END, MARK_START, type KeywordQuery, type SearchIndex } from '../../src/index/search-index.js';
import type { Store } from '../../src/store/store.js';
import { buildPaper } from '../support/factories.js';
import { categoriesOf, loadFixture, readFixture, SLICE } from '../support/read-fixture.js';
import { testBackends, useStore } from '../support/test-store.js';
import type { PaperRecord } from '../../src/core/paper.js';

/**
 * The SearchIndex contract, on SQLite FTS5 and PostgreSQL full text, over 3,000 real CS
 * papers plus a few made for exact checks (field weights, accents, name order). Expected
 * sets come from the source text with plain regular expressions, never through the store.
 */
const backends = await testBackends();
const fx = await readFixture({ cs: true });
after(() => fx.remove());

const text = (o: Record<string, unknown>) => `${String(o['title'])} ${String(o['abstract'])}`;
const idsMatching = (re: RegExp) => new Set(fx.cs.filter((o) => re.test(text(o))).map((o) => String(o['id'])));
const csById = new Map(fx.cs.map((o) => [String(o['id']), o]));

const inTitle = buildPaper({ title: 'Zyxquark fields in the early universe', abstract: 'We study early-universe fields.', categories: ['astro-ph.CO'], firstListed: '2020-01-02' });
const inAbstract = buildPaper({ title: 'Early universe fields', abstract: 'A zyxquark appears once here.', categories: ['astro-ph.CO'], firstListed: '2020-01-03' });
const kazemi = buildPaper({ authorNames: ['Milad Kazemi', 'J\\"urgen Schmidhuber'], title: 'Quietly qxhashed automata', categories: ['cs.FL'] });
const otherKazemi = buildPaper({ authorNames: ['Ali Kazemi'], title: 'Loud automata', categories: ['cs.FL'] });
const made: PaperRecord[] = [inTitle, inAbstract, kazemi, otherKazemi];

async function writeMade(store: Store, papers: PaperRecord[], now: string): Promise<void> {
  const run = await store.runs.start('test', `made-${now}`, {}, now);
  await store.writer.writePapers(run, { items: papers, failures: [], checkpoint: null }, now);
}

/** Every hit of a query, across pages. */
async function allHits(index: SearchIndex, q: Omit<KeywordQuery, 'limit' | 'offset'>): Promise<string[]> {
  const out: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await index.search({ ...q, limit: 200, offset });
    out.push(...page.hits.map((h) => h.arxivId));
    if (page.hits.length < 200) return out;
  }
}

for (const backend of backends) {
  describe(`SearchIndex contract (${backend.name})`, { skip: backend.skip }, () => {
    let store: Store;
    let index: SearchIndex;
    let firstRefresh = { indexed: 0, authors: 0 };

    useStore(backend, async (s) => {
      store = s;
      await loadFixture(store, fx, { cs: true });
      await writeMade(store, made, '2026-01-01T00:00:00Z');
      index = openSearchIndex(store);
    });

    test('a refresh interrupted after its first page resumes where it stopped', async () => {
      await assert.rejects(index.refresh((done) => { if (done > 0) throw new Error('killed'); }), /killed/);
      firstRefresh = await index.refresh();
      assert.equal(firstRefresh.indexed, SLICE + made.length - 2000, 'the second run indexes only what the first did not commit');
    });

    test('a refresh with nothing changed indexes nothing', async () => {
      assert.deepEqual((await index.refresh()).indexed, 0);
    });

    test('a word finds every paper that has it, and only such papers', async () => {
      const expected = idsMatching(/\bconformal\b/i);
      assert.ok(expected.size >= 3, 'the slice has papers on conformal prediction');
      const hits = await allHits(index, { text: 'conformal' });
      for (const id of expected) assert.ok(hits.includes(id), `${id} mentions "conformal"`);
      for (const id of hits) assert.match(text(csById.get(id)!), /\bconform/i, id);
    });

    test('all words must match', async () => {
      const hits = await allHits(index, { text: 'conformal prediction' });
      assert.ok(hits.length > 0);
      for (const id of hits) assert.ok(/\bconform/i.test(text(csById.get(id)!)) && /\bpredict/i.test(text(csById.get(id)!)), id);
    });

    test('a title match outranks an abstract match (field weights)', async () => {
      const res = await index.search({ text: 'zyxquark', limit: 10, offset: 0 });
      assert.deepEqual(res.hits.map((h) => h.arxivId), [inTitle.arxivId, inAbstract.arxivId]);
      assert.ok(res.hits[0]!.score > res.hits[1]!.score);
      assert.equal(res.total, 2);
    });

    test('matches are highlighted in the title and the snippet', async () => {
      const res = await index.search({ text: 'zyxquark', limit: 10, offset: 0 });
      assert.match(res.hits[0]!.title, new RegExp(`${MARK_START}Zyxquark${MARK_END} fields`));
      assert.match(res.hits[1]!.snippet, new RegExp(`${MARK_START}zyxquark${MARK_END}`));
      assert.equal(res.hits[0]!.snippet, '', 'no snippet when the abstract does not match');
    });

    test('a quoted phrase matches words in order', async () => {
      const hits = await allHits(index, { text: '"large language model"' });
      assert.ok(hits.length >= 10);
      for (const id of hits) assert.match(text(csById.get(id)!), /large[\s-]+language[\s-]+model/i, id);
    });

    test('a prefix matches word beginnings', async () => {
      const hits = await allHits(index, { text: 'hallucinat*' });
      assert.ok(hits.length >= 3);
      for (const id of hits) assert.match(text(csById.get(id)!), /\bhallucin/i, id);
    });

    test('an excluded word removes papers; OR widens', async () => {
      const base = await allHits(index, { text: 'diffusion' });
      const without = await allHits(index, { text: 'diffusion -image' });
      assert.ok(without.length > 0 && without.length < base.length);
      for (const id of without) assert.doesNotMatch(text(csById.get(id)!), /\bimage\b/i, id);
      const either = await allHits(index, { text: 'zyxquark OR qxhashed' });
      assert.deepEqual(new Set(either), new Set([inTitle.arxivId, inAbstract.arxivId, kazemi.arxivId]));
    });

    test('authors are searchable by name', async () => {
      const hits = await allHits(index, { text: 'Schmidhuber' });
      assert.ok(hits.includes(kazemi.arxivId));
    });

    test('filters: category, date range and author', async () => {
      const cl = await allHits(index, { text: 'language', filters: { categories: ['cs.CL'] } });
      assert.ok(cl.length > 0);
      for (const id of cl) assert.ok(categoriesOf(csById.get(id)!).includes('cs.CL'), id);
      const day = String(fx.cs[0]!['first_listed']);
      const dated = await allHits(index, { text: 'learning', filters: { from: day, to: day } });
      assert.ok(dated.length > 0);
      for (const id of dated) assert.equal(String(csById.get(id)!['first_listed']), day, id);
      const byAuthor = await allHits(index, { text: 'automata', filters: { authorKeys: ['milad-kazemi'] } });
      assert.deepEqual(byAuthor, [kazemi.arxivId]);
    });

    test('pages continue without overlap and the total counts every match', async () => {
      const p1 = await index.search({ text: 'learning', limit: 20, offset: 0 });
      const p2 = await index.search({ text: 'learning', limit: 20, offset: 20 });
      assert.equal(p1.hits.length, 20);
      assert.equal(new Set([...p1.hits, ...p2.hits].map((h) => h.arxivId)).size, p1.hits.length + p2.hits.length);
      assert.ok(p1.hits.at(-1)!.score >= p2.hits[0]!.score);
      assert.equal(p1.total, (await allHits(index, { text: 'learning' })).length);
      assert.ok(p1.totalIsExact);
    });

    test('hostile or empty queries return nothing or something, never an error', async () => {
      for (const q of ['', '   ', '-only', '*', '") OR 1=1 --', 'NEAR(a b', 'title:x', '\\"', "'; drop table papers; --", '((((', 'a'.repeat(500)]) {
        const res = await index.search({ text: q, limit: 5, offset: 0 });
        assert.ok(Array.isArray(res.hits), q);
      }
      assert.ok((await store.stats.all()).papers > 0, 'papers are still there');
    });

    test('a changed paper is found by its new text and not its old', async () => {
      await writeMade(store, [{ ...inAbstract, title: 'Renamed: qwvortex dynamics', abstract: 'Rewritten without the old word.', versions: [...inAbstract.versions, { version: 2, createdAt: '2026-02-01T00:00:00.000Z' }], updated: '2026-02-01' }], new Date().toISOString());
      assert.equal((await index.refresh()).indexed, 1);
      assert.deepEqual((await index.search({ text: 'qwvortex', limit: 5, offset: 0 })).hits.map((h) => h.arxivId), [inAbstract.arxivId]);
      assert.deepEqual((await index.search({ text: 'zyxquark', limit: 5, offset: 0 })).hits.map((h) => h.arxivId), [inTitle.arxivId]);
    });

    test('author lookup: "Kazemi, M." finds Milad Kazemi, not Ali Kazemi', async () => {
      const found = await index.lookupAuthors('Kazemi, M.');
      const keys = found.map((a) => a.key);
      assert.ok(keys.includes('milad-kazemi') && !keys.includes('ali-kazemi'), keys.join());
      for (const a of found) assert.match(a.name, /^M\S* Kazemi$/);
      assert.equal(found.find((a) => a.key === 'milad-kazemi')!.papers, 1);
    });

    test('author lookup tolerates accents and typos', async () => {
      assert.equal((await index.lookupAuthors('Jurgen Schmidhuber'))[0]?.name, 'Jürgen Schmidhuber');
      assert.equal((await index.lookupAuthors('Schmidhubr, J.'))[0]?.key, 'jurgen-schmidhuber');
      assert.deepEqual(await index.lookupAuthors('Q'), []);
    });

    test('author lookup finds real authors of the slice by surname and initial', async () => {
      const first = String(fx.cs[0]!['authors']).split(/,| and /)[0]!.trim();
      const parts = first.split(/\s+/);
      const found = await index.lookupAuthors(`${parts.at(-1)}, ${parts[0]![0]}.`);
      assert.ok(found.some((a) => a.name === first), `${first} in ${found.map((a) => a.name).join('; ')}`);
    });
  });
}
