import { sql, type Kysely } from 'kysely';
import type { AuthorName, PaperSummary } from '../core/paper.js';
import { citationCounts, loadCards, paperDate } from './paper-cards.js';
import type { Database } from './tables.js';

/** A co-author and how many papers they share with the author. */
export interface Coauthor {
  key: string;
  name: string;
  papers: number;
}

/** Citations received in one calendar year (of the citing paper). */
export interface YearCount {
  year: number;
  citations: number;
}

/**
 * Reads about one author, by author key: the author, their papers as cards, co-authors,
 * per-paper internal citation counts and citations per year. Shared by both backends; every
 * query starts from the `paper_authors_author` index.
 */
export class AuthorRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The author with this key (name as first written in the store), or undefined. */
  async findByKey(key: string): Promise<AuthorName | undefined> {
    const row = await this.#db.selectFrom('authors').select(['key', 'name']).where('key', '=', key).executeTakeFirst();
    return row ? { key: row.key, name: row.name } : undefined;
  }

  /** The author's external ids (null where no source has given one), or undefined for an unknown key. */
  async externalIds(key: string): Promise<{ orcid: string | null; s2AuthorId: string | null } | undefined> {
    const row = await this.#db.selectFrom('authors').select(['orcid', 's2_author_id']).where('key', '=', key).executeTakeFirst();
    return row ? { orcid: row.orcid, s2AuthorId: row.s2_author_id } : undefined;
  }

  /** Every paper the author is on, as cards, newest first (card date desc, arxiv_id desc). */
  async papers(key: string): Promise<PaperSummary[]> {
    const rows = await this.#db.selectFrom('papers').select('papers.id').where('papers.id', 'in', this.#paperIds(key))
      .orderBy(paperDate(), 'desc').orderBy('papers.arxiv_id', 'desc').execute();
    return loadCards(this.#db, rows.map((r) => r.id));
  }

  /**
   * Internal citation counts of the author's papers, by arXiv id (see `citationCounts` in
   * paper-cards.ts: the same numbers the cards carry). Papers nobody cites are absent.
   */
  async citationCounts(key: string): Promise<Map<string, number>> {
    return citationCounts(this.#db, this.#arxivIds(key));
  }

  /** The author's co-authors with the number of papers shared, most shared first (ties by key); top `limit`. @default limit 50 */
  async coauthors(key: string, limit = 50): Promise<Coauthor[]> {
    const rows = await this.#db.selectFrom('paper_authors as mine')
      .innerJoin('paper_authors as other', 'other.paper_id', 'mine.paper_id')
      .innerJoin('authors', 'authors.key', 'other.author_key')
      .select(['other.author_key as key', 'authors.name', (eb) => eb.fn.count<number>('other.paper_id').distinct().as('papers')])
      .where('mine.author_key', '=', key).where('other.author_key', '<>', key)
      .groupBy(['other.author_key', 'authors.name'])
      .orderBy('papers', 'desc').orderBy('other.author_key').limit(limit)
      .execute();
    return rows.map((r) => ({ key: r.key, name: r.name, papers: Number(r.papers) }));
  }

  /**
   * The citations of the author's papers as (citing paper, its date when the store has it),
   * one row per distinct citing → cited pair: exactly the pairs the citation tiles count.
   */
  async citingDates(key: string): Promise<{ citing: string; date: string | null }[]> {
    const edges = this.#db.selectFrom('citations').select(['citing', 'cited']).distinct().where('cited', 'in', this.#arxivIds(key));
    const rows = await this.#db.selectFrom(edges.as('e'))
      .leftJoin('papers', 'papers.arxiv_id', 'e.citing')
      .select(['e.citing as citing', paperDate().as('date')])
      .execute();
    return rows.map((r) => ({ citing: r.citing, date: r.date ? r.date : null }));
  }


  #paperIds(key: string) {
    return this.#db.selectFrom('paper_authors').select('paper_id').where('author_key', '=', key);
  }

  #arxivIds(key: string) {
    return this.#db.selectFrom('papers').select('arxiv_id').where('id', 'in', this.#paperIds(key));
  }
}
