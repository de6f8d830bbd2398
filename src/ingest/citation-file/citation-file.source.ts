import { statSync, type Stats } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CitationRecord } from '../../core/citation.js';
import { SourceError, ValidationError } from '../../core/errors.js';
import type { RecordFailure } from '../../core/ingest-report.js';
import { openLineFile, type LineFile } from '../line-reader.js';
import type { ReadOptions, Source, SourceBatch } from '../source.js';
import { detectDelimiter, isHeaderLine, isIgnorableLine, parseEdgeLine, splitFields, type EdgeDelimiter } from './citation-file.parser.js';

/** Options of {@link CitationFileSource}. */
export interface CitationFileSourceOptions {
  /** Path of the edge list (TSV or CSV, plain or gzip; relative paths resolve against the cwd). */
  path: string;
  /** Records (edges plus failures) per batch. @default 5000 */
  batchSize?: number;
  /** `source` written on every edge. @default `edge-file:<basename of path>` */
  sourceName?: string;
}

/** Default number of records per batch. */
export const DEFAULT_EDGE_BATCH_SIZE = 5000;


/** Mutable state of one read: line counters and what the first content line told us. */
interface ReadState {
  /** Physical lines read so far (the checkpoint unit). */
  line: number;
  /** Data lines (edges + failures) seen so far, including skipped ones on resume. */
  records: number;
  delimiter: EdgeDelimiter | undefined;
  items: CitationRecord[];
  failures: RecordFailure[];
}

/**
 * A citation edge list as a Source: one `citing, cited` pair per line, tab- or
 * comma-separated (detected from the first non-comment line), optional header line, `#`
 * comments, plain or gzip (detected by the magic bytes, not the extension). The file is
 * streamed line by line, so memory stays flat whatever its size.
 *
 * Checkpoints are the number of physical lines consumed; resuming skips that many lines.
 * Bad lines (wrong field count, unknown id, self-citation) become RecordFailures
 * (`line N`) and the batch goes on. `progress.total` is not known and left undefined.
 */
export class CitationFileSource implements Source<CitationRecord> {
  /** Recorded on the ingest run. */
  readonly name = 'citation-file';
  /** `citation-file:<absolute path>:<size>:<mtimeMs>`, so an edited file is a new input. */
  readonly resumeKey: string;
  readonly #path: string;
  readonly #batchSize: number;
  readonly #sourceName: string;

  /** Stats the file now (throws SourceError when it cannot be read) to build the resumeKey. */
  constructor(options: CitationFileSourceOptions) {
    this.#path = resolve(options.path);
    this.#batchSize = options.batchSize ?? DEFAULT_EDGE_BATCH_SIZE;
    if (!Number.isInteger(this.#batchSize) || this.#batchSize < 1) {
      throw new ValidationError('batchSize', `must be a positive integer, got ${options.batchSize}`);
    }
    this.#sourceName = options.sourceName ?? `edge-file:${basename(this.#path)}`;
    const stats = statOrThrow(this.#path);
    this.resumeKey = `citation-file:${this.#path}:${stats.size}:${stats.mtimeMs}`;
  }

  /** Streams the file as batches; the last batch has checkpoint null. */
  async *batches(options: ReadOptions = {}): AsyncGenerator<SourceBatch<CitationRecord>> {
    const skip = parseCheckpoint(options.resumeFrom);
    const state: ReadState = { line: 0, records: 0, delimiter: undefined, items: [], failures: [] };
    let file: LineFile | undefined;
    try {
      file = openLineFile(this.#path);
      for await (const raw of file.lines) {
        this.#consume(raw, state, skip);
        if (state.items.length + state.failures.length >= this.#batchSize) {
          options.signal?.throwIfAborted();
          yield takeBatch(state, String(state.line));
        }
      }
    } catch (err) {
      throw wrapReadError(err, this.#path, state.line);
    } finally {
      file?.close();
    }
    yield takeBatch(state, null);
  }

  /** Handles one physical line: comment, header, skipped (resume) or data. */
  #consume(raw: string, state: ReadState, skip: number): void {
    state.line++;
    const line = state.line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (isIgnorableLine(line)) return;
    if (state.delimiter === undefined) {
      state.delimiter = detectDelimiter(line);
      if (isHeaderLine(splitFields(line, state.delimiter))) return;
    }
    state.records++;
    if (state.line <= skip) return;
    const result = parseEdgeLine(line, state.line, state.delimiter, this.#sourceName);
    if (result.ok) state.items.push(result.edge);
    else state.failures.push(result.failure);
  }
}

function takeBatch(state: ReadState, checkpoint: string | null): SourceBatch<CitationRecord> {
  const batch = { items: state.items, failures: state.failures, checkpoint, progress: { done: state.records } };
  state.items = [];
  state.failures = [];
  return batch;
}

function parseCheckpoint(value: string | null | undefined): number {
  if (value === undefined || value === null) return 0;
  if (!/^\d+$/.test(value)) throw new ValidationError('resumeFrom', `not a line count: ${JSON.stringify(value)}`);
  return Number(value);
}

function statOrThrow(path: string): Stats {
  try {
    return statSync(path);
  } catch (err) {
    throw new SourceError(`cannot read citation file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
}

function wrapReadError(err: unknown, path: string, line: number): unknown {
  if (!(err instanceof Error) || err.name === 'AbortError' || err instanceof SourceError) return err;
  return new SourceError(`cannot read citation file ${path} after line ${line}: ${err.message}`, { cause: err });
}
