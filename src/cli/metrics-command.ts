import type { Command } from 'commander';
import type { AnalyticsReport } from '../services/analytics.service.js';
import type { Store } from '../store/store.js';
import { createStepProgress, formatSeconds } from './progress.js';

/**
 * `papersift metrics`: recomputes the materialised author metrics (only authors touched since
 * the last run, or all with `--full`), with a progress bar on stderr and a summary on stdout.
 */

/** Registers `metrics` on `program`; `withStore` opens and closes the store around the action. */
export function addMetricsCommand(program: Command, withStore: <T>(fn: (store: Store) => Promise<T>) => Promise<T>, rt: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream }): void {
  program.command('metrics').description('recompute author metrics (h-index, i10, h5, citations per year) for authors touched since the last run, novelty of new papers, and the impact model')
    .option('--full', 'recompute every author and every novelty score')
    .option('--novelty', 'compute novelty however large the backlog (exact below 10,000 papers to score, an incremental HNSW index above)')
    .option('-q, --quiet', 'no progress bar')
    .action((o: { full?: boolean; novelty?: boolean; quiet?: boolean }) => withStore(async (store) => {
      rt.stdout.write(`${formatMetricsReport(await runMetrics(store, { full: !!o.full, forceNovelty: !!o.novelty, quiet: !!o.quiet, stderr: rt.stderr }))}\n`);
    }));
}

/** Runs a recompute with a step progress bar; the ingest commands call it too. */
export async function runMetrics(store: Store, o: { full?: boolean; forceNovelty?: boolean; quiet?: boolean; stderr: NodeJS.WriteStream }): Promise<AnalyticsReport> {
  const steps = createStepProgress({ quiet: !!o.quiet, stream: o.stderr });
  try {
    // Loaded on demand: analytics pulls in the ANN and model code, which other commands never need.
    const { refreshAnalytics } = await import('../services/analytics.service.js');
    return await refreshAnalytics(store, { full: !!o.full, forceNovelty: !!o.forceNovelty, onProgress: (step, done, total) => steps.update(step, done, total) });
  } finally {
    steps.stop();
  }
}

/** The summary: what was recomputed and how long it took, novelty, the impact model. */
export function formatMetricsReport(a: AnalyticsReport): string {
  const r = a.metrics;
  const novelty = 'skipped' in a.novelty ? `novelty: skipped (${a.novelty.skipped})` : `novelty: ${a.novelty.computed.toLocaleString('en')} papers scored`;
  const impact = 'skipped' in a.impact ? `impact: skipped (${a.impact.skipped})`
    : a.impact.status === 'ok' ? `impact: model trained on ${a.impact.train?.papers.toLocaleString('en')} papers, held-out AUC ${a.impact.auc?.toFixed(3)}`
      : `impact: no model (${a.impact.reason})`;
  return `${metricsLine(r)}\n${novelty}\n${impact}`;
}

function metricsLine(r: AnalyticsReport['metrics']): string {
  return `metrics: ${r.full ? 'full' : 'incremental'} recompute of ${r.authors.toLocaleString('en')} authors (${r.changedPapers.toLocaleString('en')} papers with new citations), `
    + `${r.rows.toLocaleString('en')} authors with metrics, generation ${r.generation}, as of ${r.asOfYear}, ${formatSeconds(r.elapsedMs / 1000)}`;
}
