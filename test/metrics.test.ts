import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadHepth } from '../eval/datasets/hepth-load.js';
import { EXPECTED_TOP, mostCited } from '../eval/datasets/most-cited.js';
import { getAuthorCitations, getAuthorCore } from '../src/services/author-trace.service.js';
import { getAuthorProfile } from '../src/services/author.service.js';
import { recomputeMetrics } from '../src/services/metrics.service.js';
import { MetricsRepository } from '../src/store/metrics.repository.js';
import { testBackends, type TestStore } from './support/test-store.js';

/**
 * Real data: hep-th (KDD abstracts + Paperscape papers and 147k edges) in a test store on each
 * backend (PostgreSQL when reachable, and always in CI; it adds the load's time, see PERFORMANCE.md).
 * The most-cited paper is Seiberg–Witten with 403 citing papers; the top-10 authors by
 * h-index agree with their h-cores, profiles and citation pages; a recompute after new
 * edges touches only the authors of the newly cited paper.
 */
for (const backend of await testBackends()) describe(`author metrics on hep-th + Paperscape on ${backend.name}`, { timeout: 240_000, skip: backend.skip }, () => {
  let t: TestStore;
  before(async () => {
    t = await backend.create();
    const started = performance.now();
    await loadHepth(t.store, { progress: false });
    process.stderr.write(`hep-th load on ${backend.name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  });
  after(async () => t?.dispose());

  test('the most-cited paper is hep-th/9407087 with 403 citing papers', async () => {
    const [top] = await mostCited(t.store, 1);
    assert.deepEqual(top, { arxivId: EXPECTED_TOP.arxivId, citing: EXPECTED_TOP.citing });
  });

  test('top-10 authors by h-index agree with their h-cores, profiles and citation pages', async () => {
    const report = await recomputeMetrics(t.store, { full: true });
    assert.ok(report.full && report.rows > 1000, JSON.stringify(report));
    const top = await new MetricsRepository(t.store.db).top(10);
    const lines: string[] = [];
    for (const row of top) {
      const [core, profile, cites] = await Promise.all([getAuthorCore(t.store, row.author_key), getAuthorProfile(t.store, row.author_key), getAuthorCitations(t.store, row.author_key)]);
      const h = Number(row.h_index);
      assert.equal(profile.provenance.kind, 'materialised');
      assert.equal(core.entries.filter((e) => e.inHCore).length, h);
      for (const e of core.entries.filter((x) => x.inHCore)) assert.ok(e.citations >= h);
      assert.ok(core.entries.filter((e) => !e.inHCore).every((e) => e.citations <= h), 'no paper outside the h-core has more than h citations');
      const sumCards = profile.papers.reduce((s, p) => s + p.citationCount, 0);
      assert.equal(profile.metrics.citations.value, sumCards);
      assert.equal(cites.citations, sumCards);
      assert.equal(profile.citationsPerYear.reduce((s, y) => s + y.citations, 0) + profile.undatedCitations, sumCards);
      assert.equal(profile.metrics.hIndex.value, h);
      assert.ok(h <= profile.papers.length && h * h <= sumCards && Number(row.h5_index) <= h);
      lines.push(`${row.author_key}\th=${h}\th5=${row.h5_index}\tpapers=${row.papers}\tcitations=${row.citations}`);
    }
    process.stderr.write(`${backend.name} top 10 by h-index (as of ${report.asOfYear}):\n${lines.join('\n')}\n`);
  });

  test('a recompute after new edges touches only the authors of the newly cited paper', async () => {
    const again = await recomputeMetrics(t.store);
    assert.equal(again.authors, 0, 'nothing changed since the last run');
    const key = (await new MetricsRepository(t.store.db).top(1))[0]!.author_key;
    const core = await getAuthorCore(t.store, key);
    const target = core.entries.at(-1)!.card;
    await t.store.db.insertInto('citations').values([{ citing: 'test/0000001', cited: target.arxivId, source: 'test' }]).execute();
    const stale = await getAuthorProfile(t.store, key);
    assert.equal(stale.provenance.kind, 'live', 'a stale row is not shown');
    assert.equal(stale.metrics.citations.value, stale.papers.reduce((s, p) => s + p.citationCount, 0));
    const inc = await recomputeMetrics(t.store);
    assert.equal(inc.full, false);
    assert.equal(inc.changedPapers, 1);
    assert.equal(inc.authors, target.authors.length);
    const fresh = await getAuthorProfile(t.store, key);
    assert.equal(fresh.provenance.kind, 'materialised');
    assert.equal(fresh.metrics.citations.value, stale.metrics.citations.value);
  });
});
