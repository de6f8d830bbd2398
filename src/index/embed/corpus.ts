import type { Store } from '../../store/store.js';
import type { EmbedText } from '../embedder.js';

/** Documents a model is fitted on. */
export interface Corpus {
  /** Number of documents. */
  count(): Promise<number>;
  /** Every document once, in a stable order, a page at a time. */
  pages(pageSize: number): AsyncIterable<EmbedText[]>;
}

/** A corpus held in memory (tests, benchmarks). */
export function arrayCorpus(docs: readonly EmbedText[]): Corpus {
  return {
    count: async () => docs.length,
    async *pages(pageSize) {
      for (let i = 0; i < docs.length; i += pageSize) yield docs.slice(i, i + pageSize);
    },
  };
}

/** The store's papers (title and abstract), paged by id so only one page is in memory at a time. */
export function storeCorpus(store: Pick<Store, 'db'>): Corpus {
  return {
    async count() {
      const row = await store.db.selectFrom('papers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async *pages(pageSize) {
      let after = -1;
      for (;;) {
        const rows = await store.db.selectFrom('papers').select(['id', 'title', 'abstract'])
          .where('id', '>', after).orderBy('id').limit(pageSize).execute();
        if (rows.length === 0) return;
        after = rows[rows.length - 1]!.id;
        yield rows.map((r) => ({ title: r.title, abstract: r.abstract }));
      }
    },
  };
}
