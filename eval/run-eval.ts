import { availableParallelism, cpus } from 'node:os';
import { openSearchIndex } from '../src/index/fts/open.js';
import type { Store } from '../src/store/store.js';
import { readHepthCorpus } from './datasets/corpus.js';
import { openHepthStore, scratchStore } from './datasets/eval-store.js';
import { readSpecterTriplets, tripletSnapshot } from './datasets/specter.js';
import { runHarness, type HarnessReport } from './harness.js';
import { evalMethods } from './methods/registry.js';
import { progress } from './progress.js';
import { EVAL_SETTINGS } from './settings.js';

/** Options of {@link runEval}. */
export interface RunEvalOptions {
  /** Directory of the evaluation store (created and loaded when needed). */
  dataDir: string;
  /** Load only these papers (and the edges among them), without Paperscape's paper list: the smoke run. */
  subset?: ReadonlySet<string>;
  /** Most queries per task for every method. */
  maxQueries?: number;
  /** A transformers.js model to compare as one more embedder (EVAL_EMBEDDING_MODEL). */
  transformer?: string;
  /** Overrides of the full run's settings. */
  settings?: Partial<typeof EVAL_SETTINGS>;
  quiet?: boolean;
}

/** What `npm run eval` prints as JSON. */
export interface EvalDocument extends HarnessReport {
  measuredAt: string;
  seconds: number;
  machine: { node: string; cpus: number; cpu: string };
  settings: typeof EVAL_SETTINGS;
  maxQueries: number | null;
}

/**
 * The whole evaluation: opens (loading if needed) the hep-th store, brings its keyword index up
 * to date, reads the corpus and the SPECTER triplets (into a throw-away store of their own for
 * BM25), and runs every method on the three tasks.
 */
export async function runEval(options: RunEvalOptions): Promise<EvalDocument> {
  const started = Date.now();
  const settings = { ...EVAL_SETTINGS, ...options.settings };
  const subset = options.subset;
  const store = await openHepthStore(options.dataDir, subset
    ? { keep: (id) => subset.has(id), paperscape: false, subset: true, progress: !options.quiet }
    : { progress: !options.quiet });
  const triplets = readSpecterTriplets();
  const scratch = await scratchStore(tripletSnapshot(triplets.corpus.docs));
  try {
    await refreshIndex(store, 'keyword index (hep-th store)', options.quiet);
    await refreshIndex(scratch.store, 'keyword index (triplets)', true);
    const corpus = await readHepthCorpus(store);
    const set = evalMethods({ lsaDimensions: settings.lsaDimensions, svm: settings.svm, ...(options.transformer ? { transformer: options.transformer } : {}) });
    const report = await runHarness({
      hepth: { corpus, store }, triplets: { ...triplets, store: scratch.store },
      methods: set.methods, keyword: set.keyword, embedders: set.embedders, baseline: set.baseline,
      budgets: settings.budgets, fusionWeights: settings.fusionWeights, depth: settings.depth, seed: settings.seed,
      ...(options.maxQueries !== undefined ? { maxQueries: options.maxQueries } : {}), quiet: options.quiet ?? false,
    });
    return {
      measuredAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 100) / 10,
      machine: { node: process.version, cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown' },
      settings, maxQueries: options.maxQueries ?? null, ...report,
    };
  } finally {
    await scratch.dispose();
    await store.close();
  }
}

async function refreshIndex(store: Store, label: string, quiet = false): Promise<void> {
  let bar: ReturnType<typeof progress> | undefined;
  const report = await openSearchIndex(store).refresh((done, total) => (bar ??= progress(label, total, quiet)).tick(done));
  bar?.done(`${report.indexed} papers indexed`);
}
