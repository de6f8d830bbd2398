import assert from 'node:assert/strict';
import type { MetricValue } from './read-models.js';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../store/store.js';
import { buildPaper } from '../../test/support/factories.js';
import { countBy, loadFixture, readFixture } from '../../test/support/read-fixture.js';
import { testBackends, type TestStore, useStore } from '../../test/support/test-store.js';
import { getAuthorProfile, METRICS_PIPELINE_PENDING, NO_CITATION_DATA, PROFILE_PAGE_SIZE } from './author.service.js';
import type { AuthorProfile } from './read-models.js';

/**
 * Author profiles on the first 3,000 real hep-th papers (1992–1993) with the Paperscape
 * citation edges touching them, on SQLite and PostgreSQL. Papers, citation counts, h-index
 * and citations per year are computed from the source data with plain code.
 */
const backends = await testBackends();
const fx = await readFixture({ hepth: true });
after(() => fx.remove());

const str = (o: Record<string, unknown>, k: string) => String(o[k]);
/** Author names of a hep-th object, split with plain string code (affiliations in parentheses dropped). */
const names = (o: Record<string, unknown>) => str(o, 'authors').replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ')
  .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/).map((s) => s.trim()).filter(Boolean);
const inStore = new Set(fx.hepth.map((o) => str(o, 'id')));
const year = new Map(fx.hepth.map((o) => {
  const v = (o['versions'] as { created: string }[])[0];
  return [str(o, 'id'), v ? new Date(Date.parse(v.created)).getUTCFullYear() : undefined];
}));
const citers = new Map<string, Set<string>>();
for (const [citing, cited] of fx.edges) (citers.get(cited) ?? citers.set(cited, new Set()).get(cited)!).add(citing);
/** The grouping key of a plain-ASCII name, written out simply: `C.N. Pope` and `C. N. Pope` → `c-n-pope`. */
const simpleKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
/** Papers of the author with key `key` in the slice, and each one's citation count, from the source data. */
function expected(key: string): { ids: string[]; counts: number[] } {
  const ids = fx.hepth.filter((o) => names(o).map(simpleKey).includes(key)).map((o) => str(o, 'id'));
  return { ids, counts: ids.map((id) => citers.get(id)?.size ?? 0) };
}
/** h straight from the definition. */
const hOf = (counts: number[]) => { let h = counts.length; while (h > 0 && counts.filter((c) => c >= h).length < h) h--; return h; };
const value = (m: AuthorProfile['metrics'][keyof AuthorProfile['metrics']]) => m.value;

/** The value, display and reason of a tile, without its source and as-of lines. */
const shown = (m: MetricValue) => ({ value: m.value, display: 'display' in m ? m.display : undefined, reason: 'reason' in m ? m.reason : undefined });

for (const backend of backends) {
  describe(`getAuthorProfile on real hep-th data: ${backend.name}`, { skip: backend.skip }, () => {
    let store!: Store;
    useStore(backend, async (s) => { store = s; await loadFixture(s, fx, { hepth: true, edges: true }); });

    test('Edward Witten: papers, citations, h-index and i10 computed independently', async () => {
      const { ids, counts } = expected('edward-witten');
      assert.equal(ids.length, 13);
      const p = await getAuthorProfile(store, 'edward-witten');
      const citations = counts.reduce((a, b) => a + b, 0);
      assert.deepEqual([p.key, p.name, p.primaryCategory, p.sort], ['edward-witten', 'Edward Witten', 'hep-th', 'newest']);
      assert.deepEqual(shown(p.metrics.papers), { value: 13, display: '13', reason: undefined });
      assert.deepEqual(shown(p.metrics.citations), { value: citations, display: citations.toLocaleString('en-US'), reason: undefined });
      assert.equal(value(p.metrics.hIndex), hOf(counts));
      assert.equal(value(p.metrics.i10Index), counts.filter((c) => c >= 10).length);
      assert.ok(citations > 300 && hOf(counts) >= 5, `a well-cited author: ${citations} citations, h ${hOf(counts)}`);
      for (const m of [p.metrics.novelty, p.metrics.impact]) {
        assert.equal(m.value, null, 'no vectors in this store, so no novelty or impact');
        assert.match(String((m as { reason?: string }).reason), /\w{3,}/, 'and the tile says why');
      }
      assert.deepEqual(p.papers.map((c) => c.arxivId).sort(), [...ids].sort());
      assert.ok(p.papers.every((c, i) => i === 0 || (p.papers[i - 1]!.date ?? '') >= (c.date ?? '')), 'newest first');
      assert.ok(p.coauthors.length > 0 && p.coauthors.every((c) => c.key !== 'edward-witten' && c.papers >= 1));
    });

    test('citations per year: ascending, gaps filled, and adding up to the citations tile', async () => {
      const { ids } = expected('edward-witten');
      // A citing paper's year: its date in the store, else the year its arXiv id encodes.
      const yearOf = (c: string) => year.get(c) ?? ((yy: number) => (yy >= 91 ? 1900 + yy : 2000 + yy))(Number(c.split('/').at(-1)!.slice(0, 2)));
      const perYear = new Map<number, number>();
      for (const id of ids) for (const c of citers.get(id) ?? []) { const y = yearOf(c); perYear.set(y, (perYear.get(y) ?? 0) + 1); }
      const p = await getAuthorProfile(store, 'edward-witten');
      const years = [...perYear.keys()];
      const filled = [];
      for (let y = Math.min(...years); y <= Math.max(...years); y++) filled.push({ year: y, citations: perYear.get(y) ?? 0 });
      assert.deepEqual(p.citationsPerYear, filled);
      assert.equal(p.citationsPerYear.reduce((a, b) => a + b.citations, 0), value(p.metrics.citations));
      assert.ok([...citers.values()].some((s) => [...s].some((c) => !inStore.has(c))), 'some citing papers are outside the store, and still counted');
    });

    test('for the 15 most prolific authors: citations = Σ per-paper counts, h ≤ papers, h² ≤ citations, i10 ≤ papers', async () => {
      const ascii = (n: string) => /^[A-Za-z. '-]+$/.test(n);
      const top = [...countBy(fx.hepth.flatMap((o) => [...new Set(names(o).filter(ascii).map(simpleKey))]), (k) => k)].sort((a, b) => b[1] - a[1]).slice(0, 15);
      for (const [key, n] of top) {
        const p = await getAuthorProfile(store, key);
        const [papers, citations, h, i10] = [p.metrics.papers, p.metrics.citations, p.metrics.hIndex, p.metrics.i10Index].map(value) as number[];
        assert.equal(papers, n, key);
        assert.equal(citations, p.papers.reduce((s, c) => s + c.citationCount, 0), key);
        assert.equal(citations, expected(key).counts.reduce((a, b) => a + b, 0), key);
        assert.ok(h! <= papers! && h! * h! <= citations! && i10! <= papers!, `${key}: h ${h}, i10 ${i10}, ${papers} papers, ${citations} citations`);
      }
    });

    test('sort by citations keeps every paper, most cited first', async () => {
      const p = await getAuthorProfile(store, 'edward-witten', { sort: 'cited' });
      const newest = await getAuthorProfile(store, 'edward-witten');
      assert.equal(p.sort, 'cited');
      assert.deepEqual(p.papers.map((c) => c.arxivId).sort(), newest.papers.map((c) => c.arxivId).sort());
      assert.ok(p.papers.every((c, i) => i === 0 || p.papers[i - 1]!.citationCount >= c.citationCount));
    });

    test('an unknown key is NotFoundError; an unknown sort is ValidationError', async () => {
      await assert.rejects(getAuthorProfile(store, 'no-such-author'), { name: 'NotFoundError', status: 404 });
      await assert.rejects(getAuthorProfile(store, 'edward-witten', { sort: 'oldest' as 'newest' }), { code: 'invalid_input', field: 'sort' });
    });

    test('pages of cards: the page is validated, a page past the last is NotFoundError, the tiles count every paper', async () => {
      const all = expected('edward-witten').ids.length;
      assert.ok(all > 0);
      const last = Math.ceil(all / PROFILE_PAGE_SIZE);
      const p = await getAuthorProfile(store, 'edward-witten', { page: last });
      assert.deepEqual(p.paperPage, { page: last, pageSize: PROFILE_PAGE_SIZE });
      assert.equal(p.papers.length, all);
      assert.equal(p.metrics.papers.value, all);
      await assert.rejects(getAuthorProfile(store, 'edward-witten', { page: last + 1 }), { name: 'NotFoundError', status: 404 });
      await assert.rejects(getAuthorProfile(store, 'edward-witten', { page: 0 }), { field: 'page' });
      await assert.rejects(getAuthorProfile(store, 'edward-witten', { page: Number.NaN }), { field: 'page' });
    });
  });

  describe(`getAuthorProfile without citation data: ${backend.name}`, { skip: backend.skip }, () => {
    let t: TestStore;
    before(async () => { t = await backend.create(); });
    after(async () => { await t?.dispose(); });

    test('citation tiles say why they are empty instead of showing 0', async () => {
      const run = await t.store.runs.start('test', 'no-citations', {}, '2026-01-01T00:00:00.000Z');
      const papers = [buildPaper({ authorNames: ['Grace Hopper', 'Ada Lovelace'] }), buildPaper({ authorNames: ['Grace Hopper'], categories: ['cs.PL'] })];
      await t.store.writer.writePapers(run, { items: papers, failures: [], checkpoint: null }, '2026-01-01T00:00:00.000Z');
      const p = await getAuthorProfile(t.store, 'grace-hopper');
      assert.deepEqual(shown(p.metrics.papers), { value: 2, display: '2', reason: undefined });
      for (const m of [p.metrics.citations, p.metrics.hIndex, p.metrics.i10Index]) assert.deepEqual(shown(m), { value: null, display: undefined, reason: NO_CITATION_DATA });
      assert.deepEqual(p.citationsPerYear, []);
      assert.equal(p.primaryCategory, 'cs.LG'); // one cs.LG, one cs.PL: the tie goes to the alphabetically first
      assert.deepEqual(p.coauthors, [{ key: 'ada-lovelace', name: 'Ada Lovelace', papers: 1 }]);
      assert.ok(p.papers.every((c) => c.citationCount === 0));
    });
  });
}
