import { METHOD } from './names.js';
import type { Method, RankRequest, Ranker } from './method.js';
import { addInto, dotDense } from './sparse.js';
import { topK } from './top-k.js';

/**
 * tf-idf cosine: the profile is the sum of the positives' unit tf-idf vectors (a centroid, up to
 * scale); candidates are ranked by their dot product with it. Candidates sharing no feature with
 * the profile are not returned.
 */
export const tfidfCosine: Method = {
  name: METHOD.tfidf,
  async build(context): Promise<Ranker> {
    const { model, vectors } = context.features();
    const profile = new Float64Array(model.idf.length);
    return {
      async rank({ positives, candidates, depth }: RankRequest) {
        profile.fill(0);
        for (const p of positives) addInto(profile, vectors[p]!);
        const scores = Float64Array.from(candidates, (c) => {
          const s = dotDense(vectors[c]!, profile);
          return s > 0 ? s : -Infinity;
        });
        return topK(candidates, scores, depth);
      },
    };
  },
};
