import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ValidationError } from '../../core/errors.js';
import type { Embedder } from '../embedder.js';
import { BUILTIN, openEmbedder } from './open-embedder.js';

const FIXTURE = fileURLToPath(new URL('../../../../shared/models/random-bert-tiny-fixture', import.meta.url));

test('onnxruntime is loaded only when a transformer is opened', () => {
  const here = (f: string) => JSON.stringify(new URL(f, import.meta.url).href);
  const script = `
    const loaded = () => process.report.getReport().sharedObjects.some((s) => s.includes('onnxruntime'));
    await import(${here('./open-embedder.ts')});
    await import(${here('./builtin.ts')});
    const before = loaded();
    const { openEmbedder } = await import(${here('./open-embedder.ts')});
    await openEmbedder({ model: ${JSON.stringify(FIXTURE)} }, async () => { throw new Error('no fallback'); });
    console.log(JSON.stringify([before, loaded()]));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out.trim().split('\n').at(-1)!), [false, true]);
});

/** A stand-in for the built-in embedder that counts how often it is asked for. */
function builtinStub(): { calls: number; open: () => Promise<Embedder> } {
  const stub = {
    calls: 0,
    open: async (): Promise<Embedder> => {
      stub.calls++;
      return { modelId: 'lsa-8-00000000', dimensions: 8, embedDocuments: async (d) => d.map(() => new Float32Array(8)), embedQuery: async () => new Float32Array(8) };
    },
  };
  return stub;
}

describe('openEmbedder', () => {
  const cache = mkdtempSync(join(tmpdir(), 'papersift-hf-cache-'));
  after(() => rmSync(cache, { recursive: true, force: true }));

  test('builtin gives the built-in embedder', async () => {
    const stub = builtinStub();
    const opened = await openEmbedder({ model: BUILTIN }, stub.open);
    assert.equal(opened.embedder.modelId, 'lsa-8-00000000');
    assert.equal(opened.fellBack, false);
    assert.equal(stub.calls, 1);
  });

  test('a model directory gives the transformer, without asking for the built-in one', async () => {
    const stub = builtinStub();
    const opened = await openEmbedder({ model: FIXTURE, dtype: 'fp32' }, stub.open);
    assert.equal(opened.embedder.modelId, 'hf:random-bert-tiny-fixture:fp32');
    assert.equal(stub.calls, 0);
  });

  test('a Hub model that is not cached falls back to the built-in embedder, saying why', async () => {
    const stub = builtinStub();
    const logged: string[] = [];
    const opened = await openEmbedder({ model: 'papersift-test/not-a-cached-model', cacheDir: cache }, stub.open, (m) => logged.push(m));
    assert.equal(opened.fellBack, true);
    assert.equal(opened.embedder.modelId, 'lsa-8-00000000');
    assert.match(opened.message!, /not-a-cached-model.*not in the local model cache.*built-in embedder instead/);
    assert.deepEqual(logged, [opened.message]);
  });

  test('an unreachable Hub falls back too, and says the Hub cannot be reached', async () => {
    const stub = builtinStub();
    const opened = await openEmbedder({ model: 'papersift-test/not-a-cached-model', cacheDir: cache, allowRemote: true, remoteHost: 'http://127.0.0.1:9/' }, stub.open);
    assert.equal(opened.fellBack, true);
    assert.match(opened.message!, /Hugging Face Hub cannot be reached/);
  });

  test('other failures are thrown, not hidden behind the fallback', async () => {
    const stub = builtinStub();
    const empty = mkdtempSync(join(tmpdir(), 'papersift-nomodel-'));
    try {
      await assert.rejects(openEmbedder({ model: empty }, stub.open), ValidationError);
      assert.equal(stub.calls, 0);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
