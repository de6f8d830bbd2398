import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { RecordFailure } from '../../core/ingest-report.js';
import type { PaperRecord } from '../../core/paper.js';
import { openLineFile } from '../line-reader.js';
import type { ReadOptions, Source, SourceBatch } from '../source.js';
import { parseSnapshotLine } from './snapshot.parser.js';

/** Options of {@link SnapshotSource}. */
export interface SnapshotSourceOptions {
  /** Path of a `.jsonl` or gzipped JSON-lines snapshot. */
  file: string;
  /** Records per batch (one transaction each). @default 2000 */
  batchSize?: number;
}

/**
 * The arXiv metadata snapshot as a Source: streams the file, parses each line, and yields
 * batches whose checkpoint is the number of lines consumed. Resuming skips that many lines
 * without parsing them. A malformed line becomes a failure naming its line number.
 */
export class SnapshotSource implements Source<PaperRecord> {
  readonly name = 'snapshot';
  readonly resumeKey: string;
  readonly #file: string;
  readonly #batchSize: number;

  constructor(options: SnapshotSourceOptions) {
    this.#file = resolve(options.file);
    this.#batchSize = options.batchSize ?? 2000;
    const st = statSync(this.#file);
    this.resumeKey = `snapshot:${this.#file}:${st.size}:${Math.floor(st.mtimeMs)}`;
  }

  /** See {@link Source.batches}. */
  async *batches(options: ReadOptions = {}): AsyncGenerator<SourceBatch<PaperRecord>> {
    const skip = options.resumeFrom ? Number(options.resumeFrom) : 0;
    const file = openLineFile(this.#file);
    let lineNo = 0;
    let items: PaperRecord[] = [];
    let failures: RecordFailure[] = [];
    const flush = (): SourceBatch<PaperRecord> => {
      const batch = { items, failures, checkpoint: String(lineNo), progress: { done: lineNo, fraction: file.fraction() } };
      items = [];
      failures = [];
      return batch;
    };
    for await (const line of file.lines) {
      lineNo++;
      if (lineNo <= skip) continue;
      if (line.trim() === '') continue;
      try {
        items.push(parseSnapshotLine(line));
      } catch (err) {
        failures.push({ position: `line ${lineNo}${idHint(line)}`, reason: (err as Error).message });
      }
      if (items.length + failures.length >= this.#batchSize) {
        yield flush();
        options.signal?.throwIfAborted();
      }
    }
    yield flush();
  }
}

function idHint(line: string): string {
  const m = /"id"\s*:\s*"([^"]{1,40})"/.exec(line);
  return m ? ` (id ${m[1]})` : '';
}
