import { saveModel } from '../../src/index/embed/model-store.js';
import { writeVectors } from '../../src/index/vectors/vector-table.js';
import type { Store } from '../../src/store/store.js';
import { buildPaper } from './factories.js';

/** One paper of {@link seedVectorPapers}. */
export interface VectorPaperSpec {
  date: string;
  vector: number[];
  category?: string;
  authors?: string[];
  abstract?: string;
  comments?: string | null;
}

/**
 * Writes papers (one per spec, listed on `date`) and a stored `lsa` model `modelId` holding
 * their unit-length vectors; returns the papers' arXiv ids and store ids, in spec order.
 */
export async function seedVectorPapers(store: Store, specs: VectorPaperSpec[], modelId = 'lsa-test'): Promise<{ arxivId: string; id: number }[]> {
  const papers = specs.map((s) => buildPaper({
    firstListed: s.date, versions: [{ version: 1, createdAt: `${s.date}T10:00:00.000Z` }], categories: [s.category ?? 'hep-th'],
    ...(s.authors ? { authorNames: s.authors } : {}), ...(s.abstract ? { abstract: s.abstract } : {}), comments: s.comments ?? null,
  }));
  const run = await store.runs.start('test', `seed-${papers[0]?.arxivId}`, {}, '2025-01-01T00:00:00.000Z');
  await store.writer.writePapers(run, { items: papers, failures: [], checkpoint: null }, '2025-01-01T00:00:00.000Z');
  const rows = await store.db.selectFrom('papers').select(['id', 'arxiv_id']).where('arxiv_id', 'in', papers.map((p) => p.arxivId)).execute();
  const idOf = new Map(rows.map((r) => [r.arxiv_id, Number(r.id)]));
  const d = specs[0]?.vector.length ?? 0;
  await saveModel(store, { id: modelId, kind: 'lsa', dimensions: d, createdAt: '2025-01-01T00:00:00.000Z', meta: {}, data: null }).catch(() => undefined);
  await writeVectors(store.db, modelId, specs.map((s, i) => {
    const n = Math.hypot(...s.vector) || 1;
    return { paperId: idOf.get(papers[i]!.arxivId)!, vector: Float32Array.from(s.vector.map((x) => x / n)) };
  }));
  return papers.map((p) => ({ arxivId: p.arxivId, id: idOf.get(p.arxivId)! }));
}
