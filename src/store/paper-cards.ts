import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { PaperSummary } from '../core/paper.js';
import type { Database } from './tables.js';

/**
 * Paper cards in bulk, and the one definition of a paper's internal citation count. Shared by
 * the feed, author and citation repositories, so every list hydrates its cards the same way,
 * with a fixed number of queries whatever the page size (no query per paper).
 */

/** Ids per hydration round: far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * A card's date as a sort key on the `papers` table (not aliased): first listing, else v1
 * date, else `''`. The empty string instead of NULL puts undated papers last in a descending
 * list on both backends (SQLite sorts NULL first ascending, PostgreSQL last). Lists ordered by
 * it, then by `papers.arxiv_id`, walk the `papers_date` read index, built on the same expression.
 */
export function paperDate(): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref('papers.first_listed')}, ${sql.ref('papers.published')}, '')`;
}

/** A subquery selecting arXiv ids from papers (one column), for `cited in (…)`. */
export type RefQuery = SelectQueryBuilder<Database, keyof Database, { arxiv_id: string }>;

/**
 * A paper's internal citation count: the distinct citing refs in `citations` whose `cited` is
 * the paper's arXiv id, whatever source reported them. Returns counts for the refs `cited`
 * selects; refs nobody cites are absent (count 0). Every count Papersift shows (cards, profile
 * totals, h-index) comes from here.
 */
export async function citationCounts(db: Kysely<Database>, cited: RefQuery | readonly string[]): Promise<Map<string, number>> {
  const query = db.selectFrom('citations').select(['cited', (eb) => eb.fn.count<number>('citing').distinct().as('n')]).groupBy('cited');
  if (isList(cited) && cited.length === 0) return new Map();
  const rows = await (isList(cited) ? query.where('cited', 'in', [...cited]) : query.where('cited', 'in', cited)).execute();
  return new Map(rows.map((r) => [r.cited, Number(r.n)]));
}

/**
 * Cards for the papers with these internal ids, in the order given (ids not in the store are
 * skipped). Four queries per 500 ids: papers, authorships, categories, citation counts.
 */
export async function loadCards(db: Kysely<Database>, ids: readonly number[]): Promise<PaperSummary[]> {
  const cards: PaperSummary[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) cards.push(...(await loadChunk(db, ids.slice(i, i + CHUNK))));
  return cards;
}

async function loadChunk(db: Kysely<Database>, ids: number[]): Promise<PaperSummary[]> {
  const [rows, authors, categories, counts] = await Promise.all([
    db.selectFrom('papers').select(['id', 'arxiv_id', 'title', 'abstract', 'primary_category', 'first_listed', 'published', 'comments'])
      .where('id', 'in', ids).execute(),
    db.selectFrom('paper_authors').select(['paper_id', 'name', 'author_key']).where('paper_id', 'in', ids).orderBy('paper_id').orderBy('position').execute(),
    db.selectFrom('paper_categories').select(['paper_id', 'category']).where('paper_id', 'in', ids).orderBy('paper_id').orderBy('position').execute(),
    citationCounts(db, db.selectFrom('papers').select('arxiv_id').where('id', 'in', ids)),
  ]);
  const authorsOf = groupBy(authors, (a) => ({ name: a.name, key: a.author_key }));
  const categoriesOf = groupBy(categories, (c) => c.category);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      arxivId: r.arxiv_id, title: r.title, abstract: r.abstract, authors: authorsOf.get(id) ?? [],
      primaryCategory: r.primary_category, categories: categoriesOf.get(id) ?? [], date: r.first_listed ?? r.published,
      citationCount: counts.get(r.arxiv_id) ?? 0, comments: r.comments,
    }];
  });
}

function isList(refs: RefQuery | readonly string[]): refs is readonly string[] {
  return Array.isArray(refs);
}

/** Groups rows by `paper_id`, keeping their order, mapped by `map`. */
function groupBy<R extends { paper_id: number }, T>(rows: R[], map: (r: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.paper_id);
    if (list) list.push(map(r));
    else out.set(r.paper_id, [map(r)]);
  }
  return out;
}
