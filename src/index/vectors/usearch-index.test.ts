import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { normalize } from '../embedder.js';
import { cosine, nearestExact } from './exact.js';
import { UsearchIndex } from './usearch-index.js';
import type { StoredVector } from './vector-table.js';

const D = 24;

/** Deterministic unit vectors (mulberry32). */
function randomVectors(n: number, seed: number): Float32Array[] {
  let s = seed;
  const rnd = () => { s = (s + 0x6d2b79f5) | 0; let t = Math.imul(s ^ (s >>> 15), 1 | s); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5; };
  return Array.from({ length: n }, () => normalize(Float32Array.from({ length: D }, rnd)));
}

describe('UsearchIndex', () => {
  let dir: string;
  const data: StoredVector[] = randomVectors(400, 1).map((vector, i) => ({ paperId: 1000 + i * 3, vector }));
  const queries = randomVectors(40, 2);
  const make = () => UsearchIndex.create({ dir, modelId: 'test-model', dimensions: D });
  const filled = () => { const ix = make(); ix.upsert(data.map((d) => d.paperId), data.map((d) => d.vector)); return ix; };

  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'papersift-ann-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  test('returns the exact nearest neighbours of a small set, nearest first, with cosine similarity', () => {
    const ix = UsearchIndex.create({ dir, modelId: 'test-model', dimensions: D, tuning: { quantization: 'f32' } });
    ix.upsert(data.map((d) => d.paperId), data.map((d) => d.vector));
    assert.equal(ix.size, data.length);
    for (const q of queries) {
      const got = ix.search(q, 10);
      const want = nearestExact(data, q, 10);
      assert.deepEqual(got.map((h) => h.key), want.map((h) => h.key));
      got.forEach((h, i) => assert.ok(Math.abs(h.similarity - want[i]!.similarity) < 1e-5));
    }
  });

  test('with the default f16 vectors, every hit is as near as the exact one at its rank (up to rounding)', () => {
    const ix = filled();
    const byKey = new Map(data.map((d) => [d.paperId, d.vector]));
    for (const q of queries) {
      const want = nearestExact(data, q, 10);
      ix.search(q, 10).forEach((h, i) => {
        assert.ok(Math.abs(cosine(byKey.get(h.key)!, q) - want[i]!.similarity) < 3e-3, `rank ${i}`);
        assert.ok(Math.abs(h.similarity - want[i]!.similarity) < 3e-3);
      });
    }
  });

  test('k larger than the index, k of zero and an empty index', () => {
    const ix = make();
    assert.deepEqual(ix.search(queries[0]!, 5), []);
    ix.upsert([1, 2], [data[0]!.vector, data[1]!.vector]);
    assert.deepEqual(ix.search(data[0]!.vector, 5).map((h) => h.key), [1, 2]);
    assert.deepEqual(ix.search(data[0]!.vector, 0), []);
  });

  test('upsert replaces a vector, keeps the last of repeated keys, and rejects wrong dimensions', () => {
    const ix = filled();
    const key = data[7]!.paperId;
    const fresh = queries[0]!;
    ix.upsert([key, key], [queries[1]!, fresh]);
    assert.equal(ix.size, data.length);
    const top = ix.search(fresh, 1)[0]!;
    assert.equal(top.key, key);
    assert.ok(top.similarity > 0.999);
    assert.ok(!ix.search(data[7]!.vector, 3).some((h) => h.key === key && h.similarity > 0.999), 'the old vector is gone');
    assert.throws(() => ix.upsert([1], [new Float32Array(D + 1)]), /dimensions/);
    assert.throws(() => ix.upsert([1, 2], [fresh]), /keys/);
  });

  test('remove drops vectors and ignores unknown keys', () => {
    const ix = filled();
    const gone = data.slice(0, 50).map((d) => d.paperId);
    ix.remove([...gone, 999_999]);
    assert.equal(ix.size, data.length - 50);
    assert.equal(ix.contains(gone[0]!), false);
    assert.equal(ix.contains(data[60]!.paperId), true);
    const rest = data.slice(50);
    for (const q of queries.slice(0, 10)) assert.deepEqual(ix.search(q, 10).map((h) => h.key), nearestExact(rest, q, 10).map((h) => h.key));
    ix.upsert([gone[0]!], [data[0]!.vector]);
    assert.equal(ix.search(data[0]!.vector, 1)[0]!.key, gone[0]);
  });

  test('save and open round-trip the vectors and the stamp', async () => {
    const ix = filled();
    ix.stamp = { epoch: 'e1', generation: 7, watermark: '2026-01-01T00:00:00.000Z' };
    await ix.save();
    const opened = await UsearchIndex.open({ dir, modelId: 'test-model', dimensions: D });
    assert.equal(opened.status, 'loaded');
    assert.equal(opened.index.size, data.length);
    assert.deepEqual(opened.index.stamp, ix.stamp);
    for (const q of queries) assert.deepEqual(opened.index.search(q, 10), ix.search(q, 10));
    const side = JSON.parse(readFileSync(ix.paths.sidecar, 'utf8'));
    assert.equal(side.modelId, 'test-model');
    assert.equal(side.count, data.length);
    assert.equal(side.stamp.watermark, '2026-01-01T00:00:00.000Z');
  });

  test('an empty index saves and loads', async () => {
    await make().save();
    const opened = await UsearchIndex.open({ dir, modelId: 'test-model', dimensions: D });
    assert.equal(opened.status, 'loaded');
    assert.equal(opened.index.size, 0);
  });

  test('model ids that are not file names are made safe', async () => {
    const ix = UsearchIndex.create({ dir, modelId: '../Xenova/all-MiniLM-L6-v2@q8', dimensions: D });
    assert.equal(join(ix.paths.index, '..'), dir);
    ix.upsert([1], [data[0]!.vector]);
    await ix.save();
    assert.equal((await UsearchIndex.open({ dir, modelId: '../Xenova/all-MiniLM-L6-v2@q8', dimensions: D })).index.size, 1);
  });

  describe('a missing, stale or damaged file means a rebuild, never a crash', () => {
    const open = (o: { modelId?: string; dimensions?: number; quantization?: 'f32' } = {}) =>
      UsearchIndex.open({ dir, modelId: o.modelId ?? 'test-model', dimensions: o.dimensions ?? D, ...(o.quantization ? { tuning: { quantization: o.quantization } } : {}) });
    const saved = async () => { const ix = filled(); await ix.save(); return ix.paths; };
    const expectRebuild = async (status: string, o?: Parameters<typeof open>[0]) => {
      const r = await open(o);
      assert.equal(r.status, status, r.reason);
      assert.equal(r.index.size, 0);
      assert.ok(r.reason);
      const unit = new Float32Array(r.index.dimensions).fill(1);
      r.index.upsert([1], [unit]);
      assert.equal(r.index.search(unit, 1)[0]!.key, 1);
    };

    test('missing', async () => { await expectRebuild('missing'); });
    test('another model, dimensions or tuning', async () => {
      await saved();
      writeFileSync(join(dir, 'other.usearch.json'), '');
      await expectRebuild('stale', { dimensions: D + 8 });
      await expectRebuild('stale', { quantization: 'f32' });
    });
    test('sidecar of another model under this name', async () => {
      const p = await saved();
      const side = JSON.parse(readFileSync(p.sidecar, 'utf8'));
      writeFileSync(p.sidecar, JSON.stringify({ ...side, modelId: 'other' }));
      await expectRebuild('stale');
    });
    test('sidecar is garbage, the wrong shape, or from a future format', async () => {
      const p = await saved();
      const side = JSON.parse(readFileSync(p.sidecar, 'utf8'));
      writeFileSync(p.sidecar, '{"format": 1, "modelId"');
      await expectRebuild('corrupt');
      writeFileSync(p.sidecar, JSON.stringify({ ...side, count: 'many' }));
      await expectRebuild('corrupt');
      writeFileSync(p.sidecar, JSON.stringify({ ...side, format: 99 }));
      await expectRebuild('stale');
    });
    test('index file garbage, truncated, flipped or gone', async () => {
      const p = await saved();
      const good = readFileSync(p.index);
      writeFileSync(p.index, 'garbage that would make the native loader abort the process');
      await expectRebuild('corrupt');
      writeFileSync(p.index, good.subarray(0, good.length - 100));
      await expectRebuild('corrupt');
      const flipped = Buffer.from(good);
      flipped[Math.floor(good.length / 2)]! ^= 0xff;
      writeFileSync(p.index, flipped);
      await expectRebuild('corrupt');
      rmSync(p.index);
      await expectRebuild('corrupt');
    });
    test('sidecar count disagrees with a file that passes the checksum', async () => {
      const p = await saved();
      const side = JSON.parse(readFileSync(p.sidecar, 'utf8'));
      writeFileSync(p.sidecar, JSON.stringify({ ...side, count: side.count + 1 }));
      await expectRebuild('corrupt');
    });
  });
});
