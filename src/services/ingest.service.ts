import { SourceError } from '../core/errors.js';
import { addCounts, emptyCounts, type IngestCounts, type IngestReport } from '../core/ingest-report.js';
import type { CitationRecord } from '../core/citation.js';
import type { PaperRecord } from '../core/paper.js';
import type { Source, SourceBatch } from '../ingest/source.js';
import type { Store } from '../store/store.js';

/** Progress of a running ingest, passed to {@link IngestOptions.onProgress} after each batch. */
export interface IngestProgress extends IngestCounts {
  /** Records consumed this run, and the total or input fraction when known. */
  done: number;
  total?: number;
  fraction?: number;
}

/** Options of {@link ingestFrom}. */
export interface IngestOptions {
  /** Continue an interrupted run of the same input from its checkpoint. @default true */
  resume?: boolean;
  /** Called after every committed batch. */
  onProgress?: (p: IngestProgress) => void;
  /** Clock for run timestamps. @default () => new Date() */
  now?: () => Date;
  signal?: AbortSignal;
}

// Stored as the checkpoint once a source is exhausted, so a run killed between its last batch
// and being marked completed does not read its whole input again. Plain text: PostgreSQL's
// text type cannot hold a NUL byte, so the former '\u0000end' failed every run's last batch there.
const END = '#papersift:end';

/**
 * Runs one source into the store. Each batch is written with the run's counts and checkpoint
 * in one transaction. Returns a report; never throws for bad records or a failing source
 * (the report's status says `failed` and `error` says why).
 */
export async function ingestFrom(
  store: Store,
  source: Source<PaperRecord> | Source<CitationRecord>,
  kind: 'papers' | 'citations',
  options: IngestOptions = {},
): Promise<IngestReport> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const previous = options.resume === false ? undefined : await store.runs.findResumable(source.resumeKey);
  const runId = previous?.id ?? (await store.runs.start(source.name, source.resumeKey, {}, now().toISOString()));
  if (previous) await store.runs.reopen(previous.id);
  const counts = emptyCounts();
  // An initial import into an empty store builds the read indexes once at the end.
  const bulk = kind === 'papers' && (await store.papers.count()) === 0;
  if (bulk) await store.suspendIndexes();
  let error: string | undefined;
  let offline = false;
  try {
    if (previous?.checkpoint !== END) {
      for await (const batch of source.batches({ resumeFrom: previous?.checkpoint ?? null, signal: options.signal }) as AsyncIterable<SourceBatch<PaperRecord | CitationRecord>>) {
        const write = { ...batch, checkpoint: batch.checkpoint ?? END };
        const c = kind === 'papers'
          ? await store.writer.writePapers(runId, write as SourceBatch<PaperRecord>, now().toISOString())
          : await store.writer.writeCitations(runId, write as SourceBatch<CitationRecord>, now().toISOString());
        addCounts(counts, c);
        options.onProgress?.({ ...counts, ...batch.progress });
      }
    }
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
    offline = err instanceof SourceError && err.offline;
  }
  if (bulk) await store.ensureIndexes();
  await store.runs.finish(runId, error ? 'failed' : 'completed', now().toISOString(), error);
  const run = (await store.runs.find(runId))!;
  return {
    runId, source: source.name, status: error ? 'failed' : 'completed', resumed: !!previous,
    fetched: run.fetched, new: run.new, updated: run.updated, unchanged: run.unchanged, failed: run.failed,
    failures: await store.runs.failures(runId), elapsedMs: Date.now() - started, ...(error ? { error, offline } : {}),
  };
}
