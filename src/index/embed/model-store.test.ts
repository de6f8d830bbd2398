import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadDemoData } from '../../../test/support/demo-store.js';
import { testBackends, useStore } from '../../../test/support/test-store.js';
import type { Store } from '../../store/store.js';
import { loadLsaModel, LSA_KIND, openBuiltinEmbedder, saveLsaFit } from './builtin.js';
import { arrayCorpus, storeCorpus } from './corpus.js';
import { LsaEmbedder } from './lsa-embedder.js';
import { fitLsa } from './lsa-fit.js';
import { latestModel, loadModel, saveModel } from './model-store.js';

for (const backend of await testBackends()) {
  describe(`embedding model store on ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    useStore(backend, async (s) => {
      store = s;
      await loadDemoData(store, { csPapers: 600, hepthPapers: 300, citations: false });
    });

    test('saves, loads and replaces models; bytes come back unchanged', async () => {
      const data = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256);
      await saveModel(store, { id: 'm-1', kind: 'test', dimensions: 8, createdAt: '2026-01-01T00:00:00.000Z', meta: { a: 1 }, data });
      await saveModel(store, { id: 'm-2', kind: 'test', dimensions: 8, createdAt: '2026-01-02T00:00:00.000Z', meta: { a: 2 }, data: null });
      const one = await loadModel(store, 'm-1');
      assert.deepEqual(one?.data, data);
      assert.ok(one?.data instanceof Uint8Array);
      assert.deepEqual(one?.meta, { a: 1 });
      assert.equal((await latestModel(store, 'test'))?.id, 'm-2');
      await saveModel(store, { id: 'm-1', kind: 'test', dimensions: 8, createdAt: '2026-01-03T00:00:00.000Z', meta: { a: 3 }, data });
      assert.equal((await latestModel(store, 'test'))?.id, 'm-1');
      assert.equal(await loadModel(store, 'missing'), undefined);
      assert.equal(await latestModel(store, 'none'), undefined);
    });

    test('fitting from the store pages by id and matches fitting the same papers in memory', async () => {
      const rows = await store.db.selectFrom('papers').select(['title', 'abstract']).orderBy('id').execute();
      const paged = await fitLsa(storeCorpus(store), { dimensions: 32, pageSize: 97 });
      assert.equal(paged.corpusSize, rows.length);
      assert.equal(paged.model.id, (await fitLsa(arrayCorpus(rows), { dimensions: 32 })).model.id);
    });

    test('an LSA model saved and loaded gives the same vectors', async () => {
      const fit = await fitLsa(storeCorpus(store), { dimensions: 24 });
      const saved = await saveLsaFit(store, fit);
      assert.equal(saved.kind, LSA_KIND);
      assert.equal((saved.meta['vocabularySize'] as number), fit.vocabularySize);
      const loaded = await loadLsaModel(store, fit.model.id);
      assert.ok(loaded);
      const docs = await store.db.selectFrom('papers').select(['title', 'abstract']).limit(25).execute();
      assert.deepEqual(await new LsaEmbedder(loaded).embedDocuments(docs), await new LsaEmbedder(fit.model).embedDocuments(docs));
    });

    test('the built-in embedder is fitted once, then reused', async () => {
      const first = await openBuiltinEmbedder(store, { dimensions: 16, refit: true });
      const again = await openBuiltinEmbedder(store, { dimensions: 16 });
      assert.equal(again.modelId, first.modelId);
      assert.equal(first.dimensions, 16);
      const other = await openBuiltinEmbedder(store, { dimensions: 8 });
      assert.notEqual(other.modelId, first.modelId);
      assert.equal((await latestModel(store, LSA_KIND))?.id, other.modelId);
    });
  });
}
