import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../store/store.js';
import { withNoveltyTables } from '../store/novelty-impact.tables.js';
import { seedVectorPapers } from '../../test/support/vector-papers.js';
import { testBackends, useStore } from '../../test/support/test-store.js';
import { authorNovelty, paperNovelty, refreshNovelty } from './novelty.service.js';

/** Deterministic pseudo-random unit-ish vectors. */
function rand(seed: number): () => number {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648 - 0.5; };
}

for (const backend of await testBackends()) {
  describe(`novelty on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    const r = rand(7);
    // 1990: 5 warm-up papers; 1992: 30 papers, author Ann on the first 3; one far-off paper.
    const specs = [
      ...Array.from({ length: 5 }, (_, i) => ({ date: `1990-01-0${i + 1}`, vector: [1, 0, 0, r() * 0.1] })),
      ...Array.from({ length: 30 }, (_, i) => ({ date: `1992-02-${String(i % 28 + 1).padStart(2, '0')}`, vector: [1, r(), r(), r()], authors: i < 3 ? ['Ann Author'] : ['Bob Other'] })),
    ];
    let ids: { id: number }[] = [];
    useStore(backend, async (s) => { store = s; ids = await seedVectorPapers(s, specs); });

    test('distances match brute force over strictly earlier papers; warm-up papers get none', async () => {
      const report = await refreshNovelty(store, { k: 3 });
      assert.equal(report.computed, 35);
      const db = withNoveltyTables(store.db);
      const rows = new Map((await db.selectFrom('paper_novelty').selectAll().execute()).map((x) => [Number(x.paper_id), x]));
      const unit = specs.map((s) => { const n = Math.hypot(...s.vector); return s.vector.map((x) => x / n); });
      for (let i = 0; i < specs.length; i++) {
        const row = rows.get(ids[i]!.id)!;
        if (specs[i]!.date < '1991') { assert.equal(row.distance, null); continue; }
        const sims = specs.map((s, j) => ({ s, j })).filter(({ s }) => s.date < specs[i]!.date)
          .map(({ j }) => unit[i]!.reduce((acc, x, t) => acc + x * unit[j]![t]!, 0)).sort((a, b) => b - a).slice(0, 3);
        assert.ok(Math.abs(Number(row.distance) - (1 - (sims[0]! + sims[1]! + sims[2]!) / 3)) < 1e-5, `paper ${i}`);
        assert.ok(row.percentile !== null && row.percentile > 0 && row.percentile < 100);
      }
    });

    test('the incremental HNSW path (date order, query then add) gives the exact distances on a small store', async () => {
      const db = withNoveltyTables(store.db);
      const read = async () => new Map((await db.selectFrom('paper_novelty').select(['paper_id', 'distance']).execute()).map((x) => [Number(x.paper_id), x.distance === null ? null : Number(x.distance)]));
      const exact = await read();
      const ann = await refreshNovelty(store, { k: 3, full: true, method: 'ann' });
      assert.deepEqual([ann.method, ann.computed], ['ann', 35]);
      for (const [id, d] of await read()) assert.ok(d === exact.get(id) || Math.abs(d! - exact.get(id)!) < 1e-5, `paper ${id}`);
      assert.equal((await refreshNovelty(store, { k: 3, full: true })).method, 'exact', 'auto stays exact for a small store');
    });

    test('authors get the median percentile as "Novelty NN%"; unknown authors get a reason', async () => {
      const db = withNoveltyTables(store.db);
      const mine = await db.selectFrom('paper_novelty').select('percentile').where('paper_id', 'in', ids.slice(5, 8).map((x) => x.id)).execute();
      const sorted = mine.map((x) => Number(x.percentile)).sort((a, b) => a - b);
      const m = await authorNovelty(store, 'ann-author');
      assert.equal(m.value, Math.round(sorted[1]! * 10) / 10);
      assert.ok(m.value !== null && m.display === `Novelty ${Math.round(sorted[1]!)}%`);
      assert.equal((await authorNovelty(store, 'nobody-here')).value, null);
      assert.equal((await paperNovelty(store, ids[0]!.id)).value, null);
    });

    test('a refresh computes only new papers, and an outlier ranks most novel', async () => {
      assert.equal((await refreshNovelty(store, { k: 3 })).computed, 0);
      const [far] = await seedVectorPapers(store, [{ date: '1992-03-01', vector: [0, 0, 1, 0] }]);
      const report = await refreshNovelty(store, { k: 3 });
      assert.equal(report.computed, 1);
      assert.equal(report.groupsReranked, 1);
      const p = await paperNovelty(store, far!.id);
      assert.ok(p.value !== null && p.value > 95, JSON.stringify(p));
    });
  });
}
