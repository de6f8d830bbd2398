import type { Store } from '../../store/store.js';
import { storeCorpus } from './corpus.js';
import { LsaEmbedder } from './lsa-embedder.js';
import { fitLsa, type LsaFit, type LsaFitOptions } from './lsa-fit.js';
import { deserializeLsaModel, serializeLsaModel, type LsaModel } from './lsa-model.js';
import { latestModel, loadModel, saveModel, type StoredModel } from './model-store.js';

/** `embedding_models.kind` of the built-in model. */
export const LSA_KIND = 'lsa';

/** Saves a fitted LSA model with its parameters and training summary in `meta`. */
export async function saveLsaFit(store: Pick<Store, 'db'>, fit: LsaFit, now: Date = new Date()): Promise<StoredModel> {
  const stored: StoredModel = {
    id: fit.model.id,
    kind: LSA_KIND,
    dimensions: fit.model.dimensions,
    createdAt: now.toISOString(),
    meta: { params: fit.model.params, corpusSize: fit.corpusSize, sampleSize: fit.sampleSize, vocabularySize: fit.vocabularySize, nonZeros: fit.nonZeros, fitSeconds: Math.round(fit.seconds * 1000) / 1000 },
    data: serializeLsaModel(fit.model),
  };
  await saveModel(store, stored);
  return stored;
}

/** A stored LSA model: the one with `id`, or the latest when no id is given; undefined when absent. */
export async function loadLsaModel(store: Pick<Store, 'db'>, id?: string): Promise<LsaModel | undefined> {
  const stored = id === undefined ? await latestModel(store, LSA_KIND) : await loadModel(store, id);
  if (!stored || stored.kind !== LSA_KIND || !stored.data) return undefined;
  return deserializeLsaModel(stored.data);
}

/** Options of {@link openBuiltinEmbedder}. */
export interface BuiltinOptions extends LsaFitOptions {
  /** Fit a new model even when one is stored. @default false */
  refit?: boolean;
}

/**
 * The built-in embedder: the latest stored LSA model (when its requested dimensions match
 * `options.dimensions`, if given), else a model fitted on the store's papers and saved.
 */
export async function openBuiltinEmbedder(store: Pick<Store, 'db'>, options: BuiltinOptions = {}): Promise<LsaEmbedder> {
  if (!options.refit) {
    const stored = await loadLsaModel(store);
    if (stored && (options.dimensions === undefined || stored.params.dimensions === options.dimensions)) return new LsaEmbedder(stored);
  }
  const fit = await fitLsa(storeCorpus(store), options);
  await saveLsaFit(store, fit);
  return new LsaEmbedder(fit.model);
}
