import { mkdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { VectorHit, VectorIndex } from '../vector-index.js';
import { commitFile, digestFile, indexPaths, tempName, writeFileAtomic } from './index-files.js';
import { usearch, type NativeIndex } from './usearch-module.js';

/**
 * The VectorIndex over usearch (HNSW, cosine metric), persisted as `<dir>/<modelId>.usearch`
 * plus a JSON sidecar `<modelId>.usearch.json` that records what the file holds and its
 * checksum. The sidecar is written last, so a crash between the two leaves a sidecar that no
 * longer matches the file, which {@link UsearchIndex.open} reports as a rebuild.
 */

/** HNSW parameters and the scalar kind vectors are held in. */
export interface AnnTuning {
  /** Graph degree (usearch `connectivity`, HNSW M). */
  connectivity: number;
  /** Candidate list size while inserting (HNSW efConstruction). */
  expansionAdd: number;
  /** Candidate list size while searching (HNSW ef); searches ask for at least k. */
  expansionSearch: number;
  /** Scalar kind of the stored vectors. f16 halves memory with no measured recall loss; i8 capped recall@10 near 0.91–0.93 (LSA and clustered vectors, 75k). */
  quantization: 'f32' | 'f16' | 'bf16' | 'i8';
}

/**
 * Defaults chosen with `bench/ann.ts` at 256 dimensions. On the hardest set measured (1.5M
 * clustered synthetic vectors, harder than real LSA vectors at 75k) M = 16 reached recall@10
 * 0.87 at ef 256; M = 32 with ef 512 reached 0.96 at p99 7.7 ms, ef 384 0.95 at 6.1 ms.
 * Cost: about 0.75 KiB per vector (1.1 GiB at 1.5M) and a slower build than M = 16.
 */
export const DEFAULT_TUNING: AnnTuning = { connectivity: 32, expansionAdd: 128, expansionSearch: 512, quantization: 'f16' };

/** Which store state an index holds: the vector sync state's epoch and generation, and its watermark. */
export interface IndexStamp {
  epoch: string;
  generation: number;
  watermark: string | null;
}

/** Below this many vectors, inserts run on one thread (see {@link UsearchIndex.upsert}). */
const SERIAL_BELOW = 4096;

/** Version of the sidecar and file layout; a different one means rebuild. */
export const INDEX_FORMAT = 1;

const sidecarSchema = z.object({
  format: z.number(),
  modelId: z.string(),
  dimensions: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  tuning: z.object({ connectivity: z.number(), quantization: z.string() }),
  stamp: z.object({ epoch: z.string(), generation: z.number(), watermark: z.string().nullable() }).nullable(),
  file: z.object({ bytes: z.number(), crc32: z.number() }),
  savedAt: z.string(),
});

/** The JSON sidecar beside an index file. */
export type IndexSidecar = z.infer<typeof sidecarSchema>;

/** Where an index lives and how it is built. */
export interface UsearchIndexOptions {
  dir: string;
  modelId: string;
  dimensions: number;
  tuning?: Partial<AnnTuning>;
  /** Threads for batch inserts; default: all cores. Searches use one. */
  threads?: number;
}

/** What {@link UsearchIndex.open} found: `loaded`, or why the returned (empty) index needs a rebuild. */
export type OpenStatus = 'loaded' | 'missing' | 'stale' | 'corrupt';

/** An opened index and how it was opened. */
export interface OpenedIndex {
  index: UsearchIndex;
  status: OpenStatus;
  /** Why it was not loaded. */
  reason?: string;
}

/** A usearch HNSW index of one embedding model's paper vectors. */
export class UsearchIndex implements VectorIndex {
  readonly modelId: string;
  readonly dimensions: number;
  readonly tuning: AnnTuning;
  /** The index file and its sidecar. */
  readonly paths: { index: string; sidecar: string };
  /** The store state the contents match; saved in the sidecar. Null for a fresh index. */
  stamp: IndexStamp | null = null;
  readonly #dir: string;
  readonly #threads: number;
  #native: NativeIndex;

  private constructor(o: UsearchIndexOptions) {
    this.modelId = o.modelId;
    this.dimensions = o.dimensions;
    this.tuning = { ...DEFAULT_TUNING, ...o.tuning };
    this.#dir = o.dir;
    this.paths = indexPaths(o.dir, o.modelId);
    this.#threads = o.threads ?? availableParallelism();
    this.#native = this.#make();
  }

  /** A new, empty index (nothing is read or written until {@link save}). */
  static create(o: UsearchIndexOptions): UsearchIndex {
    return new UsearchIndex(o);
  }

  /**
   * Loads the index from disk when its sidecar matches the model, dimensions, tuning and
   * format and the file matches the sidecar's length and checksum; otherwise returns an empty
   * index with the reason, never throwing for a missing, stale or damaged file.
   */
  static async open(o: UsearchIndexOptions): Promise<OpenedIndex> {
    const index = new UsearchIndex(o);
    const problem = await index.#load();
    return problem ? { index, ...problem } : { index, status: 'loaded' };
  }

  /** Number of vectors held. */
  get size(): number {
    return this.#native.size();
  }

  /** Whether the index holds a vector for `key`. */
  contains(key: number): boolean {
    return (this.#native.contains(new BigUint64Array([BigInt(key)])) as boolean[])[0] === true;
  }

  /** Adds or replaces vectors (a key repeated in one call keeps its last vector). */
  upsert(keys: readonly number[], vectors: readonly Float32Array[]): void {
    if (keys.length !== vectors.length) throw new Error(`upsert: ${keys.length} keys but ${vectors.length} vectors`);
    const last = new Map<number, Float32Array>();
    keys.forEach((k, i) => last.set(k, vectors[i]!));
    if (last.size === 0) return;
    const big = BigUint64Array.from(last.keys(), (k) => BigInt(k));
    const matrix = new Float32Array(big.length * this.dimensions);
    let row = 0;
    for (const v of last.values()) matrix.set(this.#checked(v), row++ * this.dimensions);
    this.#removeBig(big);
    this.#add(big, matrix);
  }

  /**
   * Inserts on one thread while the graph is small, then on all: concurrent inserts into a
   * graph of a few hundred nodes sometimes left a node poorly linked (a top-1 miss in 4 of
   * 200 builds of 400 vectors), while a large graph absorbs them.
   */
  #add(keys: BigUint64Array, matrix: Float32Array): void {
    const serial = Math.min(keys.length, Math.max(0, SERIAL_BELOW - this.size));
    if (serial > 0) this.#native.add(keys.subarray(0, serial), matrix.subarray(0, serial * this.dimensions), 1);
    if (serial < keys.length) this.#native.add(keys.subarray(serial), matrix.subarray(serial * this.dimensions), this.#threads);
  }

  /** Removes vectors; unknown keys are ignored. */
  remove(keys: readonly number[]): void {
    if (keys.length > 0) this.#removeBig(BigUint64Array.from(keys, (k) => BigInt(k)));
  }

  /** The `k` nearest keys to `query`, nearest first, with cosine similarity (one thread). */
  search(query: Float32Array, k: number): VectorHit[] {
    if (k <= 0 || this.size === 0) return [];
    const m = this.#native.search(this.#checked(query), Math.floor(k), 1);
    const hits: VectorHit[] = [];
    for (let i = 0; i < m.keys.length; i++) hits.push({ key: Number(m.keys[i]!), similarity: 1 - m.distances[i]! });
    return hits;
  }

  /** Empties the index (in memory; the file changes on the next save). */
  clear(): void {
    this.#native = this.#make();
    this.stamp = null;
  }

  /** Writes the index file, then the sidecar, each atomically (temp file, fsync, rename). */
  async save(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    const tmp = tempName(this.paths.index);
    try {
      this.#native.save(tmp);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    const file = await digestFile(tmp);
    await commitFile(tmp, this.paths.index);
    await writeFileAtomic(this.paths.sidecar, JSON.stringify(this.#sidecar(file), null, 2));
  }

  #sidecar(file: IndexSidecar['file']): IndexSidecar {
    const { connectivity, quantization } = this.tuning;
    return { format: INDEX_FORMAT, modelId: this.modelId, dimensions: this.dimensions, count: this.size, tuning: { connectivity, quantization }, stamp: this.stamp, file, savedAt: new Date().toISOString() };
  }

  /** Loads from disk; returns why not when it cannot (the index stays empty then). */
  async #load(): Promise<{ status: Exclude<OpenStatus, 'loaded'>; reason: string } | undefined> {
    const read = await readSidecar(this.paths.sidecar);
    if ('status' in read) return read;
    const side = read.sidecar;
    const mismatch = this.#mismatch(side);
    if (mismatch) return { status: 'stale', reason: mismatch };
    const file = await digestFile(this.paths.index).catch(() => undefined);
    if (!file) return { status: 'corrupt', reason: 'index file missing' };
    if (file.bytes !== side.file.bytes || file.crc32 !== side.file.crc32) return { status: 'corrupt', reason: 'index file does not match its sidecar checksum' };
    try {
      this.#native.load(this.paths.index);
    } catch (e) {
      this.#native = this.#make();
      return { status: 'corrupt', reason: `usearch could not load it: ${(e as Error).message}` };
    }
    if (this.size !== side.count || this.#native.dimensions() !== this.dimensions) {
      this.#native = this.#make();
      return { status: 'corrupt', reason: `loaded ${this.size} vectors, sidecar says ${side.count}` };
    }
    this.stamp = side.stamp;
    return undefined;
  }

  /** Why a sidecar describes a different index than this one, or undefined. */
  #mismatch(s: IndexSidecar): string | undefined {
    if (s.format !== INDEX_FORMAT) return `format ${s.format}, expected ${INDEX_FORMAT}`;
    if (s.modelId !== this.modelId) return `model ${s.modelId}, expected ${this.modelId}`;
    if (s.dimensions !== this.dimensions) return `${s.dimensions} dimensions, expected ${this.dimensions}`;
    if (s.tuning.connectivity !== this.tuning.connectivity || s.tuning.quantization !== this.tuning.quantization) return 'built with other tuning';
    return undefined;
  }

  #make(): NativeIndex {
    const t = this.tuning;
    return new usearch.Index({
      dimensions: this.dimensions, metric: usearch.MetricKind.Cos, quantization: scalarKind(t.quantization),
      connectivity: t.connectivity, expansion_add: t.expansionAdd, expansion_search: t.expansionSearch, multi: false,
    });
  }

  #removeBig(keys: BigUint64Array): void {
    const present = this.#native.contains(keys) as boolean[];
    const drop = keys.filter((_, i) => present[i]);
    if (drop.length > 0) this.#native.remove(drop);
  }

  #checked(v: Float32Array): Float32Array {
    if (v.length !== this.dimensions) throw new Error(`vector of ${v.length} dimensions, index has ${this.dimensions}`);
    return v;
  }
}

/** The usearch scalar kind for a quantisation setting. */
function scalarKind(q: AnnTuning['quantization']) {
  const kinds = { f32: usearch.ScalarKind.F32, f16: usearch.ScalarKind.F16, bf16: usearch.ScalarKind.BF16, i8: usearch.ScalarKind.I8 };
  return kinds[q];
}

/** Reads and validates a sidecar; a missing one means a missing index. */
async function readSidecar(path: string): Promise<{ sidecar: IndexSidecar } | { status: 'missing' | 'corrupt'; reason: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? { status: 'missing', reason: 'no index file yet' } : { status: 'corrupt', reason: `sidecar unreadable: ${(e as Error).message}` };
  }
  try {
    const parsed = sidecarSchema.safeParse(JSON.parse(text));
    return parsed.success ? { sidecar: parsed.data } : { status: 'corrupt', reason: 'sidecar has an unexpected shape' };
  } catch {
    return { status: 'corrupt', reason: 'sidecar is not JSON' };
  }
}
