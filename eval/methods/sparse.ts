/** A sparse vector: ascending feature indices and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

/** Dot product of a sparse vector with a dense one. */
export function dotDense(v: SparseVector, dense: Float32Array | Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.idx.length; k++) s += v.val[k]! * dense[v.idx[k]!]!;
  return s;
}

/** Adds `scale · v` into the dense vector `into`. */
export function addInto(into: Float32Array | Float64Array, v: SparseVector, scale = 1): void {
  for (let k = 0; k < v.idx.length; k++) into[v.idx[k]!]! += scale * v.val[k]!;
}

/** Squared L2 norm of a sparse vector. */
export function squaredNorm(v: SparseVector): number {
  let s = 0;
  for (let k = 0; k < v.val.length; k++) s += v.val[k]! * v.val[k]!;
  return s;
}

/** Builds a sparse vector from a feature → value map (indices sorted). */
export function fromMap(m: Map<number, number>): SparseVector {
  const keys = [...m.keys()].sort((a, b) => a - b);
  return { idx: Int32Array.from(keys), val: Float32Array.from(keys, (k) => m.get(k)!) };
}
