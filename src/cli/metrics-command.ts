import type { Command } from 'commander';
import { recomputeMetrics, type RecomputeReport } from '../services/metrics.service.js';
import type { Store } from '../store/store.js';
import { createStepProgress, formatSeconds } from './progress.js';

/**
 * `papersift metrics`: recomputes the materialised author metrics (only authors touched since
 * the last run, or all with `--full`), with a progress bar on stderr and a summary on stdout.
 */

/** Registers `metrics` on `program`; `withStore` opens and closes the store around the action. */
export function addMetricsCommand(program: Command, withStore: <T>(fn: (store: Store) => Promise<T>) => Promise<T>, rt: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream }): void {
  program.command('metrics').description('recompute author metrics (h-index, i10, h5, citations per year) for authors touched since the last run')
    .option('--full', 'recompute every author')
    .option('-q, --quiet', 'no progress bar')
    .action((o: { full?: boolean; quiet?: boolean }) => withStore(async (store) => {
      rt.stdout.write(`${formatMetricsReport(await runMetrics(store, { full: !!o.full, quiet: !!o.quiet, stderr: rt.stderr }))}\n`);
    }));
}

/** Runs a recompute with a step progress bar; the ingest commands call it too. */
export async function runMetrics(store: Store, o: { full?: boolean; quiet?: boolean; stderr: NodeJS.WriteStream }): Promise<RecomputeReport> {
  const steps = createStepProgress({ quiet: !!o.quiet, stream: o.stderr });
  try {
    return await recomputeMetrics(store, { full: !!o.full, onProgress: (step, done, total) => steps.update(step, done, total) });
  } finally {
    steps.stop();
  }
}

/** One line: what was recomputed, how long it took. */
export function formatMetricsReport(r: RecomputeReport): string {
  return `metrics: ${r.full ? 'full' : 'incremental'} recompute of ${r.authors.toLocaleString('en')} authors (${r.changedPapers.toLocaleString('en')} papers with new citations), `
    + `${r.rows.toLocaleString('en')} authors with metrics, generation ${r.generation}, as of ${r.asOfYear}, ${formatSeconds(r.elapsedMs / 1000)}`;
}
