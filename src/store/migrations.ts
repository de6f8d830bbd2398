import { sql, type CreateTableBuilder, type Kysely, type Migration, type RawBuilder } from 'kysely';
import type { Dialect } from './capabilities.js';

/**
 * The one migration set, shared by SQLite and PostgreSQL.
 *
 * Paper children (versions, authorships, categories) carry no FOREIGN KEY constraint: the
 * batch writers insert them only for papers written in the same transaction, and a per-row
 * foreign-key check made PostgreSQL's COPY of authorships four times slower. The store
 * contract suite checks that no child row ever lacks its paper. Dialect differences are limited to
 * the auto-increment key, which {@link serialId} names. Migrations are append-only: never edit
 * one that has shipped; add the next.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_core': { up: (db) => createCore(db, dialect) },
    '0002_subscriptions': { up: (db) => createSubscriptions(db, dialect) },
    '0003_search': { up: (db) => createSearch(db, dialect) },
    '0004_metrics': { up: (db) => createMetrics(db, dialect) },
    '0005_novelty_impact': { up: (db) => createNoveltyImpact(db, dialect) },
    '0006_author_overrides': { up: (db) => createAuthorOverrides(db, dialect) },
    // papers(published) served no query (dates are read through papers_date); it cost every bulk load.
    '0007_drop_papers_published': { up: (db) => db.schema.dropIndex('papers_published').ifExists().execute() },
    // SQLite's paper_authors_author became covering; migrate() rebuilds it (its fill then adds nothing).
    '0008_sqlite_covering_author_index': { up: (db) => (dialect === 'sqlite' ? db.schema.dropIndex('paper_authors_author').ifExists().execute() : Promise.resolve()) },
  };
}

/**
 * The authorships-by-author read index. On both backends its absence also marks a bulk load whose
 * `authors` rows are deferred (see sqlite/ and postgres/deferred-authors.ts).
 */
export const AUTHORS_INDEX = 'paper_authors_author';

/**
 * Secondary indexes that only serve reads. A bulk load into an empty store drops them and
 * builds them once at the end (sorting once is far cheaper than inserting into them row by
 * row); `Store.migrate()` recreates any that are missing, so a killed bulk load heals on the
 * next start.
 */
export const READ_INDEXES: readonly ReadIndex[] = [
  { name: 'papers_first_listed', table: 'papers', columns: ['first_listed'] },
  // On SQLite it also covers position and name: filling `authors` after a bulk load then reads
  // each key's first name from the index alone (see sqlite/deferred-authors.ts).
  { name: AUTHORS_INDEX, table: 'paper_authors', columns: ['author_key', 'paper_id'], sqliteCover: ['position', 'name'] },
  { name: 'paper_categories_category', table: 'paper_categories', columns: ['category', 'paper_id'] },
  // A card's date (first listing, else v1) then id: category pages, an author's papers and a
  // paper's citations list newest first by walking it instead of sorting. The expression must
  // stay textually the same as PAPER_DATE in paper-cards.ts, or neither backend will use it.
  { name: 'papers_date', table: 'papers', expression: sql`(coalesce(first_listed, published, '')), arxiv_id` },
];

/**
 * One read index: plain columns (and, on SQLite only, `sqliteCover` columns appended to make it
 * covering), or an expression list (constant SQL, no parameters).
 */
export type ReadIndex =
  | { name: string; table: string; columns: readonly string[]; sqliteCover?: readonly string[] }
  | { name: string; table: string; expression: RawBuilder<unknown> };

/**
 * SQLite stores link tables keyed by their primary key as WITHOUT ROWID tables: one B-tree
 * instead of a table plus a primary-key index, which makes bulk inserts and lookups cheaper.
 */
function clustered<T extends string, C extends string>(dialect: Dialect, table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C> {
  return dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;
}

function serialId(dialect: Dialect): ['id', 'integer' | 'serial'] {
  return ['id', dialect === 'postgres' ? 'serial' : 'integer'];
}

async function createCore(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('papers')
    .addColumn(...serialId(dialect), (c) => c.primaryKey())
    .addColumn('arxiv_id', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('abstract', 'text', (c) => c.notNull())
    .addColumn('comments', 'text')
    .addColumn('journal_ref', 'text')
    .addColumn('doi', 'text')
    .addColumn('license', 'text')
    .addColumn('report_no', 'text')
    .addColumn('primary_category', 'text', (c) => c.notNull())
    .addColumn('published', 'text')
    .addColumn('first_listed', 'text')
    .addColumn('latest_version', 'integer', (c) => c.notNull())
    .addColumn('source_updated', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_changed_at', 'text', (c) => c.notNull())
    .execute();

  await clustered(dialect, db.schema.createTable('paper_versions')
    .addColumn('paper_id', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_versions_pk', ['paper_id', 'version'])
    ).execute();

  await clustered(dialect, db.schema.createTable('authors')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('orcid', 'text')
    .addColumn('s2_author_id', 'text')
    ).execute();

  await clustered(dialect, db.schema.createTable('paper_authors')
    .addColumn('paper_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('author_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_authors_pk', ['paper_id', 'position'])
    ).execute();

  await db.schema.createTable('categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('archive', 'text', (c) => c.notNull())
    .execute();

  await clustered(dialect, db.schema.createTable('paper_categories')
    .addColumn('paper_id', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_categories_pk', ['paper_id', 'category'])
    ).execute();

  await clustered(dialect, db.schema.createTable('citations')
    .addColumn('citing', 'text', (c) => c.notNull())
    .addColumn('cited', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('citations_pk', ['citing', 'cited', 'source'])
    ).execute();
  await db.schema.createIndex('citations_cited').on('citations').columns(['cited']).execute();

  await clustered(dialect, db.schema.createTable('citation_counts')
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('retrieved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('citation_counts_pk', ['paper', 'source'])
    ).execute();

  await db.schema.createTable('ingest_runs')
    .addColumn(...serialId(dialect), (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('resume_key', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('fetched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('new', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checkpoint', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('ingest_runs_resume').on('ingest_runs').columns(['resume_key', 'status']).execute();

  await db.schema.createTable('ingest_failures')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('ingest_runs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ingest_failures_pk', ['run_id', 'seq'])
    .execute();
}

/**
 * 0002: digest subscriptions. One row per normalised address (the unique key that makes
 * subscribing twice a no-op); categories as space-separated ids; `pending` until confirmed.
 */
async function createSubscriptions(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('subscriptions')
    .addColumn(...serialId(dialect), (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_normalized', 'text', (c) => c.notNull().unique())
    .addColumn('categories', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('created_at', 'text')
    .addColumn('confirm_token_hash', 'text')
    .execute();
}

/**
 * 0003: search. The keyword index is per backend: an FTS5 table on SQLite (its rowid is the
 * paper id; it keeps its own copy of the text so snippets work and a changed paper can be
 * deleted by rowid), a weighted `tsvector` with a GIN index on PostgreSQL. Both backends share
 * the author-name tables (each author's folded surname, and the trigrams of each distinct
 * surname, for typo-tolerant author lookup), the embedding models, the paper
 * vectors (the source of truth the ANN index is rebuilt from) and the index watermarks.
 */
async function createSearch(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`create virtual table paper_fts using fts5(title, abstract, authors, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
  } else {
    await db.schema.createTable('paper_search')
      .addColumn('paper_id', 'integer', (c) => c.primaryKey())
      .addColumn('doc', sql`tsvector`, (c) => c.notNull())
      .execute();
    await sql`create index paper_search_doc on paper_search using gin (doc)`.execute(db);
  }
  await clustered(dialect, db.schema.createTable('author_surnames')
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('author_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('author_surnames_pk', ['surname', 'author_key'])).execute();
  await clustered(dialect, db.schema.createTable('surname_grams')
    .addColumn('gram', 'text', (c) => c.notNull())
    .addColumn('surname', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('surname_grams_pk', ['gram', 'surname'])).execute();
  await db.schema.createTable('search_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  await db.schema.createTable('embedding_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dimensions', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('data', bytes)
    .execute();
  await clustered(dialect, db.schema.createTable('paper_vectors')
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('paper_id', 'integer', (c) => c.notNull())
    .addColumn('vector', bytes, (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_vectors_pk', ['model_id', 'paper_id'])).execute();
}

/**
 * 0005: novelty, the impact model, author identity and external counts by year (issue 5
 * part B; table types in `novelty-impact.tables.ts`). `paper_novelty` keeps each paper's
 * distance to its k nearest earlier papers and its percentile within (primary category, year);
 * `impact_models` the fitted logistic model with its held-out report as JSON, `paper_impact`
 * each paper's predicted probability; `author_identity_log` every merge and split with the
 * authorship rows it changed (so it can be reverted); `citation_counts_by_year` the per-year
 * counts an external source reports, with source and retrieval date.
 */
async function createNoveltyImpact(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('paper_novelty')
    .addColumn('paper_id', 'integer', (c) => c.primaryKey())
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('distance', 'double precision')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('percentile', 'double precision')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('paper_novelty_group').on('paper_novelty').columns(['category', 'year']).execute();
  await db.schema.createTable('impact_models')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('vector_model_id', 'text', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .execute();
  await clustered(dialect, db.schema.createTable('paper_impact')
    .addColumn('model_id', 'text', (c) => c.notNull())
    .addColumn('paper_id', 'integer', (c) => c.notNull())
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('paper_impact_pk', ['model_id', 'paper_id'])).execute();
  await db.schema.createTable('author_identity_log')
    .addColumn(...serialId(dialect), (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('reverted_by', 'integer')
    .execute();
  await clustered(dialect, db.schema.createTable('citation_counts_by_year')
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('retrieved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('citation_counts_by_year_pk', ['paper', 'source', 'year'])).execute();
}

/**
 * 0006: author-identity overrides that ingest applies when it writes authorships (see
 * `author-overrides.ts`), so merges and splits survive a re-ingest. `log_id` is the
 * `author_identity_log` entry that made the row; a revert deletes its rows.
 */
async function createAuthorOverrides(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('author_key_overrides')
    .addColumn(...serialId(dialect), (c) => c.primaryKey())
    .addColumn('log_id', 'integer', (c) => c.notNull())
    .addColumn('from_key', 'text', (c) => c.notNull())
    .addColumn('to_key', 'text', (c) => c.notNull())
    .addColumn('arxiv_id', 'text')
    .execute();
  await db.schema.createIndex('author_key_overrides_log').on('author_key_overrides').column('log_id').execute();
}

/**
 * 0004: materialised author metrics (issue 5 part A; see docs/METRICS.md). `author_metrics`
 * holds each author's numbers with the generation and as-of year they were computed at;
 * `paper_citation_totals` each cited paper's internal count at the last recompute, so the next
 * one finds the papers that gained citations; `metrics_state` the generation and watermarks.
 */
async function createMetrics(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await clustered(dialect, db.schema.createTable('author_metrics')
    .addColumn('author_key', 'text', (c) => c.primaryKey())
    .addColumn('papers', 'integer', (c) => c.notNull())
    .addColumn('citations', 'integer', (c) => c.notNull())
    .addColumn('h_index', 'integer', (c) => c.notNull())
    .addColumn('i10_index', 'integer', (c) => c.notNull())
    .addColumn('h5_index', 'integer', (c) => c.notNull())
    .addColumn('window_citations', 'integer', (c) => c.notNull())
    .addColumn('undated_citations', 'integer', (c) => c.notNull())
    .addColumn('first_year', 'integer')
    .addColumn('last_year', 'integer')
    .addColumn('per_year', 'text', (c) => c.notNull())
    .addColumn('as_of_year', 'integer', (c) => c.notNull())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())).execute();
  await db.schema.createIndex('author_metrics_h').on('author_metrics').columns(['h_index', 'citations']).execute();
  await clustered(dialect, db.schema.createTable('paper_citation_totals')
    .addColumn('arxiv_id', 'text', (c) => c.primaryKey())
    .addColumn('citations', 'integer', (c) => c.notNull())).execute();
  await db.schema.createTable('metrics_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
