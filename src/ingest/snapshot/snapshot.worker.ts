import { parentPort, workerData } from 'node:worker_threads';
import { readSnapshotBatches, type SnapshotReadOptions } from './snapshot.reader.js';

/**
 * Worker-thread half of SnapshotSource: reads and parses the file off the main thread, so
 * JSON parsing overlaps with the store's writes. It keeps at most `window` batches in flight:
 * each batch the main thread takes returns one credit, which keeps memory flat.
 */
const port = parentPort!;
const options = workerData as SnapshotReadOptions & { window: number };
let credits = options.window;
let wake: (() => void) | undefined;
port.on('message', (m: 'credit') => {
  if (m === 'credit') { credits++; wake?.(); }
});

for await (const batch of readSnapshotBatches(options)) {
  while (credits === 0) await new Promise<void>((r) => (wake = r));
  credits--;
  port.postMessage({ type: 'batch', batch });
}
port.postMessage({ type: 'done' });
