import type { Kysely } from 'kysely';
import { NotFoundError } from '../core/errors.js';
import type { PaperSummary, StoredPaper } from '../core/paper.js';
import { loadCards } from './paper-cards.js';
import type { Database, PaperTable } from './tables.js';
import type { Selectable } from 'kysely';

/** Reads papers and maps rows to {@link StoredPaper}. Shared by both backends. */
export class PaperRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** The paper with this versionless arXiv id, with authors, categories and versions; or undefined. */
  async findByArxivId(arxivId: string): Promise<StoredPaper | undefined> {
    const row = await this.#db.selectFrom('papers').selectAll().where('arxiv_id', '=', arxivId).executeTakeFirst();
    if (!row) return undefined;
    const [paper] = await this.#hydrate([row]);
    return paper;
  }

  /** Like {@link findByArxivId} but throws NotFoundError. */
  async findByArxivIdOrThrow(arxivId: string): Promise<StoredPaper> {
    const paper = await this.findByArxivId(arxivId);
    if (!paper) throw new NotFoundError('paper', arxivId);
    return paper;
  }

  /** Cards for these internal paper ids, in the order given; unknown ids are skipped. */
  cards(ids: readonly number[]): Promise<PaperSummary[]> {
    return loadCards(this.#db, ids);
  }

  /** Internal ids of these arXiv ids (those in the store), keyed by arXiv id. */
  async internalIds(arxivIds: readonly string[]): Promise<Map<string, number>> {
    if (arxivIds.length === 0) return new Map();
    const rows = await this.#db.selectFrom('papers').select(['id', 'arxiv_id']).where('arxiv_id', 'in', [...arxivIds]).execute();
    return new Map(rows.map((r) => [r.arxiv_id, r.id]));
  }

  /** arXiv ids of these internal ids (those in the store), keyed by internal id. */
  async arxivIds(ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.#db.selectFrom('papers').select(['id', 'arxiv_id']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, r.arxiv_id]));
  }

  /** Number of papers in the store. */
  async count(): Promise<number> {
    const r = await this.#db.selectFrom('papers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async #hydrate(rows: Selectable<PaperTable>[]): Promise<StoredPaper[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [authors, cats, versions] = await Promise.all([
      this.#db.selectFrom('paper_authors').select(['paper_id', 'name', 'author_key']).where('paper_id', 'in', ids).orderBy('paper_id').orderBy('position').execute(),
      this.#db.selectFrom('paper_categories').select(['paper_id', 'category']).where('paper_id', 'in', ids).orderBy('paper_id').orderBy('position').execute(),
      this.#db.selectFrom('paper_versions').select(['paper_id', 'version', 'created_at']).where('paper_id', 'in', ids).orderBy('paper_id').orderBy('version').execute(),
    ]);
    const by = <T extends { paper_id: number }>(list: T[]) => {
      const m = new Map<number, T[]>();
      for (const x of list) (m.get(x.paper_id) ?? m.set(x.paper_id, []).get(x.paper_id)!).push(x);
      return m;
    };
    const a = by(authors), c = by(cats), v = by(versions);
    return rows.map((r) => toPaper(r, a.get(r.id) ?? [], c.get(r.id) ?? [], v.get(r.id) ?? []));
  }
}

function toPaper(
  r: Selectable<PaperTable>,
  authors: { name: string; author_key: string }[],
  cats: { category: string }[],
  versions: { version: number; created_at: string }[],
): StoredPaper {
  return {
    id: r.id,
    arxivId: r.arxiv_id,
    title: r.title,
    abstract: r.abstract,
    authors: authors.map((x) => ({ name: x.name, key: x.author_key })),
    categories: cats.map((x) => x.category),
    primaryCategory: r.primary_category,
    comments: r.comments,
    journalRef: r.journal_ref,
    doi: r.doi,
    license: r.license,
    reportNo: r.report_no,
    versions: versions.map((x) => ({ version: x.version, createdAt: x.created_at })),
    firstListed: r.first_listed,
    updated: r.source_updated,
    published: r.published,
  };
}
