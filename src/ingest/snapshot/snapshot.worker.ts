import { serialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { readSnapshotBatches, type SnapshotReadOptions } from './snapshot.reader.js';

/**
 * Worker-thread half of SnapshotSource: reads and parses the file off the main thread, so
 * JSON parsing overlaps with the store's writes. It keeps at most `window` batches in flight:
 * each batch the main thread takes returns one credit, which keeps memory flat.
 *
 * Batches travel as serialized bytes, transferred, not as objects: the main thread then holds
 * queued batches outside the JS heap and decodes each only when it writes it. Decoded on
 * arrival, the queued batches were live young objects that every scavenge on the main thread
 * copied (half a second of its time in a 75k-paper load).
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
  const bytes = serialize(batch);
  // v8.serialize returns a buffer of its own; transfer it whole, else (never seen) copy.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  port.postMessage({ type: 'batch', bytes }, own ? [bytes.buffer as ArrayBuffer] : []);
}
port.postMessage({ type: 'done' });
