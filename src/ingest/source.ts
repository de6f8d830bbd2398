import type { RecordFailure } from '../core/ingest-report.js';

/**
 * The Source contract: every origin of records (a snapshot file, OAI-PMH, the arXiv API,
 * a citation edge list, Semantic Scholar) is a module that yields batches. The ingest
 * service writes each batch and its checkpoint in one transaction, so a run killed at any
 * point resumes from the last committed batch and never writes a record twice.
 *
 * Sources never touch storage; they get `fetch` and a clock injected, never import them.
 */

/** One unit of work: records to write, records that failed to parse, and where to resume. */
export interface SourceBatch<T> {
  items: T[];
  failures: RecordFailure[];
  /**
   * Opaque position just after this batch (a line number, a resumption token, an offset).
   * Passing it back as `resumeFrom` continues after this batch. Null when the source is done.
   */
  checkpoint: string | null;
  /**
   * Records consumed so far (including failures); the total when the source knows it; or,
   * when it does not, the fraction of the input read (bytes of a file), for an ETA.
   */
  progress: { done: number; total?: number; fraction?: number };
}

/** Options for one read of a source. */
export interface ReadOptions {
  /** A checkpoint from an earlier, interrupted read of the same source. */
  resumeFrom?: string | null;
  /** Aborts the read between requests or batches. */
  signal?: AbortSignal;
}

/** A source of records of type T (PaperRecord or CitationRecord). */
export interface Source<T> {
  /** Human-readable name, recorded on the ingest run (`snapshot`, `oai-pmh`, `arxiv-api`). */
  readonly name: string;
  /**
   * Identifies "the same input" across runs (name plus parameters, e.g. the file path or the
   * from/until/set of a harvest). An unfinished run with the same key is resumed.
   */
  readonly resumeKey: string;
  /** Reads the source as a sequence of batches. */
  batches(options?: ReadOptions): AsyncIterable<SourceBatch<T>>;
  /**
   * Optional: starts the work that does not depend on the resume point (a reader thread
   * parsing from the start), so it overlaps the store's start-up. A `batches()` call that
   * resumes elsewhere discards it; if `batches()` is never called it is dropped at exit.
   */
  prepare?(): void;
}
