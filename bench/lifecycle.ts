import type { ChildProcess } from 'node:child_process';

/**
 * Process lifecycle of the benchmark: progress logging to stderr, the children currently
 * measured, and cleanups that must run however the benchmark ends (normal end, an error, or
 * SIGINT/SIGTERM). Children run in their own process group so a signal can stop the whole
 * group (`/usr/bin/time` and the node it started) by id.
 */

const started = Date.now();
const children = new Set<ChildProcess>();
const cleanups = new Map<number, () => Promise<void> | void>();
let nextCleanup = 0;
let interruptedBy: NodeJS.Signals | undefined;

/** Writes one progress line to stderr, prefixed with the time since start. */
export function log(message: string): void {
  const s = Math.round((Date.now() - started) / 1000);
  process.stderr.write(`[bench ${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${message}\n`);
}

/** The signal that interrupted the benchmark, if any. */
export function interrupted(): NodeJS.Signals | undefined {
  return interruptedBy;
}

/** Throws when the benchmark was interrupted; long loops call it. */
export function throwIfInterrupted(): void {
  if (interruptedBy) throw new Error(`interrupted by ${interruptedBy}`);
}

/** Tracks a running child so an interrupt can stop it. Returns the untrack function. */
export function trackChild(child: ChildProcess): () => void {
  children.add(child);
  return () => children.delete(child);
}

/** Sends `signal` to the process group of a child started with `detached: true`. */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, signal); } catch { try { child.kill(signal); } catch { /* already gone */ } }
}

/**
 * Registers a cleanup that runs at most once: either when the returned function is called
 * (the normal path, from a `finally`) or at exit after an interrupt.
 */
export function deferCleanup(fn: () => Promise<void> | void): () => Promise<void> {
  const id = nextCleanup++;
  cleanups.set(id, fn);
  return async () => {
    const f = cleanups.get(id);
    if (!f) return;
    cleanups.delete(id);
    await f();
  };
}

/** Runs every cleanup not yet run (latest first), logging failures instead of throwing. */
export async function runAllCleanups(): Promise<void> {
  for (const id of [...cleanups.keys()].reverse()) {
    const f = cleanups.get(id);
    cleanups.delete(id);
    try { await f?.(); } catch (err) { log(`cleanup failed: ${(err as Error).message}`); }
  }
}

/**
 * On SIGINT/SIGTERM: stop the measured children (the main flow then unwinds through its
 * `finally` blocks), and if it has not finished within 20 s, clean up and exit anyway.
 */
export function installSignalHandlers(): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (interruptedBy) return;
    interruptedBy = signal;
    log(`${signal}: stopping children and cleaning up…`);
    for (const c of children) killGroup(c, 'SIGTERM');
    setTimeout(() => {
      for (const c of children) killGroup(c, 'SIGKILL');
      void runAllCleanups().finally(() => process.exit(130));
    }, 20_000).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}
