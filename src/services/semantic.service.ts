import { join } from 'node:path';
import type { Embedder, EmbedText } from '../index/embedder.js';
import { loadLsaModel, openBuiltinEmbedder } from '../index/embed/builtin.js';
import { LsaEmbedder, sharedTerms, topTerms } from '../index/embed/lsa-embedder.js';
import type { FitPhase } from '../index/embed/lsa-fit.js';
import type { LsaModel } from '../index/embed/lsa-model.js';
import { BUILTIN, openEmbedder } from '../index/embed/open-embedder.js';
import type { TransformerDtype } from '../index/embed/transformer-embedder.js';
import { StoredSemanticIndex, type TermExplainer } from '../index/semantic-index.js';
import type { SemanticIndex } from '../index/semantic.js';
import { openVectorIndex, syncVectors, type SyncReport } from '../index/vectors/vector-sync.js';
import { countVectors } from '../index/vectors/vector-table.js';
import type { Config } from '../config/config.js';
import type { Store } from '../store/store.js';

/**
 * Semantic search as the app runs it: which embedder (the built-in LSA model fitted on the
 * store, or a local transformer model), where its ANN index lives, how vectors are brought up
 * to date after an ingest, and how the serving index is opened.
 */

/** What semantic search is configured with (from Config, read once at startup). */
export interface SemanticSettings {
  /** Local state directory; ANN index files go to `<dataDir>/ann`. */
  dataDir: string;
  /** `builtin`, a model directory or a Hub name (EMBEDDING_MODEL). */
  embeddingModel: string;
  embeddingDtype?: TransformerDtype;
  /** May a Hub model be downloaded (not when PAPERSIFT_OFFLINE). @default false */
  allowDownload?: boolean;
  /** Dimensions of a newly fitted built-in model (chosen by `npm run eval`). */
  dimensions?: number;
}

/** The settings Config gives. */
export function semanticSettings(config: Pick<Config, 'dataDir' | 'embeddingModel' | 'embeddingDtype' | 'offline'>): SemanticSettings {
  return { dataDir: config.dataDir, embeddingModel: config.embeddingModel, embeddingDtype: config.embeddingDtype, allowDownload: !config.offline };
}

/** Progress of a semantic refresh step: fitting the model, embedding papers, building the ANN index. */
export type SemanticProgress = (step: `fit:${FitPhase}` | 'vectors' | 'ann', done: number, total: number) => void;

/** What a semantic refresh did. */
export interface SemanticReport {
  modelId: string;
  /** A new built-in model was fitted. */
  fitted: boolean;
  /** Set when the configured transformer could not be used and the built-in model was. */
  fallback: string | null;
  sync: SyncReport;
}

/** The ANN index directory. */
export function annDir(settings: SemanticSettings): string {
  return join(settings.dataDir, 'ann');
}

/**
 * Brings the semantic index up to date: fits the built-in model when there is none (or when
 * `refit`), embeds every paper without a current vector, and updates the ANN index. Resumable.
 * Null for an empty store (there is nothing to fit a model on).
 */
export async function refreshSemantic(store: Store, settings: SemanticSettings, options: { refit?: boolean; onProgress?: SemanticProgress; log?: (m: string) => void } = {}): Promise<SemanticReport | null> {
  if ((await store.papers.count()) === 0) return null;
  let fitted = false;
  const builtin = async (): Promise<Embedder> => {
    const before = await loadLsaModel(store);
    const embedder = await openBuiltinEmbedder(store, {
      refit: options.refit ?? false, ...(settings.dimensions ? { dimensions: settings.dimensions } : {}),
      onProgress: (done: number, total: number, phase: FitPhase) => options.onProgress?.(`fit:${phase}`, done, total),
    });
    fitted = before?.id !== embedder.modelId;
    return embedder;
  };
  const opened = await openEmbedder(transformerSpec(settings), builtin, options.log);
  const embedder = opened.embedder;
  const { index } = await openVectorIndex(store, embedder.modelId, embedder.dimensions, annDir(settings), { onProgress: (d, t) => options.onProgress?.('ann', d, t) });
  const sync = await syncVectors(store, embedder, index, { onProgress: (d, t) => options.onProgress?.('vectors', d, t) });
  return { modelId: embedder.modelId, fitted, fallback: opened.fellBack ? opened.message ?? 'fell back' : null, sync };
}

/**
 * The semantic index for serving, or null when the configured model has no vectors yet
 * (search then falls back to keyword). Never fits a model or embeds the corpus: that is
 * `papersift index`'s job. A missing or stale ANN file is rebuilt from the stored vectors.
 */
export async function openSemantic(store: Store, settings: SemanticSettings, log?: (m: string) => void): Promise<SemanticIndex | null> {
  const lsa = await loadLsaModel(store);
  const opened = await openEmbedder(transformerSpec(settings), async () => {
    if (!lsa) throw new NoModelYet();
    return new LsaEmbedder(lsa);
  }, log).catch((e: unknown) => { if (e instanceof NoModelYet) return null; throw e; });
  if (!opened) return null;
  const embedder = opened.embedder;
  if ((await countVectors(store.db, embedder.modelId)) === 0) return null;
  const { index } = await openVectorIndex(store, embedder.modelId, embedder.dimensions, annDir(settings));
  return new StoredSemanticIndex(store, embedder, index, explainer(lsa));
}

class NoModelYet extends Error {}

function transformerSpec(settings: SemanticSettings) {
  return { model: settings.embeddingModel || BUILTIN, ...(settings.embeddingDtype ? { dtype: settings.embeddingDtype } : {}), allowRemote: settings.allowDownload ?? false };
}

/** tf-idf terms when a built-in model exists; else title words (longer than three letters). */
function explainer(model: LsaModel | undefined): TermExplainer {
  if (model) return { shared: (a, b, n) => sharedTerms(model, a, b, n).map((t) => t.term), top: (t, n) => topTerms(model, t, n).map((w) => w.term) };
  const words = (t: EmbedText) => [...new Set(t.title.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3))];
  return {
    shared: (a, b, n) => { const wb = new Set(words(b)); return words(a).filter((w) => wb.has(w)).slice(0, n); },
    top: (t, n) => words(t).slice(0, n),
  };
}
