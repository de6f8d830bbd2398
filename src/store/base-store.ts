import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import { CATEGORIES } from '../core/taxonomy.js';
import type { StoreCapabilities } from './capabilities.js';
import { AuthorRepository } from './author.repository.js';
import { CitationRepository } from './citation.repository.js';
import { FeedRepository } from './feed.repository.js';
import { IngestRunRepository } from './ingest-run.repository.js';
import { migrations, READ_INDEXES, type ReadIndex } from './migrations.js';
import { PaperRepository } from './paper.repository.js';
import { StatsRepository } from './stats.repository.js';
import { SubscriptionRepository } from './subscription.repository.js';
import type { BatchWriter, MigrationReport, Store } from './store.js';
import type { Database } from './tables.js';

/**
 * What both backends share: the repositories (plain Kysely), the migration runner and the
 * taxonomy seed. A backend supplies its Kysely instance, capabilities, writer and size.
 */
export abstract class BaseStore implements Store {
  readonly db: Kysely<Database>;
  readonly capabilities: StoreCapabilities;
  readonly papers: PaperRepository;
  readonly citations: CitationRepository;
  readonly runs: IngestRunRepository;
  readonly stats: StatsRepository;
  readonly feeds: FeedRepository;
  readonly authors: AuthorRepository;
  readonly subscriptions: SubscriptionRepository;
  abstract readonly writer: BatchWriter;

  constructor(db: Kysely<Database>, capabilities: StoreCapabilities) {
    this.db = db;
    this.capabilities = capabilities;
    this.papers = new PaperRepository(db);
    this.citations = new CitationRepository(db);
    this.runs = new IngestRunRepository(db);
    this.stats = new StatsRepository(db);
    this.feeds = new FeedRepository(db);
    this.authors = new AuthorRepository(db);
    this.subscriptions = new SubscriptionRepository(db);
  }

  /** Runs pending migrations, then upserts the category taxonomy. Throws on a failed migration. */
  async migrate(): Promise<MigrationReport> {
    const set = migrations(this.capabilities.dialect);
    const provider: MigrationProvider = { getMigrations: async () => set };
    const schema = await this.migrationSchema();
    const migrator = new Migrator({ db: this.db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    await this.ensureIndexes();
    await this.#seedCategories();
    return { applied: results.filter((r) => r.status === 'Success').map((r) => r.migrationName), pending: 0 };
  }

  /**
   * A string that changes whenever anything is committed to the store, by this process or any
   * other (each backend says how). The web page cache keys on it, so an ingest, a metrics
   * recompute or an author merge run from the CLI shows on the next page view. Any write
   * counts, so it may change more often than pages do, never less.
   */
  abstract version(): Promise<string>;

  /** Schema for Kysely's migration bookkeeping tables; undefined for the backend's default. */
  protected async migrationSchema(): Promise<string | undefined> {
    return undefined;
  }

  /** Drops the read-only secondary indexes before a bulk load into an empty store. */
  async suspendIndexes(): Promise<void> {
    for (const ix of READ_INDEXES) await this.db.schema.dropIndex(ix.name).ifExists().execute();
  }

  /** Creates any missing read index (after a bulk load, or a bulk load that was killed); each backend says how. */
  abstract ensureIndexes(): Promise<void>;

  async #seedCategories(): Promise<void> {
    const rows = CATEGORIES.map((c) => ({ id: c.id, name: c.name, group_name: c.group, archive: c.archive }));
    await this.db.transaction().execute(async (tx) => {
      for (let i = 0; i < rows.length; i += 200) {
        await tx.insertInto('categories').values(rows.slice(i, i + 200))
          .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), group_name: eb.ref('excluded.group_name'), archive: eb.ref('excluded.archive') })))
          .execute();
      }
    });
  }

  abstract sizeBytes(): Promise<number>;
  abstract close(): Promise<void>;
}

/** The `CREATE INDEX IF NOT EXISTS` statement of a read index (constant SQL, no parameters). */
export function createIndexSql(db: Kysely<Database>, ix: ReadIndex): string {
  const create = db.schema.createIndex(ix.name).ifNotExists().on(ix.table);
  return ('columns' in ix ? create.columns([...ix.columns]) : create.expression(ix.expression)).compile().sql;
}
