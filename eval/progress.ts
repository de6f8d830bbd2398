import { formatSeconds } from '../src/cli/progress.js';

/** A progress line for long loops. */
export interface Progress {
  tick(done: number): void;
  done(summary: string): void;
}

/**
 * Reports `label: done/total, rate/s, ETA` on stderr: rewritten in place on a terminal, a new
 * line every 5 s otherwise; `done` prints the closing summary. Silent when `quiet`.
 */
export function progress(label: string, total: number, quiet = false, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let last = 0;
  const every = stream.isTTY ? 250 : 5000;
  return {
    tick(done) {
      if (quiet || Date.now() - last < every) return;
      last = Date.now();
      const s = (Date.now() - started) / 1000;
      const rate = done / Math.max(s, 1e-3);
      const eta = done > 0 ? formatSeconds((total - done) / rate) : '?';
      const line = `${label}: ${done}/${total}, ${rate.toFixed(1)}/s, ETA ${eta}`;
      stream.write(stream.isTTY ? `\r\x1b[K${line}` : `${line}\n`);
    },
    done(summary) {
      if (quiet) return;
      stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}${label}: ${summary} (${formatSeconds((Date.now() - started) / 1000)})\n`);
    },
  };
}
