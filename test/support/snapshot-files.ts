import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { SnapshotObject } from './convert.js';

/**
 * Small helpers for tests that build snapshot files from the converted shared data: a temp
 * directory, the first `n` objects of a converter, and the citation edge file read back
 * independently of the product's parser.
 */

/** A fresh directory under the OS temp dir, and how to remove it. */
export function tempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The first `n` objects of `source` (stops reading the underlying file after that). */
export async function take(source: AsyncIterable<SnapshotObject>, n: number): Promise<SnapshotObject[]> {
  const out: SnapshotObject[] = [];
  if (n <= 0) return out;
  for await (const o of source) {
    out.push(o);
    if (out.length >= n) break;
  }
  return out;
}

/** Yields the given objects, for `writeJsonl`. */
export async function* each(objects: Iterable<SnapshotObject>): AsyncGenerator<SnapshotObject> {
  yield* objects;
}

/** The (citing, cited) rows of a gzipped TSV edge file with a header line, read with plain string splitting. */
export async function readEdgeFile(path: string): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const rl = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  let first = true;
  for await (const line of rl) {
    if (first) { first = false; continue; }
    if (line.trim() === '') continue;
    const [citing, cited] = line.split('\t');
    rows.push([citing!.trim(), cited!.trim()]);
  }
  return rows;
}
