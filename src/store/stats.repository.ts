import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

/** Store-wide counts for `papersift stats` and the health page. */
export interface StoreStats {
  papers: number;
  versions: number;
  authors: number;
  authorships: number;
  categories: number;
  citations: number;
  citationCounts: number;
  ingestRuns: number;
  /** Earliest and latest first-listing dates, when any paper has one. */
  firstListed: { min: string | null; max: string | null };
  /** Papers per primary category, largest first (top 10). */
  topCategories: { category: string; papers: number }[];
}

/** Computes {@link StoreStats}. */
export class StatsRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** All counts in one object. */
  async all(): Promise<StoreStats> {
    const count = async (t: keyof Database) => {
      const r = await this.#db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    };
    const [papers, versions, authors, authorships, categories, citations, citationCounts, ingestRuns] = await Promise.all(
      (['papers', 'paper_versions', 'authors', 'paper_authors', 'categories', 'citations', 'citation_counts', 'ingest_runs'] as const).map(count),
    );
    const range = await this.#db.selectFrom('papers')
      .select((eb) => [eb.fn.min('first_listed').as('min'), eb.fn.max('first_listed').as('max')]).executeTakeFirstOrThrow();
    const top = await this.#db.selectFrom('papers')
      .select(['primary_category', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('primary_category').orderBy('n', 'desc').orderBy('primary_category').limit(10).execute();
    return {
      papers: papers!, versions: versions!, authors: authors!, authorships: authorships!, categories: categories!,
      citations: citations!, citationCounts: citationCounts!, ingestRuns: ingestRuns!,
      firstListed: { min: range.min ?? null, max: range.max ?? null },
      topCategories: top.map((t) => ({ category: t.primary_category, papers: Number(t.n) })),
    };
  }
}
