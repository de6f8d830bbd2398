import type { Store } from '../src/store/store.js';
import type { Corpus } from './datasets/corpus.js';
import type { TripletSet } from './datasets/specter.js';
import { pairedDiff, rankAll, score, type MethodResult, type Rankings } from './evaluate.js';
import { lazyFeatures } from './methods/features.js';
import { reciprocalRankFusion, RRF_K } from '../src/rank/fusion.js';
import { HYBRID } from '../src/services/search.service.js';
import type { Method, MethodContext, Ranker } from './methods/method.js';
import { seededRng, shuffled } from './stats.js';
import { authorTask } from './tasks/author.js';
import { citationTask } from './tasks/citation.js';
import type { Task } from './tasks/task.js';
import { tripletTask } from './tasks/triplets.js';

/** A corpus and the store holding it (for BM25). */
export interface CorpusInStore {
  corpus: Corpus;
  store?: Store;
}

/** Everything one evaluation run needs. */
export interface HarnessInput {
  hepth: CorpusInStore;
  triplets: TripletSet & { store?: Store };
  methods: Method[];
  /** Name of the keyword method fused in the hybrid. */
  keyword?: string;
  /** Names of the embedder methods; the best on citation MAP is fused in the hybrid. */
  embedders: string[];
  /** The method every other is compared with, paired, on the queries both ranked. */
  baseline?: string;
  /** Most queries per task a method may rank (a deterministic sample); absent = all. */
  budgets: Record<string, number>;
  /** Most queries per task for every method (the smoke run). */
  maxQueries?: number;
  /** BM25 weights tried in the hybrid (the embedder gets 1 − w). */
  fusionWeights: number[];
  depth: number;
  seed: number;
  quiet?: boolean;
}

/** One task's outcome. */
export interface TaskReport {
  name: string;
  facts: Record<string, number | string>;
  results: (MethodResult & { buildSeconds?: number })[];
}

/** The outcome of a run. */
export interface HarnessReport {
  tasks: TaskReport[];
  /** The embedder fused in the hybrid, chosen by citation MAP. */
  hybridEmbedder: string | null;
}

/**
 * Runs every method on the three tasks. Queries are shuffled once per task with the seed; a
 * method with a budget ranks the first `budget` of that order, so samples are nested and the
 * hybrid fuses its parts on the smaller one.
 */
export async function runHarness(input: HarnessInput): Promise<HarnessReport> {
  const hepthTasks = [citationTask(input.hepth.corpus), authorTask(input.hepth.corpus)];
  const hepthRankers = rankerCache(input.hepth, input.seed);
  const tripletRankers = rankerCache({ corpus: input.triplets.corpus, ...(input.triplets.store ? { store: input.triplets.store } : {}) }, input.seed);
  const reports: TaskReport[] = [];
  let embedder: string | null = null;
  for (const [task, rankers] of [[hepthTasks[0]!, hepthRankers], [hepthTasks[1]!, hepthRankers], [tripletTask(input.triplets), tripletRankers]] as const) {
    const { results, rankings } = await runTask(task, rankers, input);
    embedder ??= bestEmbedder(task, results, input.embedders);
    for (const [name, r] of hybrids(task, rankings, input, embedder)) {
      rankings.set(name, r);
      results.push(score(task, name, r, input.seed));
    }
    addPaired(task, results, rankings, input);
    reports.push({ name: task.name, facts: task.facts, results });
  }
  return { tasks: reports, hybridEmbedder: embedder };
}

async function runTask(task: Task, rankers: RankerCache, input: HarnessInput) {
  const order = shuffled(task.queries, seededRng(input.seed)).slice(0, input.maxQueries ?? Infinity);
  const results: TaskReport['results'] = [];
  const rankings = new Map<string, Rankings>();
  for (const method of input.methods) {
    const { ranker, buildSeconds } = await rankers(method);
    const sample = order.slice(0, input.budgets[method.name] ?? Infinity);
    const r = await rankAll(`${task.name} · ${method.name}`, ranker, sample, task.depth ?? input.depth, input.quiet);
    rankings.set(method.name, r);
    results.push({ ...score(task, method.name, r, input.seed), buildSeconds });
  }
  return { results, rankings };
}

type RankerCache = (method: Method) => Promise<{ ranker: Ranker; buildSeconds: number }>;

/** Builds each method once per corpus (citation and author tasks share the hep-th one). */
function rankerCache(target: CorpusInStore, seed: number): RankerCache {
  const built = new Map<string, { ranker: Ranker; buildSeconds: number }>();
  const context: MethodContext = { docs: target.corpus.docs, features: lazyFeatures(target.corpus.docs), seed, ...(target.store ? { store: target.store } : {}) };
  return async (method) => {
    let b = built.get(method.name);
    if (!b) {
      const started = Date.now();
      const ranker = await method.build(context);
      b = { ranker, buildSeconds: Math.round((Date.now() - started) / 100) / 10 };
      built.set(method.name, b);
    }
    return b;
  };
}

function bestEmbedder(task: Task, results: MethodResult[], embedders: string[]): string | null {
  const candidates = results.filter((r) => embedders.includes(r.method));
  candidates.sort((a, b) => (b.metrics[task.primary]?.mean ?? 0) - (a.metrics[task.primary]?.mean ?? 0));
  return candidates[0]?.method ?? null;
}

/**
 * Papersift's reciprocal rank fusion of the keyword method and the chosen embedder: once as the
 * search service ships it (HYBRID: top candidates of each, its weights), then over the whole
 * lists for each BM25 weight of the grid.
 */
function hybrids(task: Task, rankings: Map<string, Rankings>, input: HarnessInput, embedder: string | null): [string, Rankings][] {
  const a = input.keyword ? rankings.get(input.keyword) : undefined;
  const b = embedder ? rankings.get(embedder) : undefined;
  if (!a || !b) return [];
  const n = Math.min(a.queries.length, b.queries.length);
  const partsSeconds = (a.seconds * n) / a.queries.length + (b.seconds * n) / b.queries.length;
  const fuse = (name: string, w: [number, number], take: number): [string, Rankings] => {
    const started = Date.now();
    const lists = a.lists.slice(0, n).map((list, i) => reciprocalRankFusion([
      { name: 'keyword', ids: list.slice(0, take), weight: w[0] },
      { name: 'semantic', ids: b.lists[i]!.slice(0, take), weight: w[1] },
    ], RRF_K).slice(0, task.depth ?? input.depth).map((f) => f.id));
    return [name, { queries: a.queries.slice(0, n), lists, seconds: (Date.now() - started) / 1000 + partsSeconds }];
  };
  const product = fuse(`hybrid as shipped (top ${HYBRID.candidates} each, ${HYBRID.keywordWeight}:${HYBRID.semanticWeight})`, [HYBRID.keywordWeight, HYBRID.semanticWeight], HYBRID.candidates);
  return [product, ...input.fusionWeights.map((w) => fuse(`hybrid ${w.toFixed(2)}·BM25 + ${(1 - w).toFixed(2)}·${embedder}`, [w, 1 - w], Infinity))];
}

/** Adds each method's paired difference from the baseline on the task's primary metric. */
function addPaired(task: Task, results: MethodResult[], rankings: Map<string, Rankings>, input: HarnessInput): void {
  const base = input.baseline ? rankings.get(input.baseline) : undefined;
  if (!base) return;
  for (const r of results) {
    if (r.method === input.baseline) continue;
    r.paired = { against: input.baseline!, metric: task.primary, diff: pairedDiff(task, task.primary, rankings.get(r.method)!, base, input.seed) };
  }
}
