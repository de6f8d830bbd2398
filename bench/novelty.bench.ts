/**
 * Novelty benchmark (`node --import tsx bench/novelty.bench.ts`): the first novelty computation
 * on hep-th (KDD abstracts + Paperscape, built-in LSA vectors) with the exact search and with the
 * incremental HNSW index, their wall times and how well they agree: Spearman correlation of the
 * raw distances, Pearson correlation of the (category, year) percentiles, and the mean and 90th
 * percentile of the absolute percentile difference. The store is built once in
 * `.bench/novelty-hepth` (load, keyword and semantic index). BENCH_NOVELTY_DATA names another
 * SQLite data directory holding vectors instead (e.g. a 75k CS store built with the CLI).
 * Output: one JSON document on stdout.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openHepthStore } from '../eval/datasets/eval-store.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { refreshIndexes } from '../src/services/index.service.js';
import { refreshNovelty } from '../src/services/novelty.service.js';
import { latestLsaModelId } from '../src/services/vector-matrix.js';
import { withNoveltyTables } from '../src/store/novelty-impact.tables.js';
import type { Store } from '../src/store/store.js';

const OTHER = process.env['BENCH_NOVELTY_DATA'];
const DIR = OTHER ?? fileURLToPath(new URL('../.bench/novelty-hepth', import.meta.url));

type Scores = Map<number, { distance: number | null; percentile: number | null }>;

const store = OTHER ? openSqliteStore({ file: join(OTHER, 'papersift.db') }) : await openHepthStore(DIR, { progress: false });
try {
  if (!(await latestLsaModelId(store))) {
    process.stderr.write('building the keyword and semantic indexes (once)\n');
    await refreshIndexes(store, { semantic: { dataDir: DIR, embeddingModel: 'builtin', embeddingDtype: 'q8', allowDownload: false } });
  }
  const exact = await timed(store, 'exact');
  const ann = await timed(store, 'ann');
  process.stdout.write(`${JSON.stringify({ benchmark: 'novelty', store: join(DIR, 'papersift.db'), papers: exact.scores.size, exactSec: exact.sec, annSec: ann.sec, agreement: agreement(exact.scores, ann.scores) }, null, 2)}\n`);
} finally {
  await store.close();
}

async function timed(s: Store, method: 'exact' | 'ann'): Promise<{ sec: number; scores: Scores }> {
  const t0 = performance.now();
  const report = await refreshNovelty(s, { full: true, method });
  const sec = Math.round((performance.now() - t0) / 10) / 100;
  process.stderr.write(`${method}: ${report.computed} papers in ${sec} s\n`);
  const rows = await withNoveltyTables(s.db).selectFrom('paper_novelty').select(['paper_id', 'distance', 'percentile']).execute();
  return { sec, scores: new Map(rows.map((r) => [Number(r.paper_id), { distance: num(r.distance), percentile: num(r.percentile) }])) };
}

function agreement(a: Scores, b: Scores) {
  const pairs = (f: 'distance' | 'percentile') => [...a].flatMap(([id, x]) => { const y = b.get(id)?.[f]; return x[f] !== null && y !== null && y !== undefined ? [[x[f]!, y] as [number, number]] : []; });
  const d = pairs('distance'), p = pairs('percentile');
  const diffs = p.map(([x, y]) => Math.abs(x - y)).sort((x, y) => x - y);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    distances: d.length, spearmanDistance: round(pearson(ranks(d.map((x) => x[0])), ranks(d.map((x) => x[1])))),
    percentiles: p.length, pearsonPercentile: round(pearson(p.map((x) => x[0]), p.map((x) => x[1]))),
    meanAbsPercentileDiff: round(diffs.reduce((s, x) => s + x, 0) / diffs.length), p90AbsPercentileDiff: round(diffs[Math.floor(diffs.length * 0.9)]!),
    exactlyEqualDistances: d.filter(([x, y]) => Math.abs(x - y) < 1e-6).length,
  };
}

function ranks(xs: number[]): number[] {
  const order = xs.map((v, i) => ({ v, i })).sort((x, y) => x.v - y.v);
  const r = new Array<number>(xs.length);
  order.forEach((o, k) => { r[o.i] = k; });
  return r;
}

function pearson(x: number[], y: number[]): number {
  const n = x.length, mx = x.reduce((s, v) => s + v, 0) / n, my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i]! - mx) * (y[i]! - my); sxx += (x[i]! - mx) ** 2; syy += (y[i]! - my) ** 2; }
  return sxy / Math.sqrt(sxx * syy);
}

function num(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}
