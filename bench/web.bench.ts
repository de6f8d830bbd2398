/**
 * Web benchmark (`npm run bench:web`): requests/s and p50/p99 latency of the profile, paper and
 * daily pages at 64 concurrent connections (wrk when installed, else autocannon), beside the same server's trivial route
 * (`/healthz`) in the same run, on a SQLite store of the 75k-paper CS set plus hep-th with the
 * Paperscape citation edges (so author profiles and paper pages have citation data).
 *
 * The store is built once with the real CLI in `.bench/web-store/` and reused while the input
 * files keep the sizes recorded in `.bench/web-store/inputs.json`. The compiled server runs in a
 * child process (`node dist/main/cli.js --data .bench/web-store serve --port <free port>`), which
 * is killed however the benchmark ends.
 *
 * Environment:
 *   BENCH_REPEATS      repetitions of each target (default 3); medians are reported
 *   BENCH_DURATION     seconds per measurement (default 10)
 *   BENCH_WARMUP       seconds of warm-up before each measurement (default 2)
 *   BENCH_CONNECTIONS  concurrent connections (default 64)
 *   BENCH_SKIP_BUILD=1 do not run `npm run build` first
 *   BENCH_OUT          also write the JSON document to this file
 *   BENCH_TOOL         wrk (default when /usr/bin/wrk exists) or autocannon; every request sends
 *                      Accept-Encoding: gzip, deflate, br, as browsers do
 *   BENCH_PAGE_CACHE_MB  the server's PAPERSIFT_PAGE_CACHE_MB (0: every request renders)
 *
 * Output: progress and a table on stderr, one JSON document on stdout (use `npm run -s`).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import { hepthSnapshot, writeJsonl } from '../test/support/convert.js';
import { sharedData } from '../test/support/shared-data.js';
import { installSignalHandlers, interrupted, log, runAllCleanups, throwIfInterrupted } from './lifecycle.js';
import { build, cli, ROOT, startServer } from './server.js';
import { median, round } from './report.js';
import { sqliteCount, sqliteSizeBytes } from './stores.js';
import { WorkloadCache } from './workloads.js';

const BENCH_DIR = join(ROOT, '.bench');
const STORE_DIR = join(BENCH_DIR, 'web-store');
const DB_FILE = join(STORE_DIR, 'papersift.db');
const HEPTH_FILE = join(BENCH_DIR, 'hepth.jsonl');
const CITATIONS = 'paperscape_1991_1996/citations_1991_1996.tsv.gz';
/** Bump when the way the store is built changes, so a cached store is rebuilt. */
const STORE_FORMAT = 'web-store/1';
const TARGETS = { ratioToTrivial: 0.5, p99ms: 50 } as const;

class UsageError extends Error {}

interface Options { repeats: number; duration: number; warmup: number; connections: number; build: boolean; out: string | undefined; tool: 'wrk' | 'autocannon'; pageCacheMB: number | undefined }

/** wrk, when installed (`apt-get install wrk`): a C load generator leaves far more of the 2 cores to the server than autocannon does. */
const WRK = '/usr/bin/wrk';

function options(env: NodeJS.ProcessEnv): Options {
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return n;
  };
  return {
    repeats: int('BENCH_REPEATS', 3, 1, 100),
    duration: int('BENCH_DURATION', 10, 1, 600),
    warmup: int('BENCH_WARMUP', 2, 0, 600),
    connections: int('BENCH_CONNECTIONS', 64, 1, 10_000),
    build: !['1', 'true', 'yes'].includes((env['BENCH_SKIP_BUILD'] ?? '').toLowerCase()),
    out: env['BENCH_OUT'] || undefined,
    tool: tool(env['BENCH_TOOL']),
    pageCacheMB: env['BENCH_PAGE_CACHE_MB'] ? int('BENCH_PAGE_CACHE_MB', 64, 0, 65_536) : undefined,
  };
}

function tool(raw: string | undefined): 'wrk' | 'autocannon' {
  if (raw === 'autocannon') return 'autocannon';
  if (raw === 'wrk' || raw === undefined || raw === '') {
    if (existsSync(WRK)) return 'wrk';
    if (raw === 'wrk') throw new UsageError(`BENCH_TOOL=wrk but ${WRK} is missing: apt-get install -y wrk`);
    return 'autocannon';
  }
  throw new UsageError(`BENCH_TOOL must be wrk or autocannon, got ${JSON.stringify(raw)}`);
}

/** The store in `.bench/web-store/`, built with the real CLI unless a store from the same inputs is there. */
async function ensureStore(): Promise<void> {
  const cs = await new WorkloadCache(BENCH_DIR).base();
  if (!existsSync(HEPTH_FILE)) {
    log(`writing ${HEPTH_FILE} …`);
    const tmp = `${HEPTH_FILE}.tmp`;
    const lines = await writeJsonl(hepthSnapshot(), tmp);
    renameSync(tmp, HEPTH_FILE);
    log(`wrote ${HEPTH_FILE} (${lines.toLocaleString('en')} lines)`);
  }
  const citations = sharedData(CITATIONS);
  const inputs = { format: STORE_FORMAT, cs: statSync(cs.file).size, hepth: statSync(HEPTH_FILE).size, citations: statSync(citations).size };
  const inputsFile = join(STORE_DIR, 'inputs.json');
  let known: unknown;
  try { known = JSON.parse(readFileSync(inputsFile, 'utf8')); } catch { known = undefined; }
  if (existsSync(DB_FILE) && JSON.stringify(known) === JSON.stringify(inputs)) {
    log(`reusing ${STORE_DIR}`);
    return;
  }
  log(`building ${STORE_DIR} …`);
  rmSync(STORE_DIR, { recursive: true, force: true });
  mkdirSync(STORE_DIR, { recursive: true });
  const started = Date.now();
  cli(['--data', STORE_DIR, 'ingest', 'snapshot', cs.file, '-q']);
  cli(['--data', STORE_DIR, 'ingest', 'snapshot', HEPTH_FILE, '-q']);
  cli(['--data', STORE_DIR, 'ingest', 'citations', citations, '-q']);
  writeFileSync(inputsFile, `${JSON.stringify(inputs, null, 2)}\n`);
  log(`built the store in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

interface Target { route: string; description: string; paths: string[] }

/** Real author keys, paper ids and a listing date, read from the store. */
function pickTargets(): { targets: Target[]; store: { papers: number; citations: number; sizeMB: number } } {
  const db = new BetterSqlite3(DB_FILE, { readonly: true });
  try {
    const authors = db.prepare(`
      SELECT pa.author_key AS key, count(*) AS n FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id
      WHERE p.primary_category = 'hep-th' GROUP BY pa.author_key ORDER BY n DESC, pa.author_key LIMIT 10`).all() as { key: string; n: number }[];
    // Half the most-cited hep-th papers (long cited-by lists), half CS papers spread over the set.
    const cited = db.prepare(`
      SELECT p.arxiv_id AS id FROM papers p JOIN (SELECT cited, count(*) AS n FROM citations GROUP BY cited ORDER BY n DESC LIMIT 100) c ON c.cited = p.arxiv_id
      ORDER BY c.n DESC, p.arxiv_id LIMIT 25`).all() as { id: string }[];
    const csCount = (db.prepare(`SELECT count(*) AS n FROM papers WHERE primary_category LIKE 'cs.%'`).get() as { n: number }).n;
    const step = Math.max(1, Math.floor(csCount / 25));
    const cs = db.prepare(`SELECT arxiv_id AS id FROM papers WHERE primary_category LIKE 'cs.%' ORDER BY id`).all() as { id: string }[];
    const csIds = cs.filter((_, i) => i % step === 0).slice(0, 25);
    const day = db.prepare(`SELECT substr(first_listed, 1, 10) AS d, count(*) AS n FROM papers WHERE first_listed IS NOT NULL GROUP BY d ORDER BY n DESC, d DESC LIMIT 1`).get() as { d: string; n: number } | undefined;
    if (authors.length === 0 || cited.length === 0 || csIds.length === 0 || !day) throw new Error('the store has no hep-th authors, cited papers, CS papers or listing dates');
    const counts = { papers: sqliteCount(DB_FILE, 'papers'), citations: sqliteCount(DB_FILE, 'citations'), sizeMB: round(sqliteSizeBytes(DB_FILE) / 1048576) };
    return {
      store: counts,
      targets: [
        { route: '/healthz', description: 'trivial route (JSON {ok:true})', paths: ['/healthz'] },
        { route: '/authors/:key', description: `profile pages of the ${authors.length} most prolific hep-th authors (${authors[0]!.key}: ${authors[0]!.n} papers …), rotated`, paths: authors.map((a) => `/authors/${encodeURIComponent(a.key)}`) },
        { route: '/papers/:id', description: `${cited.length} most-cited hep-th papers + ${csIds.length} CS papers, rotated`, paths: [...cited, ...csIds].map((p) => `/papers/${p.id}`) },
        { route: '/daily/:date', description: `daily page of ${day.d} (${day.n} papers, the busiest listing date)`, paths: [`/daily/${day.d}`] },
        { route: '/', description: 'home page (latest daily feed)', paths: ['/'] },
      ],
    };
  } finally {
    db.close();
  }
}

/** Every path answers 200 before it is measured. */
async function checkPaths(base: string, t: Target): Promise<void> {
  for (const p of t.paths) {
    const r = await fetch(base + p);
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
  }
}

interface Sample { reqPerSec: number; p50ms: number; p99ms: number; errors: number; timeouts: number; non2xx: number; requests: number; bytesPerResponse: number }

async function cannon(base: string, t: Target, o: Options, duration: number): Promise<Sample> {
  return o.tool === 'wrk' ? wrk(base, t, o.connections, duration) : autocannonRun(base, t, o.connections, duration);
}

/** Headers every measured request sends, as a browser would (a cached page answers gzip-compressed). */
const REQUEST_HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

async function autocannonRun(base: string, t: Target, connections: number, duration: number): Promise<Sample> {
  const r = await autocannon({
    url: base,
    connections,
    duration,
    headers: REQUEST_HEADERS,
    requests: t.paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    reqPerSec: r.requests.average,
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    // Connection errors (which include timeouts: no answer within autocannon's 10 s) plus non-2xx answers.
    errors: r.errors + r.non2xx,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
    bytesPerResponse: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
  };
}

/** The Lua script wrk runs: rotate the target's paths, send browser headers, print the figures as JSON. */
function wrkScript(paths: string[]): string {
  const headers = Object.entries(REQUEST_HEADERS).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`).join('\n');
  return `local paths = { ${paths.map((p) => JSON.stringify(p)).join(', ')} }
local i = 0
${headers}
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(s, latency, requests)
  local e = s.errors
  io.write(string.format('\\nWRK_JSON {"requests":%d,"durationUs":%d,"p50us":%d,"p99us":%d,"socketErrors":%d,"non2xx":%d,"timeouts":%d,"bytes":%d}\\n',
    s.requests, s.duration, latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write, e.status, e.timeout, s.bytes))
end
`;
}

/** One wrk run (one thread, so the server keeps the other core), parsed from its JSON line. */
async function wrk(base: string, t: Target, connections: number, duration: number): Promise<Sample> {
  const script = join(BENCH_DIR, 'wrk-targets.lua');
  writeFileSync(script, wrkScript(t.paths));
  const out = await new Promise<string>((resolve, reject) => {
    execFile(WRK, ['-t1', `-c${connections}`, `-d${duration}s`, '--timeout', '10s', '-s', script, base], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => (err ? reject(new Error(`wrk failed: ${stderr || err.message}`)) : resolve(stdout)));
  });
  const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '));
  if (!line) throw new Error(`wrk printed no figures:\n${out}`);
  const r = JSON.parse(line.slice('WRK_JSON '.length)) as { requests: number; durationUs: number; p50us: number; p99us: number; socketErrors: number; non2xx: number; timeouts: number; bytes: number };
  return {
    reqPerSec: r.requests / (r.durationUs / 1e6), p50ms: r.p50us / 1000, p99ms: r.p99us / 1000,
    errors: r.socketErrors + r.non2xx, timeouts: r.timeouts, non2xx: r.non2xx, requests: r.requests,
    bytesPerResponse: r.requests > 0 ? Math.round(r.bytes / r.requests) : 0,
  };
}

interface Result { route: string; description: string; paths: number; reqPerSec: number; p50ms: number; p99ms: number; ratioToTrivial: number | null; errors: number; bytesPerResponse: number; runs: Sample[] }

function summarise(t: Target, runs: Sample[], trivialReqPerSec?: number): Result {
  const m = (f: (s: Sample) => number) => median(runs.map(f)) ?? NaN;
  const reqPerSec = round(m((s) => s.reqPerSec), 0);
  return {
    route: t.route, description: t.description, paths: t.paths.length,
    reqPerSec, p50ms: round(m((s) => s.p50ms), 1), p99ms: round(m((s) => s.p99ms), 1), bytesPerResponse: round(m((s) => s.bytesPerResponse), 0),
    ratioToTrivial: trivialReqPerSec ? round(reqPerSec / trivialReqPerSec, 3) : null,
    errors: runs.reduce((a, s) => a + s.errors, 0),
    runs: runs.map((s) => ({ ...s, reqPerSec: round(s.reqPerSec, 0) })),
  };
}

function table(trivial: Result, results: Result[]): string {
  const rows = [['route', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'errors', 'pass'],
    ...[trivial, ...results].map((r) => [r.route, Math.round(r.reqPerSec).toLocaleString('en'), r.p50ms.toFixed(1), r.p99ms.toFixed(1),
      r.ratioToTrivial === null ? '–' : r.ratioToTrivial.toFixed(2), String(r.errors),
      r === trivial ? '' : (r.ratioToTrivial! >= TARGETS.ratioToTrivial && r.p99ms <= TARGETS.p99ms && r.errors === 0 ? 'yes' : 'NO')])];
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')).join('\n');
}

async function main(): Promise<number> {
  installSignalHandlers();
  const o = options(process.env);
  if (o.build) build();
  await ensureStore();
  throwIfInterrupted();
  const { targets, store } = pickTargets();
  log(`store: ${store.papers.toLocaleString('en')} papers, ${store.citations.toLocaleString('en')} citation edges, ${store.sizeMB} MB`);
  const server = await startServer(STORE_DIR, o.pageCacheMB === undefined ? {} : { PAPERSIFT_PAGE_CACHE_MB: String(o.pageCacheMB) });
  const base = server.base;
  const samples = new Map<Target, Sample[]>(targets.map((t) => [t, []]));
  try {
    log(`server pid ${server.child.pid} on ${base}`);
    for (const t of targets) await checkPaths(base, t);
    for (let i = 1; i <= o.repeats; i++) {
      for (const t of targets) {
        throwIfInterrupted();
        if (o.warmup > 0) await cannon(base, t, o, o.warmup);
        const s = await cannon(base, t, o, o.duration);
        samples.get(t)!.push(s);
        log(`run ${i}/${o.repeats} ${t.route}: ${Math.round(s.reqPerSec)} req/s, p50 ${s.p50ms} ms, p99 ${s.p99ms} ms, ${s.bytesPerResponse} B/response, errors ${s.errors} (load ${loadavg()[0]!.toFixed(2)})`);
      }
    }
  } finally {
    await server.stop();
  }
  const [trivialTarget, ...pageTargets] = targets;
  const trivial = summarise(trivialTarget!, samples.get(trivialTarget!)!);
  const results = pageTargets.map((t) => summarise(t, samples.get(t)!, trivial.reqPerSec));
  const pass = {
    ratioToTrivial: results.every((r) => (r.ratioToTrivial ?? 0) >= TARGETS.ratioToTrivial),
    p99ms: results.every((r) => r.p99ms <= TARGETS.p99ms),
    errors: [trivial, ...results].every((r) => r.errors === 0),
  };
  const cpu = cpus()[0];
  const doc = {
    benchmark: 'web',
    date: new Date().toISOString(),
    machine: { cpu: cpu?.model ?? 'unknown', cpus: availableParallelism(), memoryMB: Math.round(totalmem() / 1048576), node: process.version, platform: `${process.platform}-${process.arch}` },
    settings: { pageCacheMB: o.pageCacheMB ?? 64, connections: o.connections, durationSec: o.duration, warmupSec: o.warmup, repeats: o.repeats, tool: o.tool === 'wrk' ? 'wrk -t1 (same machine), Accept-Encoding: gzip, deflate, br' : 'autocannon (programmatic, same machine), Accept-Encoding: gzip, deflate, br', backend: 'sqlite' },
    store: { papers: store.papers, citations: store.citations, sizeMB: store.sizeMB, dir: STORE_DIR },
    results,
    trivial,
    targets: TARGETS,
    pass,
  };
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  process.stdout.write(json);
  if (o.out) writeFileSync(o.out, json);
  process.stderr.write(`\n${table(trivial, results)}\n\ntargets: ratio ≥ ${TARGETS.ratioToTrivial} ${pass.ratioToTrivial ? 'met' : 'MISSED'}, p99 ≤ ${TARGETS.p99ms} ms ${pass.p99ms ? 'met' : 'MISSED'}, errors ${pass.errors ? 'none' : 'SOME'}\n`);
  return pass.errors ? 0 : 1;
}

main().then(
  async (code) => { await runAllCleanups(); process.exitCode = interrupted() ? 130 : code; },
  async (err: unknown) => {
    await runAllCleanups();
    log(err instanceof UsageError ? (err.message) : `FAILED: ${(err as Error).stack ?? String(err)}`);
    process.exitCode = interrupted() ? 130 : err instanceof UsageError ? 2 : 1;
  },
);
