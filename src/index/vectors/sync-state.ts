import { randomBytes } from 'node:crypto';
import type { Store } from '../../store/store.js';
import type { IndexStamp } from './usearch-index.js';
import type { Db } from './vector-table.js';

/**
 * A model's vector sync state, one JSON row in `search_state` under `vectors:<modelId>`. It is
 * written in the same transaction as the vectors it describes, so it is always true of them.
 */
export interface VectorSyncState {
  /** Every paper whose `last_changed_at` is at or before this has a current vector; null before the first completed sync. */
  watermark: string | null;
  /** Random id of this state's history; a recreated state starts a new epoch, so an old index file never matches it by accident. */
  epoch: string;
  /** Bumped by every transaction that writes vectors; an index holds the store's vectors when its stamp has the same epoch and generation. */
  generation: number;
  /** An unfinished sync: the newest change it covers and the last paper id it finished. */
  run: { horizon: string; afterId: number } | null;
}

/** Thrown when another process changed the sync state while this one was syncing. */
export class ConcurrentSyncError extends Error {
  constructor(modelId: string) {
    super(`another vector sync of ${modelId} is running or has just run; rerun this one when it has finished`);
    this.name = 'ConcurrentSyncError';
  }
}

/** The `search_state` name of a model's vector sync state. */
export function vectorStateKey(modelId: string): string {
  return `vectors:${modelId}`;
}

/** A model's sync state, or undefined when it has never synced. */
export async function readSyncState(db: Db, modelId: string, opts: { lock?: boolean } = {}): Promise<VectorSyncState | undefined> {
  let q = db.selectFrom('search_state').select('value').where('name', '=', vectorStateKey(modelId));
  if (opts.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? JSON.parse(row.value) as VectorSyncState : undefined;
}

/** A state with no history yet (not stored until its first batch commits). */
export function initialState(): VectorSyncState {
  return { watermark: null, epoch: randomBytes(8).toString('hex'), generation: 0, run: null };
}

/**
 * Inside transaction `trx`: checks that the stored state is still `expected` (same epoch and
 * generation, or still absent when `expected` was never stored), then stores `next`. The row
 * is locked on PostgreSQL, and a first insert that finds the row already there fails, so two
 * syncs can never both advance the same state.
 */
export async function replaceSyncState(store: Store, trx: Db, modelId: string, expected: VectorSyncState, next: VectorSyncState): Promise<void> {
  const name = vectorStateKey(modelId);
  const value = JSON.stringify(next);
  const current = await readSyncState(trx, modelId, { lock: store.capabilities.dialect === 'postgres' });
  if (current) {
    if (!sameVectors(current, expected)) throw new ConcurrentSyncError(modelId);
    await trx.updateTable('search_state').set({ value }).where('name', '=', name).execute();
    return;
  }
  if (expected.generation !== 0) throw new ConcurrentSyncError(modelId);
  const r = await trx.insertInto('search_state').values({ name, value }).onConflict((oc) => oc.column('name').doNothing()).executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) throw new ConcurrentSyncError(modelId);
}

/** Whether two states (or a state and an index stamp) describe the same stored vectors. */
export function sameVectors(a: Pick<VectorSyncState, 'epoch' | 'generation'>, b: Pick<VectorSyncState, 'epoch' | 'generation'>): boolean {
  return a.epoch === b.epoch && a.generation === b.generation;
}

/** The stamp an index holding exactly the vectors of `state` carries. */
export function stampOf(state: VectorSyncState): IndexStamp {
  return { epoch: state.epoch, generation: state.generation, watermark: state.watermark };
}
