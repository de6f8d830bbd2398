/**
 * Plumbing shared by the benchmarks that run the real, compiled Papersift: building it,
 * running the CLI to build a store, and starting the web server on a free port (killed however
 * the benchmark ends).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deferCleanup, killGroup, log, throwIfInterrupted, trackChild } from './lifecycle.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The compiled CLI entry. */
export const CLI = join(ROOT, 'dist/main/cli.js');

/** The environment of the CLI children: no store settings inherited from ours, never online. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k === 'DATABASE_URL' || k.startsWith('PAPERSIFT_')) delete env[k];
  return { ...env, PAPERSIFT_OFFLINE: '1', LOG_LEVEL: 'warn', ...extra };
}

/** `npm run build`, so the children run the current code. */
export function build(): void {
  log('npm run build …');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status ?? r.signal}); fix the build or set BENCH_SKIP_BUILD=1`);
}

/** Runs the CLI to completion, its output going to our stderr. Exit 3 (some records rejected) is accepted. */
export function cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}): void {
  log(`  papersift ${args.join(' ')}`);
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: childEnv(extraEnv), stdio: ['ignore', 2, 2] });
  if (r.status !== 0 && r.status !== 3) throw new Error(`papersift ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/** A TCP port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** A running server child and how to stop it. */
export interface RunningServer {
  child: ChildProcess;
  base: string;
  stop: () => Promise<void>;
}

/** Starts the compiled server on the store in `dataDir` and waits for /healthz. */
export async function startServer(dataDir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const port = await freePort();
  const env = childEnv({ HOST: '127.0.0.1', ...extraEnv });
  const child = spawn(process.execPath, [CLI, '--data', dataDir, 'serve', '--port', String(port)], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const untrack = trackChild(child);
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => { stderr = (stderr + b.toString()).slice(-8000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = deferCleanup(async () => {
    killGroup(child, 'SIGTERM');
    const t = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
    untrack();
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    throwIfInterrupted();
    if (child.exitCode !== null || child.signalCode !== null) { await stop(); throw new Error(`the server exited with ${child.exitCode ?? child.signalCode}:\n${stderr}`); }
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`the server did not answer /healthz within 60 s:\n${stderr}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, stop };
}
