import type { Store } from '../../store/store.js';

/**
 * Fitted embedding models in the store's `embedding_models` table, on SQLite (blob) and
 * PostgreSQL (bytea) alike. The id is the version stored with every vector the model makes.
 */

/** One stored model. */
export interface StoredModel {
  /** e.g. `lsa-256-3f2a9c1b`. */
  id: string;
  /** e.g. `lsa`. */
  kind: string;
  dimensions: number;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** Parameters and training summary (stored as JSON). */
  meta: Record<string, unknown>;
  /** The serialised model, or null for models that live elsewhere. */
  data: Uint8Array | null;
}

type Db = Pick<Store, 'db'>;

function toBuffer(data: Uint8Array | null): Buffer | null {
  return data === null ? null : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

function fromRow(row: { id: string; kind: string; dimensions: number; created_at: string; meta: string; data: Uint8Array | null }): StoredModel {
  const data = row.data === null ? null : new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength);
  return { id: row.id, kind: row.kind, dimensions: Number(row.dimensions), createdAt: row.created_at, meta: JSON.parse(row.meta) as Record<string, unknown>, data };
}

/** Saves a model; saving an id again replaces that row. */
export async function saveModel(store: Db, model: StoredModel): Promise<void> {
  const row = { id: model.id, kind: model.kind, dimensions: model.dimensions, created_at: model.createdAt, meta: JSON.stringify(model.meta), data: toBuffer(model.data) };
  await store.db.insertInto('embedding_models').values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ kind: row.kind, dimensions: row.dimensions, created_at: row.created_at, meta: row.meta, data: row.data }))
    .execute();
}

/** The model with this id, or undefined. */
export async function loadModel(store: Db, id: string): Promise<StoredModel | undefined> {
  const row = await store.db.selectFrom('embedding_models').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** The most recently created model of a kind (ties: the greatest id), or undefined. */
export async function latestModel(store: Db, kind: string): Promise<StoredModel | undefined> {
  const row = await store.db.selectFrom('embedding_models').selectAll().where('kind', '=', kind)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? fromRow(row) : undefined;
}
