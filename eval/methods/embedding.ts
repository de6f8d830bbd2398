import type { Embedder } from '../../src/index/embedder.js';
import type { Doc } from '../datasets/corpus.js';
import type { Method, RankRequest, Ranker } from './method.js';
import { topK } from './top-k.js';

/** Fits an embedder on a corpus (the built-in models learn from the papers they will embed). */
export type EmbedderFit = (docs: readonly Doc[]) => Promise<Embedder>;

/**
 * Dense retrieval with an Embedder: every doc is embedded once; the profile is the sum of the
 * positives' unit vectors (their centroid, up to scale), and candidates are ranked by their
 * dot product with it, which orders them as cosine similarity does.
 */
export function embedderMethod(name: string, fit: EmbedderFit): Method {
  return {
    name,
    async build(context): Promise<Ranker> {
      const embedder = await fit(context.docs);
      const dims = embedder.dimensions;
      const matrix = new Float32Array(context.docs.length * dims);
      const vectors = await embedder.embedDocuments(context.docs.map((d) => ({ title: d.title, abstract: d.abstract })));
      vectors.forEach((v, i) => matrix.set(v, i * dims));
      return {
        async rank({ positives, candidates, depth }: RankRequest) {
          const profile = new Float64Array(dims);
          for (const p of positives) for (let k = 0; k < dims; k++) profile[k]! += matrix[p * dims + k]!;
          const scores = Float64Array.from(candidates, (c) => {
            let s = 0;
            const at = c * dims;
            for (let k = 0; k < dims; k++) s += matrix[at + k]! * profile[k]!;
            return s;
          });
          return topK(candidates, scores, depth);
        },
      };
    },
  };
}
