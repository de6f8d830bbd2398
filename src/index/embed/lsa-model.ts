import { createHash } from 'node:crypto';
import { gatherRow } from './sparse.js';
import { TermIndex, type SparseVector } from './term-index.js';
import { paperText } from './tokenize.js';
import type { EmbedText } from '../embedder.js';

/** The settings an LSA model was fitted with. */
export interface LsaParams {
  /** Requested vector length (the fitted one can be smaller on a tiny corpus). */
  dimensions: number;
  /** Most documents the fit reads; larger corpora are sampled evenly by id. */
  maxDocs: number;
  /** Fewest documents a term must occur in. */
  minDf: number;
  /** Largest share of documents a term may occur in. */
  maxDf: number;
  /** Vocabulary cap. */
  maxFeatures: number;
  /** Word pairs as terms. */
  bigrams: boolean;
  /** Randomized SVD oversampling. */
  oversampling: number;
  /** Randomized SVD power iterations. */
  powerIterations: number;
  /** Seed of the SVD's random test matrix. */
  seed: number;
}

/**
 * A fitted LSA model: vocabulary with idf, the projection (terms × dimensions, the top right
 * singular vectors of the tf-idf matrix) and the singular values. Immutable once made.
 */
export interface LsaModel {
  /** `lsa-<dimensions>-<8 hex of the SHA-256 of the serialised model>`. */
  readonly id: string;
  readonly params: LsaParams;
  readonly dimensions: number;
  readonly index: TermIndex;
  /** terms × dimensions, row-major. */
  readonly projection: Float32Array;
  readonly singularValues: Float32Array;
}

const MAGIC = 'PSLSA001';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Makes a model from its parts, computing its id from its bytes. */
export function createLsaModel(params: LsaParams, terms: readonly string[], idf: Float32Array, projection: Float32Array, singularValues: Float32Array): LsaModel {
  const dimensions = singularValues.length;
  if (projection.length !== terms.length * dimensions) throw new Error(`LSA projection has ${projection.length} values, expected ${terms.length} × ${dimensions}`);
  const partial = { params, dimensions, index: new TermIndex(terms, idf), projection, singularValues };
  return { id: lsaModelId(dimensions, encodeParts(partial)), ...partial };
}

/** The model id for serialised bytes. */
function lsaModelId(dimensions: number, bytes: Uint8Array): string {
  return `lsa-${dimensions}-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}`;
}

/**
 * Serialises a model: `PSLSA001`, then little-endian u32-length-prefixed sections (header JSON
 * with params and sizes, terms joined by newlines), each padded to 4 bytes, then float32 idf,
 * singular values and projection.
 */
export function serializeLsaModel(model: LsaModel): Uint8Array {
  return encodeParts(model);
}

function encodeParts(model: Omit<LsaModel, 'id'>): Uint8Array {
  const header = encoder.encode(JSON.stringify({ params: model.params, dimensions: model.dimensions, terms: model.index.size }));
  const terms = encoder.encode(model.index.terms.join('\n'));
  const floats = [model.index.idf, model.singularValues, model.projection];
  const size = 8 + padded(4 + header.length) + padded(4 + terms.length) + floats.reduce((s, f) => s + f.length * 4, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(encoder.encode(MAGIC), 0);
  let at = 8;
  for (const section of [header, terms]) {
    view.setUint32(at, section.length, true);
    out.set(section, at + 4);
    at += padded(4 + section.length);
  }
  for (const f of floats) at = writeFloats(view, at, f);
  return out;
}

/** Reads a model written by {@link serializeLsaModel}; throws on anything else. */
export function deserializeLsaModel(bytes: Uint8Array): LsaModel {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 16 || decoder.decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error('not a serialised LSA model');
  let at = 8;
  const sections: string[] = [];
  for (let i = 0; i < 2; i++) {
    const length = view.getUint32(at, true);
    sections.push(decoder.decode(bytes.subarray(at + 4, at + 4 + length)));
    at += padded(4 + length);
  }
  const header = JSON.parse(sections[0]!) as { params: LsaParams; dimensions: number; terms: number };
  const terms = header.terms === 0 ? [] : sections[1]!.split('\n');
  const idf = readFloats(view, at, header.terms);
  const singular = readFloats(view, at + header.terms * 4, header.dimensions);
  const projection = readFloats(view, at + (header.terms + header.dimensions) * 4, header.terms * header.dimensions);
  return createLsaModel(header.params, terms, idf, projection, singular);
}

function padded(n: number): number {
  return (n + 3) & ~3;
}

function writeFloats(view: DataView, at: number, values: Float32Array): number {
  for (let i = 0; i < values.length; i++) view.setFloat32(at + i * 4, values[i]!, true);
  return at + values.length * 4;
}

function readFloats(view: DataView, at: number, n: number): Float32Array {
  if (at + n * 4 > view.byteLength) throw new Error('serialised LSA model is truncated');
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(at + i * 4, true);
  return out;
}

/**
 * Projects a weighted term vector onto the model's dimensions and L2-normalises it (a text
 * with no known term gives the zero vector).
 */
export function projectVector(model: LsaModel, v: SparseVector, acc: Float64Array = new Float64Array(model.dimensions)): Float32Array {
  const k = model.dimensions;
  acc.fill(0);
  gatherRow(v.cols, v.weights, 0, v.length, model.projection, k, acc);
  let norm = 0;
  for (let c = 0; c < k; c++) norm += acc[c]! * acc[c]!;
  const out = new Float32Array(k);
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let c = 0; c < k; c++) out[c] = acc[c]! * scale;
  return out;
}

/** The weighted term vector of a paper (or of a query, as a title with no abstract). */
export function weighPaper(model: LsaModel, doc: EmbedText): SparseVector {
  return model.index.weigh(paperText(doc.title, doc.abstract));
}
