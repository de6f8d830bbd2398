import { sql } from 'kysely';
import type { Store } from '../../src/store/store.js';

/** A paper and how many distinct papers cite it. */
export interface CitedCount {
  arxivId: string;
  citing: number;
}

/** The `limit` most-cited papers in the store (distinct citing papers, any source), most first, ties by id. */
export async function mostCited(store: Store, limit = 3): Promise<CitedCount[]> {
  const rows = await store.db.selectFrom('citations')
    .select(['cited', sql<number>`count(distinct citing)`.as('n')])
    .groupBy('cited')
    .orderBy('n', 'desc').orderBy('cited')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ arxivId: r.cited, citing: Number(r.n) }));
}

/** The sanity check the data's PROVENANCE states: Seiberg–Witten is the most-cited paper of 1991–1996. */
export const EXPECTED_TOP = { arxivId: 'hep-th/9407087', citing: 403 } as const;
