/**
 * Embedder throughput benchmark. For each embedder it measures documents per second of
 * `embedDocuments` on fixed batches of real abstracts (arxiv_cs_daily_2025) and, on the same
 * batches, of the raw runtime underneath:
 *
 * - built-in LSA: its tokenizer and tf-idf weighing plus one batched sparse × dense product per
 *   batch (no per-document projection, no normalisation) — the analogue of the transformer's
 *   tokenizer + session call; the bare product alone is reported too (`projectionDocsPerSec`);
 * - transformer: the tokenizer plus the raw onnxruntime session call on the same length-sorted
 *   sub-batches (no transformers.js model wrapper, pooling or normalisation).
 *
 * The two are measured alternately, `repeats` times each; medians and their ratio are
 * reported (target ≥ 0.9). The LSA model is fitted first on the whole CS set (fit time
 * reported). `npm run bench:search` calls {@link benchEmbedders}; run alone:
 *
 *   node --import tsx bench/embedders.ts > embedders.json
 *
 * Environment: EMB_FIT_DOCS (papers the LSA model is fitted on, default all 74,728),
 * EMB_LSA_DIMS (256), EMB_DOCS (documents per LSA repetition, 5000), EMB_TRANSFORMER_DOCS (256),
 * EMB_BATCH (documents per embedDocuments call, 100), EMB_REPEATS (5), EMB_MODELS (comma list
 * of transformer model directories or Hub names; default the random-weight fixture),
 * EMB_DTYPE (q8). Progress on stderr, one JSON document on stdout.
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-common';
import type { Embedder, EmbedText } from '../src/index/embedder.js';
import { arrayCorpus } from '../src/index/embed/corpus.js';
import { LsaEmbedder } from '../src/index/embed/lsa-embedder.js';
import { fitLsa } from '../src/index/embed/lsa-fit.js';
import { weighPaper, type LsaModel } from '../src/index/embed/lsa-model.js';
import { CsrBuilder, multiply, type Csr } from '../src/index/embed/sparse.js';
import { lengthBatches, openTransformerEmbedder, type TransformerDtype, type TransformerEmbedder } from '../src/index/embed/transformer-embedder.js';
import { csDailySnapshot } from '../test/support/convert.js';
import { log } from './lifecycle.js';
import { median, round } from './report.js';

/** The target for embedDocuments ÷ raw runtime. */
export const EMBEDDER_TARGETS = { ratio: 0.9, lsaDocsPerSec: 5000, lsaFitSeconds: 60 } as const;

/** One embedder's throughput. */
export interface EmbedderThroughput {
  name: string;
  modelId: string;
  dimensions: number;
  /** Documents per repetition, in calls of `batch`. */
  docs: number;
  batch: number;
  repeats: number;
  /** Median documents/s of embedDocuments. */
  docsPerSec: number;
  /** Median documents/s of the raw runtime on the same batches. */
  rawDocsPerSec: number;
  /** docsPerSec ÷ rawDocsPerSec. */
  ratio: number;
  /** What the raw runtime is. */
  raw: string;
  /** LSA only: documents/s of the bare sparse × dense product on pre-weighed rows. */
  projectionDocsPerSec?: number;
  runs: { docsPerSec: number; rawDocsPerSec: number }[];
}

/** How long the LSA fit took. */
export interface FitReport {
  papers: number;
  dimensions: number;
  vocabulary: number;
  nonZeros: number;
  wallSec: number;
  /** CPU seconds of this process during the fit (all threads): wall ≫ cpu means a busy machine. */
  cpuSec: number;
  modelId: string;
}

/** The whole report. */
export interface EmbedderBenchReport {
  targets: typeof EMBEDDER_TARGETS;
  machine: { cpus: number; loadavg: number[] };
  fit: FitReport;
  embedders: EmbedderThroughput[];
}

/** Options of {@link benchEmbedders} (defaults from the environment, see the module comment). */
export interface EmbedderBenchOptions {
  fitDocs?: number;
  lsaDimensions?: number;
  /** A fitted model to use instead of fitting one (the fit report then says 0 seconds). */
  lsaModel?: LsaModel;
  docs?: number;
  transformerDocs?: number;
  batch?: number;
  repeats?: number;
  transformerModels?: string[];
  dtype?: TransformerDtype;
}

const FIXTURE = fileURLToPath(new URL('../../shared/models/random-bert-tiny-fixture', import.meta.url));
const env = (name: string): number | undefined => (process.env[name] ? Number(process.env[name]) : undefined);

function optionsFromEnv(): EmbedderBenchOptions {
  return {
    fitDocs: env('EMB_FIT_DOCS'), lsaDimensions: env('EMB_LSA_DIMS'), docs: env('EMB_DOCS'), transformerDocs: env('EMB_TRANSFORMER_DOCS'),
    batch: env('EMB_BATCH'), repeats: env('EMB_REPEATS'), transformerModels: process.env['EMB_MODELS']?.split(',').filter(Boolean),
    dtype: process.env['EMB_DTYPE'] as TransformerDtype | undefined,
  };
}

async function loadAbstracts(limit: number): Promise<EmbedText[]> {
  const out: EmbedText[] = [];
  for await (const o of csDailySnapshot()) {
    out.push({ title: String(o['title']), abstract: String(o['abstract']) });
    if (out.length >= limit) break;
  }
  return out;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function timed(fn: () => Promise<void> | void): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Alternates embed and raw passes `repeats` times and summarises them. */
async function compare(name: string, e: Embedder, docs: number, batch: number, repeats: number, raw: string, embedPass: () => Promise<void>, rawPass: () => Promise<void>): Promise<EmbedderThroughput> {
  await embedPass();
  await rawPass();
  const runs: EmbedderThroughput['runs'] = [];
  for (let r = 0; r < repeats; r++) {
    const embedSec = await timed(embedPass);
    const rawSec = await timed(rawPass);
    runs.push({ docsPerSec: round(docs / embedSec), rawDocsPerSec: round(docs / rawSec) });
    log(`  ${name} #${r + 1}: ${runs.at(-1)!.docsPerSec} docs/s (raw ${runs.at(-1)!.rawDocsPerSec})`);
  }
  const docsPerSec = median(runs.map((x) => x.docsPerSec))!;
  const rawDocsPerSec = median(runs.map((x) => x.rawDocsPerSec))!;
  return { name, modelId: e.modelId, dimensions: e.dimensions, docs, batch, repeats, docsPerSec, rawDocsPerSec, ratio: round(docsPerSec / rawDocsPerSec, 3), raw, runs };
}

/** LSA: embedDocuments vs its tokenizer + weighing + one batched CSR × projection per batch. */
async function benchLsa(model: LsaModel, docs: EmbedText[], batch: number, repeats: number): Promise<EmbedderThroughput> {
  const e = new LsaEmbedder(model);
  const batches = chunks(docs, batch);
  const weigh = (b: EmbedText[]): Csr => {
    const builder = new CsrBuilder(model.index.size);
    for (const d of b) builder.addRow(weighPaper(model, d));
    return builder.build();
  };
  const rows: Csr[] = batches.map(weigh);
  const embedPass = async () => { for (const b of batches) await e.embedDocuments(b); };
  const rawPass = async () => { for (const b of batches) multiply(weigh(b), model.projection, model.dimensions); };
  const result = await compare(`lsa-${model.dimensions}`, e, docs.length, batch, repeats, 'tokenize + tf-idf weighing + one CSR × projection product per batch', embedPass, rawPass);
  const started = process.hrtime.bigint();
  for (const csr of rows) multiply(csr, model.projection, model.dimensions);
  const projectionDocsPerSec = Math.round(docs.length / (Number(process.hrtime.bigint() - started) / 1e9));
  return { ...result, projectionDocsPerSec };
}

/** The raw onnxruntime session behind a transformers.js model. */
function sessionOf(e: TransformerEmbedder): InferenceSession {
  const session = (e.model as unknown as { sessions: Record<string, InferenceSession> }).sessions['model'];
  if (!session) throw new Error(`${e.modelId}: no onnxruntime session named "model"`);
  return session;
}

/** Transformer: embedDocuments vs tokenizer + session.run on the same length-sorted sub-batches. */
async function benchTransformer(e: TransformerEmbedder, docs: EmbedText[], batch: number, repeats: number): Promise<EmbedderThroughput> {
  const session = sessionOf(e);
  const sep = e.tokenizer.sep_token ?? ' ';
  const batches = chunks(docs, batch);
  const embedPass = async () => { for (const b of batches) await e.embedDocuments(b); };
  const rawPass = async () => {
    for (const b of batches) {
      const texts = b.map((d) => e.family.document(d, sep));
      for (const sub of lengthBatches(texts, e.batchSize)) {
        const inputs = e.encode(sub.map((i) => texts[i]!));
        const feeds = Object.fromEntries(session.inputNames.map((n) => [n, (inputs[n] as unknown as { ort_tensor: OrtTensor }).ort_tensor]));
        await session.run(feeds);
      }
    }
  };
  return compare(e.modelId, e, docs.length, batch, repeats, `tokenizer + onnxruntime session.run (sub-batches of ${e.batchSize}, ${e.maxTokens} tokens max)`, embedPass, rawPass);
}

async function fitReport(corpus: EmbedText[], dimensions: number | undefined): Promise<{ model: LsaModel; fit: FitReport }> {
  log(`fitting LSA on ${corpus.length} papers …`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const fit = await fitLsa(arrayCorpus(corpus), dimensions ? { dimensions } : {});
  const wallSec = round((performance.now() - t0) / 1000, 2);
  const cpu = process.cpuUsage(cpu0);
  log(`  fitted ${fit.model.id} in ${wallSec} s`);
  return { model: fit.model, fit: { papers: fit.sampleSize, dimensions: fit.model.dimensions, vocabulary: fit.vocabularySize, nonZeros: fit.nonZeros, wallSec, cpuSec: round((cpu.user + cpu.system) / 1e6, 2), modelId: fit.model.id } };
}

/** Measures every embedder (see the module comment). */
export async function benchEmbedders(options: EmbedderBenchOptions = {}): Promise<EmbedderBenchReport> {
  const measured = Math.max(options.docs ?? 5000, options.transformerDocs ?? 256);
  const corpus = await loadAbstracts(options.lsaModel ? measured : Math.max(measured, options.fitDocs ?? Number.POSITIVE_INFINITY));
  const { model, fit } = options.lsaModel
    ? { model: options.lsaModel, fit: { papers: 0, dimensions: options.lsaModel.dimensions, vocabulary: options.lsaModel.index.size, nonZeros: 0, wallSec: 0, cpuSec: 0, modelId: options.lsaModel.id } }
    : await fitReport(corpus.slice(0, options.fitDocs ?? corpus.length), options.lsaDimensions);
  const batch = options.batch ?? 100;
  const repeats = Math.max(3, options.repeats ?? 5);
  const embedders = [await benchLsa(model, corpus.slice(0, options.docs ?? 5000), batch, repeats)];
  for (const name of options.transformerModels ?? [FIXTURE]) {
    const e = await openTransformerEmbedder({ model: name, dtype: options.dtype ?? 'q8' });
    embedders.push(await benchTransformer(e, corpus.slice(0, options.transformerDocs ?? 256), batch, repeats));
  }
  return { targets: EMBEDDER_TARGETS, machine: { cpus: cpus().length, loadavg: loadavg().map((x) => round(x, 2)) }, fit, embedders };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = await benchEmbedders(optionsFromEnv());
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
