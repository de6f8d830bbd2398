import type { Store } from '../../store/store.js';
import type { VectorIndex } from '../vector-index.js';
import { ConcurrentSyncError, readSyncState, sameVectors, stampOf, type VectorSyncState } from './sync-state.js';
import type { IndexStamp } from './usearch-index.js';
import { countVectors, readVectors, vectorPages } from './vector-table.js';

/**
 * Bringing an ANN index to the store's vectors. An index whose stamp is an earlier state of
 * the same sync history (a sync committed batches but died before saving the file) is caught
 * up by re-reading only the vectors of papers changed since its watermark, which takes seconds
 * where a rebuild of a large index takes many minutes; anything else is refilled from scratch.
 */

/** An index that can be kept in step with the store: a VectorIndex that records which store state it holds. */
export interface SyncableIndex extends VectorIndex {
  readonly dimensions: number;
  stamp: IndexStamp | null;
  /** Empties the index. */
  clear(): void;
}

/** Progress callback: items done so far out of `total`. */
export type OnProgress = (done: number, total: number) => void;

/** What bringing an index up to date took: nothing, a catch-up, or a full refill. */
export type Repair = 'none' | 'caught-up' | 'refilled';

/** Whether the index holds exactly the store's vectors for its model (`state` is the store's sync state). */
export function indexMatches(index: SyncableIndex, state: VectorSyncState | undefined): boolean {
  if (!state) return index.stamp === null && index.size === 0;
  return index.stamp !== null && sameVectors(index.stamp, state);
}

/** Makes the index hold the store's vectors, as cheaply as its stamp allows. */
export async function repairIndex(store: Store, index: SyncableIndex, state: VectorSyncState | undefined, onProgress?: OnProgress): Promise<Repair> {
  if (indexMatches(index, state)) return 'none';
  if (state && await catchUp(store, index, state)) return 'caught-up';
  await refill(store, index, state, onProgress);
  return 'refilled';
}

/**
 * Upserts the stored vectors of papers changed after the stamp's watermark, when the stamp is
 * an earlier state of `state`'s history; then checks that the index holds as many vectors as
 * the store. False (index possibly part-updated: refill it) when that is not possible.
 */
async function catchUp(store: Store, index: SyncableIndex, state: VectorSyncState): Promise<boolean> {
  const stamp = index.stamp;
  if (!stamp || stamp.epoch !== state.epoch || stamp.generation > state.generation || stamp.watermark === null) return false;
  let after = -2147483648;
  for (;;) {
    const rows = await store.db.selectFrom('papers').select('id').where('last_changed_at', '>', stamp.watermark)
      .where('id', '>', after).orderBy('id').limit(1024).execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    const vectors = await readVectors(store.db, index.modelId, rows.map((r) => r.id));
    index.upsert([...vectors.keys()], [...vectors.values()]);
  }
  if (index.size !== await countVectors(store.db, index.modelId)) return false;
  await stampIfUnchanged(store, index, state);
  return true;
}

/** Replaces the index's contents with the store's vectors for its model and stamps it. */
export async function refill(store: Store, index: SyncableIndex, state: VectorSyncState | undefined, onProgress?: OnProgress): Promise<void> {
  index.clear();
  const total = onProgress ? await countVectors(store.db, index.modelId) : 0;
  for await (const page of vectorPages(store.db, index.modelId, { pageSize: 1024 })) {
    index.upsert(page.map((v) => v.paperId), page.map((v) => v.vector));
    onProgress?.(index.size, total);
  }
  await stampIfUnchanged(store, index, state);
}

/** Stamps the index with `state`, unless another sync changed the state meanwhile. */
async function stampIfUnchanged(store: Store, index: SyncableIndex, state: VectorSyncState | undefined): Promise<void> {
  const now = await readSyncState(store.db, index.modelId);
  if (state ? !now || !sameVectors(now, state) : now) throw new ConcurrentSyncError(index.modelId);
  index.stamp = state ? stampOf(state) : null;
}
