import type { RecordFailure } from '../../core/ingest-report.js';
import type { PaperRecord } from '../../core/paper.js';
import { openLineFile } from '../line-reader.js';
import type { SourceBatch } from '../source.js';
import { parseSnapshotLine } from './snapshot.parser.js';

/** What to read: the file, how many lines to skip (a resume checkpoint) and the batch size. */
export interface SnapshotReadOptions {
  file: string;
  skip: number;
  batchSize: number;
  /**
   * Yield each batch in parts of at most this many records, the last part of a batch ending
   * where the batch does, so joining parts up to `batchSize` gives the same batches. @default batchSize
   */
  partSize?: number;
}

/**
 * Streams a snapshot file as batches of parsed records. The checkpoint of each batch is the
 * number of lines consumed, so resuming skips exactly what was committed, without parsing it.
 * A malformed line becomes a failure naming its line number (and id, when readable).
 */
export async function* readSnapshotBatches(o: SnapshotReadOptions): AsyncGenerator<SourceBatch<PaperRecord>> {
  const file = openLineFile(o.file);
  let lineNo = 0;
  let items: PaperRecord[] = [];
  let failures: RecordFailure[] = [];
  const part = Math.min(o.partSize ?? o.batchSize, o.batchSize);
  let inBatch = 0;
  const flush = (): SourceBatch<PaperRecord> => {
    const batch = { items, failures, checkpoint: String(lineNo), progress: { done: lineNo, fraction: file.fraction() } };
    items = [];
    failures = [];
    return batch;
  };
  try {
    for await (const line of file.lines) {
      lineNo++;
      if (lineNo <= o.skip || line.trim() === '') continue;
      try {
        items.push(parseSnapshotLine(line));
      } catch (err) {
        failures.push({ position: `line ${lineNo}${idHint(line)}`, reason: (err as Error).message });
      }
      if (++inBatch === o.batchSize) { inBatch = 0; yield flush(); } else if (items.length + failures.length >= part) yield flush();
    }
  } finally {
    file.close(); // a consumer that stops early must not leave the file decompressing
  }
  yield flush();
}

function idHint(line: string): string {
  const m = /"id"\s*:\s*"([^"]{1,40})"/.exec(line);
  return m ? ` (id ${m[1]})` : '';
}
