/**
 * Ingest benchmark (`npm run bench:ingest`): how fast, and in how much memory, the real CLI
 * (`papersift ingest snapshot <file> -q --no-index`) loads a large snapshot into SQLite and PostgreSQL,
 * against a floor measured in the same run on the same file and backend: stream-read +
 * JSON.parse + a bare batched INSERT into an unindexed table (bench/floor.mjs).
 *
 * Every ingest and every floor runs in its own child process, so wall time and peak RSS are
 * the child's own; each gets a fresh store (temp dir or PostgreSQL schema) that is removed
 * afterwards, also on failure or Ctrl-C.
 *
 * Environment:
 *   BENCH_WORKLOADS  75k | 1.5m | all (default all; a comma list works too)
 *   BENCH_ONLY       sqlite | postgres (default both)
 *   BENCH_REPEATS    repetitions of each measurement (default 3 for 75k, 1 for 1.5m)
 *   BENCH_SCALE      copies of the CS set in the large workload (default 20, ≈1.5M papers)
 *   BENCH_DATABASE_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_TIMEOUT_MIN   per child process (default 120)
 *   BENCH_SKIP_BUILD=1  do not run `npm run build` first
 *   BENCH_OUT        also write the JSON document to this file
 *   BENCH_RSS=rusage    read peak RSS from the child's process.resourceUsage() even when
 *                       /usr/bin/time -v is available
 *
 * Output: progress and a table on stderr, one JSON document on stdout (use `npm run -s` so
 * npm's banner does not precede it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installSignalHandlers, interrupted, log, runAllCleanups, throwIfInterrupted } from './lifecycle.js';
import { measureChild, timeAvailable } from './measure.js';
import { passOf, round, summarise, table, TARGETS, type Pass, type Result, type Run } from './report.js';
import { PgAdmin, sqliteCount, sqliteSizeBytes, sqliteTempDir, sqliteVersion, sweepStaleTempDirs, withSearchPath, type TempStore } from './stores.js';
import { WorkloadCache, type Workload, type WorkloadName } from './workloads.js';

type Backend = 'sqlite' | 'postgres';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/main/cli.js');
const FLOOR = join(ROOT, 'bench/floor.mjs');
const MIB = 1048576;

interface Options {
  workloads: WorkloadName[];
  backends: Backend[];
  repeats: Record<WorkloadName, number>;
  scale: number;
  databaseUrl: string;
  timeoutMs: number;
  build: boolean;
  out: string | undefined;
}

class UsageError extends Error {}

function options(env: NodeJS.ProcessEnv): Options {
  const int = (name: string, min: number, max: number): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return n;
  };
  const wl = (env['BENCH_WORKLOADS'] ?? 'all').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean);
  if (wl.length === 0 || !wl.every((w) => ['75k', '1.5m', 'all'].includes(w))) throw new UsageError(`BENCH_WORKLOADS must be 75k, 1.5m or all, got ${JSON.stringify(env['BENCH_WORKLOADS'])}`);
  const workloads = (['75k', '1.5m'] as const).filter((w) => wl.includes('all') || wl.includes(w));
  const only = (env['BENCH_ONLY'] ?? '').toLowerCase();
  if (only && only !== 'sqlite' && only !== 'postgres') throw new UsageError(`BENCH_ONLY must be sqlite or postgres, got ${JSON.stringify(env['BENCH_ONLY'])}`);
  const repeats = int('BENCH_REPEATS', 1, 100);
  return {
    workloads,
    backends: only ? [only as Backend] : ['sqlite', 'postgres'],
    repeats: { '75k': repeats ?? 3, '1.5m': repeats ?? 1 },
    // scaledCopy gives each copy 48 months of the new-style id space (2015-01 … 2099-12).
    scale: int('BENCH_SCALE', 1, 21) ?? 20,
    databaseUrl: env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test',
    timeoutMs: (int('BENCH_TIMEOUT_MIN', 1, 24 * 60) ?? 120) * 60_000,
    build: !['1', 'true', 'yes'].includes((env['BENCH_SKIP_BUILD'] ?? '').toLowerCase()),
    out: env['BENCH_OUT'] || undefined,
  };
}

/** The environment of a measured child: no store settings inherited from ours, never online. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k === 'DATABASE_URL' || k.startsWith('PAPERSIFT_')) delete env[k];
  return { ...env, PAPERSIFT_OFFLINE: '1', LOG_LEVEL: 'warn', ...extra };
}

interface Summary { fetched: number; new: number; updated: number; unchanged: number; failed: number }

/** Reads the counts line of the CLI's ingest summary. */
function parseSummary(stdout: string): Summary | undefined {
  const m = /fetched ([\d,]+) · new ([\d,]+) · updated ([\d,]+) · unchanged ([\d,]+) · failed ([\d,]+)/.exec(stdout);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i]!.replace(/,/g, ''));
  return { fetched: n(1), new: n(2), updated: n(3), unchanged: n(4), failed: n(5) };
}

function lastLines(s: string, n = 15): string {
  return s.trimEnd().split('\n').slice(-n).join('\n');
}

const fmt = (x: number) => Math.round(x).toLocaleString('en');

class Bench {
  readonly #o: Options;
  readonly #pg: PgAdmin | undefined;

  constructor(o: Options, pg: PgAdmin | undefined) {
    this.#o = o;
    this.#pg = pg;
  }

  async #freshStore(backend: Backend): Promise<TempStore> {
    if (backend === 'sqlite') return sqliteTempDir();
    const store = await this.#pg!.createSchema();
    await this.#pg!.checkpoint();
    return store;
  }

  /** The real CLI ingesting `w` into a fresh store. */
  async ingest(w: Workload, backend: Backend, label: string): Promise<Omit<Run, 'floor' | 'ratioToFloor' | 'loadAvg1mAtStart'>> {
    const store = await this.#freshStore(backend);
    try {
      // --no-index: the search-index refresh and metrics recompute that follow an ingest have
      // their own benchmarks (bench:search, bench:metrics); this one measures the ingest.
      const cmd = ['ingest', 'snapshot', w.file, '-q', '--no-index'];
      const args = backend === 'sqlite' ? ['--data', store.where, ...cmd] : cmd;
      const env = childEnv(backend === 'postgres' ? { DATABASE_URL: withSearchPath(this.#pg!.url, store.where) } : {});
      const m = await measureChild(`${label} ingest`, CLI, args, env, this.#o.timeoutMs);
      throwIfInterrupted();
      // 3 = completed, but some records were rejected (reported as failed).
      if (m.code !== 0 && m.code !== 3) throw new Error(`the CLI exited with ${m.code ?? m.signal}:\n${lastLines(m.stderr || m.stdout)}`);
      const dbFile = join(store.where, 'papersift.db');
      const stored = backend === 'sqlite' ? sqliteCount(dbFile, 'papers') : await this.#pg!.count(store.where, 'papers');
      const s = parseSummary(m.stdout);
      if (!s) log(`  warning: no counts in the CLI's output; using the ${fmt(stored)} papers in the store`);
      else if (s.new !== stored) log(`  warning: the CLI reported ${fmt(s.new)} new papers but the store holds ${fmt(stored)}`);
      const papers = s ? s.new + s.updated + s.unchanged : stored;
      const sizeBytes = backend === 'sqlite' ? sqliteSizeBytes(dbFile) : await this.#pg!.schemaSizeBytes(store.where);
      return {
        papers, fetched: s?.fetched ?? stored, failed: s?.failed ?? 0, wallSec: round(m.wallSec, 2), papersPerSec: round(papers / m.wallSec, 0),
        peakRssMB: round(m.peakRssMB), storeSizeMB: round(sizeBytes / MIB), rssSource: m.rssSource,
      };
    } finally {
      await store.dispose();
    }
  }

  /** The floor (bench/floor.mjs) on `w` into a fresh store. */
  async floor(w: Workload, backend: Backend, label: string): Promise<Run['floor']> {
    const store = await this.#freshStore(backend);
    try {
      const dbFile = join(store.where, 'floor.db');
      const target = backend === 'sqlite' ? dbFile : withSearchPath(this.#pg!.url, store.where);
      const m = await measureChild(`${label} floor`, FLOOR, [backend, w.file, target], childEnv({}), this.#o.timeoutMs);
      throwIfInterrupted();
      if (m.code !== 0) throw new Error(`the floor exited with ${m.code ?? m.signal}:\n${lastLines(m.stderr || m.stdout)}`);
      const rows = (JSON.parse(lastLines(m.stdout, 1)) as { rows: number }).rows;
      const sizeBytes = backend === 'sqlite' ? sqliteSizeBytes(dbFile) : await this.#pg!.schemaSizeBytes(store.where);
      return { rows, wallSec: round(m.wallSec, 2), papersPerSec: round(rows / m.wallSec, 0), peakRssMB: round(m.peakRssMB), storeSizeMB: round(sizeBytes / MIB) };
    } finally {
      await store.dispose();
    }
  }

  /** All repetitions of one workload on one backend; an error ends that pair, not the benchmark. */
  async measure(w: Workload, backend: Backend): Promise<Result> {
    const repeats = this.#o.repeats[w.name];
    const runs: Run[] = [];
    try {
      if (backend === 'postgres' && !this.#pg) throw new Error('PostgreSQL is not reachable');
      for (let i = 1; i <= repeats; i++) {
        const label = `${w.name} ${backend} run ${i}/${repeats}`;
        const load1m = round(loadavg()[0]!, 2);
        log(`${label}: CLI ingest of ${fmt(w.lines)} lines (load ${load1m}) …`);
        const ingest = await this.ingest(w, backend, label);
        log(`  ingest: ${fmt(ingest.papers)} papers (${fmt(ingest.failed)} rejected) in ${ingest.wallSec.toFixed(1)} s = ${fmt(ingest.papersPerSec)}/s, peak RSS ${ingest.peakRssMB} MB, store ${ingest.storeSizeMB} MB`);
        const floor = await this.floor(w, backend, label);
        log(`  floor:  ${fmt(floor.rows)} rows in ${floor.wallSec.toFixed(1)} s = ${fmt(floor.papersPerSec)}/s, peak RSS ${floor.peakRssMB} MB, table ${floor.storeSizeMB} MB → ratio ${(ingest.papersPerSec / floor.papersPerSec).toFixed(2)}`);
        runs.push({ ...ingest, floor, ratioToFloor: round(ingest.papersPerSec / floor.papersPerSec, 3), loadAvg1mAtStart: load1m });
      }
      return summarise(w.name, backend, w.file, runs);
    } catch (err) {
      const message = (err as Error).message;
      log(`${w.name} ${backend} FAILED: ${message}`);
      return summarise(w.name, backend, w.file, runs, message);
    }
  }
}

function build(): void {
  log('npm run build …');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status ?? r.signal}); fix the build or set BENCH_SKIP_BUILD=1`);
}

function redactUrl(url: string): string {
  try { const u = new URL(url); if (u.password) u.password = '***'; return u.toString(); } catch { return url; }
}

async function main(): Promise<number> {
  installSignalHandlers();
  let o: Options;
  try { o = options(process.env); } catch (err) {
    if (err instanceof UsageError) { process.stderr.write(`bench:ingest: ${err.message}\n`); return 2; }
    throw err;
  }
  sweepStaleTempDirs();
  if (o.build) build();

  const loadAtStart = loadavg().map((x) => round(x, 2));
  let pg: PgAdmin | undefined;
  let pgError: string | undefined;
  if (o.backends.includes('postgres')) {
    const c = await PgAdmin.connect(o.databaseUrl);
    if (typeof c === 'string') { pgError = c; log(`warning: PostgreSQL at ${redactUrl(o.databaseUrl)} is not reachable (${c}); its results will be errors`); }
    else { pg = c; await pg.sweepStale(); }
  }
  try {
    const machine = {
      cpus: availableParallelism(), cpuModel: cpus()[0]?.model ?? null, memoryMB: Math.round(totalmem() / MIB),
      platform: `${process.platform} ${process.arch}`, node: process.version, sqlite: sqliteVersion(),
      postgres: pg ? await pg.version() : null, rss: timeAvailable() ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
    };
    log(`machine: ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, SQLite ${machine.sqlite}, PostgreSQL ${machine.postgres ?? '–'}; peak RSS from ${machine.rss}`);

    const cache = new WorkloadCache(join(ROOT, '.bench'));
    const base = await cache.base();
    const workloads: Workload[] = [];
    if (o.workloads.includes('75k')) workloads.push(base);
    if (o.workloads.includes('1.5m')) workloads.push(await cache.scaled(base, o.scale));

    const bench = new Bench(o, pg);
    const results: Result[] = [];
    for (const w of workloads) {
      for (const backend of o.backends) {
        if (interrupted()) break;
        results.push(backend === 'postgres' && pgError ? summarise(w.name, backend, w.file, [], `PostgreSQL not reachable: ${pgError}`) : await bench.measure(w, backend));
      }
    }
    if (interrupted()) return 130;

    const pass: Record<string, Pass | boolean> = {};
    for (const r of results) pass[`${r.workload}/${r.backend}`] = passOf(r);
    pass['all'] = results.every((r) => !r.error && Object.values(passOf(r)).every((v) => v !== false));
    const doc = {
      benchmark: 'ingest',
      date: new Date().toISOString(),
      machine,
      settings: {
        workloads: workloads.map((w) => ({ name: w.name, file: w.file, lines: w.lines, sizeMB: round(w.sizeBytes / MIB), scale: w.scale, repeats: o.repeats[w.name] })),
        loadAverage: { start: loadAtStart, end: loadavg().map((x) => round(x, 2)) },
        backends: o.backends, postgresUrl: o.backends.includes('postgres') ? redactUrl(o.databaseUrl) : null, batchSize: 2000,
      },
      results,
      targets: TARGETS,
      pass,
    };
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    if (o.out) { mkdirSync(dirname(o.out), { recursive: true }); writeFileSync(o.out, json); }
    process.stderr.write(`\n${table(results)}\n`);
    process.stdout.write(json);
    return results.some((r) => r.error) ? 1 : 0;
  } finally {
    await runAllCleanups();
    await pg?.close();
  }
}

main().then(
  (code) => { process.exitCode = code; },
  async (err: unknown) => {
    await runAllCleanups();
    process.stderr.write(`bench:ingest: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = interrupted() ? 130 : 1;
  },
);
