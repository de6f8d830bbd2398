import type { SparseVector } from './term-index.js';

/**
 * Compressed sparse rows and the two sparse × dense products the built-in embedder needs.
 * Dense matrices are row-major Float32Arrays; sums are accumulated in doubles.
 */

/** A sparse matrix in CSR form: row r's entries are `indptr[r] … indptr[r + 1] - 1`. */
export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Builds a {@link Csr} row by row. */
export class CsrBuilder {
  private indices = new Int32Array(1 << 16);
  private values = new Float32Array(1 << 16);
  private readonly indptr: number[] = [0];
  private nnz = 0;

  constructor(private readonly cols: number) {}

  /** Appends one row. */
  addRow(row: SparseVector): void {
    if (this.nnz + row.length > this.indices.length) this.grow(this.nnz + row.length);
    this.indices.set(row.cols.subarray(0, row.length), this.nnz);
    this.values.set(row.weights.subarray(0, row.length), this.nnz);
    this.nnz += row.length;
    this.indptr.push(this.nnz);
  }

  private grow(needed: number): void {
    const size = Math.max(needed, this.indices.length * 2);
    const indices = new Int32Array(size);
    const values = new Float32Array(size);
    indices.set(this.indices.subarray(0, this.nnz));
    values.set(this.values.subarray(0, this.nnz));
    this.indices = indices;
    this.values = values;
  }

  /** The matrix built so far (arrays trimmed to size). */
  build(): Csr {
    return { rows: this.indptr.length - 1, cols: this.cols, indptr: Int32Array.from(this.indptr), indices: this.indices.slice(0, this.nnz), values: this.values.slice(0, this.nnz) };
  }
}

/**
 * `acc += Σ value · dense[col]` over one sparse row given as parallel arrays (entries
 * `from … to - 1`); `dense` is row-major with `width` columns. Four entries per pass, so each
 * accumulator load and store serves four multiply-adds.
 */
export function gatherRow(indices: Int32Array, values: Float32Array, from: number, to: number, dense: Float32Array, width: number, acc: Float64Array): void {
  let p = from;
  for (; p + 4 <= to; p += 4) {
    const o0 = indices[p]! * width, o1 = indices[p + 1]! * width, o2 = indices[p + 2]! * width, o3 = indices[p + 3]! * width;
    const v0 = values[p]!, v1 = values[p + 1]!, v2 = values[p + 2]!, v3 = values[p + 3]!;
    for (let c = 0; c < width; c++) acc[c]! += v0 * dense[o0 + c]! + v1 * dense[o1 + c]! + v2 * dense[o2 + c]! + v3 * dense[o3 + c]!;
  }
  for (; p < to; p++) {
    const o = indices[p]! * width;
    const v = values[p]!;
    for (let c = 0; c < width; c++) acc[c]! += v * dense[o + c]!;
  }
}

/** `out = A · dense` (A rows × cols, dense cols × width, out rows × width). */
export function multiply(a: Csr, dense: Float32Array, width: number, out: Float32Array = new Float32Array(a.rows * width)): Float32Array {
  const acc = new Float64Array(width);
  for (let r = 0; r < a.rows; r++) {
    acc.fill(0);
    gatherRow(a.indices, a.values, a.indptr[r]!, a.indptr[r + 1]!, dense, width, acc);
    out.set(acc, r * width);
  }
  return out;
}

/**
 * `out = Aᵀ · (A · z)` (z and out cols × width), fused row by row so the rows × width middle
 * product is never stored: each row's `y = A[r] · z` is gathered, then scattered back.
 */
export function multiplyGram(a: Csr, z: Float32Array, width: number, out: Float32Array = new Float32Array(a.cols * width)): Float32Array {
  out.fill(0);
  const y = new Float64Array(width);
  const { indptr, indices, values } = a;
  for (let r = 0; r < a.rows; r++) {
    const from = indptr[r]!, to = indptr[r + 1]!;
    y.fill(0);
    gatherRow(indices, values, from, to, z, width, y);
    scatterRow(indices, values, from, to, y, width, out);
  }
  return out;
}

/** `dense[col] += value · y` for one sparse row's entries; four entries per pass share each load of y. */
function scatterRow(indices: Int32Array, values: Float32Array, from: number, to: number, y: Float64Array, width: number, dense: Float32Array): void {
  let p = from;
  for (; p + 4 <= to; p += 4) {
    const o0 = indices[p]! * width, o1 = indices[p + 1]! * width, o2 = indices[p + 2]! * width, o3 = indices[p + 3]! * width;
    const v0 = values[p]!, v1 = values[p + 1]!, v2 = values[p + 2]!, v3 = values[p + 3]!;
    for (let c = 0; c < width; c++) {
      const yc = y[c]!;
      dense[o0 + c]! += v0 * yc;
      dense[o1 + c]! += v1 * yc;
      dense[o2 + c]! += v2 * yc;
      dense[o3 + c]! += v3 * yc;
    }
  }
  for (; p < to; p++) {
    const o = indices[p]! * width;
    const v = values[p]!;
    for (let c = 0; c < width; c++) dense[o + c]! += v * y[c]!;
  }
}
