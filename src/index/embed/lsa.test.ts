import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { csDailySnapshot } from '../../../test/support/convert.js';
import { take } from '../../../test/support/snapshot-files.js';
import { dot, type EmbedText } from '../embedder.js';
import { arrayCorpus } from './corpus.js';
import { LsaEmbedder, sharedTerms, topTerms } from './lsa-embedder.js';
import { fitLsa, inSample, type FitPhase, type LsaFit } from './lsa-fit.js';
import { deserializeLsaModel, serializeLsaModel } from './lsa-model.js';
import { TermCounter } from './term-counter.js';
import { TermIndex } from './term-index.js';
import { tokenStream } from './tokenize.js';

/** The first `n` real CS abstracts. */
async function csAbstracts(n: number): Promise<EmbedText[]> {
  return (await take(csDailySnapshot(), n)).map((o) => ({ title: String(o['title']), abstract: String(o['abstract']) }));
}

describe('TermCounter and TermIndex', () => {
  const docs = ['graph neural networks for molecules', 'graph neural networks scale', 'neural networks and graph theory', 'graph theory basics'];
  const counter = new TermCounter();
  for (const d of docs) counter.add(tokenStream(d));

  test('keeps words and adjacent pairs within [minDf, maxDf], most frequent first, capped', () => {
    const v = counter.select({ minDf: 2, maxDf: 1, maxFeatures: 100, bigrams: true });
    assert.deepEqual(v.terms, ['graph', 'networks', 'neural', 'neural networks', 'graph neural', 'graph theory', 'theory']);
    assert.deepEqual([...v.df], [4, 3, 3, 3, 2, 2, 2]);
    assert.deepEqual(counter.select({ minDf: 2, maxDf: 0.9, maxFeatures: 3, bigrams: false }).terms, ['networks', 'neural', 'theory']);
  });

  test('weighs text by sublinear tf × idf, L2-normalised; unknown text gives an empty vector', () => {
    const index = new TermIndex(['graph', 'neural', 'graph neural'], Float32Array.from([1, 2, 3]));
    const v = index.weigh('Graph neural graph, graph.');
    const byTerm = Object.fromEntries(Array.from(v.cols.subarray(0, v.length), (c, i) => [index.terms[c], v.weights[i]]));
    const raw = { graph: 1 + Math.log(3), neural: 2, 'graph neural': 3 };
    const norm = Math.hypot(...Object.values(raw));
    for (const [t, w] of Object.entries(raw)) assert.ok(Math.abs(byTerm[t]! - w / norm) < 1e-6, t);
    assert.equal(index.weigh('nothing known here').length, 0);
  });
});

describe('LSA fit, embedder and explanations (2,000 real CS abstracts)', () => {
  let docs: EmbedText[];
  let fit: LsaFit;
  const phases: FitPhase[] = [];
  before(async () => {
    docs = await csAbstracts(2000);
    fit = await fitLsa(arrayCorpus(docs), { dimensions: 64, onProgress: (done, total, phase) => { if (phases.at(-1) !== phase) phases.push(phase); assert.ok(done <= total); } });
  });

  test('fits the requested dimensions and reports its work', () => {
    assert.equal(fit.model.dimensions, 64);
    assert.match(fit.model.id, /^lsa-64-[0-9a-f]{8}$/);
    assert.equal(fit.sampleSize, 2000);
    assert.ok(fit.vocabularySize > 1000 && fit.vocabularySize === fit.model.index.size);
    assert.deepEqual(phases, ['read', 'weigh', 'svd']);
    const sv = [...fit.model.singularValues];
    assert.deepEqual(sv, [...sv].sort((a, b) => b - a), 'singular values descend');
  });

  test('the same corpus gives the same model (id and bytes)', async () => {
    const again = await fitLsa(arrayCorpus(docs), { dimensions: 64 });
    assert.equal(again.model.id, fit.model.id);
    assert.deepEqual(serializeLsaModel(again.model), serializeLsaModel(fit.model));
  });

  test('samples evenly and deterministically when the corpus exceeds maxDocs', async () => {
    const picked = Array.from({ length: 10 }, (_, r) => inSample(r, 4, 10));
    assert.equal(picked.filter(Boolean).length, 4);
    const small = await fitLsa(arrayCorpus(docs), { dimensions: 16, maxDocs: 500 });
    assert.equal(small.sampleSize, 500);
    assert.equal(small.corpusSize, 2000);
    assert.equal((await fitLsa(arrayCorpus(docs), { dimensions: 16, maxDocs: 500 })).model.id, small.model.id);
  });

  test('serialisation round-trips to the same vectors and id', async () => {
    const copy = deserializeLsaModel(serializeLsaModel(fit.model));
    assert.equal(copy.id, fit.model.id);
    assert.deepEqual(await new LsaEmbedder(copy).embedDocuments(docs.slice(0, 20)), await new LsaEmbedder(fit.model).embedDocuments(docs.slice(0, 20)));
    assert.throws(() => deserializeLsaModel(new Uint8Array(100)), /not a serialised LSA model/);
    assert.throws(() => deserializeLsaModel(serializeLsaModel(fit.model).subarray(0, 5000)), /truncated/);
  });

  test('a paper is nearer to a paper on its topic than to one on another topic', async () => {
    const e = new LsaEmbedder(fit.model);
    const [a, b, c] = await e.embedDocuments([
      { title: 'Gaussian splatting for dynamic scene reconstruction', abstract: 'We render 3D Gaussian splats of dynamic scenes from multi-view video.' },
      { title: 'Real-time 3D Gaussian splatting of large scenes', abstract: 'Novel view synthesis with Gaussian splatting and scene reconstruction.' },
      { title: 'Large language models for code generation', abstract: 'We evaluate LLM agents that write and repair programs.' },
    ]);
    assert.ok(dot(a!, b!) > dot(a!, c!) + 0.2, `${dot(a!, b!)} vs ${dot(a!, c!)}`);
  });

  test('sharedTerms lists terms both papers contain, by product of weights, at most n', () => {
    const a = { title: 'Gaussian splatting for autonomous driving simulation', abstract: 'Sensor simulation with Gaussian splatting.' };
    const b = { title: 'Driving scene simulation', abstract: 'We simulate sensors for autonomous driving with Gaussian splatting.' };
    const shared = sharedTerms(fit.model, a, b, 4);
    assert.ok(shared.length === 4);
    const inA = new Set(topTerms(fit.model, a, 100).map((t) => t.term));
    const inB = new Set(topTerms(fit.model, b, 100).map((t) => t.term));
    for (const s of shared) assert.ok(inA.has(s.term) && inB.has(s.term), s.term);
    assert.ok(shared.every((s, i) => i === 0 || shared[i - 1]!.weight >= s.weight));
    const wa = topTerms(fit.model, a, 100).find((t) => t.term === shared[0]!.term)!.weight;
    const wb = topTerms(fit.model, b, 100).find((t) => t.term === shared[0]!.term)!.weight;
    assert.ok(Math.abs(shared[0]!.weight - wa * wb) < 1e-6);
    assert.deepEqual(sharedTerms(fit.model, a, { title: 'Protein folding', abstract: 'Molecular dynamics of proteins.' }, 5), []);
  });

  test('topTerms ranks a paper\'s own distinctive terms first', () => {
    const top = topTerms(fit.model, { title: 'Gaussian splatting', abstract: 'Gaussian splatting for scenes. We use data.' }, 3).map((t) => t.term);
    assert.ok(top.includes('gaussian splatting') || top.includes('splatting'), top.join(', '));
    assert.equal(topTerms(fit.model, docs[0]!, 0).length, 0);
  });

  test('an empty corpus cannot be fitted', async () => {
    await assert.rejects(fitLsa(arrayCorpus([]), {}), /nothing to fit/);
  });
});
