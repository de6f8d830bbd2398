import type { Kysely } from 'kysely';
import type { Database } from './tables.js';

/** Reads citation edges and counts. Shared by both backends. */
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
  async counts(ref: string): Promise<{ source: string; count: number; retrievedAt: string }[]> {
    const rows = await this.#db.selectFrom('citation_counts').select(['source', 'count', 'retrieved_at']).where('paper', '=', ref).orderBy('source').execute();
    return rows.map((r) => ({ source: r.source, count: Number(r.count), retrievedAt: r.retrieved_at }));
  }
}
