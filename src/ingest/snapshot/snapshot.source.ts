import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { PaperRecord } from '../../core/paper.js';
import type { ReadOptions, Source, SourceBatch } from '../source.js';
import { readSnapshotBatches, type SnapshotReadOptions } from './snapshot.reader.js';

/** Options of {@link SnapshotSource}. */
export interface SnapshotSourceOptions {
  /** Path of a `.jsonl` or gzipped JSON-lines snapshot. */
  file: string;
  /** Records per batch (one transaction each). @default 1000 */
  batchSize?: number;
  /**
   * Parse in a worker thread, overlapping parsing with the store's writes. Batches are
   * identical either way. @default true
   */
  worker?: boolean;
  /**
   * Records per part: the reader yields parts, which the source joins into batches. In the
   * worker, small parts (one message each) let its records die young instead of filling its old generation (with
   * whole batches in the making its mark-compacts took ~0.25 s per 75k papers). @default 250
   */
  partSize?: number;
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
  readonly #partSize: number;
  #warm: Reader | undefined;

  constructor(options: SnapshotSourceOptions) {
    this.#file = resolve(options.file);
    this.#batchSize = options.batchSize ?? 1000;
    this.#worker = options.worker ?? true;
    this.#partSize = options.partSize ?? 250;
    const st = statSync(this.#file);
    this.resumeKey = `snapshot:${this.#file}:${st.size}:${Math.floor(st.mtimeMs)}`;
  }

  /** See {@link Source.prepare}: spawns the reader thread, reading from the first line. */
  prepare(): void {
    if (this.#worker && !this.#warm) this.#warm = spawnReader(this.#read(0));
  }

  /** See {@link Source.batches}. */
  batches(options: ReadOptions = {}): AsyncGenerator<SourceBatch<PaperRecord>> {
    const read = this.#read(options.resumeFrom ? Number(options.resumeFrom) : 0);
    const warm = this.#warm;
    this.#warm = undefined;
    if (warm && read.skip !== 0) void warm.worker.terminate();
    const parts = !this.#worker ? readSnapshotBatches(read) : drain(warm && read.skip === 0 ? warm : spawnReader(read), options.signal);
    return merged(parts, this.#batchSize);
  }

  #read(skip: number): SnapshotReadOptions {
    return { file: this.#file, skip, batchSize: this.#batchSize, partSize: this.#partSize };
  }
}

/** The reader's messages; a batch comes as v8-serialized bytes (see snapshot.worker.ts). */
type WorkerMessage = { type: 'batch'; bytes: Uint8Array } | { type: 'done' };

/** A running reader thread and what it has sent so far. */
interface Reader {
  worker: Worker;
  queue: WorkerMessage[];
  failure?: Error;
  wake?: () => void;
}

function spawnReader(read: SnapshotReadOptions): Reader {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const url = new URL(`./snapshot.worker${ext}`, import.meta.url);
  const workerData = { ...read, window: 8 };
  // The reader holds eight parts at most; a small heap makes V8 collect early instead of
  // growing towards its default limit, which keeps the process's peak RSS low. 96 MiB of old
  // space made it run mark-compacts often (parsing alone took ~1 s more CPU); 128/48 costs ~10 MiB.
  const resourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 48 };
  // Running from source under tsx (tests), the worker must register the TypeScript loader itself.
  const worker = ext === '.js'
    ? new Worker(url, { workerData, resourceLimits })
    : new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData, resourceLimits });
  const r: Reader = { worker, queue: [] };
  worker.on('message', (m: WorkerMessage) => { r.queue.push(m); r.wake?.(); });
  worker.on('error', (err) => { r.failure = err; r.wake?.(); });
  worker.on('exit', (code) => { if (code !== 0 && !r.failure) r.failure = new Error(`snapshot reader exited with code ${code}`); r.wake?.(); });
  // Until someone drains it, a reader must not keep the process alive. (After the listeners:
  // adding a 'message' listener refs the worker's port again.)
  worker.unref();
  return r;
}

async function* drain(r: Reader, signal?: AbortSignal): AsyncGenerator<SourceBatch<PaperRecord>> {
  r.worker.ref();
  try {
    for (;;) {
      while (r.queue.length === 0 && !r.failure) await new Promise<void>((resolve) => (r.wake = resolve));
      const m = r.queue.shift();
      if (!m) throw r.failure!;
      if (m.type === 'done') return;
      r.worker.postMessage('credit');
      yield deserialize(m.bytes) as SourceBatch<PaperRecord>;
      signal?.throwIfAborted();
    }
  } finally {
    await r.worker.terminate();
  }
}

/** Joins the reader's parts into batches of `size` records (the reader ends a part at each batch's end). */
async function* merged(parts: AsyncIterable<SourceBatch<PaperRecord>>, size: number): AsyncGenerator<SourceBatch<PaperRecord>> {
  let acc: SourceBatch<PaperRecord> | undefined;
  for await (const p of parts) {
    if (acc) {
      acc.items.push(...p.items);
      acc.failures.push(...p.failures);
      acc.checkpoint = p.checkpoint;
      acc.progress = p.progress;
    } else acc = p;
    if (acc.items.length + acc.failures.length >= size) { yield acc; acc = undefined; }
  }
  if (acc) yield acc;
}
