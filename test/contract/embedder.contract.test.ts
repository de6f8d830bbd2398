import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dot, type Embedder, type EmbedText } from '../../src/index/embedder.js';
import { arrayCorpus } from '../../src/index/embed/corpus.js';
import { LsaEmbedder } from '../../src/index/embed/lsa-embedder.js';
import { fitLsa } from '../../src/index/embed/lsa-fit.js';
import { openTransformerEmbedder } from '../../src/index/embed/transformer-embedder.js';
import { hepthSnapshot } from '../support/convert.js';
import { take } from '../support/snapshot-files.js';

/**
 * The Embedder contract: every implementation (the built-in LSA model fitted on real hep-th
 * abstracts, and the transformer on the random-weight BERT fixture) must give finite unit
 * vectors of its stated length, in input order, the same batched as one by one and from two
 * separately made instances, and must cope with empty, long and very long text.
 */
const FIXTURE = fileURLToPath(new URL('../../../shared/models/random-bert-tiny-fixture', import.meta.url));
const papers: EmbedText[] = (await take(hepthSnapshot(), 3040)).map((o) => ({ title: String(o['title']), abstract: String(o['abstract']) }));
const corpus = papers.slice(0, 3000);
/** Papers the LSA model was not fitted on. */
const docs = papers.slice(3000, 3024);

interface Subject {
  name: string;
  /** Makes a fresh, independent instance. */
  make(): Promise<Embedder>;
}

const subjects: Subject[] = [
  { name: 'built-in LSA (3,000 hep-th abstracts)', make: async () => new LsaEmbedder((await fitLsa(arrayCorpus(corpus), { dimensions: 96 })).model) },
  { name: 'transformer q8 (random-weight fixture)', make: () => openTransformerEmbedder({ model: FIXTURE, batchSize: 4 }) },
];

/** Largest absolute difference between two vectors. */
function maxDiff(a: Float32Array, b: Float32Array): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

function assertUnit(v: Float32Array, dimensions: number, what: string): void {
  assert.equal(v.length, dimensions, `${what}: length`);
  assert.ok(v.every(Number.isFinite), `${what}: finite`);
  assert.ok(Math.abs(Math.sqrt(dot(v, v)) - 1) < 1e-5, `${what}: norm ${Math.sqrt(dot(v, v))}`);
}

/** Tolerance for batched vs single: quantised models scale activations per batch (q8 dynamic quantisation). */
const BATCH_TOLERANCE = 1e-3;

for (const subject of subjects) {
  describe(`Embedder contract: ${subject.name}`, () => {
    let e: Embedder;
    let vectors: Float32Array[];
    before(async () => {
      e = await subject.make();
      vectors = await e.embedDocuments(docs);
    });

    test('has a model id and a positive dimension, and gives one finite unit vector per document', () => {
      assert.ok(e.modelId.length > 0);
      assert.ok(Number.isInteger(e.dimensions) && e.dimensions > 0);
      assert.equal(vectors.length, docs.length);
      vectors.forEach((v, i) => assertUnit(v, e.dimensions, `doc ${i}`));
    });

    test('keeps input order', async () => {
      const reversed = await e.embedDocuments([...docs].reverse());
      reversed.reverse().forEach((v, i) => assert.ok(maxDiff(v, vectors[i]!) < BATCH_TOLERANCE, `doc ${i}`));
      assert.ok(dot(vectors[0]!, vectors[1]!) < 0.9999, 'documents differ, so order is observable');
    });

    test('a batch equals one-by-one embedding', async () => {
      for (let i = 0; i < docs.length; i++) {
        const [single] = await e.embedDocuments([docs[i]!]);
        assert.ok(maxDiff(single!, vectors[i]!) < BATCH_TOLERANCE, `doc ${i}: ${maxDiff(single!, vectors[i]!)}`);
      }
    });

    test('two separately made instances agree', async () => {
      const other = await subject.make();
      assert.equal(other.modelId, e.modelId);
      const again = await other.embedDocuments(docs);
      again.forEach((v, i) => assert.ok(maxDiff(v, vectors[i]!) < 1e-6, `doc ${i}`));
    });

    test('empty and whitespace-only text give a finite vector of the right length', async () => {
      const out = await e.embedDocuments([{ title: '', abstract: '' }, { title: '  ', abstract: '\n\t ' }]);
      for (const v of out) {
        assert.equal(v.length, e.dimensions);
        assert.ok(v.every(Number.isFinite));
        const n = Math.sqrt(dot(v, v));
        assert.ok(n === 0 || Math.abs(n - 1) < 1e-5, `norm ${n} is 0 (nothing known) or 1`);
      }
      assert.equal((await e.embedQuery('   ')).length, e.dimensions);
    });

    test('a 3,000-character abstract and a 10,000-token text embed', async () => {
      let long = '';
      for (const p of papers) if ((long += ` ${p.abstract}`).length >= 3000) break;
      const huge = Array.from({ length: 10_000 }, (_, i) => papers[i % papers.length]!.title.split(' ')[0] ?? 'string').join(' ');
      const [a, b] = await e.embedDocuments([{ title: docs[0]!.title, abstract: long.slice(0, 3000) }, { title: 'Long', abstract: huge }]);
      assertUnit(a!, e.dimensions, '3,000 characters');
      assertUnit(b!, e.dimensions, '10,000 tokens');
    });

    test('a query embeds to a unit vector of the same length', async () => {
      assertUnit(await e.embedQuery('black hole entropy in string theory'), e.dimensions, 'query');
    });
  });
}
