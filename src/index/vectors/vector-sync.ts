import { sql } from 'kysely';
import type { Store } from '../../store/store.js';
import type { Embedder } from '../embedder.js';
import { refill, repairIndex, type OnProgress, type Repair, type SyncableIndex } from './index-repair.js';
import { initialState, readSyncState, replaceSyncState, stampOf, type VectorSyncState } from './sync-state.js';
import { UsearchIndex, type AnnTuning, type OpenStatus } from './usearch-index.js';
import { writeVectors, type Db } from './vector-table.js';

export type { OnProgress, Repair, SyncableIndex } from './index-repair.js';

/**
 * Keeps a model's vectors and its ANN index up to date with the papers. The store is the
 * source of truth: each batch of new vectors is committed together with the advanced sync
 * state, then applied to the index, which is saved when the sync ends. An index whose stamp
 * does not match the store's state (a sync was killed before saving, or the file is gone) is
 * caught up or refilled from the store first (index-repair.ts), so a rerun always converges on
 * the store.
 */

/** Options of {@link syncVectors}. */
export interface SyncOptions {
  /** Papers embedded and committed per transaction. @default 256 */
  batchSize?: number;
  onProgress?: OnProgress;
}

/** What a sync did. */
export interface SyncReport {
  /** Papers embedded. */
  embedded: number;
  /** How the index was brought to the store's vectors before syncing. */
  repair: Repair;
  /** Vectors in the index afterwards. */
  vectors: number;
  /** The model's watermark afterwards. */
  watermark: string | null;
}

/** Below every paper id (and within a 32-bit integer column's range on both backends). */
const BEFORE_ALL_IDS = -2147483648;

/** A paper to embed. */
interface WorkItem { id: number; title: string; abstract: string }

/**
 * Embeds the papers that have no vector for `embedder.modelId` or changed after the model's
 * watermark, in batches; commits each batch with the advanced state; upserts the index; saves
 * it at the end. Safe to kill at any point: a rerun continues where the last committed batch
 * ended. Assumes one sync per model at a time (another one is detected and refused).
 */
export async function syncVectors(store: Store, embedder: Embedder, index: SyncableIndex, opts: SyncOptions = {}): Promise<SyncReport> {
  if (embedder.modelId !== index.modelId || embedder.dimensions !== index.dimensions) {
    throw new Error(`index holds ${index.modelId} (${index.dimensions} d), embedder is ${embedder.modelId} (${embedder.dimensions} d)`);
  }
  const stored = await readSyncState(store.db, embedder.modelId);
  const repair = await repairIndex(store, index, stored);
  let state = stored ?? initialState();
  const run = state.run ?? await newRun(store.db);
  if (!run) return finish(index, stored, 0, repair);
  const total = await countWork(store.db, embedder.modelId, state.watermark, run.afterId);
  if (total === 0 && !state.run) return finish(index, stored, 0, repair);
  let embedded = 0;
  let afterId = run.afterId;
  opts.onProgress?.(0, total);
  for (;;) {
    const items = await nextWork(store.db, embedder.modelId, state.watermark, afterId, opts.batchSize ?? 256);
    if (items.length === 0) break;
    const vectors = await embed(embedder, items);
    afterId = items[items.length - 1]!.id;
    state = await commitBatch(store, embedder.modelId, state, { horizon: run.horizon, afterId }, items, vectors);
    index.upsert(items.map((p) => p.id), vectors);
    index.stamp = stampOf(state);
    embedded += items.length;
    opts.onProgress?.(embedded, total);
  }
  state = await completeRun(store, embedder.modelId, state, run.horizon);
  return finish(index, state, embedded, repair, true);
}

/** Saves the index, stamped with the stored state, when anything changed, and reports. */
async function finish(index: SyncableIndex, state: VectorSyncState | undefined, embedded: number, repair: Repair, changed = false): Promise<SyncReport> {
  if (changed || repair !== 'none') {
    index.stamp = state ? stampOf(state) : null;
    await index.save();
  }
  return { embedded, repair, vectors: index.size, watermark: state?.watermark ?? null };
}

/** A new run covering changes up to the newest `last_changed_at`, or null for an empty store. */
async function newRun(db: Db): Promise<{ horizon: string; afterId: number } | null> {
  const r = await db.selectFrom('papers').select((eb) => eb.fn.max('last_changed_at').as('h')).executeTakeFirst();
  return r?.h ? { horizon: r.h, afterId: BEFORE_ALL_IDS } : null;
}

/** Papers after `afterId` that lack a vector or changed after the watermark. */
function workQuery(db: Db, modelId: string, watermark: string | null, afterId: number) {
  return db.selectFrom('papers as p').where('p.id', '>', afterId).$if(watermark !== null, (q) => q.where((eb) => eb.or([
    eb('p.last_changed_at', '>', watermark!),
    eb.not(eb.exists(eb.selectFrom('paper_vectors as v').select(sql`1`.as('one')).where('v.model_id', '=', modelId).whereRef('v.paper_id', '=', 'p.id'))),
  ])));
}

/** How many papers the rest of this run will embed. */
async function countWork(db: Db, modelId: string, watermark: string | null, afterId: number): Promise<number> {
  const r = await workQuery(db, modelId, watermark, afterId).select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next batch of papers to embed, by id. */
function nextWork(db: Db, modelId: string, watermark: string | null, afterId: number, limit: number): Promise<WorkItem[]> {
  return workQuery(db, modelId, watermark, afterId).select(['p.id', 'p.title', 'p.abstract']).orderBy('p.id').limit(limit).execute();
}

/** Embeds a batch, checking the embedder's output. */
async function embed(embedder: Embedder, items: readonly WorkItem[]): Promise<Float32Array[]> {
  const vectors = await embedder.embedDocuments(items.map((p) => ({ title: p.title, abstract: p.abstract })));
  if (vectors.length !== items.length) throw new Error(`${embedder.modelId} returned ${vectors.length} vectors for ${items.length} papers`);
  for (const v of vectors) if (v.length !== embedder.dimensions) throw new Error(`${embedder.modelId} returned a vector of ${v.length} dimensions, not ${embedder.dimensions}`);
  return vectors;
}

/** Writes a batch's vectors and the advanced state in one transaction; returns the new state. */
async function commitBatch(store: Store, modelId: string, state: VectorSyncState, run: { horizon: string; afterId: number }, items: readonly WorkItem[], vectors: readonly Float32Array[]): Promise<VectorSyncState> {
  const next: VectorSyncState = { ...state, generation: state.generation + 1, run };
  await store.db.transaction().execute(async (trx) => {
    await replaceSyncState(store, trx, modelId, state, next);
    await writeVectors(trx, modelId, items.map((p, i) => ({ paperId: p.id, vector: vectors[i]! })));
  });
  return next;
}

/** Ends a run: the watermark moves to its horizon (the vectors themselves are unchanged). */
async function completeRun(store: Store, modelId: string, state: VectorSyncState, horizon: string): Promise<VectorSyncState> {
  const next: VectorSyncState = { ...state, watermark: horizon, run: null };
  await store.db.transaction().execute((trx) => replaceSyncState(store, trx, modelId, state, next));
  return next;
}

/** Options of {@link rebuildIndex} and {@link openVectorIndex}. */
export interface IndexOptions {
  tuning?: Partial<AnnTuning>;
  /** Threads for inserts; default all cores. */
  threads?: number;
  onProgress?: OnProgress;
}

/** Builds the model's ANN index from the store's vectors into `dir`, saves and returns it. */
export async function rebuildIndex(store: Store, modelId: string, dimensions: number, dir: string, opts: IndexOptions = {}): Promise<UsearchIndex> {
  const index = UsearchIndex.create({ dir, modelId, dimensions, ...pick(opts) });
  await refill(store, index, await readSyncState(store.db, modelId), opts.onProgress);
  await index.save();
  return index;
}

/** An index opened by {@link openVectorIndex}: how its file was found and what bringing it up to date took. */
export interface OpenedVectorIndex {
  index: UsearchIndex;
  /** How the file was found (`loaded` also covers a loaded file that was behind the store). */
  status: OpenStatus;
  /** `none` when the file held the store's vectors; `refilled` means rebuilt from the store. */
  repair: Repair;
  /** Why the file could not be used as it was. */
  reason?: string;
}

/**
 * Loads the model's index from `dir`. A file behind the store is caught up or refilled, and a
 * missing, stale or damaged one is rebuilt, from the store's vectors; either is then saved.
 */
export async function openVectorIndex(store: Store, modelId: string, dimensions: number, dir: string, opts: IndexOptions = {}): Promise<OpenedVectorIndex> {
  const opened = await UsearchIndex.open({ dir, modelId, dimensions, ...pick(opts) });
  const state = await readSyncState(store.db, modelId);
  let repair: Repair = 'refilled';
  if (opened.status === 'loaded') repair = await repairIndex(store, opened.index, state, opts.onProgress);
  else await refill(store, opened.index, state, opts.onProgress);
  if (repair !== 'none') await opened.index.save();
  const reason = opened.reason ?? (repair === 'none' ? undefined : 'index file is behind the store');
  return { index: opened.index, status: opened.status, repair, ...(reason ? { reason } : {}) };
}

function pick(opts: IndexOptions): { tuning?: Partial<AnnTuning>; threads?: number } {
  return { ...(opts.tuning ? { tuning: opts.tuning } : {}), ...(opts.threads ? { threads: opts.threads } : {}) };
}
