import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { PaperRecord } from '../../core/paper.js';
import type { ReadOptions, Source, SourceBatch } from '../source.js';
import { readSnapshotBatches, type SnapshotReadOptions } from './snapshot.reader.js';

/** Options of {@link SnapshotSource}. */
export interface SnapshotSourceOptions {
  /** Path of a `.jsonl` or gzipped JSON-lines snapshot. */
  file: string;
  /** Records per batch (one transaction each). @default 2000 */
  batchSize?: number;
  /**
   * Parse in a worker thread, overlapping parsing with the store's writes. Batches are
   * identical either way. @default true
   */
  worker?: boolean;
}

/**
 * The arXiv metadata snapshot as a Source: streams the file, parses each line, and yields
 * batches whose checkpoint is the number of lines consumed. Resuming skips that many lines
 * without parsing them. A malformed line becomes a failure naming its line number.
 */
export class SnapshotSource implements Source<PaperRecord> {
  readonly name = 'snapshot';
  readonly resumeKey: string;
  readonly #file: string;
  readonly #batchSize: number;
  readonly #worker: boolean;

  constructor(options: SnapshotSourceOptions) {
    this.#file = resolve(options.file);
    this.#batchSize = options.batchSize ?? 2000;
    this.#worker = options.worker ?? true;
    const st = statSync(this.#file);
    this.resumeKey = `snapshot:${this.#file}:${st.size}:${Math.floor(st.mtimeMs)}`;
  }

  /** See {@link Source.batches}. */
  batches(options: ReadOptions = {}): AsyncGenerator<SourceBatch<PaperRecord>> {
    const read: SnapshotReadOptions = { file: this.#file, skip: options.resumeFrom ? Number(options.resumeFrom) : 0, batchSize: this.#batchSize };
    return this.#worker ? fromWorker(read, options.signal) : readSnapshotBatches(read);
  }
}

type WorkerMessage = { type: 'batch'; batch: SourceBatch<PaperRecord> } | { type: 'done' };

async function* fromWorker(read: SnapshotReadOptions, signal?: AbortSignal): AsyncGenerator<SourceBatch<PaperRecord>> {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const url = new URL(`./snapshot.worker${ext}`, import.meta.url);
  const workerData = { ...read, window: 2 };
  // The reader holds two batches at most; a small heap makes V8 collect early instead of
  // growing towards its default limit, which keeps the process's peak RSS low. 96 MiB of old
  // space made it run mark-compacts often (parsing alone took ~1 s more CPU); 128/48 costs ~10 MiB.
  const resourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 48 };
  // Running from source under tsx (tests), the worker must register the TypeScript loader itself.
  const worker = ext === '.js'
    ? new Worker(url, { workerData, resourceLimits })
    : new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData, resourceLimits });
  const queue: WorkerMessage[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (m: WorkerMessage) => { queue.push(m); wake?.(); });
  worker.on('error', (err) => { failure = err; wake?.(); });
  worker.on('exit', (code) => { if (code !== 0 && !failure) failure = new Error(`snapshot reader exited with code ${code}`); wake?.(); });
  try {
    for (;;) {
      while (queue.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
      const m = queue.shift();
      if (!m) throw failure!;
      if (m.type === 'done') return;
      worker.postMessage('credit');
      yield m.batch;
      signal?.throwIfAborted();
    }
  } finally {
    await worker.terminate();
  }
}
