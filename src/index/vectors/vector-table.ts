import { endianness } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/tables.js';

/**
 * Reads and writes `paper_vectors`, the source of truth the ANN index is built from, on
 * SQLite and PostgreSQL alike. A vector is stored as float32 little-endian bytes.
 */

/** The store's query builder, or a transaction on it. */
export type Db = Kysely<Database>;

/** One paper's vector. */
export interface StoredVector {
  paperId: number;
  vector: Float32Array;
}

/** Rows per INSERT or IN list: well under both backends' bound-parameter limits. */
const CHUNK = 1000;
const LITTLE_ENDIAN = endianness() === 'LE';

/** A vector as float32 little-endian bytes (a fresh Buffer, sharing no memory with `v`). */
export function encodeVector(v: Float32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  const out = Buffer.alloc(v.length * 4);
  for (let i = 0; i < v.length; i++) out.writeFloatLE(v[i]!, i * 4);
  return out;
}

/**
 * Float32 little-endian bytes as a vector. Copies, so it is safe for Buffers that are slices
 * of a pool at any byte offset. Throws when the length is not a multiple of 4.
 */
export function decodeVector(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new Error(`vector blob of ${bytes.byteLength} bytes is not float32`);
  const out = new Float32Array(bytes.byteLength / 4);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes);
  else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  }
  return out;
}

/** Runs `fn` in a transaction, or directly when `db` already is one. */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Inserts or replaces vectors of one model, all in one transaction. */
export async function writeVectors(db: Db, modelId: string, rows: readonly StoredVector[]): Promise<void> {
  if (rows.length === 0) return;
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < rows.length; i += CHUNK) {
      const values = rows.slice(i, i + CHUNK).map((r) => ({ model_id: modelId, paper_id: r.paperId, vector: encodeVector(r.vector) }));
      await trx.insertInto('paper_vectors').values(values)
        .onConflict((oc) => oc.columns(['model_id', 'paper_id']).doUpdateSet({ vector: (eb) => eb.ref('excluded.vector') }))
        .execute();
    }
  });
}

/** The stored vectors of the given papers (papers without one are absent from the map). */
export async function readVectors(db: Db, modelId: string, paperIds: readonly number[]): Promise<Map<number, Float32Array>> {
  const out = new Map<number, Float32Array>();
  for (let i = 0; i < paperIds.length; i += CHUNK) {
    const rows = await db.selectFrom('paper_vectors').select(['paper_id', 'vector'])
      .where('model_id', '=', modelId).where('paper_id', 'in', paperIds.slice(i, i + CHUNK)).execute();
    for (const r of rows) out.set(r.paper_id, decodeVector(r.vector));
  }
  return out;
}

/**
 * Every vector of a model, in pages of at most `pageSize`, by ascending paper id (keyset
 * paging, so memory stays bounded and each page is one indexed range read). Only ids in
 * `(afterId, untilId]` when given.
 */
export async function* vectorPages(db: Db, modelId: string, opts: { pageSize?: number; afterId?: number; untilId?: number } = {}): AsyncGenerator<StoredVector[]> {
  const pageSize = opts.pageSize ?? 4096;
  let after = opts.afterId ?? -2147483648;
  for (;;) {
    let q = db.selectFrom('paper_vectors').select(['paper_id', 'vector'])
      .where('model_id', '=', modelId).where('paper_id', '>', after);
    if (opts.untilId !== undefined) q = q.where('paper_id', '<=', opts.untilId);
    const rows = await q.orderBy('paper_id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({ paperId: r.paper_id, vector: decodeVector(r.vector) }));
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.paper_id;
  }
}

/** Deletes every vector of a model; returns how many were deleted. */
export async function deleteModelVectors(db: Db, modelId: string): Promise<number> {
  const r = await db.deleteFrom('paper_vectors').where('model_id', '=', modelId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Number of stored vectors of a model. */
export async function countVectors(db: Db, modelId: string): Promise<number> {
  const r = await db.selectFrom('paper_vectors').select(sql<number | string>`count(*)`.as('n'))
    .where('model_id', '=', modelId).executeTakeFirstOrThrow();
  return Number(r.n);
}
