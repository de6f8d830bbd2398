/**
 * Search benchmark (`npm run bench:search`): latency of keyword, semantic and hybrid search
 * on the 75k-paper CS store and on the ~1.5M-paper scaled store, in process and over HTTP;
 * ANN recall@10 against exact search; embedding throughput beside the raw runtime.
 *
 * Stores are built once with the real CLI (`ingest snapshot`, which refreshes every index) in
 * `.bench/search-<workload>/` and reused while the input file is unchanged. Each query of the
 * fixed set (bench/search-queries.ts, 66 queries) runs once per repetition after a warm-up
 * pass; p50/p99 are over the queries, and the medians of the repetitions are reported.
 *
 * Same-run floors: in process, a bare FTS5 `MATCH … ORDER BY rank LIMIT 20` through
 * better-sqlite3 (no filters, snippets or cards); over HTTP, the server's trivial `/healthz`.
 * HTTP requests add a distinct `r=` parameter so every search misses the page cache.
 *
 * Environment: BENCH_WORKLOADS (default `75k,1.5m`), BENCH_REPEATS (default 3),
 * BENCH_SKIP_BUILD=1, BENCH_OUT (also write the JSON there).
 * Output: progress on stderr, one JSON document on stdout (use `npm run -s`).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parseQuery, toFts5 } from '../src/index/fts/query.js';
import { searchDeps, searchPapers, type SearchDeps, type SearchMode } from '../src/services/search.service.js';
import { openSemantic } from '../src/services/semantic.service.js';
import { loadLsaModel } from '../src/index/embed/builtin.js';
import { benchAnn, storeVectors } from './ann.js';
import { benchEmbedders } from './embedders.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { installSignalHandlers, log, runAllCleanups, throwIfInterrupted } from './lifecycle.js';
import { median, round } from './report.js';
import { SEARCH_QUERIES } from './search-queries.js';
import { build, cli, ROOT, startServer } from './server.js';
import { sqliteCount, sqliteSizeBytes } from './stores.js';
import { WorkloadCache, type Workload } from './workloads.js';

const BENCH_DIR = join(ROOT, '.bench');
/** Bump when the way the store is built changes, so a cached store is rebuilt. */
const STORE_FORMAT = 'search-store/3';
const TARGETS = { keywordP99ms: 20, annRecall10: 0.95, annP99ms: 10, embedRatio: 0.9 } as const;
const MODES: SearchMode[] = ['keyword', 'semantic', 'hybrid'];

interface Latency { p50ms: number; p99ms: number }

/** p-th percentile (nearest rank) of a sample. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function latencyOf(samples: number[]): Latency {
  return { p50ms: round(percentile(samples, 50), 2), p99ms: round(percentile(samples, 99), 2) };
}

/** Median p50 and p99 over repetitions. */
function medianLatency(reps: Latency[]): Latency {
  return { p50ms: round(median(reps.map((r) => r.p50ms))!, 2), p99ms: round(median(reps.map((r) => r.p99ms))!, 2) };
}

async function timeEach(run: (q: string) => Promise<unknown> | unknown): Promise<number[]> {
  const out: number[] = [];
  for (const { q } of SEARCH_QUERIES) {
    const t = process.hrtime.bigint();
    await run(q);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}

/** Repeats a measured pass after one warm-up pass; returns the per-repetition latencies. */
async function measure(repeats: number, run: (q: string, rep: number) => Promise<unknown> | unknown): Promise<Latency[]> {
  await timeEach((q) => run(q, 0));
  const reps: Latency[] = [];
  for (let i = 1; i <= repeats; i++) {
    throwIfInterrupted();
    reps.push(latencyOf(await timeEach((q) => run(q, i))));
  }
  return reps;
}

/** The store for a workload, built with the real CLI unless one from the same input is there. */
function ensureStore(w: Workload): string {
  const dir = join(BENCH_DIR, `search-${w.name}`);
  const inputs = { format: STORE_FORMAT, file: w.file, size: statSync(w.file).size };
  const inputsFile = join(dir, 'inputs.json');
  let known: unknown;
  try { known = JSON.parse(readFileSync(inputsFile, 'utf8')); } catch { known = undefined; }
  const same = (k: unknown) => typeof k === 'object' && k !== null && (['format', 'file', 'size'] as const).every((f) => (k as Record<string, unknown>)[f] === inputs[f]);
  if (existsSync(join(dir, 'papersift.db')) && same(known)) {
    log(`reusing ${dir}`);
    return dir;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  cli(['--data', dir, 'ingest', 'snapshot', w.file, '-q', '--no-index']);
  const ingested = Date.now();
  cli(['--data', dir, 'index']);
  writeFileSync(inputsFile, `${JSON.stringify({ ...inputs, ingestSeconds: round((ingested - started) / 1000), indexSeconds: round((Date.now() - ingested) / 1000) }, null, 2)}\n`);
  return dir;
}

/** The bare FTS5 floor: the same MATCH expressions, ranked, first 20 rowids, nothing else. */
function ftsFloor(dbFile: string): (q: string) => unknown {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  const stmt = db.prepare('select rowid from paper_fts where paper_fts match ? order by rank limit 20');
  return (q) => {
    const match = toFts5(parseQuery(q));
    return match === null ? [] : stmt.all(match);
  };
}

async function inProcess(deps: SearchDeps, dbFile: string, repeats: number) {
  const floor = medianLatency(await measure(repeats, ftsFloor(dbFile)));
  const modes: Record<string, Latency | string> = {};
  for (const mode of MODES) {
    if (mode !== 'keyword' && !deps.semantic) { modes[mode] = 'no vectors in this store'; continue; }
    modes[mode] = medianLatency(await measure(repeats, (q) => searchPapers(deps, { q, mode, pageSize: 20 })));
    log(`  in-process ${mode}: ${JSON.stringify(modes[mode])}`);
  }
  return { floorFts5: floor, modes };
}

async function overHttp(dir: string, repeats: number, semantic: boolean) {
  const server = await startServer(dir, { PAPERSIFT_SEARCH_RATE: '0' });
  try {
    // One retry on a connection error: undici may reuse a keep-alive socket the server has just
    // closed (Node closes idle ones after 5 s), which fails a GET that never reached the server.
    const get = async (path: string) => {
      const r = await fetch(server.base + path).catch(() => fetch(server.base + path));
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      await r.arrayBuffer();
    };
    const trivial = medianLatency(await measure(repeats, () => get('/healthz')));
    const modes: Record<string, Latency | string> = {};
    for (const mode of MODES) {
      if (mode !== 'keyword' && !semantic) { modes[mode] = 'no vectors in this store'; continue; }
      modes[mode] = medianLatency(await measure(repeats, (q, rep) => get(`/api/v1/search?q=${encodeURIComponent(q)}&mode=${mode}&r=${rep}`)));
      log(`  http ${mode}: ${JSON.stringify(modes[mode])}`);
    }
    return { trivial, modes };
  } finally {
    await server.stop();
  }
}

async function benchWorkload(w: Workload, repeats: number) {
  const dir = ensureStore(w);
  const dbFile = join(dir, 'papersift.db');
  const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')) as { ingestSeconds?: number; indexSeconds?: number };
  const store: Store = openSqliteStore({ file: dbFile });
  try {
    const deps = searchDeps(store, await openSemantic(store, { dataDir: dir, embeddingModel: 'builtin' }));
    const local = await inProcess(deps, dbFile, repeats);
    const http = await overHttp(dir, repeats, deps.semantic !== null);
    const keyword = local.modes['keyword'] as Latency;
    const ann = deps.semantic ? await annFigures(store, deps.semantic.modelId, w.name === '75k' ? repeats : 1) : null;
    return {
      workload: w.name, papers: sqliteCount(dbFile, 'papers'), storeMB: round(sqliteSizeBytes(dbFile) / 1048576),
      build: { ingestSeconds: inputs.ingestSeconds ?? null, indexSeconds: inputs.indexSeconds ?? null },
      inProcess: local, http, ann,
      ratios: { keywordP50ToFts5Floor: round(keyword.p50ms / local.floorFts5.p50ms, 2) },
      pass: {
        keywordP99: w.name === '1.5m' ? keyword.p99ms <= TARGETS.keywordP99ms : null,
        annRecall10: ann ? ann.recallAt10 >= TARGETS.annRecall10 : null, annP99: ann ? ann.p99ms <= TARGETS.annP99ms : null,
      },
    };
  } finally {
    await store.close();
  }
}

/** ANN recall@10 against exact search and latency, on the store's own vectors (1,000 held out as queries). */
async function annFigures(store: Store, modelId: string, repeats: number) {
  const rows = await storeVectors(store, modelId);
  const dims = (await loadLsaModel(store))?.dimensions ?? 256;
  const n = rows.length / dims - 1000;
  log(`  ann: ${n.toLocaleString('en')} vectors of ${modelId}, ${repeats} build(s)`);
  const r = await benchAnn({ n, dimensions: dims, source: { kind: 'rows', name: modelId, rows }, repeats });
  return { n: r.n, buildSec: r.buildSec, recallAt10: r.recallAt10, recallAt10Ties: r.recallAt10Ties, p50ms: r.p50ms, p99ms: r.p99ms, tuning: r.tuning, exactSec: r.exactSec };
}

/** Throughput of each embedder beside its raw runtime, with the 75k store's fitted model (fitted here when that store was not built). */
async function embedderFigures(dbFile: string) {
  if (!existsSync(dbFile)) return benchEmbedders({});
  const store = openSqliteStore({ file: dbFile });
  try {
    const model = await loadLsaModel(store);
    return await benchEmbedders(model ? { lsaModel: model } : {});
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  installSignalHandlers();
  const repeats = Number(process.env['BENCH_REPEATS'] ?? 3);
  const names = (process.env['BENCH_WORKLOADS'] ?? '75k,1.5m').split(',');
  if (!['1', 'true', 'yes'].includes((process.env['BENCH_SKIP_BUILD'] ?? '').toLowerCase())) build();
  const cache = new WorkloadCache(BENCH_DIR);
  const base = await cache.base();
  const results = [];
  for (const name of names) {
    const w = name === '75k' ? base : await cache.scaled(base, 20);
    log(`workload ${w.name}: ${w.lines.toLocaleString('en')} papers`);
    results.push(await benchWorkload(w, repeats));
  }
  const embedders = await embedderFigures(join(BENCH_DIR, 'search-75k', 'papersift.db'));
  const doc = { benchmark: 'search', date: new Date().toISOString(), queries: SEARCH_QUERIES.length, repeats, targets: TARGETS, results, embedders };
  const json = JSON.stringify(doc, null, 2);
  if (process.env['BENCH_OUT']) writeFileSync(process.env['BENCH_OUT'], `${json}\n`);
  process.stdout.write(`${json}\n`);
  return 0;
}

main().then(async (code) => { await runAllCleanups(); process.exit(code); }, async (err: unknown) => {
  process.stderr.write(`bench:search failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  await runAllCleanups();
  process.exit(1);
});
