/**
 * ANN benchmark: builds the usearch index the app uses (UsearchIndex, same tuning) over N
 * vectors and reports build time, recall@10 against exact search over ≥ 1,000 held-out
 * queries, and p50/p99 single-query latency, as medians of ≥ 3 repetitions (each one a fresh
 * build, a save and a reload). `npm run bench:search` calls {@link benchAnn}; run alone:
 *
 *   node --import tsx bench/ann.ts > ann.json
 *
 * Environment: ANN_N (comma list, default `75000,1500000`), ANN_DIMS (256), ANN_QUERIES
 * (1000), ANN_REPEATS (3), ANN_EF (expansion_search values to sweep on each build, default
 * `64,128,256`; the tuning's own value is always included), ANN_SOURCE (`clustered`,
 * `uniform`, or `file:<path>` of raw float32 little-endian rows, e.g. real LSA vectors, which
 * ANN_REPLICAS (default 1) repeats, as the scaled 1.5M bench store repeats its 75k papers),
 * ANN_NOISE (clustered noise), ANN_TUNING (JSON overriding DEFAULT_TUNING, e.g. `{"expansionAdd":64}`).
 * Progress on stderr, one JSON document on stdout.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/core/random.js';
import { cosine, exactTopK } from '../src/index/vectors/exact.js';
import { DEFAULT_TUNING, UsearchIndex, type AnnTuning } from '../src/index/vectors/usearch-index.js';
import { vectorPages } from '../src/index/vectors/vector-table.js';
import type { Store } from '../src/store/store.js';
import { deferCleanup, log } from './lifecycle.js';
import { median } from './report.js';

/** The issue's targets. */
export const ANN_TARGETS = { recallAt10: 0.95, p99ms: 10 } as const;

/** Where the vectors come from. */
export type AnnSource =
  /** Topic mixture: unit vectors around n/500 centres, spectrum decaying like 1/√i (see {@link clusteredVectors}). */
  | { kind: 'clustered'; noise?: number }
  /** Isotropic random unit vectors: the worst case for any graph index, not like text embeddings. */
  | { kind: 'uniform' }
  /** Given rows (e.g. real LSA vectors), each repeated `replicas` times with distinct keys. */
  | { kind: 'rows'; name: string; rows: Float32Array; replicas?: number };

/** Options of {@link benchAnn}. */
export interface AnnBenchOptions {
  /** Vectors indexed (for `rows`: distinct rows used, before replicas; at most all rows less the queries). */
  n: number;
  dimensions?: number;
  source?: AnnSource;
  /** Held-out query vectors. @default 1000 */
  queries?: number;
  /** Fresh builds measured. @default 3 */
  repeats?: number;
  tuning?: Partial<AnnTuning>;
  /** Other expansion_search values measured on each build (by reopening the saved file). */
  sweep?: number[];
  /** Insert threads. @default all cores */
  threads?: number;
  seed?: number;
}

/** Recall and latency at one expansion_search. */
export interface AnnSearchFigures {
  expansionSearch: number;
  /** Mean fraction of the exact top 10 keys found. */
  recallAt10: number;
  /** Same, counting a hit whose exact distance is within 1e-3 of the 10th exact one (ann-benchmarks' rule; needed when vectors repeat). */
  recallAt10Ties: number;
  p50ms: number;
  p99ms: number;
}

/** One fresh build. */
export interface AnnRun {
  buildSec: number;
  saveSec: number;
  openSec: number;
  fileMB: number;
  loadAvg1m: number;
  searches: AnnSearchFigures[];
}

/** Medians over the runs, at the tuning's expansion_search, plus every run. */
export interface AnnBenchResult extends Omit<AnnSearchFigures, 'expansionSearch'> {
  n: number;
  dimensions: number;
  source: string;
  queries: number;
  repeats: number;
  tuning: AnnTuning;
  exactSec: number;
  buildSec: number;
  vectorsPerSec: number;
  fileMB: number;
  openSec: number;
  /** This process's peak resident set so far (the dataset, exact answers and index together), MiB. */
  peakRssMB: number;
  /** Medians at every swept expansion_search. */
  sweep: AnnSearchFigures[];
  pass: { recallAt10: boolean; p99ms: boolean };
  runs: AnnRun[];
}

/** The data one benchmark runs on: a flat dataset and held-out queries, with exact answers. */
interface Workload { data: Float32Array; queries: Float32Array; truth: number[][]; truthDist: number[][]; exactSec: number; label: string }

/** Builds, saves, reopens and queries the index `repeats` times; reports medians. */
export async function benchAnn(opts: AnnBenchOptions): Promise<AnnBenchResult> {
  const d = opts.dimensions ?? 256;
  const tuning: AnnTuning = { ...DEFAULT_TUNING, ...opts.tuning };
  const w = workload(opts, d);
  const efs = [...new Set([tuning.expansionSearch, ...(opts.sweep ?? [])])].sort((a, b) => a - b);
  const runs: AnnRun[] = [];
  for (let r = 0; r < (opts.repeats ?? 3); r++) {
    const run = await oneRun(w, d, tuning, efs, opts.threads);
    runs.push(run);
    log(`ann ${w.label}: run ${r + 1}: build ${run.buildSec.toFixed(1)} s, file ${run.fileMB} MiB`);
    for (const s of run.searches) log(`  ef ${s.expansionSearch}: recall@10 ${s.recallAt10.toFixed(4)} (ties ${s.recallAt10Ties.toFixed(4)}), p50 ${s.p50ms.toFixed(3)} ms, p99 ${s.p99ms.toFixed(3)} ms`);
  }
  return summarise(w, d, tuning, efs, runs);
}

/** Medians of the runs. */
function summarise(w: Workload, d: number, tuning: AnnTuning, efs: number[], runs: AnnRun[]): AnnBenchResult {
  const med = (f: (r: AnnRun) => number) => round(median(runs.map(f))!, 4);
  const n = w.data.length / d;
  const sweep = efs.map((ef) => {
    const at = (f: (s: AnnSearchFigures) => number) => med((r) => f(r.searches.find((s) => s.expansionSearch === ef)!));
    return { expansionSearch: ef, recallAt10: at((s) => s.recallAt10), recallAt10Ties: at((s) => s.recallAt10Ties), p50ms: at((s) => s.p50ms), p99ms: at((s) => s.p99ms) };
  });
  const { expansionSearch: _, ...own } = sweep.find((s) => s.expansionSearch === tuning.expansionSearch)!;
  const buildSec = med((r) => r.buildSec);
  return {
    n, dimensions: d, source: w.label, queries: w.queries.length / d, repeats: runs.length, tuning, exactSec: round(w.exactSec, 1),
    buildSec, vectorsPerSec: Math.round(n / buildSec), fileMB: med((r) => r.fileMB), openSec: med((r) => r.openSec),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...own, sweep,
    pass: { recallAt10: own.recallAt10 >= ANN_TARGETS.recallAt10, p99ms: own.p99ms <= ANN_TARGETS.p99ms }, runs,
  };
}

/** One fresh build in a temp directory: insert, save, then reopen at each expansion_search and query. */
async function oneRun(w: Workload, d: number, tuning: AnnTuning, efs: number[], threads?: number): Promise<AnnRun> {
  const dir = mkdtempSync(join(tmpdir(), 'papersift-ann-'));
  const cleanup = deferCleanup(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const loadAvg1m = loadavg()[0]!;
    const opt = { dir, modelId: 'bench', dimensions: d, tuning, ...(threads ? { threads } : {}) };
    const built = UsearchIndex.create(opt);
    const buildSec = timed(() => insertAll(built, w.data, d));
    const saveSec = await timedAsync(() => built.save());
    const fileMB = round(readFileSync(built.paths.index).length / 2 ** 20, 1);
    built.clear();
    collectGarbage();
    let openSec = 0;
    const searches: AnnSearchFigures[] = [];
    for (const ef of efs) {
      const t = performance.now();
      const opened = await UsearchIndex.open({ ...opt, tuning: { ...tuning, expansionSearch: ef } });
      if (opened.status !== 'loaded') throw new Error(`reopening the saved index: ${opened.reason}`);
      if (ef === tuning.expansionSearch) openSec = (performance.now() - t) / 1000;
      searches.push(measureSearch(opened.index, w, d, ef));
      opened.index.clear();
      collectGarbage();
    }
    return { buildSec, saveSec, openSec, fileMB, loadAvg1m, searches };
  } finally {
    await cleanup();
  }
}

/** Inserts the dataset in chunks, keys 0…n-1, the way a rebuild from the store does. */
function insertAll(index: UsearchIndex, data: Float32Array, d: number): void {
  const n = data.length / d;
  const chunk = 16_384;
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    const keys = Array.from({ length: end - start }, (_, i) => start + i);
    index.upsert(keys, keys.map((k) => data.subarray(k * d, (k + 1) * d)));
  }
}

/** Recall against the exact answers (one warm-up pass), then latency of each query alone. */
function measureSearch(index: UsearchIndex, w: Workload, d: number, ef: number): AnnSearchFigures {
  const q = (i: number) => w.queries.subarray(i * d, (i + 1) * d);
  const nq = w.truth.length;
  let strict = 0;
  let ties = 0;
  for (let i = 0; i < nq; i++) {
    const keys = index.search(q(i), 10).map((h) => h.key);
    const want = new Set(w.truth[i]);
    const limit = w.truthDist[i]![9]! + 1e-3;
    for (const k of keys) {
      if (want.has(k)) strict++;
      if (1 - cosine(w.data.subarray(k * d, (k + 1) * d), q(i)) <= limit) ties++;
    }
  }
  const ms: number[] = [];
  for (let i = 0; i < nq; i++) {
    const t = process.hrtime.bigint();
    index.search(q(i), 10);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return { expansionSearch: ef, recallAt10: strict / (nq * 10), recallAt10Ties: ties / (nq * 10), p50ms: round(percentile(ms, 50), 4), p99ms: round(percentile(ms, 99), 4) };
}

/** The dataset, held-out queries and exact top-10 answers for the options. */
function workload(opts: AnnBenchOptions, d: number): Workload {
  const source = opts.source ?? { kind: 'clustered' };
  const nq = opts.queries ?? 1000;
  const seed = opts.seed ?? 42;
  const { data, queries, label } = source.kind === 'rows' ? fromRows(source, opts.n, nq, d, seed) : synthetic(source, opts.n, nq, d, seed);
  log(`ann ${label}: exact top 10 of ${nq} queries over ${data.length / d} vectors…`);
  const t = performance.now();
  const truth = exactTopK(data, queries, d, 10);
  log(`ann ${label}: exact answers in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const truthDist = truth.map((keys, i) => keys.map((k) => 1 - cosine(data.subarray(k * d, (k + 1) * d), queries.subarray(i * d, (i + 1) * d))));
  return { data, queries, truth, truthDist, exactSec: (performance.now() - t) / 1000, label };
}

function synthetic(source: Exclude<AnnSource, { kind: 'rows' }>, n: number, nq: number, d: number, seed: number): { data: Float32Array; queries: Float32Array; label: string } {
  const all = source.kind === 'uniform' ? uniformVectors(n + nq, d, seed) : clusteredVectors(n + nq, d, seed, source.noise);
  const label = source.kind === 'uniform' ? `uniform-${n}` : `clustered(noise ${source.noise ?? DEFAULT_NOISE})-${n}`;
  return { data: all.subarray(0, n * d), queries: all.slice(n * d), label };
}

/** Holds out `nq` random rows as queries; the other rows (up to `n`), repeated `replicas` times, are the dataset. */
function fromRows(source: Extract<AnnSource, { kind: 'rows' }>, n: number, nq: number, d: number, seed: number): { data: Float32Array; queries: Float32Array; label: string } {
  const rows = source.rows.length / d;
  const rnd = seededRandom(seed);
  const held = new Set<number>();
  while (held.size < Math.min(nq, rows - 1)) held.add(Math.floor(rnd() * rows));
  const kept: number[] = [];
  for (let r = 0; r < rows && kept.length < n; r++) if (!held.has(r)) kept.push(r);
  const replicas = source.replicas ?? 1;
  const data = new Float32Array(kept.length * replicas * d);
  for (let c = 0; c < replicas; c++) kept.forEach((r, i) => data.set(source.rows.subarray(r * d, (r + 1) * d), (c * kept.length + i) * d));
  const queries = new Float32Array(held.size * d);
  [...held].forEach((r, i) => queries.set(source.rows.subarray(r * d, (r + 1) * d), i * d));
  return { data, queries, label: `${source.name}-${kept.length}${replicas > 1 ? `x${replicas}` : ''}` };
}

/** Noise of the default clustered source: recall at each expansion_search a little below real LSA vectors of the 75k CS papers. */
export const DEFAULT_NOISE = 2;

/**
 * `n` unit vectors of a topic mixture: ⌈n/500⌉ centres drawn from a Gaussian whose variance
 * decays like 1/(i+1) over dimensions (as singular values do), each vector its centre plus
 * `noise` times a draw from the same Gaussian, normalised. Deterministic for a seed.
 */
export function clusteredVectors(n: number, d: number, seed: number, noise = DEFAULT_NOISE): Float32Array {
  const gauss = gaussian(seededRandom(seed));
  const scale = Float32Array.from({ length: d }, (_, i) => 1 / Math.sqrt(i + 1));
  const c = Math.max(16, Math.ceil(n / 500));
  const centres = Float32Array.from({ length: c * d }, (_, i) => gauss() * scale[i % d]!);
  const pick = seededRandom(seed + 1);
  const out = new Float32Array(n * d);
  for (let r = 0; r < n; r++) {
    const centre = Math.floor(pick() * c) * d;
    for (let i = 0; i < d; i++) out[r * d + i] = centres[centre + i]! + noise * gauss() * scale[i]!;
    normalizeRow(out, r, d);
  }
  return out;
}

/** `n` isotropic random unit vectors. */
export function uniformVectors(n: number, d: number, seed: number): Float32Array {
  const gauss = gaussian(seededRandom(seed));
  const out = Float32Array.from({ length: n * d }, gauss);
  for (let r = 0; r < n; r++) normalizeRow(out, r, d);
  return out;
}

/** A model's stored vectors as rows, by paper id (for `{ kind: 'rows' }` on a real store). */
export async function storeVectors(store: Store, modelId: string): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  for await (const page of vectorPages(store.db, modelId)) for (const v of page) parts.push(v.vector);
  const d = parts[0]?.length ?? 0;
  const out = new Float32Array(parts.length * d);
  parts.forEach((v, i) => out.set(v, i * d));
  return out;
}

function normalizeRow(m: Float32Array, r: number, d: number): void {
  let s = 0;
  for (let i = 0; i < d; i++) s += m[r * d + i]! ** 2;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  for (let i = 0; i < d; i++) m[r * d + i]! *= inv;
}


/** Standard normal draws (Box–Muller). */
function gaussian(rnd: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/** Nearest-rank percentile. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/**
 * Runs a full garbage collection, so the native memory of the indexes just dropped (≈1 GB
 * each at 1.5M vectors, invisible to V8's heap accounting) is freed before the next one.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

async function timedAsync(fn: () => Promise<void>): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

/** The source named by ANN_SOURCE / ANN_REPLICAS. */
function sourceFromEnv(d: number): AnnSource {
  const s = process.env['ANN_SOURCE'] ?? 'clustered';
  if (s === 'uniform') return { kind: 'uniform' };
  if (s === 'clustered') return { kind: 'clustered', ...(process.env['ANN_NOISE'] ? { noise: Number(process.env['ANN_NOISE']) } : {}) };
  if (!s.startsWith('file:')) throw new Error(`ANN_SOURCE must be clustered, uniform or file:<path>, not ${s}`);
  const bytes = readFileSync(s.slice(5));
  const rows = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length - (bytes.length % (4 * d))));
  return { kind: 'rows', name: s.slice(5).replace(/^.*\//, '').replace(/\.[^.]*$/, ''), rows, replicas: Number(process.env['ANN_REPLICAS'] ?? 1) };
}

async function main(): Promise<void> {
  const env = (k: string, dflt: string) => process.env[k] ?? dflt;
  const d = Number(env('ANN_DIMS', '256'));
  const source = sourceFromEnv(d);
  const results: AnnBenchResult[] = [];
  for (const n of env('ANN_N', '75000,1500000').split(',').map(Number)) {
    results.push(await benchAnn({
      n, dimensions: d, source, queries: Number(env('ANN_QUERIES', '1000')), repeats: Number(env('ANN_REPEATS', '3')),
      sweep: env('ANN_EF', '64,128,256').split(',').map(Number), tuning: JSON.parse(env('ANN_TUNING', '{}')) as Partial<AnnTuning>,
    }));
  }
  process.stdout.write(`${JSON.stringify({ targets: ANN_TARGETS, results }, null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
