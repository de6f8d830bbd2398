import { sql, type Kysely } from 'kysely';
import type { Store } from '../../store/store.js';
import type { Database } from '../../store/tables.js';
import { MARK_END, MARK_START, TOTAL_CAP, type AuthorMatch, type KeywordQuery, type KeywordResult, type RefreshReport, type SearchIndex } from '../search-index.js';
import { lookupAuthors } from './author-lookup.js';
import { filterCondition, hasFilters } from './filters.js';
import { refreshChanged, type IndexDoc } from './indexer.js';
import { parseQuery, toFts5 } from './query.js';

/**
 * bm25 weights of the FTS5 columns (title, abstract, authors): a title hit counts for ten
 * abstract hits, an author hit for three.
 */
export const FTS5_WEIGHTS = { title: 10, abstract: 1, authors: 3 } as const;

/** Words of context in an abstract snippet. */
const SNIPPET_TOKENS = 32;

/**
 * Keyword search on SQLite FTS5: the `paper_fts` table (rowid = paper id; porter stemming,
 * diacritics folded), ranked by bm25 with {@link FTS5_WEIGHTS}, highlighted with FTS5's own
 * `highlight` and `snippet`.
 */
export class SqliteFtsIndex implements SearchIndex {
  readonly kind = 'sqlite-fts5' as const;
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Indexes papers changed since the last refresh; sets the bm25 rank configuration. */
  async refresh(onProgress?: (done: number, total: number) => void): Promise<RefreshReport> {
    const w = FTS5_WEIGHTS;
    await sql`insert into paper_fts(paper_fts, rank) values ('rank', ${`bm25(${w.title}, ${w.abstract}, ${w.authors})`})`.execute(this.#store.db);
    return refreshChanged(this.#store, 'fts', writePage, onProgress);
  }

  /** Ranked, highlighted matches for the query, filtered and paged. */
  async search(query: KeywordQuery): Promise<KeywordResult> {
    const match = toFts5(parseQuery(query.text));
    if (match === null) return { hits: [], total: 0, totalIsExact: true };
    const db = this.#store.db;
    const where = sql`paper_fts match ${match} and ${filterCondition(query.filters)}`;
    const rows = await sql<{ id: number; arxiv_id: string; score: number; title: string; snippet: string; abstract_hits: number }>`
      select p.id, p.arxiv_id, -rank as score,
        highlight(paper_fts, 0, ${MARK_START}, ${MARK_END}) as title,
        snippet(paper_fts, 1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) as snippet
      from paper_fts join papers p on p.id = paper_fts.rowid
      where ${where} order by rank limit ${query.limit} offset ${query.offset}`.execute(db);
    // Without filters the count needs no join: counting FTS rowids alone is ten times cheaper.
    const counted = hasFilters(query.filters)
      ? await sql<{ n: number }>`select count(*) as n from (select 1 from paper_fts join papers p on p.id = paper_fts.rowid where ${where} limit ${TOTAL_CAP + 1})`.execute(db)
      : await sql<{ n: number }>`select count(*) as n from (select 1 from paper_fts where paper_fts match ${match} limit ${TOTAL_CAP + 1})`.execute(db);
    const n = Number(counted.rows[0]?.n ?? 0);
    return {
      hits: rows.rows.map((r) => ({ paperId: r.id, arxivId: r.arxiv_id, score: r.score, title: r.title, snippet: r.snippet.includes(MARK_START) ? r.snippet : '' })),
      total: Math.min(n, TOTAL_CAP), totalIsExact: n <= TOTAL_CAP,
    };
  }

  /** Typo- and accent-tolerant author lookup. */
  lookupAuthors(name: string, limit?: number): Promise<AuthorMatch[]> {
    return lookupAuthors(this.#store.db, name, limit);
  }
}

async function writePage(tx: Kysely<Database>, docs: IndexDoc[]): Promise<void> {
  await sql`delete from paper_fts where rowid in (${sql.join(docs.map((d) => d.id))})`.execute(tx);
  for (let i = 0; i < docs.length; i += 200) {
    const values = docs.slice(i, i + 200).map((d) => sql`(${d.id}, ${d.title}, ${d.abstract}, ${d.authors.join(', ')})`);
    await sql`insert into paper_fts(rowid, title, abstract, authors) values ${sql.join(values)}`.execute(tx);
  }
}
