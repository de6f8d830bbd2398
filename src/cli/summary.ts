import type { IngestReport } from '../core/ingest-report.js';

/** Exit codes of the CLI, documented in docs/CLI.md. */
export const EXIT = { ok: 0, failed: 1, usage: 2, recordFailures: 3 } as const;

/** The human summary printed after every ingest run. */
export function formatSummary(r: IngestReport): string {
  const n = (x: number) => x.toLocaleString('en');
  const secs = r.elapsedMs / 1000;
  const lines = [
    `${r.source}: ${r.status}${r.resumed ? ' (resumed an interrupted run)' : ''} in ${secs.toFixed(1)}s, run #${r.runId}`,
    `  fetched ${n(r.fetched)} · new ${n(r.new)} · updated ${n(r.updated)} · unchanged ${n(r.unchanged)} · failed ${n(r.failed)}`,
  ];
  for (const f of r.failures.slice(0, 10)) lines.push(`  ✗ ${f.position}: ${f.reason}`);
  if (r.failed > 10) lines.push(`  … ${n(r.failed - 10)} more failures: papersift runs --failures ${r.runId}`);
  if (r.error) lines.push(`  error: ${r.error}`);
  if (r.offline) lines.push('  hint: check the network connection; without network access, load a metadata snapshot instead: papersift ingest snapshot <file>');
  return lines.join('\n');
}

/** The exit code for a finished run. */
export function exitCodeOf(r: IngestReport): number {
  if (r.status === 'failed') return EXIT.failed;
  return r.failed > 0 ? EXIT.recordFailures : EXIT.ok;
}
