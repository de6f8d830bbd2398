/**
 * The report every ingest run returns instead of throwing halfway: how many records were
 * fetched and what happened to each, plus the failures with their position and reason.
 */

/** One record that could not be ingested, and where it was. */
export interface RecordFailure {
  /** Where the record was: `line 1234`, `record oai:arXiv.org:0704.0001`, `page 3`. */
  position: string;
  /** Why it failed, in words a user can act on. */
  reason: string;
}

/** Counts of one run; `fetched = new + updated + unchanged + failed`. */
export interface IngestCounts {
  fetched: number;
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** The result of one ingest run. */
export interface IngestReport extends IngestCounts {
  /** Id of the ingest_runs row recording this run. */
  runId: number;
  source: string;
  status: 'completed' | 'failed';
  /** At most the first 1,000 failures; `failed` has the full count. */
  failures: RecordFailure[];
  /** Whether this run continued an interrupted one from its checkpoint. */
  resumed: boolean;
  /** Error that stopped the run, when status is `failed`. */
  error?: string;
  /** True when the run failed because the network could not be reached at all. */
  offline?: boolean;
  elapsedMs: number;
}

/** A zeroed {@link IngestCounts}. */
export function emptyCounts(): IngestCounts {
  return { fetched: 0, new: 0, updated: 0, unchanged: 0, failed: 0 };
}

/** Adds `b` into `a` in place and returns `a`. */
export function addCounts(a: IngestCounts, b: IngestCounts): IngestCounts {
  a.fetched += b.fetched;
  a.new += b.new;
  a.updated += b.updated;
  a.unchanged += b.unchanged;
  a.failed += b.failed;
  return a;
}
