import { basename } from 'node:path';
import { arrayCorpus } from '../../src/index/embed/corpus.js';
import { LsaEmbedder } from '../../src/index/embed/lsa-embedder.js';
import { fitLsa } from '../../src/index/embed/lsa-fit.js';
import { openTransformerEmbedder } from '../../src/index/embed/transformer-embedder.js';
import { embedderMethod } from './embedding.js';
import type { Method } from './method.js';
import { METHOD } from './names.js';

/**
 * The built-in LSA embedder at one dimensionality, fitted with its other defaults on the corpus
 * it ranks (title + abstract of every paper; no citation data), as Papersift fits it on a store.
 */
export function lsaMethod(dimensions: number): Method {
  return embedderMethod(METHOD.lsa(dimensions), async (docs) => {
    const fit = await fitLsa(arrayCorpus(docs.map((d) => ({ title: d.title, abstract: d.abstract }))), { dimensions });
    return new LsaEmbedder(fit.model);
  });
}

/** A transformer sentence-embedding model (a transformers.js directory or a cached Hub name); nothing is downloaded. */
export function transformerMethod(model: string): Method {
  return embedderMethod(`transformer ${basename(model)}`, () => openTransformerEmbedder({ model }));
}
