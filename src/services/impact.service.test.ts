import assert from 'node:assert/strict';
import { seededRandom } from '../core/random.js';

import { describe, test } from 'node:test';
import type { CitationRecord } from '../core/citation.js';
import type { Store } from '../store/store.js';
import { seedVectorPapers } from '../../test/support/vector-papers.js';
import { testBackends, useStore } from '../../test/support/test-store.js';
import { authorImpact, impactModelReport, paperImpact, trainImpactModel } from './impact.service.js';

const rng = seededRandom;

async function cite(store: Store, edges: { citing: string; cited: string }[]): Promise<void> {
  const run = await store.runs.start('test', `edges-${edges[0]?.cited}`, {}, '2025-01-01T00:00:00.000Z');
  const items: CitationRecord[] = edges.map((e) => ({ kind: 'edge', ...e, source: 'test' }));
  await store.writer.writeCitations(run, { items, failures: [], checkpoint: null }, '2025-01-01T00:00:00.000Z');
}

for (const backend of await testBackends()) {
  describe(`impact model on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    useStore(backend, (s) => { store = s; });

    test('without citation data the score is a reason, not a number', async () => {
      await seedVectorPapers(store, [{ date: '1992-01-05', vector: [1, 0], authors: ['Solo Author'] }]);
      const report = await trainImpactModel(store);
      assert.equal(report.status, 'unsupported');
      assert.match(report.reason!, /no citation data/);
      const a = await authorImpact(store, 'solo-author');
      assert.equal(a.value, null);
      assert.match((a as { reason: string }).reason, /cannot support/);
    });

    test('learns a signal carried by the text vector; held-out AUC well above chance; scores 0–100', async () => {
      const r = rng(11);
      const specs = Array.from({ length: 800 }, (_, i) => {
        const signal = r();
        const month = String(1 + (i % 12)).padStart(2, '0');
        return { date: `${1992 + Math.floor(i / 400)}-${month}-${String(1 + (i % 27)).padStart(2, '0')}`, vector: [signal, r(), r(), 0.2], authors: [i % 2 ? 'Hi Signal' : 'Lo Signal'], signal };
      });
      const ids = await seedVectorPapers(store, specs);
      // Citing papers are outside the store; their date comes from their old-style id (1995–1996).
      const edges: { citing: string; cited: string }[] = [];
      specs.forEach((s, i) => {
        const n = Math.floor(s.signal ** 4 * 12 * r());
        for (let c = 0; c < n; c++) edges.push({ citing: `hep-ph/9${5 + (c % 2)}0${1 + (c % 9)}${String(100 + i).padStart(3, '0')}`, cited: ids[i]!.arxivId });
      });
      edges.push({ citing: 'hep-ph/9612999', cited: ids[0]!.arxivId });
      await cite(store, edges);
      const report = await trainImpactModel(store, { minLabelled: 300, minTestPositives: 5, l2: 1 });
      assert.equal(report.status, 'ok', report.reason);
      assert.equal(report.coverageEnd, '1996-12-01');
      assert.ok(report.auc! > 0.75, `AUC ${report.auc}`);
      assert.ok(report.train!.to <= report.test!.from, 'time-based split');
      assert.equal(report.calibration.reduce((s, b) => s + b.count, 0), report.test!.papers);
      assert.deepEqual(await impactModelReport(store), report);
      const top = specs.map((s, i) => ({ s: s.signal, i })).sort((a, b) => b.s - a.s);
      const hi = await paperImpact(store, ids[top[0]!.i]!.id), lo = await paperImpact(store, ids[top[top.length - 1]!.i]!.id);
      assert.ok(hi.value !== null && lo.value !== null && hi.value > lo.value && hi.value <= 100 && lo.value >= 0);
      const author = await authorImpact(store, 'hi-signal');
      assert.ok(author.value !== null && /^Impact \d+$/.test(author.display));
    });
  });
}
