import { sql } from 'kysely';
import { latestModel } from '../index/embed/model-store.js';
import { LSA_KIND } from '../index/embed/builtin.js';
import { vectorPages } from '../index/vectors/vector-table.js';
import type { Store } from '../store/store.js';

/** One paper of a {@link VectorMatrix}: its row, date (first listing, else v1; YYYY-MM-DD…) and primary category. */
export interface MatrixPaper {
  id: number;
  date: string;
  category: string;
}

/**
 * Every paper holding a vector of the latest built-in (LSA) model, sorted by date then id,
 * with its vectors as one flat row-major matrix (row i belongs to `papers[i]`).
 */
export interface VectorMatrix {
  modelId: string;
  dimensions: number;
  papers: MatrixPaper[];
  rows: Float32Array;
}

/** The latest built-in LSA model's id, or undefined when none is stored. */
export async function latestLsaModelId(store: Store): Promise<string | undefined> {
  return (await latestModel(store, LSA_KIND))?.id;
}

/** Loads the {@link VectorMatrix} of the latest LSA model; undefined when there is no model or no vector. */
export async function loadVectorMatrix(store: Store): Promise<VectorMatrix | undefined> {
  const model = await latestModel(store, LSA_KIND);
  if (!model) return undefined;
  const rows = await store.db.selectFrom('papers')
    .innerJoin('paper_vectors', 'paper_vectors.paper_id', 'papers.id')
    .select(['papers.id as id', 'papers.primary_category as category', sql<string>`coalesce(papers.first_listed, papers.published, '')`.as('date')])
    .where('paper_vectors.model_id', '=', model.id)
    .execute();
  const papers = rows.filter((r) => r.date !== '')
    .map((r) => ({ id: Number(r.id), date: r.date, category: r.category }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  if (papers.length === 0) return undefined;
  const d = model.dimensions;
  const rowOf = new Map(papers.map((p, i) => [p.id, i]));
  const matrix = new Float32Array(papers.length * d);
  for await (const page of vectorPages(store.db, model.id)) {
    for (const v of page) {
      const r = rowOf.get(v.paperId);
      if (r !== undefined) matrix.set(v.vector, r * d);
    }
  }
  return { modelId: model.id, dimensions: d, papers, rows: matrix };
}
