import type { Kysely } from 'kysely';
import type { IngestCounts, RecordFailure } from '../core/ingest-report.js';
import type { PaperRecord } from '../core/paper.js';
import type { CitationRecord } from '../core/citation.js';
import type { StoreCapabilities } from './capabilities.js';
import type { Database } from './tables.js';
import type { PaperRepository } from './paper.repository.js';
import type { IngestRunRepository } from './ingest-run.repository.js';
import type { CitationRepository } from './citation.repository.js';
import type { StatsRepository } from './stats.repository.js';
import type { FeedRepository } from './feed.repository.js';
import type { AuthorRepository } from './author.repository.js';
import type { SubscriptionRepository } from './subscription.repository.js';

/**
 * The Store seam: one repository API over SQLite (default, a file under PAPERSIFT_DATA) or
 * PostgreSQL (DATABASE_URL). Reads go through Kysely and are shared by both backends; bulk
 * writes go through a {@link BatchWriter}, which each backend implements its fastest way.
 * Nothing outside `src/store` sees a row type.
 */
export interface Store {
  readonly capabilities: StoreCapabilities;
  /** Query builder for repositories inside `src/store` and index implementations. */
  readonly db: Kysely<Database>;
  readonly papers: PaperRepository;
  readonly citations: CitationRepository;
  readonly runs: IngestRunRepository;
  readonly stats: StatsRepository;
  /** Papers by first-listing date and by category, newest first, as cards. */
  readonly feeds: FeedRepository;
  /** An author's papers, co-authors and citations. */
  readonly authors: AuthorRepository;
  /** Digest subscriptions. */
  readonly subscriptions: SubscriptionRepository;
  readonly writer: BatchWriter;
  /** Applies pending migrations and seeds the category taxonomy. Safe to call every start. */
  migrate(): Promise<MigrationReport>;
  /** Drops read-only secondary indexes for a bulk load into an empty store (see READ_INDEXES). */
  suspendIndexes(): Promise<void>;
  /** Creates any missing read index; `migrate()` calls it too, so a killed bulk load heals. */
  ensureIndexes(): Promise<void>;
  /** Changes whenever anything is committed to the store, by any process (see BaseStore.version). */
  version(): Promise<string>;
  /** Bytes the store occupies (file size for SQLite, database size for PostgreSQL). */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

/** What {@link Store.migrate} did. */
export interface MigrationReport {
  applied: string[];
  pending: number;
}

/** A batch to write atomically together with its run's checkpoint. */
export interface WriteBatch<T> {
  items: T[];
  failures: RecordFailure[];
  /** Stored on the run in the same transaction, so a resumed run starts after this batch. */
  checkpoint: string | null;
}

/**
 * Bulk writes. Each call is one transaction: the records, the failures, the run's counts and
 * its checkpoint commit together or not at all, which is what makes a killed ingest resumable
 * without loss or duplication.
 */
export interface BatchWriter {
  /**
   * Upserts papers. New ids are inserted; a changed record (by content hash) replaces the
   * stored fields unless it is older (lower latest version, or same version with an older
   * update date); versions are merged and never removed. Returns this batch's counts.
   */
  writePapers(runId: number, batch: WriteBatch<PaperRecord>, now: string): Promise<IngestCounts>;
  /** Inserts citation edges (ignoring ones already present) and upserts citation counts. */
  writeCitations(runId: number, batch: WriteBatch<CitationRecord>, now: string): Promise<IngestCounts>;
}

/** Most failures kept per run in `ingest_failures`; the run's `failed` count is always exact. */
export const MAX_STORED_FAILURES = 10_000;
