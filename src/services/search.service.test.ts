import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { StoredSemanticIndex } from '../index/semantic-index.js';
import { UsearchIndex } from '../index/vectors/usearch-index.js';
import { syncVectors } from '../index/vectors/vector-sync.js';
import type { Store } from '../store/store.js';
import { buildPaper } from '../../test/support/factories.js';
import { HashEmbedder } from '../../test/support/hash-embedder.js';
import { createSqliteTestStore, type TestStore } from '../../test/support/test-store.js';
import { looksLikeName, searchDeps, searchPapers, type SearchDeps } from './search.service.js';
import { moreLikeThese, similarPapers } from './similar.service.js';

/**
 * Search and similar papers over a real SQLite store, a real usearch index and a small real
 * embedder (word hashing): the modes, fusion, filters, id shortcut, validation, fallbacks and
 * explanations. Expected results follow from the made-up papers' words.
 */
const topics = {
  quantum: ['quantum error correction codes', 'surface code decoders for quantum error correction', 'fault tolerant quantum computing with codes'],
  vision: ['image segmentation with convolutional networks', 'semantic segmentation of street images', 'panoptic image segmentation benchmark'],
  text: ['machine translation with attention', 'neural machine translation for low resource languages', 'attention based translation models'],
};
const papers = Object.entries(topics).flatMap(([topic, titles]) => titles.map((t, i) => buildPaper({
  title: t, abstract: `We study ${t}. ${topic} ${topic}.`, categories: [topic === 'quantum' ? 'quant-ph' : topic === 'vision' ? 'cs.CV' : 'cs.CL'],
  authorNames: [`Author ${topic} ${i}`, i === 0 ? 'Milad Kazemi' : 'Ada Lovelace'], firstListed: `2025-0${i + 1}-10`,
})));

describe('search and similar papers (SQLite, usearch, hash embedder)', () => {
  let t: TestStore;
  let store: Store;
  let deps: SearchDeps;
  let dir: string;
  before(async () => {
    t = await createSqliteTestStore();
    store = t.store;
    dir = mkdtempSync(join(tmpdir(), 'papersift-ann-'));
    const run = await store.runs.start('test', 'search', {}, '2026-01-01T00:00:00Z');
    await store.writer.writePapers(run, { items: papers, failures: [], checkpoint: null }, '2026-01-01T00:00:00Z');
    const keyword = searchDeps(store).keyword;
    await keyword.refresh();
    const embedder = new HashEmbedder(64);
    const index = UsearchIndex.create({ dir, modelId: embedder.modelId, dimensions: embedder.dimensions, threads: 1 });
    await syncVectors(store, embedder, index);
    const words = (t: { title: string }) => t.title.split(' ').filter((w) => w.length > 3);
    const terms = { shared: (a: { title: string }, b: { title: string }, n: number) => words(a).filter((w) => b.title.includes(w)).slice(0, n), top: (t: { title: string }, n: number) => words(t).slice(0, n) };
    deps = { store, keyword, semantic: new StoredSemanticIndex(store, embedder, index, terms) };
  });
  after(async () => { await t.dispose(); rmSync(dir, { recursive: true, force: true }); });

  test('keyword mode ranks word matches and says where they matched', async () => {
    const r = await searchPapers(deps, { q: 'segmentation', mode: 'keyword' });
    assert.equal(r.mode, 'keyword');
    assert.equal(r.total, 3);
    assert.deepEqual(new Set(r.hits.map((h) => h.paper.title)), new Set(topics.vision));
    assert.ok(r.hits.every((h) => h.why[0]!.startsWith('matches in title')));
  });

  test('semantic mode finds papers by meaning, each with its similarity', async () => {
    const r = await searchPapers(deps, { q: 'quantum codes', mode: 'semantic', pageSize: 3 });
    assert.equal(r.hits.length, 3);
    assert.deepEqual(new Set(r.hits.map((h) => h.paper.title)), new Set(topics.quantum));
    assert.match(r.hits[0]!.why[0]!, /^similar in meaning \(0\.\d\d\)$/);
  });

  test('hybrid (the default) fuses both lists and names each rank', async () => {
    const r = await searchPapers(deps, { q: 'machine translation' });
    assert.equal(r.mode, 'hybrid');
    assert.ok(topics.text.includes(r.hits[0]!.paper.title));
    assert.match(r.hits[0]!.why[0]!, /keyword #\d+ · semantic #\d+|semantic #\d+ · keyword #\d+/);
  });

  test('filters apply to every mode', async () => {
    for (const mode of ['keyword', 'semantic', 'hybrid']) {
      const r = await searchPapers(deps, { q: 'segmentation OR translation OR quantum', mode, category: 'cs.CL' });
      assert.ok(r.hits.length > 0, mode);
      for (const h of r.hits) assert.ok(h.paper.categories.includes('cs.CL'), `${mode}: ${h.paper.title}`);
      const dated = await searchPapers(deps, { q: 'segmentation', mode, from: '2025-02-01', to: '2025-02-28' });
      for (const h of dated.hits) assert.equal(h.paper.date, '2025-02-10', mode);
    }
    const byAuthor = await searchPapers(deps, { q: 'segmentation', mode: 'keyword', author: 'Kazemi, M.' });
    assert.deepEqual(byAuthor.authorFilter.map((a) => a.key), ['milad-kazemi']);
    assert.deepEqual(byAuthor.hits.map((h) => h.paper.title), [topics.vision[0]]);
  });

  test('an arXiv id in any spelling goes straight to the paper', async () => {
    const r = await searchPapers(deps, { q: `https://arxiv.org/abs/${papers[4]!.arxivId}v3` });
    assert.deepEqual(r.hits.map((h) => [h.paper.arxivId, h.why[0]]), [[papers[4]!.arxivId, 'arXiv id']]);
  });

  test('without vectors, semantic and hybrid fall back to keyword and say so', async () => {
    const r = await searchPapers({ ...deps, semantic: null }, { q: 'segmentation', mode: 'semantic' });
    assert.equal(r.mode, 'keyword');
    assert.match(r.notice ?? '', /not ready/);
    assert.equal(r.total, 3);
  });

  test('bad input names its field', async () => {
    await assert.rejects(searchPapers(deps, { q: 'x', mode: 'psychic' }), /mode/);
    await assert.rejects(searchPapers(deps, { q: 'x', category: 'cs.NOPE' }), /category/);
    await assert.rejects(searchPapers(deps, { q: 'x', from: '2025-02-30' }), /from/);
    await assert.rejects(searchPapers(deps, { q: 'x'.repeat(501) }), /\bq\b/);
    await assert.rejects(searchPapers(deps, { q: 'x', page: 0 }), /page/);
  });

  test('similar papers: same topic first, with shared terms, never the paper itself', async () => {
    const seed = papers[0]!;
    const similar = await similarPapers(deps, seed.arxivId, 2);
    assert.equal(similar.length, 2);
    for (const s of similar) {
      assert.ok(topics.quantum.includes(s.paper.title), s.paper.title);
      assert.notEqual(s.paper.arxivId, seed.arxivId);
    }
    assert.ok(similar.some((s) => s.why[0]?.startsWith('shares: ')));
    assert.deepEqual(await similarPapers({ ...deps, semantic: null }, seed.arxivId), []);
    await assert.rejects(similarPapers(deps, '2501.99999'), /not found|2501\.99999/);
  });

  test('more like these: near any seed, seeds excluded, each names its closest seed', async () => {
    const seeds = [papers[0]!.arxivId, papers[3]!.arxivId];
    const list = await moreLikeThese(deps, seeds, 4);
    assert.equal(list.length, 4);
    for (const s of list) {
      assert.ok(!seeds.includes(s.paper.arxivId));
      assert.ok(seeds.includes(s.closestTo!));
      const topic = topics.quantum.includes(s.paper.title) ? 0 : topics.vision.includes(s.paper.title) ? 3 : -1;
      assert.equal(s.closestTo, papers[topic]?.arxivId, `${s.paper.title} is closest to its own topic's seed`);
      assert.match(s.why[0]!, /^closest to: /);
    }
    await assert.rejects(moreLikeThese(deps, []), /ids/);
    await assert.rejects(moreLikeThese(deps, ['not-an-id']), /ids/);
  });

  test('name-like queries are recognised', () => {
    for (const q of ['Yang Liu', 'Kazemi, M.', 'de Witt, C.']) assert.ok(looksLikeName(q), q);
    for (const q of ['graph neural networks', 'transformers', 'Gaussian']) assert.ok(!looksLikeName(q), q);
  });
});
