import type { HarnessReport, TaskReport } from './harness.js';
import type { Estimate } from './stats.js';

/** `0.201 (0.195–0.207)`. */
export function formatEstimate(e: Estimate | undefined): string {
  if (!e || Number.isNaN(e.mean)) return '–';
  return `${e.mean.toFixed(3)} (${e.lo.toFixed(3)}–${e.hi.toFixed(3)})`;
}

/** One task as a Markdown table: a row per method, a column per metric, then n and seconds. */
export function taskTable(task: TaskReport): string {
  const metrics = Object.keys(task.results[0]?.metrics ?? {});
  const paired = task.results.some((r) => r.paired);
  const head = ['method', ...metrics, ...(paired ? [`Δ${task.results.find((r) => r.paired)?.paired?.metric ?? ''} vs baseline`] : []), 'n', 's (rank + fit)'];
  const rows = task.results.map((r) => [
    r.method, ...metrics.map((m) => formatEstimate(r.metrics[m])),
    ...(paired ? [r.paired ? `${signed(r.paired.diff)} (n=${r.paired.diff.n})` : ''] : []),
    String(r.n), r.buildSeconds !== undefined ? `${r.seconds} + ${r.buildSeconds}` : String(r.seconds),
  ]);
  const facts = Object.entries(task.facts).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en') : v}`).join(', ');
  return [`### ${task.name} (${facts})`, '', row(head), row(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(row)].join('\n');
}

/** The whole report as Markdown tables. */
export function reportTables(report: HarnessReport): string {
  return report.tasks.map(taskTable).join('\n\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function signed(e: Estimate): string {
  const f = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(3)}`;
  return `${f(e.mean)} (${f(e.lo)} to ${f(e.hi)})`;
}
