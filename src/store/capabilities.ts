/**
 * Named differences between the storage backends, so code checks a capability instead of
 * asking "is this SQLite?" in scattered places.
 */

/** Which SQL engine a store runs on. */
export type Dialect = 'sqlite' | 'postgres';

/** What a store's backend can do. */
export interface StoreCapabilities {
  dialect: Dialect;
  /** Several processes may write at once (PostgreSQL); SQLite allows one writer. */
  concurrentWriters: boolean;
  /** The store lives in a local file whose size `stats` can report. */
  localFile: boolean;
}
