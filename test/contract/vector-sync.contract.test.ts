import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { PaperRecord } from '../../src/core/paper.js';
import type { EmbedText, Embedder } from '../../src/index/embedder.js';
import { cosine } from '../../src/index/vectors/exact.js';
import { ConcurrentSyncError, readSyncState } from '../../src/index/vectors/sync-state.js';
import { UsearchIndex } from '../../src/index/vectors/usearch-index.js';
import { openVectorIndex, rebuildIndex, syncVectors } from '../../src/index/vectors/vector-sync.js';
import { decodeVector, encodeVector, vectorPages, writeVectors } from '../../src/index/vectors/vector-table.js';
import type { Store } from '../../src/store/store.js';
import { buildPaper } from '../support/factories.js';
import { HashEmbedder } from '../support/hash-embedder.js';
import { testBackends, type TestBackend } from '../support/test-store.js';

/**
 * Vector sync on both backends: incremental (only new and changed papers are embedded),
 * resumable (an embedder failing partway leaves a state a rerun finishes, with the same store
 * and index as one uninterrupted run) and self-healing (a stale or damaged index file is
 * caught up or rebuilt from the store).
 */
const backends = await testBackends();
const D = 16;
const WORDS = 'quantum graph neural lattice gauge string kernel sparse bayesian galaxy protein market spectral random convex robust'.split(' ');
const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-02-01T00:00:00.000Z';
const T3 = '2026-03-01T00:00:00.000Z';

/** Papers with distinct word mixes, so their hash vectors differ. */
function papers(n: number, from = 0): PaperRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    const w = (j: number) => WORDS[(k * (j + 3) + j) % WORDS.length]!;
    return buildPaper({ title: `${w(0)} ${w(1)} methods ${k}`, abstract: `We relate ${w(2)} and ${w(3)} to ${w(4)} ${w(5)}.` });
  });
}

/** Writes papers through the store's batch writer at time `now`. */
async function write(store: Store, items: PaperRecord[], now: string): Promise<void> {
  const run = await store.runs.start('test', `k-${now}-${Math.random()}`, {}, now);
  await store.writer.writePapers(run, { items, failures: [], checkpoint: null }, now);
}

/** A model's stored vectors as paper id → hex bytes. */
async function storedVectors(store: Store, modelId: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for await (const page of vectorPages(store.db, modelId)) for (const v of page) out.set(v.paperId, encodeVector(v.vector).toString('hex'));
  return out;
}

/** An embedder that throws on its `failOn`-th call (a process killed partway through a sync). */
class Interrupting implements Embedder {
  calls = 0;
  constructor(readonly inner: HashEmbedder, readonly failOn: number) {}
  get modelId(): string { return this.inner.modelId; }
  get dimensions(): number { return this.inner.dimensions; }
  async embedDocuments(docs: readonly EmbedText[]): Promise<Float32Array[]> {
    if (++this.calls === this.failOn) throw new Error('interrupted');
    return this.inner.embedDocuments(docs);
  }
  embedQuery(q: string): Promise<Float32Array> { return this.inner.embedQuery(q); }
}

for (const backend of backends) {
  describe(`vector sync: ${backend.name}`, { skip: backend.skip }, () => {
    const fresh = freshStores(backend);
    const index = (dir: string, modelId: string) => UsearchIndex.create({ dir, modelId, dimensions: D });

    test('the first sync embeds every paper, the second nothing, then only new and changed papers', async () => {
      const { store, dir } = await fresh();
      const ps = papers(30);
      await write(store, ps.slice(0, 20), T1);
      await write(store, ps.slice(20), T2);
      const emb = new HashEmbedder(D, 'hash-a');
      const ix = index(dir, emb.modelId);
      const progress: [number, number][] = [];
      const r1 = await syncVectors(store, emb, ix, { batchSize: 7, onProgress: (d, t) => progress.push([d, t]) });
      assert.deepEqual(r1, { embedded: 30, repair: 'none', vectors: 30, watermark: T2 });
      assert.deepEqual(progress, [[0, 30], [7, 30], [14, 30], [21, 30], [28, 30], [30, 30]]);
      const stored = await storedVectors(store, emb.modelId);
      assert.equal(stored.size, 30);
      const byArxiv = await idsByArxiv(store);
      for (const p of ps) {
        const v = emb.vector(`${p.title} ${p.abstract}`);
        assert.equal(stored.get(byArxiv.get(p.arxivId)!), encodeVector(v).toString('hex'));
        assert.equal(ix.search(v, 1)[0]!.key, byArxiv.get(p.arxivId));
      }

      const r2 = await syncVectors(store, emb, ix);
      assert.deepEqual(r2, { embedded: 0, repair: 'none', vectors: 30, watermark: T2 });
      assert.equal(emb.embedded, 30);

      const changed: PaperRecord = { ...ps[4]!, title: 'galaxy galaxy galaxy survey', versions: [...ps[4]!.versions, { version: 2, createdAt: '2026-02-20T00:00:00.000Z' }], updated: '2026-02-20' };
      const added = papers(1, 100);
      await write(store, [changed, ...added], T3);
      const r3 = await syncVectors(store, emb, ix);
      assert.deepEqual(r3, { embedded: 2, repair: 'none', vectors: 31, watermark: T3 });
      const v = emb.vector(`${changed.title} ${changed.abstract}`);
      const id = byArxiv.get(changed.arxivId)!;
      assert.equal((await storedVectors(store, emb.modelId)).get(id), encodeVector(v).toString('hex'));
      assert.deepEqual(ix.search(v, 1).map((h) => h.key), [id]);

      const reopened = await openVectorIndex(store, emb.modelId, D, dir);
      assert.equal(reopened.repair, 'none', reopened.reason);
      assert.equal(reopened.index.size, 31);
      assert.deepEqual(reopened.index.stamp?.watermark, T3);
    });

    test('an interrupted sync resumes to the same store and index as an uninterrupted one', async () => {
      const { store, dir } = await fresh();
      await write(store, papers(23), T1);
      const whole = new HashEmbedder(D, 'hash-whole');
      const wholeIx = index(dir, whole.modelId);
      await syncVectors(store, whole, wholeIx, { batchSize: 5 });

      const part = new Interrupting(new HashEmbedder(D, 'hash-part'), 3);
      const partIx = index(dir, part.modelId);
      await assert.rejects(syncVectors(store, part, partIx, { batchSize: 5 }), /interrupted/);
      assert.equal((await storedVectors(store, part.modelId)).size, 10);
      assert.deepEqual((await readSyncState(store.db, part.modelId))?.run?.horizon, T1);
      const r = await syncVectors(store, part, partIx, { batchSize: 5 });
      assert.deepEqual(r, { embedded: 13, repair: 'none', vectors: 23, watermark: T1 });
      assert.equal(part.inner.embedded, 23, 'no paper embedded twice');
      await assertSame(store, whole.modelId, wholeIx, part.modelId, partIx);
    });

    test('a sync killed before saving is finished by a new process: the index file is caught up from the store, then synced', async () => {
      const { store, dir } = await fresh();
      await write(store, papers(12), T1);
      const whole = new HashEmbedder(D, 'hash-whole');
      const wholeIx = index(dir, whole.modelId);
      const part = new Interrupting(new HashEmbedder(D, 'hash-part'), 5);
      await syncVectors(store, whole, wholeIx, { batchSize: 4 });
      await syncVectors(store, part, index(dir, part.modelId), { batchSize: 4 });
      await write(store, papers(14, 50), T2);
      await syncVectors(store, whole, wholeIx, { batchSize: 4 });
      await assert.rejects(syncVectors(store, part, index(dir, part.modelId), { batchSize: 4 }), /interrupted/);

      const opened = await openVectorIndex(store, part.modelId, D, dir);
      assert.equal(opened.status, 'loaded');
      assert.equal(opened.repair, 'caught-up', 'the file on disk is behind the store');
      assert.equal(opened.index.size, 12 + 4);
      const r = await syncVectors(store, part.inner, opened.index, { batchSize: 4 });
      assert.deepEqual(r, { embedded: 10, repair: 'none', vectors: 26, watermark: T2 });
      await assertSame(store, whole.modelId, wholeIx, part.modelId, opened.index);
      const again = await openVectorIndex(store, part.modelId, D, dir);
      assert.equal(again.repair, 'none');
      await assertSame(store, whole.modelId, wholeIx, part.modelId, again.index);
    });

    test('a crash after a sync committed but before it saved: the old file is caught up, or refilled when the store disagrees with it', async () => {
      const { store, dir } = await fresh();
      const ps = papers(10);
      await write(store, ps, T1);
      const emb = new HashEmbedder(D, 'hash-k');
      await syncVectors(store, emb, index(dir, emb.modelId));
      const paths = index(dir, emb.modelId).paths;
      const old = { index: readFileSync(paths.index), sidecar: readFileSync(paths.sidecar) };
      const changed: PaperRecord = { ...ps[2]!, title: 'protein protein folding', versions: [...ps[2]!.versions, { version: 2, createdAt: '2026-01-20T00:00:00.000Z' }], updated: '2026-01-20' };
      await write(store, [changed, ...papers(3, 70)], T2);
      const live = (await openVectorIndex(store, emb.modelId, D, dir)).index;
      await syncVectors(store, emb, live);
      const restore = () => { writeFileSync(paths.index, old.index); writeFileSync(paths.sidecar, old.sidecar); };

      restore();
      const caught = await openVectorIndex(store, emb.modelId, D, dir);
      assert.deepEqual([caught.status, caught.repair, caught.index.size, caught.index.stamp?.watermark], ['loaded', 'caught-up', 13, T2]);
      const v = emb.vector(`${changed.title} ${changed.abstract}`);
      assert.ok(caught.index.search(v, 1)[0]!.similarity > 0.99, 'the changed paper has its new vector');
      for (const q of vectorsOf(emb, 13)) assert.deepEqual(similarities(caught.index, q), similarities(live, q));
      assert.equal((await openVectorIndex(store, emb.modelId, D, dir)).repair, 'none', 'the caught-up file was saved');

      restore();
      await store.db.deleteFrom('paper_vectors').where('model_id', '=', emb.modelId).where('paper_id', '=', await firstId(store)).execute();
      const refilled = await openVectorIndex(store, emb.modelId, D, dir);
      assert.deepEqual([refilled.repair, refilled.index.size], ['refilled', 12]);
    });

    test('syncing with an index that is behind the store refills it first', async () => {
      const { store, dir } = await fresh();
      await write(store, papers(9), T1);
      const emb = new HashEmbedder(D, 'hash-r');
      const ix = index(dir, emb.modelId);
      await syncVectors(store, emb, ix);
      const empty = index(dir, emb.modelId);
      const r = await syncVectors(store, emb, empty);
      assert.deepEqual(r, { embedded: 0, repair: 'refilled', vectors: 9, watermark: T1 });
      for (const q of vectorsOf(emb, 9)) assert.deepEqual(similarities(empty, q), similarities(ix, q));
    });

    test('a damaged or stale index file is rebuilt from the store, never a crash', async () => {
      const { store, dir } = await fresh();
      await write(store, papers(11), T1);
      const emb = new HashEmbedder(D, 'hash-c');
      const ix = index(dir, emb.modelId);
      await syncVectors(store, emb, ix);
      writeFileSync(ix.paths.index, 'not an index');
      const broken = await openVectorIndex(store, emb.modelId, D, dir);
      assert.deepEqual([broken.status, broken.repair, broken.index.size], ['corrupt', 'refilled', 11]);
      writeFileSync(ix.paths.sidecar, '{ truncated');
      const garbled = await openVectorIndex(store, emb.modelId, D, dir);
      assert.deepEqual([garbled.status, garbled.repair, garbled.index.size], ['corrupt', 'refilled', 11]);
      const ok = await openVectorIndex(store, emb.modelId, D, dir);
      assert.deepEqual([ok.status, ok.repair], ['loaded', 'none']);
      for (const q of vectorsOf(emb, 11)) assert.deepEqual(similarities(ok.index, q), similarities(ix, q));
      const rebuilt = await rebuildIndex(store, emb.modelId, D, dir, { onProgress: () => undefined });
      assert.equal(rebuilt.size, 11);
    });

    test('a second sync of the same model running at the same time is refused', async () => {
      const { store, dir } = await fresh();
      await write(store, papers(8), T1);
      const emb = new HashEmbedder(D, 'hash-x');
      const other = index(dir, emb.modelId);
      let nested: Promise<unknown> | undefined;
      const racing: Embedder = {
        modelId: emb.modelId, dimensions: D, embedQuery: (q) => emb.embedQuery(q),
        embedDocuments: async (docs) => { nested ??= syncVectors(store, emb, other); await nested; return emb.embedDocuments(docs); },
      };
      await assert.rejects(syncVectors(store, racing, index(dir, emb.modelId), { batchSize: 3 }), ConcurrentSyncError);
      assert.equal((await storedVectors(store, emb.modelId)).size, 8);
    });

    test('an empty store syncs to nothing; a mismatched embedder is refused', async () => {
      const { store, dir } = await fresh();
      const emb = new HashEmbedder(D, 'hash-e');
      assert.deepEqual(await syncVectors(store, emb, index(dir, emb.modelId)), { embedded: 0, repair: 'none', vectors: 0, watermark: null });
      const stray = index(dir, emb.modelId);
      stray.upsert([1, 2], [emb.vector('quantum'), emb.vector('graph')]);
      assert.deepEqual(await syncVectors(store, emb, stray), { embedded: 0, repair: 'refilled', vectors: 0, watermark: null });
      const reopened = await openVectorIndex(store, emb.modelId, D, dir);
      assert.deepEqual([reopened.status, reopened.repair, reopened.index.size, reopened.index.stamp], ['loaded', 'none', 0, null]);
      await assert.rejects(syncVectors(store, new HashEmbedder(D + 1, 'hash-e'), index(dir, emb.modelId)), /embedder/);
      await assert.rejects(syncVectors(store, emb, index(dir, 'other')), /embedder/);
    });

    test('papers whose vector went missing are embedded again even when unchanged', async () => {
      const { store, dir } = await fresh();
      await write(store, papers(5), T1);
      const emb = new HashEmbedder(D, 'hash-m');
      const ix = index(dir, emb.modelId);
      await syncVectors(store, emb, ix);
      await store.db.deleteFrom('paper_vectors').where('model_id', '=', emb.modelId).where('paper_id', '=', (await firstId(store))).execute();
      await writeVectors(store.db, 'unrelated', [{ paperId: 1, vector: new Float32Array(D) }]);
      const r = await syncVectors(store, emb, ix);
      assert.equal(r.embedded, 1);
      assert.equal((await storedVectors(store, emb.modelId)).size, 5);
    });
  });
}

/**
 * Both models hold the same vectors for the same papers and the same state, and both indexes
 * hold exactly those vectors: every paper, and for each query the same similarities (hash
 * vectors tie often, so keys of equal similarity may come in either order), each of which is
 * the cosine of the stored vector of the key returned.
 */
async function assertSame(store: Store, modelA: string, a: UsearchIndex, modelB: string, b: UsearchIndex): Promise<void> {
  const stored = await storedVectors(store, modelA);
  assert.deepEqual(await storedVectors(store, modelB), stored);
  const [sa, sb] = [await readSyncState(store.db, modelA), await readSyncState(store.db, modelB)];
  assert.deepEqual([sb?.watermark, sb?.run], [sa?.watermark, sa?.run]);
  assert.equal(b.size, a.size);
  assert.equal(b.size, stored.size);
  const vectors = new Map([...stored].map(([id, hex]) => [id, decodeVector(Buffer.from(hex, 'hex'))]));
  for (const id of vectors.keys()) assert.ok(a.contains(id) && b.contains(id), `paper ${id} is in both indexes`);
  for (const q of vectors.values()) {
    assert.deepEqual(similarities(b, q), similarities(a, q));
    for (const h of b.search(q, 5)) assert.ok(Math.abs(h.similarity - cosine(vectors.get(h.key)!, q)) < 3e-3);
  }
}

/** The top-5 similarities of a query, rounded. */
function similarities(index: UsearchIndex, q: Float32Array): string[] {
  return index.search(q, 5).map((h) => h.similarity.toFixed(2));
}

function vectorsOf(emb: HashEmbedder, n: number): Float32Array[] {
  return Array.from({ length: n }, (_, i) => emb.vector(`${WORDS[i % WORDS.length]} ${WORDS[(i * 5) % WORDS.length]}`));
}

async function idsByArxiv(store: Store): Promise<Map<string, number>> {
  const rows = await store.db.selectFrom('papers').select(['id', 'arxiv_id']).execute();
  return new Map(rows.map((r) => [r.arxiv_id, r.id]));
}

async function firstId(store: Store): Promise<number> {
  return (await store.db.selectFrom('papers').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
}

/** A fresh store and index directory per test, all disposed after the suite. */
function freshStores(backend: TestBackend): () => Promise<{ store: Store; dir: string }> {
  const disposers: (() => Promise<void>)[] = [];
  after(async () => { for (const d of disposers) await d(); });
  return async () => {
    const t = await backend.create();
    const dir = mkdtempSync(join(tmpdir(), 'papersift-vectors-'));
    disposers.push(async () => { await t.dispose(); rmSync(dir, { recursive: true, force: true }); });
    return { store: t.store, dir };
  };
}
