import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../store/store.js';
import { loadFixture, readFixture } from '../../test/support/read-fixture.js';
import { testBackends, useStore } from '../../test/support/test-store.js';
import { getPaperDetail } from './paper.service.js';

/**
 * Paper pages on the first 3,000 real hep-th papers (old-style ids with a slash) and the
 * Paperscape edges touching them, on SQLite and PostgreSQL. Expectations come from the edge rows.
 */
const backends = await testBackends();
const fx = await readFixture({ hepth: true });
after(() => fx.remove());

const ID = 'hep-th/9205068'; // the slice's most cited paper
const inStore = new Set(fx.hepth.map((o) => String(o['id'])));
const date = new Map(fx.hepth.map((o) => {
  const v = (o['versions'] as { created: string }[])[0];
  return [String(o['id']), v ? new Date(Date.parse(v.created)).toISOString().slice(0, 10) : ''];
}));
const newestFirst = (a: string, b: string) => (date.get(b)!.localeCompare(date.get(a)!)) || (a < b ? 1 : -1);
const citers = [...new Set(fx.edges.filter(([, cited]) => cited === ID).map(([citing]) => citing))];

for (const backend of backends) {
  describe(`getPaperDetail on real hep-th data: ${backend.name}`, { skip: backend.skip }, () => {
    let store!: Store;
    useStore(backend, async (s) => { store = s; await loadFixture(s, fx, { hepth: true, edges: true }); });

    test('an old-style id: the paper, its citation count, citing papers newest first (capped), references', async () => {
      const d = await getPaperDetail(store, ID);
      const source = fx.hepth.find((o) => o['id'] === ID)!;
      assert.equal(d.paper.arxivId, ID);
      assert.equal(d.paper.title, String(source['title']).replace(/\s+/g, ' '));
      assert.equal(d.citationCount, citers.length);
      const citedBy = citers.filter((id) => inStore.has(id)).sort(newestFirst);
      assert.ok(citedBy.length > 10 && citedBy.length < 100 && citers.length > citedBy.length, `${citedBy.length} of ${citers.length} citers are in the store`);
      assert.deepEqual(d.citedBy.map((c) => c.arxivId), citedBy, 'all of them, under the default cap of 100');
      const capped = await getPaperDetail(store, ID, { listLimit: 10 });
      assert.deepEqual([capped.citationCount, capped.citedBy.map((c) => c.arxivId)], [citers.length, citedBy.slice(0, 10)], 'the 10 newest');
      const refs = [...new Set(fx.edges.filter(([citing]) => citing === ID).map(([, cited]) => cited))];
      assert.deepEqual(d.references.map((c) => c.arxivId), refs.filter((id) => inStore.has(id)).sort(newestFirst));
      assert.deepEqual(d.externalReferences, refs.filter((id) => !inStore.has(id)).sort());
      assert.deepEqual(d.externalCounts, []);
    });

    test('any spelling of the id finds the paper; external counts are listed with their source and date', async () => {
      const run = await store.runs.start('test', 'counts', {}, '2026-01-01T00:00:00.000Z');
      await store.writer.writeCitations(run, { items: [{ kind: 'count', paper: ID, count: 1234, source: 'semantic-scholar', retrievedAt: '2026-01-02T00:00:00.000Z' }], failures: [], checkpoint: null }, '2026-01-02T00:00:00.000Z');
      for (const spelling of [ID, `${ID}v2`, `arXiv:${ID}`, `https://arxiv.org/abs/${ID}`, 'hep-th.XX/9205068']) {
        const d = await getPaperDetail(store, spelling, { listLimit: 3 });
        assert.equal(d.paper.arxivId, ID, spelling);
        assert.equal(d.citedBy.length, 3);
        assert.deepEqual(d.externalCounts, [{ source: 'semantic-scholar', count: 1234, retrievedAt: '2026-01-02T00:00:00.000Z' }]);
      }
    });

    test('a paper nobody cites has empty lists; unknown ids are NotFoundError, non-ids ValidationError', async () => {
      const uncited = fx.hepth.map((o) => String(o['id'])).find((id) => !fx.edges.some(([a, b]) => a === id || b === id))!;
      const d = await getPaperDetail(store, uncited);
      assert.deepEqual([d.citationCount, d.citedBy, d.references, d.externalReferences], [0, [], [], []]);
      await assert.rejects(getPaperDetail(store, 'hep-th/9999999'), { name: 'NotFoundError', status: 404 });
      await assert.rejects(getPaperDetail(store, '2503.11731'), { code: 'not_found' });
      for (const bad of ['not-an-id', 'hep-th/92', '', '2513.00001']) {
        await assert.rejects(getPaperDetail(store, bad), { code: 'invalid_input', field: 'arxivId' }, bad);
      }
    });
  });
}
