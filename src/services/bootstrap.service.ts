import type { Config } from '../config/config.js';
import type { IngestReport } from '../core/ingest-report.js';
import type { PaperRecord } from '../core/paper.js';
import type { Source } from '../ingest/source.js';
import type { Store } from '../store/store.js';
import { ingestFrom, type IngestOptions } from './ingest.service.js';
import type { Sources } from './sources.js';

/** What {@link bootstrapIfEmpty} did, and a message for the user. */
export interface BootstrapResult {
  outcome: 'not-empty' | 'offline' | 'harvested' | 'failed';
  message: string;
  reports: IngestReport[];
}

/** What to do when there is no network: said plainly on first start. */
export const OFFLINE_ADVICE = [
  'To load papers without network access, import an arXiv metadata snapshot (JSON lines, plain or .gz):',
  '  npx papersift ingest snapshot arxiv-metadata-oai-snapshot.json',
  'then reload the page. `npx papersift --help` lists the other sources.',
].join('\n');

/**
 * On first start with an empty store, harvests the last `bootstrapDays` days of arXiv over
 * OAI-PMH and keeps the papers in the configured categories (primary or cross-listed). Offline (PAPERSIFT_OFFLINE, or arXiv unreachable) it
 * harvests nothing and says so, with what to do instead.
 */
export async function bootstrapIfEmpty(
  store: Store, sources: Sources, config: Pick<Config, 'categories' | 'bootstrapDays' | 'offline'>, today: Date, options: IngestOptions = {},
): Promise<BootstrapResult> {
  if ((await store.papers.count()) > 0) return { outcome: 'not-empty', message: 'store already has papers', reports: [] };
  if (config.offline) return { outcome: 'offline', message: `The store is empty and PAPERSIFT_OFFLINE is set, so nothing was harvested.\n${OFFLINE_ADVICE}`, reports: [] };
  const from = new Date(today.getTime() - config.bootstrapDays * 86_400_000).toISOString().slice(0, 10);
  // No OAI set: arXiv's sets hold a paper under its primary archive only, so harvesting set `cs`
  // would miss a stat.ML paper cross-listed to cs.LG. All of arXiv for a few days is a few dozen
  // pages; the category filter keeps primaries and cross-lists alike.
  const report = await ingestFrom(store, onlyCategories(sources.oai({ from }), config.categories), 'papers', options);
  if (report.offline) {
    return { outcome: 'offline', message: `Papersift is offline: ${report.error}. The store is empty.\n${OFFLINE_ADVICE}`, reports: [report] };
  }
  if (report.status === 'failed') return { outcome: 'failed', message: `first-start harvest failed: ${report.error}`, reports: [report] };
  return { outcome: 'harvested', message: `harvested ${report.new} papers listed since ${from} in ${config.categories.join(', ')}`, reports: [report] };
}

/** Wraps a paper source so only records with one of `categories` (in any position) pass. */
export function onlyCategories(source: Source<PaperRecord>, categories: readonly string[]): Source<PaperRecord> {
  const wanted = new Set(categories);
  return {
    name: source.name,
    resumeKey: `${source.resumeKey}|categories=${[...wanted].sort().join(',')}`,
    async *batches(options) {
      for await (const b of source.batches(options)) yield { ...b, items: b.items.filter((r) => r.categories.some((c) => wanted.has(c))) };
    },
  };
}
