import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { BaseStore, createIndexSql } from '../base-store.js';
import { AUTHORS_INDEX, READ_INDEXES } from '../migrations.js';
import type { Database } from '../tables.js';
import { PostgresBatchWriter } from './postgres-batch-writer.js';
import { endDeferral } from './deferred-authors.js';
import { inWriterTransaction } from './writer-transaction.js';

/**
 * The tables a bulk load fills, whose planner statistics ensureIndexes refreshes: only the
 * columns queries filter, join or sort on. Sampling the text columns (title, abstract, names)
 * made ANALYZE of `papers` take 1.7× as long, for statistics no plan uses.
 */
const ANALYZED: Record<string, readonly string[]> = {
  papers: ['id', 'arxiv_id', 'primary_category', 'published', 'first_listed', 'latest_version', 'last_changed_at'],
  paper_authors: ['paper_id', 'position', 'author_key'],
  paper_categories: ['paper_id', 'category', 'position'],
  paper_versions: ['paper_id', 'version'],
  authors: ['key'],
  citations: ['citing', 'cited', 'source'],
};

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** A `postgres://` connection string (DATABASE_URL). */
  url: string;
  /**
   * Schema to use instead of `public` (created if missing). Tests use one schema per store so
   * they never see each other's rows. @default undefined (the server's search_path)
   */
  schema?: string;
  /** Pool size. @default 10 */
  maxConnections?: number;
}

/** The PostgreSQL store, for deployments with several processes (web and worker). */
export class PostgresStore extends BaseStore {
  readonly writer: PostgresBatchWriter;

  readonly #pool: pg.Pool;
  readonly #markerIndex: string;

  constructor(db: Kysely<Database>, pool: pg.Pool) {
    super(db, { dialect: 'postgres', concurrentWriters: true, localFile: false });
    this.#pool = pool;
    this.#markerIndex = createIndexSql(db, READ_INDEXES.find((ix) => ix.name === AUTHORS_INDEX)!);
    this.writer = new PostgresBatchWriter(pool, this.#markerIndex);
  }

  /** The current snapshot (xmin, xmax and in-progress ids move as writers commit). */
  async version(): Promise<string> {
    const { rows } = await sql<{ v: string }>`SELECT pg_current_snapshot()::text AS v`.execute(this.db);
    return String(rows[0]?.v ?? '');
  }

  /** Size of the papersift tables (with indexes and TOAST), in bytes. */
  async sizeBytes(): Promise<number> {
    const r = await sql<{ bytes: string }>`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::text AS bytes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = current_schema()`.execute(this.db);
    return Number(r.rows[0]?.bytes ?? 0);
  }

  /**
   * Creates any missing read index; when one was missing (a bulk load just ended, or was
   * killed), also refreshes the planner statistics of the tables a bulk load fills. Without
   * them PostgreSQL planned the metrics recompute's per-author lookups as sequential scans
   * (75k CS store: 35.8 s, 15.9 s after ANALYZE).
   */
  override async ensureIndexes(): Promise<void> {
    const r = await sql<{ name: string }>`SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema()
      AND indexname IN (${sql.join(READ_INDEXES.map((ix) => ix.name))})`.execute(this.db);
    const have = new Set(r.rows.map((x) => x.name));
    const missing = READ_INDEXES.filter((ix) => !have.has(ix.name));
    if (missing.length === 0) return;
    // Each on its own pooled connection, all at once, so the server works on every core; the
    // author index with its deferred fill (see deferred-authors.ts) in one locked transaction.
    await Promise.all(missing.map((ix) => (ix.name === AUTHORS_INDEX ? this.#endAuthorDeferral() : sql.raw(createIndexSql(this.db, ix)).execute(this.db))));
    await Promise.all(Object.entries(ANALYZED).map(([table, columns]) => sql`ANALYZE ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})`.execute(this.db)));
  }

  #endAuthorDeferral(): Promise<void> {
    return inWriterTransaction(this.#pool, (c) => endDeferral(c, this.#markerIndex));
  }

  /**
   * The connection's current schema. Unqualified, Kysely's migrator looks for its bookkeeping
   * tables in every schema of the database, so a second store (or any Kysely app) in another
   * schema made it skip creating them here and fail with `relation "kysely_migration_lock"
   * does not exist`.
   */
  protected override async migrationSchema(): Promise<string | undefined> {
    const r = await sql<{ schema: string | null }>`SELECT current_schema() AS schema`.execute(this.db);
    return r.rows[0]?.schema ?? undefined;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Opens a PostgreSQL store. Call `migrate()` before use. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  if (schema) {
    const client = await pool.connect();
    try { await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`); } finally { client.release(); }
  }
  return new PostgresStore(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool);
}
