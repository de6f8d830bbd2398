import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/snapshot-files.js';
import { smokeSubset } from '../../eval/datasets/subset.js';
import { reportTables } from '../../eval/report.js';
import { runEval, type EvalDocument } from '../../eval/run-eval.js';
import { METHOD } from '../../eval/methods/names.js';

/** The random-weight BERT fixture: exercises the transformer path (its numbers mean nothing). */
const FIXTURE_MODEL = fileURLToPath(new URL('../../../shared/models/random-bert-tiny-fixture', import.meta.url));

/**
 * The relevance harness end to end on a small real slice of hep-th (and the full 200 SPECTER
 * triplets, capped to a few queries), so `npm run eval` cannot silently break.
 */
describe('npm run eval, smoke version', () => {
  const tmp = tempDir('papersift-eval-smoke-');
  const transformer = existsSync(FIXTURE_MODEL) ? { transformer: FIXTURE_MODEL } : {};
  const options = { dataDir: tmp.dir, maxQueries: 8, quiet: true, settings: { lsaDimensions: [16, 32] }, ...transformer };
  let doc: EvalDocument;

  before(async () => {
    const subset = await smokeSubset({ seeds: 25, others: 150, seed: 6 });
    doc = await runEval({ ...options, subset });
  });
  after(() => tmp.remove());

  it('scores every method on all three tasks, with intervals around the means', () => {
    assert.deepEqual(doc.tasks.map((t) => t.name), ['citation', 'author', 'triplets']);
    for (const task of doc.tasks) {
      const names = task.results.map((r) => r.method);
      for (const m of [METHOD.bm25, METHOD.tfidf, METHOD.svm, METHOD.lsa(16), METHOD.lsa(32)]) assert.ok(names.includes(m), `${task.name} lacks ${m}`);
      assert.ok(names.some((n) => n.startsWith('hybrid as shipped')), `${task.name} lacks the hybrid`);
      for (const r of task.results) {
        assert.ok(r.n > 0, `${task.name} · ${r.method} scored no query`);
        for (const [name, e] of Object.entries(r.metrics)) {
          assert.ok(e.lo <= e.mean && e.mean <= e.hi && e.lo >= 0 && e.hi <= 1, `${task.name} · ${r.method} · ${name}: ${JSON.stringify(e)}`);
        }
      }
    }
  });

  it('compares every method with the arxiv-sanity baseline and prints a table', () => {
    const citation = doc.tasks[0]!;
    assert.ok(citation.results.filter((r) => r.method !== METHOD.svm).every((r) => r.paired?.against === METHOD.svm));
    assert.match(reportTables(doc), /\| BM25 \(FTS5\) \| 0\.\d{3} \(/);
  });

  it('is deterministic: a second run over the same store gives the same numbers', async () => {
    const again = await runEval({ ...options, subset: new Set() }); // the store is loaded already
    const strip = (d: EvalDocument) => d.tasks.map((t) => t.results.map((r) => [r.method, r.n, r.metrics, r.paired?.diff]));
    assert.deepEqual(strip(again), strip(doc));
  });
});
