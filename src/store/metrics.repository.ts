import { sql, type Kysely } from 'kysely';
import { arxivIdYear } from '../core/arxiv-id.js';
import { paperDate } from './paper-cards.js';
import type { Dialect } from './capabilities.js';
import type { AuthorMetricsTable, Database } from './tables.js';

/**
 * Reads and writes of the materialised author metrics (migration 0004): the inputs of a
 * recompute (per-paper citation totals, changed papers, each author's papers with the years
 * of their citing papers), the `author_metrics` rows, and the state (generation, watermarks).
 * Shared by both backends; parameterised queries only, ids in chunks far below both backends'
 * bound-parameter limits.
 */

/** One of an author's papers with the year of each distinct citing paper (the shape `rank/author-metrics` computes from). */
export interface PaperCitations {
  arxivId: string;
  year: number | null;
  citingYears: (number | null)[];
}

/** Ids per query. */
const CHUNK = 500;

/** A materialised row, as stored. */
export type AuthorMetricsRow = AuthorMetricsTable;

/** Names of the `metrics_state` entries. */
export type MetricsStateName = 'generation' | 'papers_watermark' | 'as_of_year' | 'computed_at';

/** Materialised author metrics and what a recompute reads. */
export class MetricsRepository {
  readonly #db: Kysely<Database>;
  readonly #authorChunk: number;

  /**
   * @param dialect Sets the authors read per pair of queries in {@link papersOf}: 500 on SQLite
   * (its 999-parameter floor), 2,000 on PostgreSQL, which then repeats its hash joins over
   * `papers` a quarter as often (hep-th: 5.1 s → 1.6 s per 10,000 authors). @default 'sqlite'
   */
  constructor(db: Kysely<Database>, dialect: Dialect = 'sqlite') {
    this.#db = db;
    this.#authorChunk = dialect === 'postgres' ? 2000 : CHUNK;
  }

  /** Every cited ref's internal count now (distinct citing refs: `citationCounts`' definition, for all refs at once). */
  async currentTotals(): Promise<Map<string, number>> {
    const rows = await this.#db.selectFrom('citations').select(['cited', (eb) => eb.fn.count<number>('citing').distinct().as('n')]).groupBy('cited').execute();
    return new Map(rows.map((r) => [r.cited, Number(r.n)]));
  }

  /** The counts stored by the last recompute. */
  async storedTotals(): Promise<Map<string, number>> {
    const rows = await this.#db.selectFrom('paper_citation_totals').select(['arxiv_id', 'citations']).execute();
    return new Map(rows.map((r) => [r.arxiv_id, Number(r.citations)]));
  }

  /** Replaces the stored counts of these refs (0 deletes). */
  async writeTotals(changes: ReadonlyMap<string, number>): Promise<void> {
    const entries = [...changes];
    await this.#db.transaction().execute(async (tx) => {
      for (let i = 0; i < entries.length; i += CHUNK) {
        const part = entries.slice(i, i + CHUNK);
        await tx.deleteFrom('paper_citation_totals').where('arxiv_id', 'in', part.map(([id]) => id)).execute();
        const rows = part.filter(([, n]) => n > 0).map(([arxiv_id, citations]) => ({ arxiv_id, citations }));
        if (rows.length) await tx.insertInto('paper_citation_totals').values(rows).execute();
      }
    });
  }

  /** The newest `last_changed_at` of any paper, or null for an empty store. */
  async papersWatermark(): Promise<string | null> {
    const row = await this.#db.selectFrom('papers').select((eb) => eb.fn.max('last_changed_at').as('m')).executeTakeFirst();
    return row?.m ? String(row.m) : null;
  }

  /** arXiv ids of papers changed after `watermark` and at or before `upTo`. */
  async papersChanged(watermark: string, upTo: string): Promise<string[]> {
    const rows = await this.#db.selectFrom('papers').select('arxiv_id').where('last_changed_at', '>', watermark).where('last_changed_at', '<=', upTo).execute();
    return rows.map((r) => r.arxiv_id);
  }

  /** Refs cited by any of `citing`. */
  async citedBy(citing: readonly string[]): Promise<string[]> {
    const out = new Set<string>();
    for (let i = 0; i < citing.length; i += CHUNK) {
      const rows = await this.#db.selectFrom('citations').select('cited').distinct().where('citing', 'in', citing.slice(i, i + CHUNK)).execute();
      for (const r of rows) out.add(r.cited);
    }
    return [...out];
  }

  /** Keys of the authors of these papers (by arXiv id). */
  async authorsOf(arxivIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < arxivIds.length; i += CHUNK) {
      const rows = await this.#db.selectFrom('paper_authors').innerJoin('papers', 'papers.id', 'paper_authors.paper_id')
        .select('paper_authors.author_key').distinct().where('papers.arxiv_id', 'in', arxivIds.slice(i, i + CHUNK)).execute();
      for (const r of rows) out.add(r.author_key);
    }
    return out;
  }

  /** Every author key with at least one paper, sorted. */
  async allAuthorKeys(): Promise<string[]> {
    const rows = await this.#db.selectFrom('paper_authors').select('author_key').distinct().orderBy('author_key').execute();
    return rows.map((r) => r.author_key);
  }

  /** The year of the newest dated paper that cites anything, or null when none is dated. */
  async newestCitingYear(): Promise<number | null> {
    const row = await this.#db.selectFrom('papers').select(sql<string | null>`max(${paperDate()})`.as('d'))
      .where((eb) => eb.exists(eb.selectFrom('citations').select('citations.citing').whereRef('citations.citing', '=', 'papers.arxiv_id')))
      .executeTakeFirst();
    return row?.d ? Number(String(row.d).slice(0, 4)) : null;
  }

  /**
   * Each author's papers (each once) with the year of every distinct citing paper: the store's
   * date of the citing paper, else the year its arXiv id encodes, else null. Two queries per chunk.
   */
  async papersOf(keys: readonly string[]): Promise<Map<string, PaperCitations[]>> {
    const out = new Map<string, PaperCitations[]>();
    for (let i = 0; i < keys.length; i += this.#authorChunk) {
      const part = keys.slice(i, i + this.#authorChunk);
      const [authorships, edges] = await Promise.all([this.#authorships(part), this.#citingYears(part)]);
      for (const a of authorships) {
        const list = out.get(a.key) ?? [];
        list.push({ arxivId: a.arxivId, year: a.year, citingYears: edges.get(a.arxivId) ?? [] });
        out.set(a.key, list);
      }
    }
    return out;
  }

  async #authorships(keys: readonly string[]): Promise<{ key: string; arxivId: string; year: number | null }[]> {
    const rows = await this.#db.selectFrom('paper_authors').innerJoin('papers', 'papers.id', 'paper_authors.paper_id')
      .select(['paper_authors.author_key as key', 'papers.arxiv_id as arxiv_id', paperDate().as('date')]).distinct()
      .where('paper_authors.author_key', 'in', keys).execute();
    return rows.map((r) => ({ key: r.key, arxivId: r.arxiv_id, year: yearOf(r.arxiv_id, r.date) }));
  }

  async #citingYears(keys: readonly string[]): Promise<Map<string, (number | null)[]>> {
    const cited = this.#db.selectFrom('paper_authors').innerJoin('papers', 'papers.id', 'paper_authors.paper_id')
      .select('papers.arxiv_id').where('paper_authors.author_key', 'in', keys);
    const pairs = this.#db.selectFrom('citations').select(['citing', 'cited']).distinct().where('cited', 'in', cited);
    const rows = await this.#db.selectFrom(pairs.as('e')).leftJoin('papers', 'papers.arxiv_id', 'e.citing')
      .select(['e.citing as citing', 'e.cited as cited', paperDate().as('date')]).execute();
    const out = new Map<string, (number | null)[]>();
    for (const r of rows) {
      const list = out.get(r.cited) ?? [];
      list.push(yearOf(r.citing, r.date));
      out.set(r.cited, list);
    }
    return out;
  }

  /** Upserts rows (one transaction) and deletes the rows of `gone` (authors left without papers). */
  async write(rows: readonly AuthorMetricsRow[], gone: readonly string[] = []): Promise<void> {
    await this.#db.transaction().execute(async (tx) => {
      const keys = [...rows.map((r) => r.author_key), ...gone];
      for (let i = 0; i < keys.length; i += CHUNK) await tx.deleteFrom('author_metrics').where('author_key', 'in', keys.slice(i, i + CHUNK)).execute();
      // 14 columns per row: 60 rows keep a statement under SQLite's 999-parameter floor.
      for (let i = 0; i < rows.length; i += 60) await tx.insertInto('author_metrics').values(rows.slice(i, i + 60)).execute();
    });
  }

  /** The row of one author, or undefined. */
  async get(key: string): Promise<AuthorMetricsRow | undefined> {
    return this.#db.selectFrom('author_metrics').selectAll().where('author_key', '=', key).executeTakeFirst();
  }

  /** Authors by h-index, then citations (then key), best first. */
  async top(limit: number): Promise<AuthorMetricsRow[]> {
    return this.#db.selectFrom('author_metrics').selectAll().orderBy('h_index', 'desc').orderBy('citations', 'desc').orderBy('author_key').limit(limit).execute();
  }

  /** Rows in the table. */
  async count(): Promise<number> {
    const row = await this.#db.selectFrom('author_metrics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** One state value, or null. */
  async state(name: MetricsStateName): Promise<string | null> {
    const row = await this.#db.selectFrom('metrics_state').select('value').where('name', '=', name).executeTakeFirst();
    return row?.value ?? null;
  }

  /** Sets state values (one transaction). */
  async setState(values: Partial<Record<MetricsStateName, string>>): Promise<void> {
    await this.#db.transaction().execute(async (tx) => {
      for (const [name, value] of Object.entries(values)) {
        await tx.deleteFrom('metrics_state').where('name', '=', name).execute();
        await tx.insertInto('metrics_state').values({ name, value: value! }).execute();
      }
    });
  }
}

/** A paper's year: from its store date, else from its arXiv id, else null. */
export function yearOf(ref: string, date: string | null | undefined): number | null {
  if (date) return Number(date.slice(0, 4));
  return arxivIdYear(ref) ?? null;
}
