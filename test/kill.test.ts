import assert from 'node:assert/strict';
import { seededRandom } from '../src/core/random.js';
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Store } from '../src/store/store.js';
import { csDailySnapshot, hepthSnapshot } from './support/convert.js';
import { canonicalDump } from './support/dump.js';
import { take, tempDir } from './support/snapshot-files.js';
import { testBackends, type TestStore } from './support/test-store.js';

/**
 * The crash test: `papersift ingest snapshot` killed with SIGKILL at random points, on SQLite
 * and PostgreSQL, then run again, must end with exactly the data one uninterrupted run writes,
 * and say that it resumed. The CLI runs compiled, as `papersift` runs it (bin/papersift.js
 * imports dist/main/cli.js), in a child process that shares only the store with this test. It
 * is compiled into a private directory under node_modules/.cache, not dist/, so a build or a
 * benchmark running beside the tests never sees a half-written dist/.
 *
 * Kill points are line counts drawn from a seeded generator (PAPERSIFT_KILL_SEED overrides the
 * seed): the test polls the run's committed checkpoint and sends SIGKILL as soon as it reaches
 * the drawn count, so the child dies in the middle of reading, parsing or writing a later batch.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Inside node_modules so the compiled files resolve the project's dependencies.
const BUILD = join(ROOT, 'node_modules', '.cache', 'papersift-kill-test');
const BIN = join(BUILD, 'main', 'cli.js');
const BATCH = 500;
const SEED = Number(process.env['PAPERSIFT_KILL_SEED'] ?? 20_260_101);
const KILLS = { sqlite: 3, postgres: 1 } as const;

const backends = await testBackends();
const tmp = tempDir('papersift-kill-');
after(() => tmp.remove());


// The snapshot: 14,000 hep-th papers, then 6,000 CS papers; a truncated line (line 2,345), a CS
// record whose categories are only ACM codes, and Seiberg–Witten again near the end with a v2
// and a new title. 20,002 lines: 19,999 new papers, 1 updated, 2 failed.
const SW = 'hep-th/9407087';
const SNAPSHOT = join(tmp.dir, 'snapshot.jsonl');
const lines = [...(await take(hepthSnapshot(), 14_000)), ...(await take(csDailySnapshot(), 6000))].map((o) => JSON.stringify(o));
const acm = JSON.parse(lines[16_000]!) as Record<string, unknown>;
acm['categories'] = 'I.2.7 H.3.3';
lines[16_000] = JSON.stringify(acm);
const sw = JSON.parse(lines.find((l) => l.startsWith(`{"id":"${SW}"`))!) as Record<string, unknown>;
sw['title'] = 'Monopole Condensation and Confinement in N=2 Supersymmetric Yang-Mills Theory';
sw['versions'] = [...(sw['versions'] as unknown[]), { version: 'v2', created: 'Mon, 1 Aug 1994 09:30:00 GMT' }];
lines.splice(19_000, 0, JSON.stringify(sw));
lines.splice(2344, 0, '{"id":"hep-th/9999999","title":"Cut off in the mid');
writeFileSync(SNAPSHOT, `${lines.join('\n')}\n`);
const TOTAL = lines.length;
const EXPECTED = { fetched: TOTAL, new: TOTAL - 3, updated: 1, unchanged: 0, failed: 2 };
const n = (x: number) => x.toLocaleString('en');
const COUNTS_LINE = `  fetched ${n(EXPECTED.fetched)} · new ${n(EXPECTED.new)} · updated ${EXPECTED.updated} · unchanged ${EXPECTED.unchanged} · failed ${EXPECTED.failed}`;

interface Exit { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

/** Environment for the child: this process's, minus any store settings, plus the test store's. */
function childEnv(t: TestStore): NodeJS.ProcessEnv {
  const { DATABASE_URL: _db, PAPERSIFT_DATA: _data, ...base } = process.env;
  return { ...base, ...t.env, PAPERSIFT_OFFLINE: '1' };
}

/**
 * Starts `papersift ingest snapshot SNAPSHOT --batch-size 500 --no-index` against the test store.
 * The search indexes and metrics that follow an ingest have their own interruption tests
 * (search-index and vector-sync contract suites); here a kill must land in the ingest itself.
 */
function startIngest(t: TestStore): { pid: number; kill(): void; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, 'ingest', 'snapshot', SNAPSHOT, '--batch-size', String(BATCH), '--no-index'], { env: childEnv(t), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exit = new Promise<Exit>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { pid: child.pid!, kill: () => child.kill('SIGKILL'), exit };
}

/** Lines committed by the store's newest run (its checkpoint), 0 before the first batch. */
async function committed(store: Store): Promise<{ lines: number; status: string | undefined }> {
  const [run] = await store.runs.recent(1);
  const n = Number(run?.checkpoint ?? 0);
  return { lines: Number.isFinite(n) ? n : TOTAL, status: run?.status };
}

/**
 * Runs the ingest and SIGKILLs it once at least `target` lines are committed. Returns how it
 * ended; `killed` is false when the child finished before the kill was sent.
 */
async function ingestAndKill(t: TestStore, target: number): Promise<{ killed: boolean; exit: Exit; atKill: number }> {
  const run = startIngest(t);
  let finished = false;
  void run.exit.then(() => { finished = true; });
  let atKill = 0;
  while (!finished) {
    atKill = (await committed(t.store)).lines;
    if (atKill >= target) { run.kill(); break; }
    await new Promise((r) => setTimeout(r, 10));
  }
  const exit = await run.exit;
  return { killed: exit.signal === 'SIGKILL', exit, atKill };
}

function summaryCounts(stdout: string): string | undefined {
  return stdout.split('\n').find((l) => l.startsWith('  fetched '));
}

before(() => {
  // `npm run build`, into BUILD (incremental, about a second).
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', BUILD, '--tsBuildInfoFile', join(BUILD, '.tsbuildinfo')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
});

test('the kill-test snapshot is built as planned', () => {
  assert.equal(TOTAL, 20_002);
  assert.equal(lines.filter((l) => l.startsWith(`{"id":"${SW}"`)).length, 2);
  assert.ok(lines.indexOf(lines.find((l) => l.startsWith(`{"id":"${SW}"`))!) < 5000);
});

// One uninterrupted run is the reference for every kill, on both backends: the two stores
// must hold the same data (the store contract), so PostgreSQL is held to SQLite's dump too.
let ref: TestStore | undefined;
let reference: Record<string, unknown[]> | undefined;
after(async () => { await ref?.dispose(); });

test('reference: one uninterrupted run (SQLite) exits 3, completed with 2 records failed, with the expected counts', async () => {
  ref = await backends[0]!.create();
  assert.equal(backends[0]!.name, 'sqlite');
  const exit = await startIngest(ref).exit;
  assert.equal(exit.signal, null);
  assert.equal(exit.code, 3, `stdout: ${exit.stdout}\nstderr: ${exit.stderr}`);
  assert.match(exit.stdout, /^snapshot: completed in [\d.]+s, run #1\n/);
  assert.doesNotMatch(exit.stdout, /resumed/);
  assert.equal(summaryCounts(exit.stdout), COUNTS_LINE);
  assert.match(exit.stdout, /✗ line 2345 \(id hep-th\/9999999\): json: /);
  assert.match(exit.stdout, /✗ line 16002 \(id \d{4}\.\d{5}\): categories: no arXiv category in "I\.2\.7 H\.3\.3"/);
  const p = await ref.store.papers.findByArxivIdOrThrow(SW);
  assert.equal(p.title, sw['title']);
  assert.deepEqual(p.versions.map((v) => v.version), [1, 2]);
  assert.equal(await ref.store.papers.count(), TOTAL - 3);
  reference = await canonicalDump(ref.store);
});

for (const backend of backends) {
  describe(`SIGKILL during ingest: ${backend.name}`, { skip: backend.skip }, () => {
    const random = seededRandom(SEED + (backend.name === 'postgres' ? 1 : 0));
    for (let k = 1; k <= KILLS[backend.name]; k++) {
      // Spread the kill points over the file: the k-th falls in the k-th of KILLS equal slices.
      const slice = (TOTAL - 2 * BATCH) / KILLS[backend.name];
      const target = Math.round(BATCH + (k - 1 + random()) * slice);
      test(`kill ${k}: SIGKILL once ${target.toLocaleString('en')} lines are committed, then the rerun resumes and ends equal to the reference`, async (t) => {
        assert.ok(reference, 'the reference run succeeded');
        let store: TestStore | undefined;
        let killedMidRun = false;
        try {
          // Retry earlier if the child finished before the kill landed (a very fast machine).
          for (let tries = 0, at = target; tries < 4 && !killedMidRun; tries++, at = Math.max(BATCH, Math.floor(at / 2))) {
            await store?.dispose();
            store = await backend.create();
            const r = await ingestAndKill(store, at);
            const state = await committed(store.store);
            killedMidRun = r.killed && state.status === 'running';
            t.diagnostic(`target ${at}: ${killedMidRun ? `killed with ${r.atKill} lines committed` : `finished first (exit ${r.exit.code}, run ${state.status}) ${r.exit.stderr.slice(-300)}`}`);
            if (r.killed) {
              assert.equal(r.exit.code, null);
              assert.equal(r.exit.signal, 'SIGKILL');
            }
          }
          assert.ok(killedMidRun, 'the child was killed by SIGKILL mid-run');
          const s = store!;
          assert.equal((await committed(s.store)).status, 'running', 'the killed run was never finished');
          const papers = await s.store.papers.count();
          assert.ok(papers >= BATCH && papers <= TOTAL - 3, `a partial store: ${papers} papers`);

          const rerun = await startIngest(s).exit;
          assert.equal(rerun.signal, null);
          assert.equal(rerun.code, 3, `stdout: ${rerun.stdout}\nstderr: ${rerun.stderr}`);
          assert.match(rerun.stdout, /^snapshot: completed \(resumed an interrupted run\) in [\d.]+s, run #1\n/);
          assert.equal(summaryCounts(rerun.stdout), COUNTS_LINE, 'the resumed run counts every line exactly once');
          assert.equal((await s.store.runs.recent(5)).length, 1, 'no second run was started');
          assert.deepEqual(await canonicalDump(s.store), reference);
        } finally {
          await store?.dispose();
        }
      });
    }
  });
}
