import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { PaperSummary } from '../core/paper.js';
import { loadCards, paperDate } from './paper-cards.js';
import type { Database } from './tables.js';

/** Offset and size of one page of a list. */
export interface PageRequest {
  /** Items to skip. */
  offset: number;
  /** Items to return at most. */
  limit: number;
}

/** One page of papers and the size of the whole list. */
export interface PaperPage {
  papers: PaperSummary[];
  total: number;
}

/** A first-listing date range, inclusive, optionally narrowed to papers in one category (any position). */
export interface ListingFilter {
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
  category?: string | null;
}

/** Options of {@link FeedRepository}. */
export interface FeedRepositoryOptions {
  /**
   * Categories with at most this many papers are filtered by reading the category's index
   * first; larger ones by walking papers in date order and probing each paper's categories.
   * Both give the same results; tests lower it to exercise both. @default 5000
   */
  smallCategory?: number;
}

type PapersEb = ExpressionBuilder<Database, 'papers'>;
type PapersWhere = (eb: PapersEb) => Expression<SqlBool>;

/**
 * Feeds (papers by first-listing date) and category lists, newest first, paginated. Shared by
 * both backends.
 *
 * Every query is index-backed. Date ranges use `papers_first_listed`; category lists walk
 * `papers_date` (a card's date, then id) so a page never sorts the whole category. A category
 * filter is written one of two ways, because SQLite has no statistics to choose the driving
 * index and follows the query's shape: `id IN (…category…)` reads the category's index first
 * (best when the category is small), `EXISTS (…)` walks papers and probes each one's categories
 * by primary key (best when the category is large, since matches come quickly). The choice
 * is made per call from the category's size (`smallCategory`); PostgreSQL plans both shapes as
 * the same semi-join, by its own statistics. The walk's cost grows with how far down the date
 * order a page's papers lie: a large category whose papers are all old (hep-th under a store
 * of recent CS) takes ~20 ms a page at 100k papers, where a sort would take ~35 ms.
 */
export class FeedRepository {
  readonly #db: Kysely<Database>;
  readonly #smallCategory: number;

  constructor(db: Kysely<Database>, options: FeedRepositoryOptions = {}) {
    this.#db = db;
    this.#smallCategory = options.smallCategory ?? 5000;
  }

  /** Papers first listed within the filter's range, newest first (first_listed desc, arxiv_id desc), with the total. */
  async listed(filter: ListingFilter, page: PageRequest): Promise<PaperPage> {
    const where = await this.#categoryFilter(filter.category);
    const inRange = this.#db.selectFrom('papers')
      .where('papers.first_listed', '>=', filter.from).where('papers.first_listed', '<=', filter.to).where(where);
    const [count, rows] = await Promise.all([
      inRange.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      inRange.select('papers.id').orderBy('papers.first_listed', 'desc').orderBy('papers.arxiv_id', 'desc').limit(page.limit).offset(page.offset).execute(),
    ]);
    return { papers: await loadCards(this.#db, rows.map((r) => r.id)), total: Number(count.n) };
  }

  /**
   * The nearest first-listing date strictly before (`before`) or after (`after`) `date` on which
   * papers were listed (in `category`, when given); undefined when there is none.
   */
  async nearestListedDate(direction: 'before' | 'after', date: string, category?: string | null): Promise<string | undefined> {
    const where = await this.#categoryFilter(category);
    const row = await this.#db.selectFrom('papers')
      .select((eb) => (direction === 'before' ? eb.fn.max('papers.first_listed') : eb.fn.min('papers.first_listed')).as('d'))
      .where('papers.first_listed', direction === 'before' ? '<' : '>', date).where(where)
      .executeTakeFirst();
    return row?.d ?? undefined;
  }

  /** The latest first-listing date of any paper (in `category`, when given); undefined when none has one. */
  async latestListedDate(category?: string | null): Promise<string | undefined> {
    const where = await this.#categoryFilter(category);
    const row = await this.#db.selectFrom('papers').select((eb) => eb.fn.max('papers.first_listed').as('d'))
      .where('papers.first_listed', 'is not', null).where(where).executeTakeFirst();
    return row?.d ?? undefined;
  }

  /** Papers in `category` at any position, newest first (card date desc, arxiv_id desc), with the total. */
  async byCategory(category: string, page: PageRequest): Promise<PaperPage> {
    const total = await this.categorySize(category);
    const where = this.#categoryWhere(category, total <= this.#smallCategory);
    const rows = await this.#db.selectFrom('papers').select('papers.id').where(where)
      .orderBy(paperDate(), 'desc').orderBy('papers.arxiv_id', 'desc').limit(page.limit).offset(page.offset).execute();
    return { papers: await loadCards(this.#db, rows.map((r) => r.id)), total };
  }

  /** Number of papers in `category` at any position (a count over the category index), or `atMost` when there are more. */
  async categorySize(category: string, atMost?: number): Promise<number> {
    let q = this.#db.selectFrom('paper_categories').select('paper_id').where('category', '=', category);
    if (atMost !== undefined) q = q.limit(atMost);
    const row = await this.#db.selectFrom(q.as('c')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The where-clause for an optional category filter, in the shape that suits the category's size. */
  async #categoryFilter(category: string | null | undefined): Promise<PapersWhere> {
    if (!category) return (eb) => eb.and([]);
    const small = (await this.categorySize(category, this.#smallCategory + 1)) <= this.#smallCategory;
    return this.#categoryWhere(category, small);
  }

  #categoryWhere(category: string, small: boolean): PapersWhere {
    const members = (eb: PapersEb) => eb.selectFrom('paper_categories as c').where('c.category', '=', category);
    return small
      ? (eb) => eb.and([eb('papers.id', 'in', members(eb).select('c.paper_id'))])
      : (eb) => eb.and([eb.exists(members(eb).select('c.paper_id').whereRef('c.paper_id', '=', 'papers.id'))]);
  }
}
