import type { SearchFilters, SearchIndex } from '../../src/index/search-index.js';
import type { Store } from '../../src/store/store.js';
import type { Doc } from '../datasets/corpus.js';
import { METHOD } from './names.js';
import type { Method, RankRequest, Ranker } from './method.js';
import { paperText, words } from './tokenize.js';

/** Terms in a BM25 query built from a paper (or an author's papers). */
export const BM25_QUERY_TERMS = 30;

/** Document frequency of every word of a corpus (title + abstract, stop words removed). */
export interface TermStats {
  docs: number;
  df: Map<string, number>;
}

/** Counts in how many docs each word occurs. */
export function termStats(docs: readonly Doc[]): TermStats {
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(words(paperText(d)))) df.set(w, (df.get(w) ?? 0) + 1);
  return { docs: docs.length, df };
}

/**
 * The keyword query for "papers like these": the profile's `maxTerms` most distinctive words
 * by (1 + ln tf) · ln(N / df), where tf counts over all the profile's texts. Only words of
 * three or more characters that occur in at least one other doc qualify; ties go to the
 * alphabetically first word. Joined with ` OR ` in Papersift's query syntax, which the FTS5
 * index renders as one quoted OR group, so bm25 ranks papers matching any of them.
 */
export function bm25Query(texts: readonly string[], stats: TermStats, maxTerms = BM25_QUERY_TERMS): string {
  const tf = new Map<string, number>();
  for (const t of texts) for (const w of words(t)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const scored: [string, number][] = [];
  for (const [w, c] of tf) {
    const df = stats.df.get(w) ?? 0;
    if (w.length < 3 || df < 2) continue;
    scored.push([w, (1 + Math.log(c)) * Math.log(stats.docs / df)]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return scored.slice(0, maxTerms).map(([w]) => w).join(' OR ');
}

/** Extra hits fetched beyond the depth, for hits that are not candidates (the query paper, papers outside the corpus). */
const SLACK = 1.25;

/**
 * BM25 through Papersift's own keyword index: searches the store with {@link bm25Query}, the
 * date range of the candidates as a filter, and keeps the hits that are candidates, in order.
 */
export function bm25Method(openIndex: (store: Store) => SearchIndex, terms = BM25_QUERY_TERMS): Method {
  return {
    name: METHOD.bm25,
    async build(context): Promise<Ranker> {
      if (!context.store) throw new Error('BM25 needs the corpus in a store');
      const index = openIndex(context.store);
      const stats = termStats(context.docs);
      const byId = new Map(context.docs.map((d, i) => [d.arxivId, i]));
      return {
        async rank({ positives, candidates, depth }: RankRequest) {
          const text = bm25Query(positives.map((p) => paperText(context.docs[p]!)), stats, terms);
          if (!text) return [];
          const allowed = new Set(candidates);
          const limit = Math.ceil(depth * SLACK) + positives.length;
          const { hits } = await index.search({ text, limit, offset: 0, filters: dateRange(context.docs, candidates) });
          const out: number[] = [];
          for (const h of hits) {
            const d = byId.get(h.arxivId);
            if (d !== undefined && allowed.has(d) && out.length < depth) out.push(d);
          }
          return out;
        },
      };
    },
  };
}

/** The candidates' published-date range as a search filter; none when a candidate has no date. */
function dateRange(docs: readonly Doc[], candidates: Int32Array): SearchFilters {
  let from = '9999', to = '0000';
  for (const c of candidates) {
    const p = docs[c]!.published;
    if (!p) return {};
    if (p < from) from = p;
    if (p > to) to = p;
  }
  return candidates.length ? { from, to } : {};
}
