import type { TripletSet } from '../datasets/specter.js';
import type { Task } from './task.js';

/**
 * SPECTER triplets: for each (query, cited, not cited), the method ranks the two candidates for
 * the query, scored by `posAboveNeg`. The SVM's negatives are all other papers of the sample.
 */
export function tripletTask(set: TripletSet): Task {
  const all = set.corpus.docs.map((_, i) => i);
  return {
    name: 'triplets',
    metrics: ['pos>neg'],
    primary: 'pos>neg',
    depth: set.corpus.docs.length,
    queries: set.triplets.map(([q, pos, neg]) => ({
      key: set.corpus.docs[q]!.arxivId, positives: [q], truth: new Set([pos]),
      candidates: () => Int32Array.of(pos, neg),
      pool: () => Int32Array.from(all.filter((i) => i !== q)),
    })),
    facts: { triplets: set.triplets.length, papers: set.corpus.docs.length },
  };
}

