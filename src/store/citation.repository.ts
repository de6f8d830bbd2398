import type { Kysely } from 'kysely';
import type { PaperSummary } from '../core/paper.js';
import { citationCounts, loadCards, paperDate } from './paper-cards.js';
import type { Database } from './tables.js';
import { withNoveltyTables } from './novelty-impact.tables.js';

/** A citation count an external source reported for a paper, with its date and, when the source gives them, its counts per year. */
export interface ExternalCount {
  source: string;
  count: number;
  retrievedAt: string;
  byYear?: { year: number; count: number }[];
}

/**
 * Reads citation edges and counts, and the citation lists of a paper's page as cards. Shared
 * by both backends. Edges are looked up by `citing` (primary-key prefix) or by `cited`
 * (`citations_cited`), and joined to papers by their unique arXiv id.
 */
export class CitationRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Distinct papers citing `ref` (any source), sorted. */
  async citingPapers(ref: string): Promise<string[]> {
    const rows = await this.#db.selectFrom('citations').select('citing').distinct().where('cited', '=', ref).orderBy('citing').execute();
    return rows.map((r) => r.citing);
  }

  /** Distinct papers `ref` cites (any source), sorted. */
  async references(ref: string): Promise<string[]> {
    const rows = await this.#db.selectFrom('citations').select('cited').distinct().where('citing', '=', ref).orderBy('cited').execute();
    return rows.map((r) => r.cited);
  }

  /** External citation counts for `ref`, one per source. */
  async counts(ref: string): Promise<ExternalCount[]> {
    const [rows, years] = await Promise.all([
      this.#db.selectFrom('citation_counts').select(['source', 'count', 'retrieved_at']).where('paper', '=', ref).orderBy('source').execute(),
      withNoveltyTables(this.#db).selectFrom('citation_counts_by_year').select(['source', 'year', 'count']).where('paper', '=', ref).orderBy('year').execute(),
    ]);
    return rows.map((r) => {
      const byYear = years.filter((y) => y.source === r.source).map((y) => ({ year: Number(y.year), count: Number(y.count) }));
      return { source: r.source, count: Number(r.count), retrievedAt: r.retrieved_at, ...(byYear.length > 0 ? { byYear } : {}) };
    });
  }

  /** True when the store holds at least one citation edge (from any source). */
  async hasEdges(): Promise<boolean> {
    const row = await this.#db.selectFrom('citations').select('citing').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** The internal citation count of `ref`: distinct citing refs, any source (the definition cards use). */
  async citationCount(ref: string): Promise<number> {
    return (await citationCounts(this.#db, [ref])).get(ref) ?? 0;
  }

  /** Papers in the store that cite `ref`, as cards, newest first (card date desc, arxiv_id desc); at most `limit`. */
  async citingCards(ref: string, limit: number): Promise<PaperSummary[]> {
    return this.#cards('citing', ref, limit);
  }

  /** Papers in the store that `ref` cites, as cards, newest first; at most `limit`. */
  async referenceCards(ref: string, limit: number): Promise<PaperSummary[]> {
    return this.#cards('cited', ref, limit);
  }

  /** Refs that `ref` cites which are not papers in the store (ids as reported), sorted. */
  async externalReferences(ref: string): Promise<string[]> {
    const rows = await this.#db.selectFrom('citations as c').select('c.cited').distinct()
      .where('c.citing', '=', ref)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('papers').select('papers.id').whereRef('papers.arxiv_id', '=', 'c.cited'))))
      .orderBy('c.cited')
      .execute();
    return rows.map((r) => r.cited);
  }

  /** Cards of the papers on the `want` side of `ref`'s edges (its citers, or what it cites). */
  async #cards(want: 'citing' | 'cited', ref: string, limit: number): Promise<PaperSummary[]> {
    const refs = this.#db.selectFrom('citations').select((eb) => eb.ref(want).as('ref')).where(want === 'citing' ? 'cited' : 'citing', '=', ref);
    const rows = await this.#db.selectFrom('papers').select('papers.id').where('papers.arxiv_id', 'in', refs)
      .orderBy(paperDate(), 'desc').orderBy('papers.arxiv_id', 'desc').limit(limit).execute();
    return loadCards(this.#db, rows.map((r) => r.id));
  }
}
