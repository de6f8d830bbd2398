import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import type { PaperRecord } from '../../core/paper.js';
import type { SourceBatch } from '../source.js';
import { sharedData } from '../../../test/support/shared-data.js';
import { SnapshotSource } from './snapshot.source.js';

/**
 * The snapshot source's reader thread on the real head of the Kaggle snapshot: what a warm
 * start (`prepare()` before `batches()`) yields is exactly what a cold read or an in-thread
 * read yields, from the start and from a resume checkpoint.
 */
const FILE = sharedData('fixtures/kaggle_arxiv_snapshot/arxiv-metadata-oai-snapshot.head.jsonl');

async function collect(it: AsyncIterable<SourceBatch<PaperRecord>>): Promise<SourceBatch<PaperRecord>[]> {
  const out: SourceBatch<PaperRecord>[] = [];
  for await (const b of it) out.push(b);
  return out;
}

const inThread = await collect(new SnapshotSource({ file: FILE, batchSize: 7, worker: false }).batches());

test('the fixture is read in several batches (so resuming mid-file means something)', () => {
  assert.ok(inThread.length >= 3, `${inThread.length} batches`);
  assert.ok(inThread.flatMap((b) => b.items).length > 10);
});

test('a reader thread, cold or warmed up, yields the in-thread batches', async () => {
  assert.deepEqual(await collect(new SnapshotSource({ file: FILE, batchSize: 7 }).batches()), inThread);
  const warm = new SnapshotSource({ file: FILE, batchSize: 7 });
  warm.prepare();
  await new Promise((r) => setTimeout(r, 50)); // let it read ahead
  assert.deepEqual(await collect(warm.batches()), inThread);
});

test('batches are the same whatever the part size, with parts that do not divide the batch', async () => {
  for (const worker of [false, true]) {
    assert.deepEqual(await collect(new SnapshotSource({ file: FILE, batchSize: 7, partSize: 3, worker }).batches()), inThread, `worker: ${worker}`);
  }
  const resumed = await collect(new SnapshotSource({ file: FILE, batchSize: 7, partSize: 3 }).batches({ resumeFrom: inThread[1]!.checkpoint! }));
  assert.deepEqual(resumed, inThread.slice(2));
});

test('a warmed-up source resumed from a checkpoint restarts its reader there', async () => {
  const from = inThread[1]!.checkpoint!;
  const expected = await collect(new SnapshotSource({ file: FILE, batchSize: 7, worker: false }).batches({ resumeFrom: from }));
  assert.equal(expected[0]!.items[0]!.arxivId, inThread[2]!.items[0]!.arxivId);
  const warm = new SnapshotSource({ file: FILE, batchSize: 7 });
  warm.prepare();
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await collect(warm.batches({ resumeFrom: from })), expected);
});

test('a warmed-up source that is never read does not keep the process alive', () => {
  // In a child process: the reader's thread must not hold the event loop once the script ends.
  const script = `import { SnapshotSource } from ${JSON.stringify(new URL('./snapshot.source.ts', import.meta.url).href)};
    new SnapshotSource({ file: ${JSON.stringify(FILE)}, batchSize: 7 }).prepare();`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 20_000, encoding: 'utf8' });
  assert.equal(r.signal, null, 'the child was killed at the timeout: the unread reader kept it alive');
  assert.equal(r.status, 0, r.stderr);
});
