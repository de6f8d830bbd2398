import type { Store } from '../../src/store/store.js';

/** One paper of an evaluation corpus. */
export interface Doc {
  /** Versionless arXiv id (or a synthetic id for data without one). */
  arxivId: string;
  title: string;
  abstract: string;
  /** Author keys as the store groups them. */
  authors: string[];
  /** Submission year (from the id). */
  year: number;
  /** `YYYY-MM-DD` of v1 as the store knows it, or null. */
  published: string | null;
}

/** Papers in chronological order, with the citation links among them. */
export interface Corpus {
  /** Sorted by submission order: doc `i` came before doc `j` when `i < j`. */
  docs: Doc[];
  /** Corpus indices each doc cites (within the corpus only), ascending. */
  refs: number[][];
}

const HEPTH_ID = /^hep-th\/(\d{2})(\d{2})(\d{3})$/;

/** Submission order of an old-style hep-th id (`hep-th/9407087` → 9407087), or undefined. */
export function hepthOrder(arxivId: string): number | undefined {
  const m = HEPTH_ID.exec(arxivId);
  return m ? Number(`${m[1]}${m[2]}${m[3]}`) : undefined;
}

/** The year of an old-style hep-th id from 1991–1999. */
function hepthYear(arxivId: string): number {
  return 1900 + Number(arxivId.slice(7, 9));
}

/**
 * Reads the citation-prediction corpus from a store loaded by `loadHepth`: every hep-th paper
 * of 1992–1996 with an abstract (the KDD Cup papers that join Paperscape), in id order (hep-th
 * ids are numbered in submission order), and the Paperscape edges with both ends among them.
 */
export async function readHepthCorpus(store: Store, years: [number, number] = [1992, 1996]): Promise<Corpus> {
  const rows = await store.db.selectFrom('papers').select(['id', 'arxiv_id', 'title', 'abstract', 'published'])
    .where('arxiv_id', 'like', 'hep-th/9%').where('abstract', '!=', '').execute();
  const picked = rows.filter((r) => hepthOrder(r.arxiv_id) !== undefined && hepthYear(r.arxiv_id) >= years[0] && hepthYear(r.arxiv_id) <= years[1])
    .sort((a, b) => hepthOrder(a.arxiv_id)! - hepthOrder(b.arxiv_id)!);
  const authors = await authorsOf(store, picked.map((r) => r.id));
  const docs = picked.map((r): Doc => ({
    arxivId: r.arxiv_id, title: r.title, abstract: r.abstract, authors: authors.get(r.id) ?? [], year: hepthYear(r.arxiv_id), published: r.published,
  }));
  return { docs, refs: await refsAmong(store, docs) };
}

async function authorsOf(store: Store, paperIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const wanted = new Set(paperIds);
  const rows = await store.db.selectFrom('paper_authors').select(['paper_id', 'author_key', 'position']).orderBy('paper_id').orderBy('position').execute();
  for (const r of rows) {
    if (!wanted.has(r.paper_id)) continue;
    const list = out.get(r.paper_id) ?? [];
    if (!list.includes(r.author_key)) list.push(r.author_key);
    out.set(r.paper_id, list);
  }
  return out;
}

async function refsAmong(store: Store, docs: Doc[]): Promise<number[][]> {
  const index = new Map(docs.map((d, i) => [d.arxivId, i]));
  const refs: Set<number>[] = docs.map(() => new Set());
  const rows = await store.db.selectFrom('citations').select(['citing', 'cited']).where('citing', 'like', 'hep-th/9%').execute();
  for (const r of rows) {
    const a = index.get(r.citing);
    const b = index.get(r.cited);
    if (a !== undefined && b !== undefined && a !== b) refs[a]!.add(b);
  }
  return refs.map((s) => [...s].sort((x, y) => x - y));
}
