import cliProgress from 'cli-progress';
import type { IngestProgress } from '../services/ingest.service.js';

/** Reports ingest progress on stderr: a bar with rate and ETA on a terminal, a line every few seconds otherwise. */
export interface ProgressReporter {
  update(p: IngestProgress): void;
  stop(): void;
}

/** Creates a reporter for a run labelled `label`; silent when `quiet`. */
export function createProgress(label: string, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  const rate = (done: number) => done / Math.max(0.001, (Date.now() - started) / 1000);
  const eta = (p: IngestProgress): string => {
    const f = p.total ? p.done / p.total : p.fraction;
    if (!f || f <= 0 || f >= 1) return p.total || p.fraction ? '0s' : '?';
    return formatSeconds(((Date.now() - started) / 1000) * (1 - f) / f);
  };
  if (!stream.isTTY) return lineReporter(label, stream, rate, eta);
  const bar = new cliProgress.SingleBar({
    stream, hideCursor: true, etaBuffer: 50,
    format: `${label} [{bar}] {percentage}% | {done} records | {rate}/s | ETA {eta_s} | new {new} upd {updated} same {unchanged} fail {failed}`,
    formatValue: (v, _o, type) => (type === 'percentage' ? String(v).padStart(3) : String(v)),
  }, cliProgress.Presets.shades_classic);
  bar.start(1000, 0, { done: 0, rate: 0, eta_s: '?', new: 0, updated: 0, unchanged: 0, failed: 0 });
  return {
    update: (p) => {
      const f = p.total ? p.done / p.total : p.fraction ?? 0;
      bar.update(Math.round(f * 1000), { ...p, done: p.done.toLocaleString('en'), rate: Math.round(rate(p.done)).toLocaleString('en'), eta_s: eta(p) });
    },
    stop: () => bar.stop(),
  };
}

function lineReporter(label: string, stream: NodeJS.WriteStream, rate: (n: number) => number, eta: (p: IngestProgress) => string): ProgressReporter {
  let last = 0;
  return {
    update: (p) => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      stream.write(`${label}: ${p.done.toLocaleString('en')} records, ${Math.round(rate(p.done)).toLocaleString('en')}/s, ETA ${eta(p)}\n`);
    },
    stop: () => undefined,
  };
}

/** A bar for one step of long work (`index`: keyword, fit, vectors): done of total, rate, ETA. */
export interface StepProgress {
  update(step: string, done: number, total: number): void;
  stop(): void;
}

/** Creates a step reporter on stderr (a bar on a terminal, a line every few seconds otherwise); silent when `quiet`. */
export function createStepProgress(options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): StepProgress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update: () => undefined, stop: () => undefined };
  let current: { step: string; started: number; bar?: cliProgress.SingleBar; last: number } | undefined;
  const stats = (done: number, total: number) => {
    const secs = (Date.now() - current!.started) / 1000;
    // A step first heard of mid-way (its first report already counts work) has no rate yet.
    if (secs < 0.5 && done < total) return { rate: '?', eta_s: '?' };
    const rate = done / Math.max(0.001, secs);
    return { rate: Math.round(rate).toLocaleString('en'), eta_s: done > 0 && total > done ? formatSeconds((total - done) / rate) : total > 0 && done >= total ? '0s' : '?' };
  };
  const finish = () => { current?.bar?.stop(); current = undefined; };
  return {
    update: (step, done, total) => {
      if (current?.step !== step) {
        finish();
        current = { step, started: Date.now(), last: 0 };
        if (stream.isTTY) {
          current.bar = new cliProgress.SingleBar({ stream, hideCursor: true, format: `${step.padEnd(8)} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_s}` }, cliProgress.Presets.shades_classic);
          current.bar.start(Math.max(total, 1), 0, { rate: 0, eta_s: '?' });
        }
      }
      if (current.bar) { current.bar.setTotal(Math.max(total, 1)); current.bar.update(done, stats(done, total)); return; }
      if (Date.now() - current.last < 5000 && done < total) return;
      current.last = Date.now();
      const s = stats(done, total);
      stream.write(`${step}: ${done.toLocaleString('en')}/${total.toLocaleString('en')}, ${s.rate}/s, ETA ${s.eta_s}\n`);
    },
    stop: finish,
  };
}

/** `95` → `1m35s`. */
export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}
