import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/tables.js';
import type { SearchFilters } from '../search-index.js';

/**
 * The search filters as one SQL condition over a `papers` row aliased `p`, shared by both
 * keyword engines (and usable by semantic search to filter candidates). Dates compare the
 * card date: first listing, else v1. Always parameterised.
 */
export function filterCondition(filters: SearchFilters | undefined): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (filters?.from) parts.push(sql`coalesce(p.first_listed, p.published, '') >= ${filters.from}`);
  if (filters?.to) parts.push(sql`coalesce(p.first_listed, p.published, '') <> '' and coalesce(p.first_listed, p.published, '') <= ${filters.to}`);
  if (filters?.categories && filters.categories.length > 0) {
    parts.push(sql`exists (select 1 from paper_categories pc where pc.paper_id = p.id and pc.category in (${sql.join([...filters.categories])}))`);
  }
  if (filters?.authorKeys) {
    const keys = filters.authorKeys.length > 0 ? [...filters.authorKeys] : [''];
    parts.push(sql`exists (select 1 from paper_authors pa where pa.paper_id = p.id and pa.author_key in (${sql.join(keys)}))`);
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** True when any filter is set. */
export function hasFilters(filters: SearchFilters | undefined): boolean {
  return Boolean(filters && (filters.from || filters.to || (filters.categories?.length ?? 0) > 0 || filters.authorKeys));
}

/** The ids among `ids` whose papers pass the filters (all of them when none is set), as a set. */
export async function passingFilters(db: Kysely<Database>, ids: readonly number[], filters: SearchFilters | undefined): Promise<Set<number>> {
  if (!hasFilters(filters) || ids.length === 0) return new Set(ids);
  const kept = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await sql<{ id: number }>`select p.id from papers p where p.id in (${sql.join(chunk)}) and ${filterCondition(filters)}`.execute(db);
    for (const r of rows.rows) kept.add(Number(r.id));
  }
  return kept;
}
