import { createReadStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { csDailySnapshot, scaledCopy, writeJsonl, type SnapshotObject } from '../test/support/convert.js';
import { sharedData } from '../test/support/shared-data.js';
import { deferCleanup, log, throwIfInterrupted } from './lifecycle.js';

/**
 * The benchmark's input files, written once as plain JSON lines under `.bench/` and reused
 * while they are present and the size recorded when they were written:
 *   75k   arxiv_cs_daily_2025 (74,728 CS papers) converted to the snapshot schema;
 *   1.5m  the same rows ×BENCH_SCALE (default 20) with ids rewritten by `scaledCopy(o, k)`,
 *         copy k = 0… one after another.
 */

export type WorkloadName = '75k' | '1.5m';

/** One input file. */
export interface Workload {
  name: WorkloadName;
  file: string;
  lines: number;
  sizeBytes: number;
  /** Copies of the CS set the file holds (1 for 75k). */
  scale: number;
}

interface ManifestEntry { size: number; lines: number; writtenAt: string; from: string }
type Manifest = Record<string, ManifestEntry>;

/** Bump when the conversion changes, so cached files are rewritten. */
const FORMAT = 'csDailySnapshot/2';
const SOURCE = 'arxiv_cs_daily_2025/papers.jsonl.gz';

export class WorkloadCache {
  readonly dir: string;
  readonly #manifestFile: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    this.#manifestFile = join(dir, 'manifest.json');
  }

  /** The 75k CS set as snapshot JSON lines. */
  async base(): Promise<Workload> {
    const src = sharedData(SOURCE);
    const st = statSync(src);
    const from = `${FORMAT} ${SOURCE} ${st.size}`;
    const file = join(this.dir, 'cs-daily-75k.jsonl');
    const entry = await this.#ensure(file, from, () => csDailySnapshot());
    return { name: '75k', file, lines: entry.lines, sizeBytes: entry.size, scale: 1 };
  }

  /** The CS set ×`scale` with rewritten ids. */
  async scaled(base: Workload, scale: number): Promise<Workload> {
    const file = join(this.dir, `cs-daily-x${scale}.jsonl`);
    const from = `${FORMAT} scaledCopy k=0..${scale - 1} of ${base.file} ${base.sizeBytes}`;
    const entry = await this.#ensure(file, from, () => scaledObjects(base.file, scale));
    return { name: '1.5m', file, lines: entry.lines, sizeBytes: entry.size, scale };
  }

  async #ensure(file: string, from: string, objects: () => AsyncIterable<SnapshotObject>): Promise<ManifestEntry> {
    const manifest = this.#read();
    const key = file.slice(this.dir.length + 1);
    const known = manifest[key];
    if (known && known.from === from && existsSync(file) && statSync(file).size === known.size) {
      log(`reusing ${file} (${known.lines.toLocaleString('en')} lines, ${mib(known.size)} MiB)`);
      return known;
    }
    log(`writing ${file} …`);
    const tmp = `${file}.tmp`;
    const removeTmp = deferCleanup(() => rmSync(tmp, { force: true }));
    try {
      const lines = await writeJsonl(progress(objects(), key), tmp);
      renameSync(tmp, file);
      const entry: ManifestEntry = { size: statSync(file).size, lines, writtenAt: new Date().toISOString(), from };
      this.#write({ ...this.#read(), [key]: entry });
      log(`wrote ${file} (${lines.toLocaleString('en')} lines, ${mib(entry.size)} MiB)`);
      return entry;
    } finally {
      await removeTmp();
    }
  }

  #read(): Manifest {
    try { return JSON.parse(readFileSync(this.#manifestFile, 'utf8')) as Manifest; } catch { return {}; }
  }

  #write(m: Manifest): void {
    writeFileSync(this.#manifestFile, `${JSON.stringify(m, null, 2)}\n`);
  }
}

async function* scaledObjects(baseFile: string, scale: number): AsyncGenerator<SnapshotObject> {
  for (let k = 0; k < scale; k++) {
    const lines = createInterface({ input: createReadStream(baseFile, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield scaledCopy(JSON.parse(line) as SnapshotObject, k);
  }
}

async function* progress(objects: AsyncIterable<SnapshotObject>, label: string): AsyncGenerator<SnapshotObject> {
  let n = 0;
  for await (const o of objects) {
    yield o;
    if (++n % 250_000 === 0) { log(`  ${label}: ${n.toLocaleString('en')} lines`); throwIfInterrupted(); }
  }
}

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
