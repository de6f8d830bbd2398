import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Store } from '../../src/store/store.js';
import { countVectors, decodeVector, deleteModelVectors, encodeVector, readVectors, vectorPages, writeVectors, type StoredVector } from '../../src/index/vectors/vector-table.js';
import { testBackends, useStore } from '../support/test-store.js';

/** `paper_vectors` on both backends: bytes, batches, pages and models. */
const backends = await testBackends();

/** A deterministic vector whose values exercise float32 round-tripping. */
function vec(seed: number, d = 8): Float32Array {
  return Float32Array.from({ length: d }, (_, i) => Math.sin(seed * 7.1 + i) * (i % 3 === 0 ? 1e-30 : 1) + (i === 1 ? -0 : 0));
}

describe('vector bytes', () => {
  test('float32 little-endian round trip, at any Buffer offset', () => {
    const v = Float32Array.from([1.5, -2.25, 1e-38, -0, Infinity, 3.4028234663852886e38, Math.PI]);
    const bytes = encodeVector(v);
    assert.equal(bytes.length, 28);
    assert.equal(bytes.readFloatLE(4), -2.25);
    assert.deepEqual(decodeVector(bytes), v);
    const shifted = Buffer.concat([Buffer.from([9, 9, 9]), bytes]).subarray(3);
    const back = decodeVector(shifted);
    assert.deepEqual(back, v);
    back[0] = 42;
    assert.equal(shifted.readFloatLE(0), 1.5, 'decoded vectors do not share memory with the bytes');
    const sub = new Float32Array([0, 1, 2, 3]).subarray(1, 3);
    assert.deepEqual(decodeVector(encodeVector(sub)), Float32Array.from([1, 2]));
    assert.throws(() => decodeVector(new Uint8Array(7)), /not float32/);
  });
});

for (const backend of backends) {
  describe(`paper_vectors: ${backend.name}`, { skip: backend.skip }, () => {
    let store: Store;
    useStore(backend, (s) => { store = s; });
    const rows = (model: number, ids: number[]): StoredVector[] => ids.map((id) => ({ paperId: id, vector: vec(id * 10 + model) }));

    test('write, read back bit for bit, replace', async () => {
      await writeVectors(store.db, 'm1', rows(1, [3, 1, 2]));
      await writeVectors(store.db, 'm2', rows(2, [1, 2]));
      const got = await readVectors(store.db, 'm1', [1, 2, 3, 4]);
      assert.deepEqual([...got.keys()].sort(), [1, 2, 3]);
      for (const id of [1, 2, 3]) assert.deepEqual(Buffer.from(got.get(id)!.buffer), encodeVector(vec(id * 10 + 1)));
      await writeVectors(store.db, 'm1', [{ paperId: 2, vector: vec(99) }]);
      assert.deepEqual((await readVectors(store.db, 'm1', [2])).get(2), vec(99));
      assert.deepEqual((await readVectors(store.db, 'm2', [2])).get(2), vec(22), 'other models are untouched');
      assert.equal(await countVectors(store.db, 'm1'), 3);
      assert.equal(await countVectors(store.db, 'm2'), 2);
      assert.equal(await countVectors(store.db, 'none'), 0);
    });

    test('a batch is one transaction: a failing row writes nothing, even across chunks', async () => {
      const batch = rows(3, Array.from({ length: 1200 }, (_, i) => i + 1));
      batch.push({ paperId: null as unknown as number, vector: vec(1) });
      await assert.rejects(writeVectors(store.db, 'm3', batch));
      assert.equal(await countVectors(store.db, 'm3'), 0);
      await writeVectors(store.db, 'm3', batch.slice(0, 1200));
      assert.equal(await countVectors(store.db, 'm3'), 1200);
      assert.equal((await readVectors(store.db, 'm3', batch.slice(0, 1200).map((r) => r.paperId))).size, 1200);
    });

    test('pages in paper id order, bounded, with an id range', async () => {
      const ids = [50, 10, 40, 20, 30, 60, 70];
      await writeVectors(store.db, 'm4', rows(4, ids));
      const pages: number[][] = [];
      for await (const page of vectorPages(store.db, 'm4', { pageSize: 3 })) pages.push(page.map((v) => v.paperId));
      assert.deepEqual(pages, [[10, 20, 30], [40, 50, 60], [70]]);
      const ranged: number[] = [];
      for await (const page of vectorPages(store.db, 'm4', { pageSize: 2, afterId: 20, untilId: 60 })) ranged.push(...page.map((v) => v.paperId));
      assert.deepEqual(ranged, [30, 40, 50, 60]);
      for await (const page of vectorPages(store.db, 'm4', { pageSize: 10 })) assert.deepEqual(page.find((v) => v.paperId === 40)!.vector, vec(404));
      const empty: StoredVector[][] = [];
      for await (const page of vectorPages(store.db, 'nothing')) empty.push(page);
      assert.deepEqual(empty, []);
    });

    test('deleting a model deletes only its vectors', async () => {
      await writeVectors(store.db, 'm5', rows(5, [1, 2, 3]));
      await writeVectors(store.db, 'm6', rows(6, [1]));
      assert.equal(await deleteModelVectors(store.db, 'm5'), 3);
      assert.equal(await countVectors(store.db, 'm5'), 0);
      assert.equal(await countVectors(store.db, 'm6'), 1);
    });
  });
}
