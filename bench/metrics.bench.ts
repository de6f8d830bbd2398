/**
 * Metrics benchmark (`npm run bench:metrics`): wall time and peak RSS of a full recompute of
 * every author metric (`recomputeMetrics(store, { full: true })`) on the 75k CS store
 * (`.bench/search-75k/papersift.db`, built by `npm run bench:search`) and on hep-th with its
 * 147k Paperscape edges (`.eval/papersift.db`, built by `npm run eval` or here on first use),
 * against a same-run floor: the bare SQL aggregation of internal citation counts per author
 * (one GROUP BY over authorships joined to the per-paper counts), read into memory.
 *
 * Each measurement runs in its own child process on a fresh copy of the store, so time and
 * peak RSS are the child's own. Environment: BENCH_REPEATS (default 3), BENCH_WORKLOADS
 * (`cs75k,hepth`). Output: progress on stderr, one JSON document on stdout (medians).
 *
 * With DATABASE_URL set the store is PostgreSQL: each workload is loaded once into its own
 * schema (`bench_metrics_hepth`, `bench_metrics_cs75k`), and each child clears the materialised
 * metrics tables before its full recompute instead of copying a file. The CS workload is the
 * 75k snapshot lines of `bench/workloads.ts` (`.bench/cs-daily-75k.jsonl`); on SQLite, when
 * the search benchmark's store is missing, it is ingested into `.bench/metrics-cs75k` (metrics
 * need no search index).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openHepthStore } from '../eval/datasets/eval-store.js';
import { loadHepth } from '../eval/datasets/hepth-load.js';
import { recomputeMetrics } from '../src/services/metrics.service.js';
import { openPostgresStore } from '../src/store/postgres/postgres-store.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { ingestFrom } from '../src/services/ingest.service.js';
import { SnapshotSource } from '../src/ingest/snapshot/snapshot.source.js';
import { WorkloadCache } from './workloads.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const PG_URL = process.env['DATABASE_URL'];
const SEARCH_75K = join(ROOT, '.bench/search-75k/papersift.db');
const WORKLOADS: Record<string, string> = PG_URL
  ? { cs75k: 'pg:bench_metrics_cs75k', hepth: 'pg:bench_metrics_hepth' }
  : { cs75k: existsSync(SEARCH_75K) ? SEARCH_75K : join(ROOT, '.bench/metrics-cs75k/papersift.db'), hepth: join(ROOT, '.eval/papersift.db') };

/** One child measurement. */
interface Sample { wallSec: number; peakRssMB: number; authors: number; edges: number }

if (process.argv[2] === '--child') await child(process.argv[3] as 'recompute' | 'floor', process.argv[4]!);
else await main();

async function main(): Promise<void> {
  const repeats = Number(process.env['BENCH_REPEATS'] ?? 3);
  const names = (process.env['BENCH_WORKLOADS'] ?? 'cs75k,hepth').split(',');
  const results: Record<string, unknown> = {};
  for (const name of names) {
    const file = WORKLOADS[name];
    if (!file) throw new Error(`unknown workload ${name}`);
    if (PG_URL) await preparePostgres(name, file.slice(3));
    else if (!existsSync(file)) await prepare(name, file);
    const run = (mode: 'recompute' | 'floor') => Array.from({ length: repeats }, (_, i) => {
      process.stderr.write(`${name}: ${mode} ${i + 1}/${repeats}\n`);
      return measure(mode, file);
    });
    const recompute = summarise(run('recompute'));
    const floor = summarise(run('floor'));
    results[name] = { store: file, recompute, floor, ratio: Math.round((recompute.wallSec / floor.wallSec) * 10) / 10 };
    process.stderr.write(`${name}: recompute ${recompute.wallSec} s, ${recompute.peakRssMB} MB; floor ${floor.wallSec} s, ${floor.peakRssMB} MB\n`);
  }
  process.stdout.write(`${JSON.stringify({ benchmark: 'metrics', store: PG_URL ? 'postgres' : 'sqlite', repeats, node: process.version, results }, null, 2)}\n`);
}

async function prepare(name: string, file: string): Promise<void> {
  process.stderr.write(`building the ${name} store (once)\n`);
  if (name === 'hepth') return (await openHepthStore(join(file, '..'))).close();
  mkdirSync(join(file, '..'), { recursive: true });
  const store = openSqliteStore({ file });
  try { await store.migrate(); await load(name, store); } finally { await store.close(); }
}

/** Loads a workload into its PostgreSQL bench schema unless the schema holds papers already. */
async function preparePostgres(name: string, schema: string): Promise<void> {
  const store = await openPostgresStore({ url: PG_URL!, schema });
  try {
    await store.migrate();
    if ((await store.papers.count()) > 0) return;
    const started = performance.now();
    await load(name, store);
    process.stderr.write(`loaded ${name} into ${schema} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } finally { await store.close(); }
}

async function load(name: string, store: Store): Promise<void> {
  if (name === 'hepth') { await loadHepth(store, { progress: false }); return; }
  const base = await new WorkloadCache(join(ROOT, '.bench')).base();
  const report = await ingestFrom(store, new SnapshotSource({ file: base.file }), 'papers');
  if (report.status !== 'completed') throw new Error(`loading ${base.file} failed: ${report.error}`);
}

/** Runs one child on a fresh copy of the store (PostgreSQL: on the bench schema, metrics cleared). */
function measure(mode: 'recompute' | 'floor', file: string): Sample {
  if (file.startsWith('pg:')) return runChild(mode, file);
  const dir = mkdtempSync(join(tmpdir(), 'papersift-bench-metrics-'));
  try {
    copyFileSync(file, join(dir, 'papersift.db'));
    for (const ext of ['-wal', '-shm']) if (existsSync(file + ext)) copyFileSync(file + ext, join(dir, `papersift.db${ext}`));
    return runChild(mode, join(dir, 'papersift.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(mode: 'recompute' | 'floor', target: string): Sample {
  const out = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', mode, target], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 24 });
  if (out.status !== 0) throw new Error(`child ${mode} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Sample;
}

async function openTarget(target: string): Promise<Store> {
  if (!target.startsWith('pg:')) return openSqliteStore({ file: target });
  const store = await openPostgresStore({ url: PG_URL!, schema: target.slice(3) });
  await sql`truncate author_metrics, paper_citation_totals, metrics_state`.execute(store.db);
  return store;
}

async function child(mode: 'recompute' | 'floor', file: string): Promise<void> {
  const store = await openTarget(file);
  await store.migrate();
  const edges = Number((await sql<{ n: number }>`select count(*) as n from citations`.execute(store.db)).rows[0]!.n);
  const started = performance.now();
  let authors: number;
  if (mode === 'recompute') authors = (await recomputeMetrics(store, { full: true })).authors;
  else {
    const rows = await sql<{ k: string; p: number; c: number }>`select pa.author_key as k, count(distinct p.id) as p, sum(coalesce(t.n, 0)) as c
      from paper_authors pa join papers p on p.id = pa.paper_id
      left join (select cited, count(distinct citing) as n from citations group by cited) t on t.cited = p.arxiv_id
      group by pa.author_key`.execute(store.db);
    authors = rows.rows.length;
  }
  const wallSec = (performance.now() - started) / 1000;
  await store.close();
  process.stdout.write(`${JSON.stringify({ wallSec, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), authors, edges })}\n`);
}

function summarise(samples: Sample[]): Sample {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wallSec: Math.round(median(samples.map((s) => s.wallSec)) * 100) / 100, peakRssMB: median(samples.map((s) => s.peakRssMB)), authors: samples[0]!.authors, edges: samples[0]!.edges };
}
