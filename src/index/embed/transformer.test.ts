import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SourceError, ValidationError } from '../../core/errors.js';
import { dot } from '../embedder.js';
import { lengthBatches, openTransformerEmbedder, pool, type TransformerEmbedder } from './transformer-embedder.js';
import { ModelUnavailableError, unavailableReason } from './transformer-load.js';

const FIXTURE = fileURLToPath(new URL('../../../../shared/models/random-bert-tiny-fixture', import.meta.url));

describe('pool', () => {
  // batch 2, 3 tokens, width 2; the second text's last token is padding.
  const hidden = Float32Array.from([3, 4, 1, 0, 0, 1, /* text 2 */ 0, 2, 2, 0, 100, 100]);
  const mask = [1n, 1n, 1n, 1n, 1n, 0n];

  test('cls takes the first token, normalised', () => {
    const [a, b] = pool(hidden, [2, 3, 2], mask, 'cls');
    assert.deepEqual([...a!], [0.6, 0.8].map(Math.fround));
    assert.deepEqual([...b!], [0, 1]);
  });

  test('mean averages the unmasked tokens only, normalised', () => {
    const [a, b] = pool(hidden, [2, 3, 2], mask, 'mean');
    const n = Math.hypot(4, 5);
    assert.ok(Math.abs(a![0]! - 4 / n) < 1e-6 && Math.abs(a![1]! - 5 / n) < 1e-6);
    assert.ok(Math.abs(b![0]! - Math.SQRT1_2) < 1e-6 && Math.abs(b![1]! - Math.SQRT1_2) < 1e-6, 'the padding token (100, 100) is ignored');
  });
});

test('lengthBatches puts long texts together, covers each index once, respects the size', () => {
  const texts = ['aa', 'a', 'aaaa', 'aaa', '', 'aaaaa', 'aaa'];
  const batches = lengthBatches(texts, 3);
  assert.deepEqual(batches, [[5, 2, 3], [6, 0, 1], [4]]);
  assert.deepEqual(lengthBatches([], 4), []);
});

describe('transformer embedder on the random-weight fixture', () => {
  let e: TransformerEmbedder;
  let fp32: TransformerEmbedder;
  before(async () => {
    e = await openTransformerEmbedder({ model: FIXTURE, batchSize: 3 });
    fp32 = await openTransformerEmbedder({ model: FIXTURE, dtype: 'fp32', batchSize: 3 });
  });

  test('names itself hf:<name>:<dtype> and reads its width and token limit from the model', () => {
    assert.equal(e.modelId, 'hf:random-bert-tiny-fixture:q8');
    assert.equal(fp32.modelId, 'hf:random-bert-tiny-fixture:fp32');
    assert.equal(e.dimensions, 32);
    assert.equal(e.maxTokens, 512);
    assert.equal(e.family.name, 'default');
  });

  test('batches by length but returns vectors in input order, equal to one-by-one', async () => {
    const docs = Array.from({ length: 8 }, (_, i) => ({ title: `Paper ${i}`, abstract: 'word '.repeat(5 + ((i * 37) % 60)) }));
    for (const model of [fp32, e]) {
      const batched = await model.embedDocuments(docs);
      for (let i = 0; i < docs.length; i++) {
        const [single] = await model.embedDocuments([docs[i]!]);
        assert.ok(dot(batched[i]!, single!) > 0.9999, `${model.modelId} doc ${i}: cos ${dot(batched[i]!, single!)}`);
      }
    }
    const once = await fp32.embedDocuments(docs);
    assert.ok(dot(once[0]!, once[7]!) < 0.9999, 'different texts give different vectors, so the order check means something');
  });

  test('truncates to maxTokens: texts equal in their first tokens embed alike, whatever follows', async () => {
    const short = await openTransformerEmbedder({ model: FIXTURE, dtype: 'fp32', maxTokens: 16 });
    const head = 'graph neural networks '.repeat(10);
    const a = { title: '', abstract: `${head} molecules and proteins` };
    const b = { title: '', abstract: `${head} ${'galaxies '.repeat(10_000)}` };
    assert.equal(short.encode([b.abstract])['input_ids']!.dims[1], 16);
    const [sa, sb] = await short.embedDocuments([a, b]);
    assert.ok(dot(sa!, sb!) > 0.99999, 'cut at 16 tokens, the two texts are the same');
    const [fa, fb] = await fp32.embedDocuments([a, b]);
    assert.ok(dot(fa!, fb!) < 0.9999, 'at 512 tokens they differ');
  });

  test('a query is formatted by the family, then embedded like any text', async () => {
    const [direct] = await e.embedTexts([e.family.query('graph networks')]);
    assert.deepEqual(await e.embedQuery('graph networks'), direct);
  });

  test('a directory without a model, or a malformed name, is a validation error', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'papersift-nomodel-'));
    try {
      await assert.rejects(openTransformerEmbedder({ model: empty }), ValidationError);
      await assert.rejects(openTransformerEmbedder({ model: 'not a model name!' }), ValidationError);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('Hub models that cannot be obtained', () => {
  const cache = mkdtempSync(join(tmpdir(), 'papersift-hf-cache-'));
  after(() => rmSync(cache, { recursive: true, force: true }));

  test('not cached, downloading off: ModelUnavailableError (not-cached)', async () => {
    const err = await openTransformerEmbedder({ model: 'papersift-test/not-a-cached-model', cacheDir: cache }).catch((x: unknown) => x);
    assert.ok(err instanceof ModelUnavailableError, String(err));
    assert.ok(err instanceof SourceError && err.offline);
    assert.equal(err.reason, 'not-cached');
    assert.match(err.message, /papersift-test\/not-a-cached-model.*not in the local model cache/);
  });

  test('not cached, Hub unreachable (a closed local port): ModelUnavailableError (unreachable)', async () => {
    const err = await openTransformerEmbedder({ model: 'papersift-test/not-a-cached-model', cacheDir: cache, allowRemote: true, remoteHost: 'http://127.0.0.1:9/' }).catch((x: unknown) => x);
    assert.ok(err instanceof ModelUnavailableError, String(err));
    assert.equal(err.reason, 'unreachable');
    assert.match(err.message, /Hugging Face Hub cannot be reached/);
  });

  test('other failures are not mistaken for an unreachable Hub', () => {
    assert.equal(unavailableReason(new Error('Protobuf parsing failed')), undefined);
    assert.equal(unavailableReason(new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND huggingface.co'), { code: 'ENOTFOUND' }) })), 'unreachable');
  });
});
