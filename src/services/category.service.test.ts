import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../store/store.js';
import { categoriesOf, loadFixture, readFixture } from '../../test/support/read-fixture.js';
import { testBackends, useStore } from '../../test/support/test-store.js';
import { getCategoryPage } from './category.service.js';

/** Category pages on the first 3,000 real CS papers, on SQLite and PostgreSQL; counts come from the source data. */
const backends = await testBackends();
const fx = await readFixture({ cs: true });
after(() => fx.remove());

/** CS ids with `category` at any position, newest first (listing date desc, then id desc). */
function expectedIds(category: string): string[] {
  return fx.cs.filter((o) => categoriesOf(o).includes(category))
    .sort((a, b) => String(b['first_listed']).localeCompare(String(a['first_listed'])) || (String(a['id']) < String(b['id']) ? 1 : -1))
    .map((o) => String(o['id']));
}

for (const backend of backends) {
  describe(`getCategoryPage on real papers: ${backend.name}`, { skip: backend.skip }, () => {
    let store!: Store;
    useStore(backend, async (s) => { store = s; await loadFixture(s, fx, { cs: true }); });

    test('a category lists its papers at any position, newest first, with name, group and total', async () => {
      const ids = expectedIds('cs.CL');
      assert.ok(ids.length > 800);
      const first = await getCategoryPage(store, 'cs.CL');
      assert.deepEqual({ ...first, papers: first.papers.map((p) => p.arxivId) },
        { id: 'cs.CL', name: 'Computation and Language', group: 'Computer Science', total: ids.length, page: 1, pageSize: 50, papers: ids.slice(0, 50) });
      const last = Math.ceil(ids.length / 200);
      const tail = await getCategoryPage(store, 'cs.CL', { page: last, pageSize: 200 });
      assert.deepEqual(tail.papers.map((p) => p.arxivId), ids.slice((last - 1) * 200));
      assert.deepEqual((await getCategoryPage(store, 'cs.CL', { page: last + 1, pageSize: 200 })).papers, []);
      const iv = await getCategoryPage(store, 'eess.IV', { page: 2, pageSize: 30 });
      assert.deepEqual([iv.group, iv.total, iv.papers.map((p) => p.arxivId)], ['Electrical Engineering and Systems Science', expectedIds('eess.IV').length, expectedIds('eess.IV').slice(30, 60)]);
    });

    test('a known category without papers is an empty page; an unknown id is NotFoundError; bad paging is ValidationError', async () => {
      const empty = await getCategoryPage(store, 'alg-geom');
      assert.deepEqual([empty.name, empty.total, empty.papers], ['Algebraic Geometry', 0, []]);
      await assert.rejects(getCategoryPage(store, 'cs.XX'), { name: 'NotFoundError', code: 'not_found', status: 404 });
      await assert.rejects(getCategoryPage(store, 'CS.CL'), { code: 'not_found' });
      await assert.rejects(getCategoryPage(store, 'cs.CL', { page: -1 }), { code: 'invalid_input', field: 'page' });
      await assert.rejects(getCategoryPage(store, 'cs.CL', { pageSize: 1000 }), { code: 'invalid_input', field: 'pageSize' });
    });
  });
}
