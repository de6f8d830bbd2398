import type { Kysely } from 'kysely';
import type { PaperSummary } from '../core/paper.js';
import { loadCards, paperDate } from './paper-cards.js';
import type { Database } from './tables.js';

/**
 * What an author's metrics count, for the traceability pages: every distinct citing → cited
 * pair of the author's papers (the pairs the citations tile sums), the sources that reported
 * them, and the external counts of the author's papers. Shared by both backends.
 */

/** One citation of one of the author's papers. */
export interface CitationPair {
  citing: string;
  cited: string;
  /** The citing paper's internal id when it is in the store. */
  citingId: number | null;
  /** The citing paper's card date (first listing, else v1), or null. */
  date: string | null;
}

/** An externally reported count of one paper. */
export interface ExternalCount {
  paper: string;
  source: string;
  count: number;
  retrievedAt: string;
}

/** Reads behind `/authors/<key>/citations` and `/authors/<key>/h-core`. */
export class AuthorTraceRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** Every distinct (citing, cited) pair whose cited is one of the author's papers, newest citing first. */
  async citationPairs(key: string): Promise<CitationPair[]> {
    const pairs = this.#db.selectFrom('citations').select(['citing', 'cited']).distinct().where('cited', 'in', this.#arxivIds(key));
    const rows = await this.#db.selectFrom(pairs.as('e')).leftJoin('papers', 'papers.arxiv_id', 'e.citing')
      .select(['e.citing as citing', 'e.cited as cited', 'papers.id as id', paperDate().as('date')])
      .orderBy('date', 'desc').orderBy('e.citing', 'desc').orderBy('e.cited').execute();
    return rows.map((r) => ({ citing: r.citing, cited: r.cited, citingId: r.id ?? null, date: r.date ? r.date : null }));
  }

  /** The sources that reported the citations of the author's papers, sorted. */
  async citationSources(key: string): Promise<string[]> {
    const rows = await this.#db.selectFrom('citations').select('source').distinct().where('cited', 'in', this.#arxivIds(key)).orderBy('source').execute();
    return rows.map((r) => r.source);
  }

  /** External counts (`citation_counts`) of the author's papers, by paper then source. */
  async externalCounts(key: string): Promise<ExternalCount[]> {
    const rows = await this.#db.selectFrom('citation_counts').select(['paper', 'source', 'count', 'retrieved_at'])
      .where('paper', 'in', this.#arxivIds(key)).orderBy('paper').orderBy('source').execute();
    return rows.map((r) => ({ paper: r.paper, source: r.source, count: Number(r.count), retrievedAt: r.retrieved_at }));
  }

  /** Cards for papers by internal id, in the order given. */
  async cards(ids: readonly number[]): Promise<PaperSummary[]> {
    return loadCards(this.#db, ids);
  }

  #arxivIds(key: string) {
    return this.#db.selectFrom('papers').select('arxiv_id')
      .where('id', 'in', this.#db.selectFrom('paper_authors').select('paper_id').where('author_key', '=', key));
  }
}
