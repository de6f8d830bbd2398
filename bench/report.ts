/** Aggregation and presentation of the benchmark's results. */

/** The targets. */
export const TARGETS = { sqlitePapersPerSec: 20_000, ratioToFloor: 0.5, peakRssMB: 512 } as const;

/** One repetition: the CLI ingest and the floor, measured back to back on fresh stores. */
export interface Run {
  papers: number;
  fetched: number;
  failed: number;
  wallSec: number;
  papersPerSec: number;
  peakRssMB: number;
  storeSizeMB: number;
  rssSource: string;
  floor: { rows: number; wallSec: number; papersPerSec: number; peakRssMB: number; storeSizeMB: number };
  ratioToFloor: number;
  /** 1-minute load average when the repetition started (other work on the machine skews it). */
  loadAvg1mAtStart: number;
}

/** Medians over the runs of one workload on one backend. */
export interface Result {
  workload: string;
  backend: 'sqlite' | 'postgres';
  file: string;
  papers: number | null;
  papersPerSec: number | null;
  floorPapersPerSec: number | null;
  ratioToFloor: number | null;
  peakRssMB: number | null;
  floorPeakRssMB: number | null;
  storeSizeMB: number | null;
  floorStoreSizeMB: number | null;
  runs: Run[];
  error?: string;
}

/** Whether each target is met; null where it does not apply or nothing was measured. */
export interface Pass { sqlitePapersPerSec: boolean | null; ratioToFloor: boolean | null; peakRssMB: boolean | null }

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
const roundOrNull = (x: number | null, digits = 1): number | null => (x === null ? null : round(x, digits));

/** Builds a Result from its runs (medians; the ratio is median papers/s over median floor papers/s). */
export function summarise(workload: string, backend: Result['backend'], file: string, runs: Run[], error?: string): Result {
  const m = (f: (r: Run) => number) => median(runs.map(f));
  const pps = m((r) => r.papersPerSec);
  const floor = m((r) => r.floor.papersPerSec);
  return {
    workload, backend, file,
    papers: m((r) => r.papers),
    papersPerSec: roundOrNull(pps, 0),
    floorPapersPerSec: roundOrNull(floor, 0),
    ratioToFloor: pps !== null && floor ? round(pps / floor, 3) : null,
    peakRssMB: roundOrNull(m((r) => r.peakRssMB)),
    floorPeakRssMB: roundOrNull(m((r) => r.floor.peakRssMB)),
    storeSizeMB: roundOrNull(m((r) => r.storeSizeMB)),
    floorStoreSizeMB: roundOrNull(m((r) => r.floor.storeSizeMB)),
    runs,
    ...(error ? { error } : {}),
  };
}

export function passOf(r: Result): Pass {
  return {
    sqlitePapersPerSec: r.backend !== 'sqlite' || r.papersPerSec === null ? null : r.papersPerSec >= TARGETS.sqlitePapersPerSec,
    ratioToFloor: r.ratioToFloor === null ? null : r.ratioToFloor >= TARGETS.ratioToFloor,
    peakRssMB: r.peakRssMB === null ? null : r.peakRssMB <= TARGETS.peakRssMB,
  };
}

/** A short fixed-width table of the results. */
export function table(results: Result[]): string {
  const head = ['workload', 'backend', 'papers', 'papers/s', 'floor/s', 'ratio', 'RSS MB', 'floor RSS', 'size MB', 'targets'];
  const mark = (b: boolean | null) => (b === null ? '–' : b ? 'ok' : 'FAIL');
  const n = (x: number | null, d = 0) => (x === null ? '–' : x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d }));
  const rows = results.map((r) => {
    const p = passOf(r);
    return [r.workload, r.backend, n(r.papers), n(r.papersPerSec), n(r.floorPapersPerSec), n(r.ratioToFloor, 2), n(r.peakRssMB), n(r.floorPeakRssMB), n(r.storeSizeMB),
      r.error ? `ERROR: ${r.error.slice(0, 60)}` : `speed ${mark(p.sqlitePapersPerSec)} ratio ${mark(p.ratioToFloor)} rss ${mark(p.peakRssMB)}`];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line),
    `targets: SQLite ≥ ${TARGETS.sqlitePapersPerSec.toLocaleString('en')} papers/s, ≥ ${TARGETS.ratioToFloor} of the floor, peak RSS ≤ ${TARGETS.peakRssMB} MB (medians; MB = MiB)`].join('\n');
}
