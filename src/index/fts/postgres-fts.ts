import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Store } from '../../store/store.js';
import type { Database } from '../../store/tables.js';
import { MARK_END, MARK_START, TOTAL_CAP, type AuthorMatch, type KeywordQuery, type KeywordResult, type RefreshReport, type SearchIndex } from '../search-index.js';
import { lookupAuthors } from './author-lookup.js';
import { filterCondition, hasFilters } from './filters.js';
import { refreshChanged, type IndexDoc } from './indexer.js';
import { parseQuery, toPostgres } from './query.js';

/**
 * `ts_rank_cd` weights for the tsvector labels {D, C, B, A}: abstract (D) 0.1, authors (B)
 * 0.3, title (A) 1.0, the same proportions as the SQLite bm25 field weights.
 */
const RANK_WEIGHTS = '{0.1, 0.2, 0.3, 1.0}';
const TITLE_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;
const ABSTRACT_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Keyword search on PostgreSQL full text: `paper_search.doc`, a tsvector of title (A),
 * authors (B) and abstract (D) under the `english` configuration with a GIN index, queried
 * with `websearch_to_tsquery` (plus `to_tsquery` prefix terms) and ranked by `ts_rank_cd`.
 */
export class PostgresFtsIndex implements SearchIndex {
  readonly kind = 'postgres-fts' as const;
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Indexes papers changed since the last refresh. */
  refresh(onProgress?: (done: number, total: number) => void): Promise<RefreshReport> {
    return refreshChanged(this.#store, 'fts', writePage, onProgress);
  }

  /** Ranked, highlighted matches for the query, filtered and paged. */
  async search(query: KeywordQuery): Promise<KeywordResult> {
    const tsquery = tsQuery(query.text);
    if (tsquery === null) return { hits: [], total: 0, totalIsExact: true };
    const db = this.#store.db;
    const where = sql`s.doc @@ q.query and ${filterCondition(query.filters)}`;
    const from = sql`paper_search s join papers p on p.id = s.paper_id, (select ${tsquery} as query) q`;
    const rows = await sql<{ id: number; arxiv_id: string; score: number; title: string; snippet: string }>`
      select r.id, r.arxiv_id, r.score,
        ts_headline('english', r.title, r.query, ${TITLE_HEADLINE}) as title,
        ts_headline('english', r.abstract, r.query, ${ABSTRACT_HEADLINE}) as snippet
      from (select p.id, p.arxiv_id, p.title, p.abstract, q.query, ts_rank_cd(${RANK_WEIGHTS}::float4[], s.doc, q.query) as score
            from ${from} where ${where} order by score desc, p.id limit ${query.limit} offset ${query.offset}) r
      order by r.score desc, r.id`.execute(db);
    // Without filters the count needs no join with papers.
    const counted = hasFilters(query.filters)
      ? await sql<{ n: string }>`select count(*) as n from (select 1 from ${from} where ${where} limit ${TOTAL_CAP + 1}) c`.execute(db)
      : await sql<{ n: string }>`select count(*) as n from (select 1 from paper_search s, (select ${tsquery} as query) q where s.doc @@ q.query limit ${TOTAL_CAP + 1}) c`.execute(db);
    const n = Number(counted.rows[0]?.n ?? 0);
    return {
      hits: rows.rows.map((r) => ({ paperId: r.id, arxivId: r.arxiv_id, score: Number(r.score), title: r.title, snippet: r.snippet.includes(MARK_START) ? r.snippet : '' })),
      total: Math.min(n, TOTAL_CAP), totalIsExact: n <= TOTAL_CAP,
    };
  }

  /** Typo- and accent-tolerant author lookup. */
  lookupAuthors(name: string, limit?: number): Promise<AuthorMatch[]> {
    return lookupAuthors(this.#store.db, name, limit);
  }
}

/** The tsquery expression for the user's text, or null when nothing positive is left. */
function tsQuery(text: string): RawBuilder<unknown> | null {
  const { websearch, prefix } = toPostgres(parseQuery(text));
  const parts: RawBuilder<unknown>[] = [];
  if (websearch !== null) parts.push(sql`websearch_to_tsquery('english', ${websearch})`);
  if (prefix !== null) parts.push(sql`to_tsquery('english', ${prefix})`);
  return parts.length === 0 ? null : sql`(${sql.join(parts, sql` && `)})`;
}

async function writePage(tx: Kysely<Database>, docs: IndexDoc[]): Promise<void> {
  await sql`insert into paper_search (paper_id, doc)
    select t.id, setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', t.authors), 'B') || setweight(to_tsvector('english', t.abstract), 'D')
    from unnest(${docs.map((d) => d.id)}::int[], ${docs.map((d) => d.title)}::text[], ${docs.map((d) => d.authors.join(', '))}::text[], ${docs.map((d) => d.abstract)}::text[]) as t(id, title, authors, abstract)
    on conflict (paper_id) do update set doc = excluded.doc`.execute(tx);
}
