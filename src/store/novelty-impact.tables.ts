import type { Generated, Kysely } from 'kysely';
import type { Database } from './tables.js';

/**
 * Table types of migration 0005 (novelty, impact, author identity, external counts by year).
 * Kept apart from `tables.ts`; {@link withNoveltyTables} widens a store's query builder.
 */

/** `paper_novelty`: one paper's distance to its k nearest earlier papers and its percentile. */
export interface PaperNoveltyTable {
  paper_id: number;
  model_id: string;
  k: number;
  /** 1 − mean cosine similarity to the k nearest earlier papers; null when it has too few. */
  distance: number | null;
  category: string;
  year: number;
  /** 0–100 within (category, year); null when the group is too small or distance is null. */
  percentile: number | null;
  computed_at: string;
}

/** `impact_models`: a fitted impact model; `meta` is JSON (weights, scaling, held-out report). */
export interface ImpactModelTable {
  id: string;
  created_at: string;
  vector_model_id: string;
  meta: string;
}

/** `paper_impact`: a paper's predicted probability of landing in its group's top 10%. */
export interface PaperImpactTable {
  model_id: string;
  paper_id: number;
  probability: number;
}

/** `author_identity_log`: one merge or split (JSON detail), reversible. */
export interface AuthorIdentityLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  detail: string;
  reverted_by: number | null;
}

/** `citation_counts_by_year`: citations in one year as an external source reports them. */
export interface CitationCountByYearTable {
  paper: string;
  source: string;
  year: number;
  count: number;
  retrieved_at: string;
}

/** `author_key_overrides` (0006): a merge alias (no `arxiv_id`) or a per-paper split that ingest applies. */
export interface AuthorKeyOverrideTable {
  id: Generated<number>;
  log_id: number;
  from_key: string;
  to_key: string;
  arxiv_id: string | null;
}

/** The 0005 tables, and 0006's `author_key_overrides`. */
export type NoveltyImpactTables = {
  author_key_overrides: AuthorKeyOverrideTable;
  paper_novelty: PaperNoveltyTable;
  impact_models: ImpactModelTable;
  paper_impact: PaperImpactTable;
  author_identity_log: AuthorIdentityLogTable;
  citation_counts_by_year: CitationCountByYearTable;
};

/** The store's database with the 0005 tables. */
export type NoveltyDb = Kysely<Database & NoveltyImpactTables>;

/** A store's query builder, typed to see the 0005 tables too. */
export function withNoveltyTables(db: Kysely<Database>): NoveltyDb {
  return db.withTables<NoveltyImpactTables>();
}
