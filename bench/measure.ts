import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, trackChild, killGroup } from './lifecycle.js';

/** One measured child process. */
export interface Measured {
  wallSec: number;
  /** The child's own peak resident set size, MiB. */
  peakRssMB: number;
  /** Where the peak RSS came from. */
  rssSource: 'time -v' | 'resourceUsage';
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const WRAPPER = fileURLToPath(new URL('./rss-wrapper.mjs', import.meta.url));
const TIME = '/usr/bin/time';
/** Prefix of every temp dir the benchmark makes (its pid lets a later run sweep stale ones). */
export const TMP_PREFIX = `papersift-bench-${process.pid}-`;

let timeUsable: boolean | undefined;

/** Whether GNU `/usr/bin/time -v` works here (BENCH_RSS=rusage forces the fallback). */
export function timeAvailable(): boolean {
  if (process.env['BENCH_RSS'] === 'rusage') return false;
  timeUsable ??= (() => {
    const r = spawnSync(TIME, ['-v', process.execPath, '-e', '0'], { encoding: 'utf8' });
    return r.status === 0 && /Maximum resident set size/.test(r.stderr ?? '');
  })();
  return timeUsable;
}

/** Keeps the last `max` characters of a growing string. */
function tail(s: string, max = 64 * 1024): string {
  return s.length > max ? s.slice(-max) : s;
}

/**
 * Runs `node <module> ...args` in a child (through bench/rss-wrapper.mjs, and under
 * `/usr/bin/time -v` when available) and measures its wall time and its own peak RSS.
 * Kills the child's process group after `timeoutMs`. Logs a heartbeat every 30 s.
 */
export async function measureChild(label: string, modulePath: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), TMP_PREFIX));
  const rssFile = join(dir, 'rss.json');
  const timeFile = join(dir, 'time.txt');
  const useTime = timeAvailable();
  const nodeArgs = [WRAPPER, modulePath, ...args];
  const [cmd, argv] = useTime ? [TIME, ['-v', '-o', timeFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  try {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { env: { ...env, BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const untrack = trackChild(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => { stdout = tail(stdout + d); });
    child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr = tail(stderr + d); });
    const heartbeat = setInterval(() => log(`  … ${label} still running (${Math.round((performance.now() - t0) / 1000)} s)`), 30_000);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      log(`  ${label}: timed out after ${Math.round(timeoutMs / 1000)} s, killing it`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, timeoutMs);
    let wallSec = 0;
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => { wallSec = (performance.now() - t0) / 1000; });
      child.on('close', (c, s) => resolve([c, s]));
    }).finally(() => { clearInterval(heartbeat); clearTimeout(timer); untrack(); });
    if (timedOut) throw new Error(`${label} timed out after ${Math.round(timeoutMs / 1000)} s`);
    let peakKiB: number | undefined;
    let rssSource: Measured['rssSource'] = 'resourceUsage';
    if (useTime) {
      const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(readText(timeFile));
      if (m) { peakKiB = Number(m[1]); rssSource = 'time -v'; }
    }
    if (peakKiB === undefined) {
      const r = readText(rssFile);
      if (r) peakKiB = (JSON.parse(r) as { maxRSSKiB: number }).maxRSSKiB;
    }
    if (peakKiB === undefined && code === 0) throw new Error(`${label}: the child reported no peak RSS`);
    return { wallSec, peakRssMB: (peakKiB ?? 0) / 1024, rssSource, code, signal, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readText(path: string): string {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}
