import { seededRng } from '../stats.js';
import { ARXIV_SANITY_SVM, decision, trainLinearSvm, type SvmOptions } from './linear-svm.js';
import { METHOD } from './names.js';
import type { Method, RankRequest, Ranker } from './method.js';
import type { SparseVector } from './sparse.js';
import { topK } from './top-k.js';

/**
 * The arxiv-sanity-lite ranking (serve.py `svm_rank`): an exemplar linear SVM per query over the
 * shared tf-idf features, the positives labelled +1 and every paper of the pool −1, candidates
 * ranked by the decision function.
 */
export function svmMethod(options: SvmOptions = ARXIV_SANITY_SVM, name = METHOD.svm): Method {
  return {
    name,
    async build(context): Promise<Ranker> {
      const { model, vectors } = context.features();
      const rng = seededRng(context.seed);
      return {
        async rank({ positives, candidates, pool, depth }: RankRequest) {
          const pos = new Set(positives);
          const xs: SparseVector[] = [];
          const labels: number[] = [];
          for (const p of pos) { xs.push(vectors[p]!); labels.push(1); }
          for (const n of pool ?? candidates) if (!pos.has(n)) { xs.push(vectors[n]!); labels.push(-1); }
          const svm = trainLinearSvm(xs, labels, model.idf.length, options, rng);
          return topK(candidates, Float64Array.from(candidates, (c) => decision(svm, vectors[c]!)), depth);
        },
      };
    },
  };
}
